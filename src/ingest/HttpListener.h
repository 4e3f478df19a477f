#pragma once

#include "ingest/HttpServer.h"
#include "ingest/ListenAddress.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <chrono>

class StoreService;

// The embedded webhook listener as the main thread sees it: configuration, start and
// stop, and the state for the status bar. The sockets live on the listener's own
// thread (HttpServer), so a busy window never delays an answer and parsing requests
// never blocks the window.
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
    // Stops accepting; requests in progress are still answered.
    void stop();

    // How long a connection may take to send a request (tests shorten it).
    void setIdleTimeout(std::chrono::milliseconds timeout);
    void setLimits(const HttpRequestParser::Limits &limits);
    // Where webhook bodies go; without one, webhooks answer 503.
    void setStore(StoreService *ingest);
    // Applies to requests from now on.
    void setAuth(const ListenerAuth &auth);
    // Web origins allowed to post (e.g. "https://tools.example.org"); none by default.
    void setAllowedOrigins(const QStringList &origins);
    // HTTPS from the next start() on, with a PEM certificate (chain) and an
    // unencrypted PEM key (see loadServerTls); empty names: plain HTTP. start() fails
    // with an explanation when the files cannot be used.
    void setTlsFiles(const QString &certificateFile, const QString &keyFile);
    bool usesTls() const { return !m_tlsCertificateFile.isEmpty(); }
    // Time a client gets to finish the TLS handshake (from the next start() on).
    static constexpr std::chrono::milliseconds defaultHandshakeTimeout{10'000};
    void setHandshakeTimeout(std::chrono::milliseconds timeout);
    // "http://…" or "https://…" for the bound address.
    QString baseUrl() const;

    // Connections served at once; beyond it an idle client makes room, else a new
    // client gets 503 at once and is closed. Lowered to fit the file descriptor limit.
    static constexpr int defaultMaxConnections = 1024;
    void setMaxConnections(int maximum);
    // Bodies being received or stored, all connections together; beyond it a sender
    // gets 503 (Nightingale 429) with Retry-After.
    void setMaxBufferedBodyBytes(qint64 bytes);
    int openConnections() const;
    // Body bytes the open connections hold or have announced (their Content-Length).
    qint64 bufferedBodyBytes() const;
    int effectiveMaxConnections() const;
    // What GET /metrics would answer now.
    QByteArray metricsText() const;
    // What GET /metrics reports about alerts; any thread.
    void setAlertCounts(int firing, int resolved);

    State state() const { return m_state; }
    QString errorString() const { return m_errorString; }
    ListenAddress requestedAddress() const { return m_requested; }
    // The address actually bound (differs from the requested one for port 0).
    ListenAddress boundAddress() const;

signals:
    void stateChanged(HttpListener::State state);

private:
    void setState(State state, const QString &errorString = {});
    void pushConfig();
    // Runs `work` on the listener's thread and waits for it (it is always quick).
    template<typename Work> auto onServerThread(Work work) const
    {
        using Result = std::invoke_result_t<Work, HttpServer *>;
        if constexpr (std::is_void_v<Result>) {
            QMetaObject::invokeMethod(
                m_server, [&] { work(m_server); }, Qt::BlockingQueuedConnection);
        } else {
            Result result{};
            QMetaObject::invokeMethod(
                m_server, [&] { result = work(m_server); }, Qt::BlockingQueuedConnection);
            return result;
        }
    }

    QThread m_thread;
    HttpServer *m_server; // lives on m_thread; deleted there
    HttpServer::Config m_config;
    QString m_tlsCertificateFile;
    QString m_tlsKeyFile;
    ListenAddress m_requested;
    ListenAddress m_bound;
    bool m_listening = false;
    State m_state = State::Stopped;
    QString m_errorString;
};
