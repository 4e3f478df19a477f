#pragma once

#include "ingest/HttpRequestParser.h"
#include "ingest/ListenerAuth.h"
#include "ingest/ListenerMetrics.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

class IngestService;
class QTcpSocket;

// One client connection: parses requests with enforced limits, answers /healthz,
// and hands webhook bodies to the IngestService, answering only once the result
// is known (2xx = on disk). Keep-alive connections serve requests one at a time.
class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultIdleTimeout{15'000};
    // After refusing a request mid-body, keep reading (and discarding) this long so
    // the client sees the answer instead of a connection reset.
    static constexpr std::chrono::milliseconds lingerTime{2'000};
    // Bytes Qt may buffer per connection; beyond it TCP flow control holds the sender.
    static constexpr qint64 socketReadBuffer = 256 * 1024;

    struct Options {
        HttpRequestParser::Limits limits;
        std::chrono::milliseconds idleTimeout = defaultIdleTimeout;
        IngestService *ingest = nullptr; // null: webhooks answer 503
        ListenerAuth auth;
        ListenerMetrics *metrics = nullptr; // owned by the listener
    };

    // Becomes a child of `socket` and closes it when done; a client that has not sent
    // a complete request within `idleTimeout` is dropped.
    HttpConnection(QTcpSocket *socket, const Options &options);

    // Request headers as stored with a payload: JSON, with credentials removed.
    static QByteArray storableHeaders(const HttpRequest &request);

private:
    void readAvailable();
    void processBuffer();
    void dispatch(const HttpRequest &request);
    void respond(int status, const QByteArray &contentType, const QByteArray &body,
                 const QByteArray &extraHeaders = {});
    void respondError(int status, const QString &message, const QByteArray &extraHeaders = {});
    void closeAfterLingering();
    // A webhook payload refused before it reached the store (counted in the metrics).
    void refusePayload(int status, const QString &message, const QByteArray &extraHeaders = {});

    QTcpSocket *m_socket;
    Options m_options;
    HttpRequestParser m_parser;
    QByteArray m_buffer; // received, not yet parsed (pipelined requests)
    QTimer m_idleTimer;
    QElapsedTimer m_requestTimer; // from a complete request to its answer
    QByteArray m_endpoint; // of the request being answered, for metrics
    bool m_busy = false; // waiting for the store: read no further requests
    bool m_keepAlive = true;
    bool m_sentContinue = false;
    bool m_lingering = false; // refused mid-request: discard input, close after lingerTime
};
