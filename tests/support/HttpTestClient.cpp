#include "HttpTestClient.h"

#include <QEventLoop>
#include <QTcpSocket>
#include <QTimer>

namespace HttpTestClient {

HttpTestResponse send(quint16 port, const QByteArray &request, const QHostAddress &host, int timeoutMs)
{
    QTcpSocket socket;
    QByteArray received;
    // An event loop, not a blocking wait: the server under test runs in this thread.
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::connected, [&] { socket.write(request); });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHost(host, port);
    loop.exec();
    received += socket.readAll();

    HttpTestResponse response;
    response.raw = received;
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return response;
    response.headers = received.left(headEnd);
    response.body = received.mid(headEnd + 4);
    const QList<QByteArray> statusLine = response.headers.left(response.headers.indexOf("\r\n")).split(' ');
    if (statusLine.size() >= 2)
        response.status = statusLine.at(1).toInt();
    return response;
}

HttpTestResponse get(quint16 port, const QByteArray &path)
{
    return send(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

} // namespace HttpTestClient
