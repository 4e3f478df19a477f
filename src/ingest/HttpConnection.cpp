#include "ingest/HttpConnection.h"

#include "logging/LogCategories.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 400: return "Bad Request";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
    }
}

QByteArray jsonError(const QString &message)
{
    return QJsonDocument(QJsonObject {{u"error"_s, message}}).toJson(QJsonDocument::Compact);
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, std::chrono::milliseconds idleTimeout)
    : QObject(socket)
    , m_socket(socket)
{
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequestHead);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, socket, &QTcpSocket::abort);
    connect(&m_idleTimer, &QTimer::timeout, socket, &QObject::deleteLater);
    m_idleTimer.start(idleTimeout);
    readRequestHead();
}

void HttpConnection::readRequestHead()
{
    m_buffer += m_socket->read(maxHeaderBytes + 1 - m_buffer.size());
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (m_buffer.size() > maxHeaderBytes)
            respond(431, "application/json", jsonError(u"request header larger than %1 bytes"_s.arg(maxHeaderBytes)));
        return;
    }

    const QList<QByteArray> requestLine = m_buffer.left(m_buffer.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        respond(400, "application/json", jsonError(u"malformed HTTP request line"_s));
        return;
    }
    const QByteArray &method = requestLine.at(0);
    const QByteArray path = requestLine.at(1).split('?').constFirst();
    qCDebug(lcIngest) << method << path;

    if (path == "/healthz") {
        if (method == "GET")
            respond(200, "text/plain; charset=utf-8", "ok\n");
        else
            respond(405, "application/json", jsonError(u"use GET for /healthz"_s));
    } else if (path == "/webhook" || path.startsWith("/webhook/")) {
        respond(503, "application/json", jsonError(u"webhook ingestion is not available yet; retry later"_s));
    } else {
        respond(404, "application/json", jsonError(u"no such endpoint: %1"_s.arg(QString::fromUtf8(path))));
    }
}

void HttpConnection::respond(int status, const QByteArray &contentType, const QByteArray &body)
{
    // One response per connection: whatever else the client sends is ignored.
    disconnect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequestHead);
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Content-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
    m_socket->write(response);
    m_socket->disconnectFromHost();
}
