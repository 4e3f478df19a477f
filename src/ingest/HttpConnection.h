#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <chrono>

class QTcpSocket;

// One client connection: reads a bounded request head and answers it. Webhook
// ingestion (bodies, formats, auth, limits) is added by the ingest issue; until
// then webhook paths answer 503 so senders retry instead of dropping alerts.
class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype maxHeaderBytes = 16 * 1024;
    static constexpr std::chrono::milliseconds defaultIdleTimeout {15'000};

    // Becomes a child of `socket` and closes it when done; a client that has not sent
    // a complete request head within `idleTimeout` is dropped.
    HttpConnection(QTcpSocket *socket, std::chrono::milliseconds idleTimeout);

private:
    void readRequestHead();
    void respond(int status, const QByteArray &contentType, const QByteArray &body);

    QTcpSocket *m_socket;
    QByteArray m_buffer;
    QTimer m_idleTimer;
};
