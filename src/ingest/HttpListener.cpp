#include "ingest/HttpListener.h"

#include "ingest/HttpConnection.h"
#include "logging/LogCategories.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>

HttpListener::HttpListener(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_options.metrics = &m_metrics;
    connect(m_server, &QTcpServer::newConnection, this, &HttpListener::acceptPendingConnections);
}

HttpListener::~HttpListener() = default;

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
    if (m_server->listen(address.host, address.port)) {
        qCInfo(lcIngest) << "listening on" << boundAddress().toString();
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
