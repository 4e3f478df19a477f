#pragma once

#include "demo/DemoContext.h"

#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <memory>

// Serves DemoContext on a loopback port for --demo: the Prometheus and Loki
// clients then fetch the demo alerts' charts and logs the way they fetch real ones,
// with nothing leaving the machine. One request per connection; answers are worked
// out off the UI thread.
class DemoContextServer final : public QObject
{
    Q_OBJECT

public:
    explicit DemoContextServer(const QList<Alert> &alerts, QObject *parent = nullptr);
    ~DemoContextServer() override;

    bool start(); // 127.0.0.1, a free port
    // http://127.0.0.1:PORT; empty until started.
    QUrl url() const;

    static constexpr qsizetype maxRequestBytes = 64 * 1024;

private:
    void serve(QTcpSocket *socket);

    QTcpServer m_server;
    std::shared_ptr<const DemoContext> m_context; // shared with the answers being worked out
};
