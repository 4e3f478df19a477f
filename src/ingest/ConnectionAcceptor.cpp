#include "ingest/ConnectionAcceptor.h"

#include "logging/LogCategories.h"

#include <QSslSocket>
#include <QTcpSocket>

ConnectionAcceptor::ConnectionAcceptor(const Options &options, QObject *socketParent, QObject *parent)
    : QTcpServer(parent)
    , m_options(options)
    , m_socketParent(socketParent)
{
    m_resumeTimer.setSingleShot(true);
    connect(&m_resumeTimer, &QTimer::timeout, this, &QTcpServer::resumeAccepting);
    // Qt has paused accepting when it reports an error.
    connect(this, &QTcpServer::acceptError, this, &ConnectionAcceptor::backOff);
}

void ConnectionAcceptor::incomingConnection(qintptr descriptor)
{
    m_backoff = minBackoff;
    if (m_options.tls) {
        startHandshake(descriptor);
        return;
    }
    auto *socket = new QTcpSocket(m_socketParent);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    emit connectionReady(socket);
}

void ConnectionAcceptor::startHandshake(qintptr descriptor)
{
    if (m_handshakes.size() >= m_options.maxHandshakes)
        dropHandshake(m_handshakes.constFirst(), "handshake_capacity");
    auto *socket = new QSslSocket(m_socketParent);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    m_handshakes.append(socket);
    socket->setSslConfiguration(*m_options.tls);
    connect(socket, &QObject::destroyed, this, [this, socket] { m_handshakes.removeOne(socket); });
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        if (m_handshakes.removeOne(socket))
            emit connectionReady(socket);
    });
    // A plain-HTTP client or a failed handshake costs that client only.
    connect(socket, &QSslSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError) {
        if (!m_handshakes.contains(socket))
            return; // an established connection: its HttpConnection handles it
        qCInfo(lcIngest).noquote() << "TLS handshake with" << socket->peerAddress().toString()
                                   << "failed:" << socket->errorString();
        dropHandshake(socket, "handshake_failed");
    });
    QTimer::singleShot(m_options.handshakeTimeout, socket, [this, socket] {
        if (m_handshakes.contains(socket))
            dropHandshake(socket, "handshake_timeout");
    });
    socket->startServerEncryption();
}

void ConnectionAcceptor::dropHandshake(QSslSocket *socket, const char *reason)
{
    m_handshakes.removeOne(socket);
    emit dropped(reason);
    socket->abort();
    socket->deleteLater();
}

void ConnectionAcceptor::backOff(QAbstractSocket::SocketError)
{
    emit dropped("accept_error");
    qCWarning(lcIngest).noquote() << "cannot accept connections:" << errorString() << "- retrying in"
                                  << m_backoff.count() << "ms";
    m_resumeTimer.start(m_backoff);
    m_backoff = std::min(m_backoff * 2, maxBackoff);
}
