#pragma once

#include "ingest/HttpRequestParser.h"

#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <functional>

// A small HTTP server on 127.0.0.1 for the evaluation: one request per connection,
// answered at once by `handler` (the stand-ins for Prometheus, Loki and a provider).
class LoopbackServer final : public QObject
{
    Q_OBJECT

public:
    struct Response {
        int status = 200;
        QByteArray body{};
        QByteArray contentType = "application/json";
    };
    using Handler = std::function<Response(const HttpRequest &)>;

    static constexpr qint64 maxRequestBytes = 4 * 1024 * 1024; // a prompt with every evidence item

    explicit LoopbackServer(Handler handler, QObject *parent = nullptr);

    bool listen(); // a free port
    QUrl url() const; // http://127.0.0.1:PORT
    int requestCount() const { return m_requests; }

private:
    void serve(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    int m_requests = 0;
};
