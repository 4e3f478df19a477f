#pragma once

#include "ingest/HttpRequestParser.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>

class QTcpServer;

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
    };

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

    QList<HttpRequest> requests;

private:
    void serve();

    std::unique_ptr<QTcpServer> m_server;
    QHash<QByteArray, Response> m_routes;
    bool m_tls = false;
};
