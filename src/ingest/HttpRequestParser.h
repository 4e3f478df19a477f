#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

struct HttpRequest {
    QByteArray method;
    QByteArray target; // as sent: path and query
    QByteArray path; // target without the query
    QByteArray version; // "HTTP/1.1"
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed, in order
    QByteArray body; // de-chunked

    QByteArray header(QByteArrayView lowerCaseName) const;
    bool keepAlive() const;
};

// An incremental HTTP/1.1 request parser that enforces its limits before buffering:
// a Content-Length above the body limit is refused as soon as the head is read, and a
// chunked body as soon as it grows past it. Feed it bytes as they arrive, split
// anywhere; it stops after one complete request (call reset() for the next).
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
    };

    explicit HttpRequestParser(Limits limits);

    // Consumes from `data`; returns how many bytes were used. Bytes after a complete
    // request (pipelining) are not consumed.
    qsizetype feed(QByteArrayView data);
    void reset();

    State state() const { return m_state; }
    const HttpRequest &request() const { return m_request; }
    const std::optional<Error> &error() const { return m_error; }
    // True once the head asked for "Expect: 100-continue" and the body is acceptable.
    bool expectsContinue() const { return m_expectsContinue; }

private:
    qsizetype feedHead(QByteArrayView data);
    qsizetype feedBody(QByteArrayView data);
    qsizetype feedChunked(QByteArrayView data);
    bool parseHead();
    void fail(int status, const QString &message);

    enum class ChunkStep { Size, Data, DataEnd, Trailer };

    Limits m_limits;
    State m_state = State::Head;
    HttpRequest m_request;
    std::optional<Error> m_error;
    QByteArray m_line; // head bytes, or the current chunk-size / trailer line
    qint64 m_remaining = 0; // body bytes left (Content-Length) or chunk bytes left
    bool m_chunked = false;
    bool m_expectsContinue = false;
    ChunkStep m_chunkStep = ChunkStep::Size;
};
