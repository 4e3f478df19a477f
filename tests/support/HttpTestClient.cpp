#include "HttpTestClient.h"

#include <QEventLoop>
#include <QSslConfiguration>
#include <QSslSocket>

#include <functional>

using namespace Qt::StringLiterals;
#include <QTimer>

namespace HttpTestClient {

namespace {

// `start` connects the socket; the request goes out once `ready` is emitted.
template<typename ReadySignal>
HttpTestResponse exchange(QSslSocket &socket, const std::function<void()> &start, ReadySignal ready,
                          const QByteArray &request, int timeoutMs)
{
    QByteArray received;
    // An event loop, not a blocking wait: the server under test runs in this thread.
    QEventLoop loop;
    // Done when the server closes, or when one complete response has arrived
    // (keep-alive connections stay open). 1xx interim responses are skipped.
    auto complete = [&received] {
        qsizetype start = 0;
        while (received.mid(start).startsWith("HTTP/1.1 1")) {
            const qsizetype end = received.indexOf("\r\n\r\n", start);
            if (end < 0)
                return false;
            start = end + 4;
        }
        const qsizetype headEnd = received.indexOf("\r\n\r\n", start);
        if (headEnd < 0)
            return false;
        const QByteArray head = received.mid(start, headEnd - start).toLower();
        const qsizetype at = head.indexOf("content-length:");
        const qsizetype length
            = at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        return received.size() >= headEnd + 4 + length;
    };
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] {
        received += socket.readAll();
        if (complete())
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&socket, ready, [&] { socket.write(request); });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    start();
    loop.exec();
    received += socket.readAll();

    HttpTestResponse response;
    response.raw = received;
    while (received.startsWith("HTTP/1.1 1")) // interim "100 Continue"
        received.remove(0, received.indexOf("\r\n\r\n") + 4);
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

} // namespace

HttpTestResponse send(quint16 port, const QByteArray &request, const QHostAddress &host, int timeoutMs)
{
    QSslSocket socket;
    return exchange(
        socket, [&] { socket.connectToHost(host, port); }, &QSslSocket::connected, request, timeoutMs);
}

HttpTestResponse sendTls(quint16 port, const QByteArray &request, const QList<QSslCertificate> &trusted,
                         QString *tlsError)
{
    QSslSocket socket;
    QSslConfiguration configuration = socket.sslConfiguration();
    configuration.setCaCertificates(trusted);
    socket.setSslConfiguration(configuration);
    QObject::connect(&socket, &QSslSocket::sslErrors, [tlsError](const QList<QSslError> &errors) {
        if (tlsError && !errors.isEmpty())
            *tlsError = errors.constFirst().errorString();
    });
    return exchange(
        socket, [&] { socket.connectToHostEncrypted(u"127.0.0.1"_s, port); }, &QSslSocket::encrypted, request, 10'000);
}

HttpTestResponse get(quint16 port, const QByteArray &path)
{
    return send(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

QByteArray postRequest(const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders,
                       const QByteArray &contentType)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

HttpTestResponse postJson(quint16 port, const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders)
{
    return send(port, postRequest(path, body, extraHeaders));
}

} // namespace HttpTestClient
