#pragma once

#include <QByteArrayView>

class QTcpSocket;

namespace SocketWrite {
// Writes `data` to a connected plain-TCP socket at once when nothing is queued ahead of
// it, and queues in the socket only what the kernel does not take now (the socket then
// sends it, in order, as usual). QTcpSocket::write() always queues, turning the write
// notifier on and, once sent, off again; GLib's event dispatcher wakes its own loop for
// each change (an eventfd write and read), so every answer cost two wake-ups and one
// more turn of the listener's loop. TLS sockets (their bytes are not ours to send) and
// sockets with queued output take the normal path.
void send(QTcpSocket &socket, QByteArrayView data);
} // namespace SocketWrite
