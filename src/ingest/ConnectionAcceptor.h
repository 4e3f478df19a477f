#pragma once

#include <QList>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <chrono>
#include <optional>

class QSslSocket;
class QTcpSocket;

// The listening socket. Accepts connections itself rather than through Qt's pending
// connection queue, so that nothing a client does can stop it accepting:
// - HTTPS handshakes run here with a deadline and a cap of their own (the oldest
//   pending handshake gives way to a new one), outside the count of served
//   connections, and only a completed handshake becomes a connection;
// - when accepting fails (out of file descriptors), accepting pauses and resumes after
//   a back-off that grows to a second, instead of retrying in a busy loop.
class ConnectionAcceptor final : public QTcpServer
{
    Q_OBJECT

public:
    struct Options {
        std::optional<QSslConfiguration> tls;
        int maxHandshakes = 128;
        std::chrono::milliseconds handshakeTimeout{10'000};
    };

    // Accepted sockets become children of `socketParent`.
    ConnectionAcceptor(const Options &options, QObject *socketParent, QObject *parent = nullptr);

    int pendingHandshakes() const { return int(m_handshakes.size()); }
    static constexpr std::chrono::milliseconds minBackoff{50};
    static constexpr std::chrono::milliseconds maxBackoff{1'000};

signals:
    // A connected (for HTTPS: encrypted) client, for the caller to serve or close.
    void connectionReady(QTcpSocket *socket);
    // A client dropped here ("handshake_timeout", "handshake_capacity", "handshake_failed",
    // "accept_error").
    void dropped(const char *reason);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void startHandshake(qintptr descriptor);
    void dropHandshake(QSslSocket *socket, const char *reason);
    void backOff(QAbstractSocket::SocketError error);

    Options m_options;
    QObject *m_socketParent;
    QList<QSslSocket *> m_handshakes; // oldest first
    QTimer m_resumeTimer;
    std::chrono::milliseconds m_backoff = minBackoff;
};
