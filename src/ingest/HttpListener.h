#pragma once

#include "ingest/HttpConnection.h"
#include "ingest/ListenAddress.h"

#include <QObject>
#include <QString>

#include <chrono>

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

    QTcpServer *m_server = nullptr;
    ListenAddress m_requested;
    State m_state = State::Stopped;
    QString m_errorString;
    ListenerMetrics m_metrics;
    HttpConnection::Options m_options;
    int m_maxConnections = defaultMaxConnections;
    int m_openConnections = 0;
};
