#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <optional>

struct HttpRequest {
    QByteArray method;
    QByteArray target; // as sent: path and query
    QByteArray path; // target without the query
    QByteArray version; // "HTTP/1.1"
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed, in order
    QByteArray body; // de-chunked

    // The first value of a header; empty when absent.
    QByteArray header(QByteArrayView lowerCaseName) const;
    qsizetype headerCount(QByteArrayView lowerCaseName) const;
    bool keepAlive() const;
};

// An incremental HTTP/1.1 request parser, strict as RFC 9112 asks of a server that may
// sit behind a proxy: anything two parsers could read differently (duplicate or padded
// Content-Length, Transfer-Encoding on HTTP/1.0 or given twice, a missing Host, bare CR
// or LF, whitespace before a colon, control characters) is refused with 400.
//
// It enforces its limits before buffering: a Content-Length above the body limit is
// refused as soon as the head is read, a chunked body as soon as it grows past it. A
// head check (setHeadCheck) sees the complete head before any body byte is consumed, so
// the caller can refuse a request (authentication, routing) without reading its body.
// Feed it bytes as they arrive, split anywhere; it stops after one complete request
// (call reset() for the next).
class HttpRequestParser final
{
public:
    struct Limits {
        qsizetype maxHeaderBytes = 16 * 1024;
        qint64 maxBodyBytes = 8 * 1024 * 1024;
    };
    enum class State { Head, Body, Complete, Failed };
    struct Error {
        int status = 400;
        QString message;
        QByteArray extraHeaders; // complete header lines for the answer ("Allow: GET\r\n")
    };
    // Returns an error to refuse the request before its body is read.
    using HeadCheck = std::function<std::optional<Error>(const HttpRequest &)>;

    explicit HttpRequestParser(Limits limits);

    void setHeadCheck(HeadCheck check) { m_headCheck = std::move(check); }

    // Consumes from `data`; returns how many bytes were used. Bytes after a complete
    // request (pipelining) are not consumed, nor is anything after a failure.
    qsizetype feed(QByteArrayView data);
    void reset();

    State state() const { return m_state; }
    const HttpRequest &request() const { return m_request; }
    const std::optional<Error> &error() const { return m_error; }
    // True once the head asked for "Expect: 100-continue" and the body is acceptable.
    bool expectsContinue() const { return m_expectsContinue; }
    // The body size the head announced: Content-Length, or -1 for a chunked body.
    qint64 declaredBodyBytes() const { return m_chunked ? -1 : m_remaining; }
    // True once the head has been parsed (and passed the head check).
    bool headComplete() const { return m_state == State::Body || m_state == State::Complete; }

private:
    qsizetype feedHead(QByteArrayView data);
    qsizetype feedBody(QByteArrayView data);
    qsizetype feedChunked(QByteArrayView data);
    bool parseHead(QByteArrayView head);
    bool parseRequestLine(QByteArrayView line);
    bool parseFraming();
    void fail(int status, const QString &message);

    enum class ChunkStep { Size, Data, DataEnd, Trailer };

    Limits m_limits;
    HeadCheck m_headCheck;
    State m_state = State::Head;
    HttpRequest m_request;
    std::optional<Error> m_error;
    QByteArray m_line; // head bytes, or the current chunk-size / trailer line
    qint64 m_remaining = 0; // body bytes left (Content-Length) or chunk bytes left
    qsizetype m_trailerBytes = 0;
    bool m_chunked = false;
    bool m_expectsContinue = false;
    ChunkStep m_chunkStep = ChunkStep::Size;
};
