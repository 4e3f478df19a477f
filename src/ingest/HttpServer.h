#pragma once

#include "ingest/ConnectionAcceptor.h"
#include "ingest/HttpConnection.h"
#include "ingest/IngestInbox.h"
#include "ingest/ListenAddress.h"
#include "ingest/ListenerMetrics.h"
#include "ingest/RequestAdmission.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class StoreService;

// The listener's work on its own thread: the listening socket, the connections and
// what they share (limits, admission rules, the budget for buffered bodies, metrics,
// the way to the store). HttpListener drives it from the main thread.
class HttpServer final : public QObject
{
    Q_OBJECT

public:
    // Bodies up to this size are parsed on the listener's thread (about a millisecond).
    static constexpr qsizetype parseHereMaxBytes = 32 * 1024;
    static bool parsesHere(const WebhookDelivery &delivery) { return delivery.body.size() <= parseHereMaxBytes; }

    struct Config {
        HttpRequestParser::Limits limits;
        std::chrono::milliseconds idleTimeout = HttpConnection::defaultIdleTimeout;
        std::chrono::milliseconds handshakeTimeout{10'000};
        ListenerAuth auth;
        QStringList allowedOrigins;
        int maxConnections = 1024;
        // Bodies being received or waiting for the store, all connections together.
        qint64 maxBufferedBodyBytes = 64 * 1024 * 1024;
    };
    struct StartResult {
        bool listening = false;
        bool addressInUse = false;
        QString error;
        ListenAddress bound;
    };

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    StartResult start(const ListenAddress &address, const std::optional<QSslConfiguration> &tls);
    void stop();
    void setConfig(const Config &config);
    // Deliveries go to `inbox`, answers come from `ingest` (both on the store thread).
    void setIngest(StoreService *ingest);

    int openConnections() const { return int(m_connections.size()); }
    // The connection cap in force: the configured one, lowered to fit the process's
    // file descriptor limit.
    int effectiveMaxConnections() const { return m_effectiveMaxConnections; }
    ListenerMetrics &metrics() { return m_metrics; }

    // For connections.
    const HttpRequestParser::Limits &limits() const { return m_config.limits; }
    std::chrono::milliseconds idleTimeout() const { return m_config.idleTimeout; }
    const RequestAdmission &admission() const { return m_admission; }
    bool canIngest() const { return m_inbox != nullptr; }
    bool reserveBodyBytes(qint64 bytes);
    void releaseBodyBytes(qint64 bytes) { m_bufferedBodyBytes -= bytes; }
    qint64 bufferedBodyBytes() const { return m_bufferedBodyBytes; }
    // The delivery's ticket, or 0 when the store is gone; the answer comes through
    // connection->deliver().
    quint64 submit(WebhookDelivery delivery, HttpConnection *connection);

private:
    void serve(QTcpSocket *socket);
    void refuseForCapacity(QTcpSocket *socket);
    HttpConnection *connectionToEvict() const;
    void handleOutcomes(const QList<IngestOutcome> &outcomes);
    void updateCapacity();

    Config m_config;
    RequestAdmission m_admission;
    ListenAddress m_bound;
    std::unique_ptr<ConnectionAcceptor> m_acceptor;
    ListenerMetrics m_metrics;
    QList<HttpConnection *> m_connections;
    int m_effectiveMaxConnections = 1024;
    int m_maxHandshakes = 128;
    qint64 m_bufferedBodyBytes = 0;
    std::shared_ptr<IngestInbox> m_inbox;
    QMetaObject::Connection m_resultsConnection;
    QHash<quint64, QPointer<HttpConnection>> m_awaitingStore;
};
