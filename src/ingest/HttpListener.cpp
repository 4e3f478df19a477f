#include "ingest/HttpListener.h"

#include "ingest/HttpConnection.h"
#include "ingest/ServerTls.h"
#include "logging/LogCategories.h"

#include <QCoreApplication>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

HttpListener::HttpListener(QObject *parent)
    : QObject(parent)
{
    m_options.metrics = &m_metrics;
    createServer(std::nullopt);
}

HttpListener::~HttpListener() = default;

void HttpListener::setTlsFiles(const QString &certificateFile, const QString &keyFile)
{
    m_tlsCertificateFile = certificateFile;
    m_tlsKeyFile = keyFile;
}

void HttpListener::createServer(const std::optional<QSslConfiguration> &tls)
{
    const bool haveTls = qobject_cast<QSslServer *>(m_server.get()) != nullptr;
    if (m_server && tls.has_value() == haveTls) {
        if (auto *sslServer = qobject_cast<QSslServer *>(m_server.get()))
            sslServer->setSslConfiguration(*tls);
        return;
    }
    if (tls) {
        auto server = std::make_unique<QSslServer>();
        server->setSslConfiguration(*tls);
        server->setHandshakeTimeout(tlsHandshakeTimeoutMs);
        // A plain-HTTP client or a failed handshake costs that client only.
        connect(server.get(), &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
            qCInfo(lcIngest).noquote() << "TLS handshake with" << socket->peerAddress().toString()
                                       << "failed:" << socket->errorString();
        });
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    // Not newConnection: a TLS connection becomes available only after its handshake.
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &HttpListener::acceptPendingConnections);
}

QString HttpListener::baseUrl() const
{
    return (usesTls() ? u"https://"_s : u"http://"_s) + boundAddress().toString();
}

bool HttpListener::start(const ListenAddress &address)
{
    stop();
    m_requested = address;
    if (!address.isLoopback() && !m_options.auth.requiresCredentials()) {
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
    createServer(tls);
    if (m_server->listen(address.host, address.port)) {
        qCInfo(lcIngest).noquote() << "listening on" << baseUrl();
        setState(State::Listening);
        return true;
    }
    const bool inUse = m_server->serverError() == QAbstractSocket::AddressInUseError;
    const QString reason = inUse
        ? QCoreApplication::translate("HttpListener", "Port %1 is in use").arg(address.toString())
        : QCoreApplication::translate("HttpListener", "Cannot listen on %1: %2")
              .arg(address.toString(), m_server->errorString());
    qCWarning(lcIngest).noquote() << reason;
    setState(inUse ? State::AddressInUse : State::Failed, reason);
    return false;
}

void HttpListener::stop()
{
    if (!m_server->isListening())
        return;
    m_server->close();
    qCInfo(lcIngest) << "listener stopped";
    setState(State::Stopped);
}

ListenAddress HttpListener::boundAddress() const
{
    if (!m_server->isListening())
        return m_requested;
    return {m_server->serverAddress(), m_server->serverPort()};
}

void HttpListener::setState(State state, const QString &errorString)
{
    const bool changed = state != m_state || errorString != m_errorString;
    m_state = state;
    m_errorString = errorString;
    if (changed)
        emit stateChanged(state);
}

void HttpListener::acceptPendingConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_openConnections >= m_maxConnections) {
            // A quick, explicit refusal: senders retry a 5xx; a silent hang helps nobody.
            qCWarning(lcIngest) << "connection limit" << m_maxConnections << "reached, refusing a client";
            static const QByteArray body = R"({"error":"too many connections; retry later"})";
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
                          "Connection: close\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        ++m_openConnections;
        connect(socket, &QObject::destroyed, this, [this] { --m_openConnections; });
        new HttpConnection(socket, m_options); // owned by the socket; deleted with it
    }
}
