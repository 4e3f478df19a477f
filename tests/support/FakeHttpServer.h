#pragma once

#include "ingest/HttpRequestParser.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;

// A local stand-in for an HTTP API in tests (Loki, an LLM provider, a chat tool's
// webhook): canned answers per path, every request recorded. Binds 127.0.0.1 on a
// free port, plain or over TLS. Answers one request per connection.
class FakeHttpServer final : public QObject
{
    Q_OBJECT

public:
    struct Response {
        int status = 200;
        QByteArray body{};
        QByteArray contentType = "application/json";
        QByteArray extraHeaders{}; // complete "Name: value\r\n" lines
        bool neverAnswer = false; // hold the connection open (timeouts)
        // Streamed instead of `body`: chunked transfer, one piece every `chunkInterval`
        // (an event stream as a provider sends it).
        QList<QByteArray> chunks{};
        std::chrono::milliseconds chunkInterval{0};
        enum class StreamEnd { Complete, Stall, Drop } streamEnd = StreamEnd::Complete;
    };

    // A 3xx answer pointing at `location` (another server's URL, or a path here).
    static Response redirect(int status, const QUrl &location);

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool listen();
    // HTTPS with the test certificate in tests/data/tls (self-signed: clients that
    // check certificates refuse it).
    bool listenTls();
    quint16 port() const;
    QUrl url() const; // http(s)://127.0.0.1:port

    // Answers requests whose path (without the query) is `path`; others get 404.
    void route(const QByteArray &path, const Response &response) { m_routes.insert(path, response); }
    // Answers requests to `path` with what `handler` makes of each (a service that checks
    // what it is sent, such as a signature).
    void handle(const QByteArray &path, std::function<Response(const HttpRequest &)> handler)
    {
        m_handlers.insert(path, std::move(handler));
    }
    // Answers the next request to `path` once, before its route (e.g. 429, then 200).
    void queue(const QByteArray &path, const Response &response) { m_queued[path].append(response); }
    // Connections held open or streaming right now.
    int openConnections() const;
    // Also serves requests in absolute form ("GET http://host/path HTTP/1.1"), as a client
    // sends them to an HTTP proxy: with QNetworkProxy pointed here, a test sees what a
    // request to any host carries (its Host header names it) without it leaving the
    // machine. Routes match the path as usual.
    void acceptProxyRequests() { m_proxy = true; }

    QList<HttpRequest> requests;

private:
    void serve();
    void stream(QTcpSocket *socket, const Response &response);

    std::unique_ptr<QTcpServer> m_server;
    QHash<QByteArray, Response> m_routes;
    QHash<QByteArray, QList<Response>> m_queued;
    QHash<QByteArray, std::function<Response(const HttpRequest &)>> m_handlers;
    bool m_tls = false;
    bool m_proxy = false;
};
