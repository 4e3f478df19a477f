#pragma once

#include "ingest/HttpRequestParser.h"
#include "ingest/IngestTypes.h"
#include "ingest/RequestAdmission.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

class HttpServer;
class QTcpSocket;

// One client connection on the listener's thread. Requests are served one at a time
// (pipelined ones wait in a bounded buffer) and every resource a client can make the
// process hold is bounded:
// - a request is admitted from its head alone (RequestAdmission); a refusal is answered
//   before the body is read and never preceded by 100 Continue;
// - a body counts against the listener's total for buffered bodies from its head on;
// - reading stops while more than maxPendingOutput of answers wait to be sent, and a
//   client that does not read them within the idle timeout is dropped;
// - a request must be complete within the idle timeout of the previous answer, and a
//   connection serves at most maxRequestsPerConnection requests.
class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultIdleTimeout{15'000};
    // After refusing a request mid-body, keep reading (and discarding) this long so
    // the client sees the answer instead of a connection reset.
    static constexpr std::chrono::milliseconds lingerTime{2'000};
    // Bytes Qt may buffer per connection; beyond it TCP flow control holds the sender.
    static constexpr qint64 socketReadBuffer = 64 * 1024;
    // Unsent answers above this stop the reading of further requests.
    static constexpr qint64 maxPendingOutput = 1024 * 1024;
    // Then the connection closes (nginx's keepalive_requests default).
    static constexpr int maxRequestsPerConnection = 1000;

    // Becomes a child of `socket` and closes it when done.
    HttpConnection(QTcpSocket *socket, HttpServer &server);
    ~HttpConnection() override;

    // Request headers as stored with a payload: JSON, with credentials removed.
    static QByteArray storableHeaders(const HttpRequest &request);

    // The store's answer to the delivery this connection posted.
    void deliver(const IngestResult &result);
    // Between requests or still reading a head: the connection the listener may close
    // to make room for a new client when it is full.
    bool isEvictable() const;
    qint64 waitingSinceMs() const { return m_waitingSince.msecsSinceReference(); }
    // Closes at once (the listener needs the room, or is shutting down).
    void abort();

private:
    enum class Phase { Reading, AwaitingStore, Closing };

    void readAvailable();
    void process();
    std::optional<HttpRequestParser::Error> admit(const HttpRequest &request);
    void serve(const HttpRequest &request);
    void refuse(const HttpRequestParser::Error &error);
    void respond(int status, QByteArrayView contentType, QByteArrayView body, QByteArrayView extraHeaders = {});
    void respondError(int status, const QString &message, QByteArrayView extraHeaders = {});
    void closeGracefully();
    void closeAfterAnswer();
    void releaseBody();
    bool outputBlocked() const;
    void outputDrained();

    QTcpSocket *m_socket;
    HttpServer &m_server;
    HttpRequestParser m_parser;
    RequestAdmission::Verdict m_verdict; // of the request being read
    QByteArray m_buffer; // received, not yet parsed (reused between requests)
    qsizetype m_parsed = 0; // bytes of m_buffer already given to the parser
    QByteArray m_response; // reused for each answer
    QTimer m_deadline; // idle, stalled output, or closing
    QElapsedTimer m_requestTimer; // from a complete request to its answer
    QElapsedTimer m_waitingSince; // since the last answer (or the connection)
    Phase m_phase = Phase::Reading;
    qint64 m_reservedBodyBytes = 0;
    int m_requestsServed = 0;
    bool m_countedAsPayload = false; // the request being read counts as a webhook payload
    bool m_keepAlive = true;
    bool m_sentContinue = false;
    bool m_outputWasBlocked = false;
};
