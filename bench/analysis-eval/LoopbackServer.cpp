#include "LoopbackServer.h"

#include <QTcpSocket>

#include <memory>

using namespace Qt::StringLiterals;

LoopbackServer::LoopbackServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            serve(socket);
    });
}

bool LoopbackServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl LoopbackServer::url() const
{
    return m_server.isListening() ? QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())) : QUrl();
}

void LoopbackServer::serve(QTcpSocket *socket)
{
    socket->setParent(this);
    auto parser = std::make_shared<HttpRequestParser>(HttpRequestParser::Limits{16 * 1024, maxRequestBytes});
    const auto respond = [socket](const Response &response) {
        socket->write("HTTP/1.1 " + QByteArray::number(response.status) + " " + (response.status < 300 ? "OK" : "Error")
                      + "\r\nContent-Type: " + response.contentType + "\r\nContent-Length: "
                      + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n" + response.body);
        socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, parser, respond] {
        if (parser->state() == HttpRequestParser::State::Complete
            || parser->state() == HttpRequestParser::State::Failed)
            return;
        parser->feed(socket->readAll());
        if (parser->state() == HttpRequestParser::State::Failed)
            return respond({parser->error()->status, parser->error()->message.toUtf8(), "text/plain"});
        if (parser->state() != HttpRequestParser::State::Complete)
            return;
        ++m_requests;
        respond(m_handler(parser->request()));
    });
}
