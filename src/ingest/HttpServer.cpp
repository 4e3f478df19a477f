#include "ingest/HttpServer.h"

#include "core/FileDescriptorLimit.h"
#include "ingest/SocketWrite.h"
#include "logging/LogCategories.h"
#include "store/StoreService.h"

#include <QTcpSocket>

namespace {

// Descriptors kept for everything else the process opens (the store, the keychain,
// outgoing requests, Qt's own).
constexpr long reservedDescriptors = 64;

} // namespace

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{
    updateCapacity();
}

HttpServer::~HttpServer()
{
    stop();
    // Connections give back what they hold while this object is still whole.
    const QList<HttpConnection *> connections = m_connections;
    for (HttpConnection *connection : connections)
        delete connection->parent(); // the socket, and the connection with it
}

HttpServer::StartResult HttpServer::start(const ListenAddress &address, const std::optional<QSslConfiguration> &tls)
{
    stop();
    updateCapacity();
    ConnectionAcceptor::Options options;
    options.tls = tls;
    options.maxHandshakes = m_maxHandshakes;
    options.handshakeTimeout = m_config.handshakeTimeout;
    m_acceptor = std::make_unique<ConnectionAcceptor>(options, this);
    connect(m_acceptor.get(), &ConnectionAcceptor::connectionReady, this, &HttpServer::serve);
    connect(m_acceptor.get(), &ConnectionAcceptor::dropped, this,
            [this](const char *reason) { m_metrics.connectionDropped(reason); });
    StartResult result;
    if (!m_acceptor->listen(address.host, address.port)) {
        result.addressInUse = m_acceptor->serverError() == QAbstractSocket::AddressInUseError;
        result.error = m_acceptor->errorString();
        m_acceptor.reset();
        return result;
    }
    m_bound = {m_acceptor->serverAddress(), m_acceptor->serverPort()};
    m_admission = RequestAdmission(m_config.auth, m_bound.host, m_config.allowedOrigins);
    result.listening = true;
    result.bound = m_bound;
    return result;
}

void HttpServer::stop()
{
    // Connections in progress are served to their end; no new ones are accepted.
    m_acceptor.reset();
}

void HttpServer::setConfig(const Config &config)
{
    m_config = config;
    m_admission = RequestAdmission(m_config.auth, m_bound.host, m_config.allowedOrigins);
    updateCapacity();
}

void HttpServer::updateCapacity()
{
    const long available = FileDescriptorLimit::softLimit() < 0
        ? 1024
        : std::max<long>(16, FileDescriptorLimit::softLimit() - reservedDescriptors);
    m_maxHandshakes = int(std::clamp<long>(available / 4, 4, 128));
    m_effectiveMaxConnections
        = int(std::min<long>(m_config.maxConnections, std::max<long>(4, available - m_maxHandshakes)));
}

void HttpServer::setIngest(StoreService *ingest)
{
    disconnect(m_resultsConnection);
    m_inbox = ingest ? ingest->inbox() : nullptr;
    if (ingest)
        m_resultsConnection
            = ingest->connectResults(this, [this](const QList<IngestOutcome> &outcomes) { handleOutcomes(outcomes); });
}

bool HttpServer::reserveBodyBytes(qint64 bytes)
{
    if (m_bufferedBodyBytes + bytes > m_config.maxBufferedBodyBytes)
        return false;
    m_bufferedBodyBytes += bytes;
    return true;
}

quint64 HttpServer::submit(WebhookDelivery delivery, HttpConnection *connection)
{
    // A small body (nearly every webhook) is parsed here, so the store thread every sender
    // waits for only writes; a large one is left to the store thread, so this thread
    // keeps answering other clients (/healthz) meanwhile.
    quint64 ticket = 0;
    if (m_inbox)
        ticket = parsesHere(delivery) ? m_inbox->postParsed(std::move(delivery)) : m_inbox->post(std::move(delivery));
    if (ticket != 0)
        m_awaitingStore.insert(ticket, connection);
    return ticket;
}

void HttpServer::handleOutcomes(const QList<IngestOutcome> &outcomes)
{
    for (const IngestOutcome &outcome : outcomes) {
        const auto it = m_awaitingStore.constFind(outcome.ticket);
        if (it == m_awaitingStore.constEnd())
            continue; // another submitter's
        const QPointer<HttpConnection> connection = *it;
        m_awaitingStore.erase(it);
        if (connection) // else the client hung up meanwhile
            connection->deliver(outcome.result);
    }
}

void HttpServer::serve(QTcpSocket *socket)
{
    if (m_connections.size() >= m_effectiveMaxConnections) {
        // Full: an idle client (or one still dawdling over its request head) makes room;
        // one whose request is being read or stored never does.
        HttpConnection *victim = connectionToEvict();
        if (!victim) {
            refuseForCapacity(socket);
            return;
        }
        m_metrics.connectionDropped("evicted");
        m_connections.removeOne(victim);
        victim->abort();
    }
    auto *connection = new HttpConnection(socket, *this);
    m_connections.append(connection);
    connect(connection, &QObject::destroyed, this, [this, connection] { m_connections.removeOne(connection); });
}

HttpConnection *HttpServer::connectionToEvict() const
{
    HttpConnection *oldest = nullptr;
    for (HttpConnection *connection : m_connections)
        if (connection->isEvictable() && (!oldest || connection->waitingSinceMs() < oldest->waitingSinceMs()))
            oldest = connection;
    return oldest;
}

void HttpServer::refuseForCapacity(QTcpSocket *socket)
{
    // A quick, explicit refusal: senders retry a 5xx; a silent hang helps nobody.
    m_metrics.connectionDropped("capacity");
    qCWarning(lcIngest) << "connection limit" << m_effectiveMaxConnections << "reached, refusing a client";
    static const QByteArray body = R"({"error":"too many connections; retry later"})";
    SocketWrite::send(*socket,
                      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
                      "Connection: close\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    QTimer::singleShot(HttpConnection::lingerTime, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
}
