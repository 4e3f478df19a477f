#pragma once

#include "ingest/HttpConnection.h"
#include "ingest/ListenAddress.h"

#include <QObject>
#include <QSslConfiguration>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

class QTcpServer;

// The embedded webhook listener: owns the listening socket, reports its state for
// the status bar, and hands each connection to an HttpConnection.
class HttpListener final : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Listening, AddressInUse, Failed };
    Q_ENUM(State)

    explicit HttpListener(QObject *parent = nullptr);
    ~HttpListener() override;

    // Binds `address`; returns true when listening. On failure state() and
    // errorString() tell why; nothing throws and the process keeps running.
    bool start(const ListenAddress &address);
    void stop();

    // How long a connection may take to send a request (tests shorten it).
    void setIdleTimeout(std::chrono::milliseconds timeout) { m_options.idleTimeout = timeout; }
    void setLimits(const HttpRequestParser::Limits &limits) { m_options.limits = limits; }
    // Where webhook bodies go; without one, webhooks answer 503.
    void setIngestService(IngestService *ingest) { m_options.ingest = ingest; }
    // Applies to connections accepted from now on.
    void setAuth(const ListenerAuth &auth) { m_options.auth = auth; }
    // HTTPS from the next start() on, with a PEM certificate (chain) and an
    // unencrypted PEM key (see loadServerTls); empty names: plain HTTP. start() fails
    // with an explanation when the files cannot be used.
    void setTlsFiles(const QString &certificateFile, const QString &keyFile);
    bool usesTls() const { return !m_tlsCertificateFile.isEmpty(); }
    // Time a client gets to finish the TLS handshake.
    static constexpr int tlsHandshakeTimeoutMs = 10'000;
    // "http://…" or "https://…" for the bound address.
    QString baseUrl() const;

    // Connections served at once; beyond it a new client gets 503 at once and is closed.
    static constexpr int defaultMaxConnections = 1024;
    void setMaxConnections(int maximum) { m_maxConnections = maximum; }
    int openConnections() const { return m_openConnections; }
    // What GET /metrics reports; AppServices adds the alert counts.
    ListenerMetrics &metrics() { return m_metrics; }

    State state() const { return m_state; }
    QString errorString() const { return m_errorString; }
    ListenAddress requestedAddress() const { return m_requested; }
    // The address actually bound (differs from the requested one for port 0).
    ListenAddress boundAddress() const;

signals:
    void stateChanged(HttpListener::State state);

private:
    void setState(State state, const QString &errorString = {});
    void acceptPendingConnections();

    void createServer(const std::optional<QSslConfiguration> &tls);

    std::unique_ptr<QTcpServer> m_server; // a QSslServer for HTTPS
    QString m_tlsCertificateFile;
    QString m_tlsKeyFile;
    ListenAddress m_requested;
    State m_state = State::Stopped;
    QString m_errorString;
    ListenerMetrics m_metrics;
    HttpConnection::Options m_options;
    int m_maxConnections = defaultMaxConnections;
    int m_openConnections = 0;
};
