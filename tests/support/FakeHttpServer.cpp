#include "FakeHttpServer.h"

#include "TestData.h"
#include "ingest/ServerTls.h"

#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

// "GET http://host:port/path?q HTTP/1.1" → "GET /path?q HTTP/1.1"; other lines as they are.
QByteArray originForm(const QByteArray &requestLine)
{
    QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts.at(1).startsWith("http://"))
        return requestLine;
    const QUrl url = QUrl::fromEncoded(parts.at(1));
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    parts[1] = target;
    return parts.join(' ');
}

} // namespace

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{ }

FakeHttpServer::~FakeHttpServer() = default;

FakeHttpServer::Response FakeHttpServer::redirect(int status, const QUrl &location)
{
    Response response;
    response.status = status;
    response.body = "moved";
    response.contentType = "text/plain";
    response.extraHeaders = "Location: " + location.toEncoded() + "\r\n";
    return response;
}

bool FakeHttpServer::listen()
{
    m_server = std::make_unique<QTcpServer>();
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &FakeHttpServer::serve);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool FakeHttpServer::listenTls()
{
    const ServerTlsResult tls = loadServerTls(TestData::path(u"tls/server.pem"_s), TestData::path(u"tls/server.key"_s));
    if (!tls.ok())
        return false;
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(tls.configuration);
    m_server = std::move(server);
    m_tls = true;
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &FakeHttpServer::serve);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 FakeHttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl FakeHttpServer::url() const
{
    return QUrl(u"%1://127.0.0.1:%2"_s.arg(m_tls ? u"https"_s : u"http"_s).arg(port()));
}

void FakeHttpServer::serve()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto parser = std::make_shared<HttpRequestParser>(HttpRequestParser::Limits{});
        auto requestLine
            = std::make_shared<std::optional<QByteArray>>(m_proxy ? QByteArray() : std::optional<QByteArray>());
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, parser, requestLine] {
            QByteArray bytes = socket->readAll();
            if (*requestLine) {
                // Held until the request line is whole, then fed in origin form.
                **requestLine += bytes;
                const qsizetype end = (*requestLine)->indexOf("\r\n");
                if (end < 0 && (*requestLine)->size() < 8192)
                    return;
                bytes = end < 0 ? **requestLine : originForm((*requestLine)->left(end)) + (*requestLine)->mid(end);
                requestLine->reset();
            }
            parser->feed(bytes);
            if (parser->state() == HttpRequestParser::State::Head || parser->state() == HttpRequestParser::State::Body)
                return;
            if (parser->state() == HttpRequestParser::State::Failed) {
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
                return;
            }
            const HttpRequest request = parser->request();
            requests.append(request);
            Response notFound;
            notFound.status = 404;
            notFound.body = R"({"error":"no such path in the fake server"})";
            QList<Response> &queued = m_queued[request.path];
            const Response response = !queued.isEmpty() ? queued.takeFirst()
                : m_handlers.contains(request.path)     ? m_handlers.value(request.path)(request)
                                                        : m_routes.value(request.path, notFound);
            if (response.neverAnswer)
                return;
            if (!response.chunks.isEmpty())
                return stream(socket, response);
            socket->write("HTTP/1.1 " + QByteArray::number(response.status) + " Fake\r\nContent-Type: "
                          + response.contentType + "\r\nContent-Length: " + QByteArray::number(response.body.size())
                          + "\r\n" + response.extraHeaders + "Connection: close\r\n\r\n" + response.body);
            socket->disconnectFromHost();
        });
    }
}

int FakeHttpServer::openConnections() const
{
    return m_server ? int(m_server->findChildren<QTcpSocket *>().size()) : 0;
}

void FakeHttpServer::stream(QTcpSocket *socket, const Response &response)
{
    socket->write("HTTP/1.1 " + QByteArray::number(response.status) + " Fake\r\nContent-Type: " + response.contentType
                  + "\r\nTransfer-Encoding: chunked\r\n" + response.extraHeaders + "Connection: close\r\n\r\n");
    auto next = std::make_shared<qsizetype>(0);
    auto *timer = new QTimer(socket);
    timer->setInterval(response.chunkInterval);
    connect(timer, &QTimer::timeout, socket, [socket, timer, next, response] {
        if (*next < response.chunks.size()) {
            const QByteArray &chunk = response.chunks.at((*next)++);
            socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
            return;
        }
        timer->stop();
        switch (response.streamEnd) {
        case Response::StreamEnd::Complete:
            socket->write("0\r\n\r\n");
            socket->disconnectFromHost();
            break;
        case Response::StreamEnd::Drop: socket->abort(); break;
        case Response::StreamEnd::Stall: break;
        }
    });
    timer->start();
}
