#include "ingest/SocketWrite.h"

#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#endif

namespace {
// How much of `data` the kernel took without blocking (0 on EAGAIN or an error, which
// the queued path then meets and reports through the socket's own signals).
qsizetype sendDirectly(QTcpSocket &socket, QByteArrayView data)
{
#ifdef Q_OS_UNIX
    if (socket.bytesToWrite() > 0 || socket.state() != QAbstractSocket::ConnectedState
        || qobject_cast<QSslSocket *>(&socket))
        return 0;
    const qintptr descriptor = socket.socketDescriptor();
    if (descriptor < 0)
        return 0;
    qsizetype sent = 0;
    while (sent < data.size()) {
        const ssize_t written = ::send(int(descriptor), data.data() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
        if (written > 0)
            sent += written;
        else if (written < 0 && errno == EINTR)
            continue;
        else
            break;
    }
    return sent;
#else
    Q_UNUSED(socket);
    Q_UNUSED(data);
    return 0;
#endif
}
} // namespace

void SocketWrite::send(QTcpSocket &socket, QByteArrayView data)
{
    const QByteArrayView rest = data.sliced(sendDirectly(socket, data));
    if (!rest.isEmpty())
        socket.write(rest.data(), rest.size());
}
