#include "ingest/HttpListener.h"

#include "ingest/ServerTls.h"
#include "logging/LogCategories.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

HttpListener::HttpListener(QObject *parent)
    : QObject(parent)
    , m_server(new HttpServer)
{
    m_thread.setObjectName(u"http"_s);
    m_server->moveToThread(&m_thread);
    m_thread.start();
}

HttpListener::~HttpListener()
{
    onServerThread([](HttpServer *server) { delete server; });
    m_thread.quit();
    m_thread.wait();
}

void HttpListener::pushConfig()
{
    onServerThread([config = m_config](HttpServer *server) { server->setConfig(config); });
}

void HttpListener::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_config.idleTimeout = timeout;
    pushConfig();
}

void HttpListener::setLimits(const HttpRequestParser::Limits &limits)
{
    m_config.limits = limits;
    pushConfig();
}

void HttpListener::setAuth(const ListenerAuth &auth)
{
    m_config.auth = auth;
    pushConfig();
}

void HttpListener::setAllowedOrigins(const QStringList &origins)
{
    m_config.allowedOrigins = origins;
    pushConfig();
}

void HttpListener::setHandshakeTimeout(std::chrono::milliseconds timeout)
{
    m_config.handshakeTimeout = timeout;
    pushConfig();
}

void HttpListener::setMaxConnections(int maximum)
{
    m_config.maxConnections = maximum;
    pushConfig();
}

void HttpListener::setMaxBufferedBodyBytes(qint64 bytes)
{
    m_config.maxBufferedBodyBytes = bytes;
    pushConfig();
}

void HttpListener::setStore(StoreService *ingest)
{
    onServerThread([ingest](HttpServer *server) { server->setIngest(ingest); });
}

void HttpListener::setTlsFiles(const QString &certificateFile, const QString &keyFile)
{
    m_tlsCertificateFile = certificateFile;
    m_tlsKeyFile = keyFile;
}

int HttpListener::openConnections() const
{
    return onServerThread([](HttpServer *server) { return server->openConnections(); });
}

qint64 HttpListener::bufferedBodyBytes() const
{
    return onServerThread([](HttpServer *server) { return server->bufferedBodyBytes(); });
}

int HttpListener::effectiveMaxConnections() const
{
    return onServerThread([](HttpServer *server) { return server->effectiveMaxConnections(); });
}

QByteArray HttpListener::metricsText() const
{
    return onServerThread([](HttpServer *server) { return server->metrics().render(); });
}

void HttpListener::setAlertCounts(int firing, int resolved)
{
    m_server->metrics().setAlertCounts(firing, resolved); // atomics
}

QString HttpListener::baseUrl() const
{
    return (usesTls() ? u"https://"_s : u"http://"_s) + boundAddress().toString();
}

bool HttpListener::start(const ListenAddress &address)
{
    stop();
    m_requested = address;
    if (!address.isLoopback() && !m_config.auth.requiresCredentials()) {
        // Anyone on the network could inject alerts: refuse rather than warn.
        const QString reason = QCoreApplication::translate("HttpListener",
                                                           "Listening on %1 (reachable from other machines) requires "
                                                           "authentication: set a listener token or basic auth")
                                   .arg(address.toString());
        qCWarning(lcIngest).noquote() << reason;
        setState(State::Failed, reason);
        return false;
    }
    std::optional<QSslConfiguration> tls;
    if (usesTls()) {
        ServerTlsResult loaded = loadServerTls(m_tlsCertificateFile, m_tlsKeyFile);
        if (!loaded.ok()) {
            const QString reason
                = QCoreApplication::translate("HttpListener", "HTTPS cannot start: %1").arg(loaded.error);
            qCWarning(lcIngest).noquote() << reason;
            setState(State::Failed, reason);
            return false;
        }
        tls = loaded.configuration;
    }
    pushConfig();
    const HttpServer::StartResult started
        = onServerThread([&](HttpServer *server) { return server->start(address, tls); });
    if (started.listening) {
        m_listening = true;
        m_bound = started.bound;
        qCInfo(lcIngest).noquote() << "listening on" << baseUrl();
        setState(State::Listening);
        return true;
    }
    const QString reason = started.addressInUse
        ? QCoreApplication::translate("HttpListener", "Port %1 is in use").arg(address.toString())
        : QCoreApplication::translate("HttpListener", "Cannot listen on %1: %2").arg(address.toString(), started.error);
    qCWarning(lcIngest).noquote() << reason;
    setState(started.addressInUse ? State::AddressInUse : State::Failed, reason);
    return false;
}

void HttpListener::stop()
{
    if (!m_listening)
        return;
    onServerThread([](HttpServer *server) { server->stop(); });
    m_listening = false;
    qCInfo(lcIngest) << "listener stopped";
    setState(State::Stopped);
}

ListenAddress HttpListener::boundAddress() const
{
    return m_listening ? m_bound : m_requested;
}

void HttpListener::setState(State state, const QString &errorString)
{
    const bool changed = state != m_state || errorString != m_errorString;
    m_state = state;
    m_errorString = errorString;
    if (changed)
        emit stateChanged(state);
}
