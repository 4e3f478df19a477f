// SocketWrite::send: an answer goes to the kernel at once, without a turn of the event
// loop; what the kernel cannot take is queued behind it, in order; TLS sockets and
// sockets with queued output take QTcpSocket's normal path. Real loopback sockets.

#include "ingest/SocketWrite.h"

#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Hands out accepted descriptors, so that a test can wrap one in the socket class it wants.
class DescriptorServer : public QTcpServer
{
public:
    QList<qintptr> descriptors;

protected:
    void incomingConnection(qintptr descriptor) override { descriptors.append(descriptor); }
};

// A connected loopback pair: `client` and the accepted end wrapped in `Socket`.
template<typename Socket> struct Pair {
    DescriptorServer server;
    QTcpSocket client;
    std::unique_ptr<Socket> accepted = std::make_unique<Socket>();
};

template<typename Socket> bool connectPair(Pair<Socket> &pair)
{
    if (!pair.server.listen(QHostAddress::LocalHost))
        return false;
    pair.client.connectToHost(QHostAddress::LocalHost, pair.server.serverPort());
    if (!pair.client.waitForConnected(5000))
        return false;
    if (!QTest::qWaitFor([&] { return !pair.server.descriptors.isEmpty(); }, 5000))
        return false;
    return pair.accepted->setSocketDescriptor(pair.server.descriptors.takeFirst());
}

QByteArray pattern(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char('a' + i % 26);
    return data;
}

} // namespace

class TestSocketWrite : public QObject
{
    Q_OBJECT

private slots:
    void anAnswerIsWithTheKernelWhenSendReturns()
    {
        Pair<QTcpSocket> pair;
        QVERIFY(connectPair(pair));
        const QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        SocketWrite::send(*pair.accepted, answer);
        // Nothing waits in Qt's queue for the write notifier (QTcpSocket::write() would
        // leave all of it there until the event loop runs).
        QCOMPARE(pair.accepted->bytesToWrite(), 0);
        QByteArray received;
        QTRY_VERIFY((received += pair.client.readAll()).size() >= answer.size());
        QCOMPARE(received, answer);
    }

    void whatTheKernelCannotTakeIsQueuedInOrder()
    {
        Pair<QTcpSocket> pair;
        QVERIFY(connectPair(pair));
        // More than loopback's socket buffers hold while the client reads nothing.
        const QByteArray large = pattern(32 * 1024 * 1024);
        SocketWrite::send(*pair.accepted, large);
        const qint64 queued = pair.accepted->bytesToWrite();
        QVERIFY2(queued > 0 && queued < large.size(), qPrintable(QString::number(queued)));
        // Queued output is ahead: the next answer goes behind it, not past it.
        SocketWrite::send(*pair.accepted, "tail");
        QCOMPARE(pair.accepted->bytesToWrite(), queued + 4);

        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += pair.client.readAll()).size() >= large.size() + 4, 30'000);
        QCOMPARE(received.size(), large.size() + 4);
        QVERIFY(received.startsWith(large));
        QVERIFY(received.endsWith("tail"));
        QTRY_COMPARE(pair.accepted->bytesToWrite(), 0);
    }

    void aTlsSocketTakesTheNormalPath()
    {
        // Its bytes go through the TLS layer: never past it to the descriptor.
        Pair<QSslSocket> pair;
        QVERIFY(connectPair(pair));
        SocketWrite::send(*pair.accepted, "plain?");
        QCOMPARE(pair.accepted->bytesToWrite(), 6);
        QByteArray received;
        QTRY_COMPARE(received += pair.client.readAll(), "plain?"); // unencrypted mode: as written
    }

    void anUnconnectedSocketTakesTheNormalPath()
    {
        QTcpSocket socket;
        SocketWrite::send(socket, "nobody"); // Qt's write() warns and refuses
        QCOMPARE(socket.bytesToWrite(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSocketWrite)
#include "tst_socketwrite.moc"
