#include "core/SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {
constexpr int answerTimeoutMs = 2000;
const QByteArray activate = "activate\n";
const QByteArray activated = "ok\n";
} // namespace

SingleInstance::SingleInstance(const QString &key, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_key(key)
{
    QString dir = directory;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    m_lockPath = QDir(dir).filePath(key + u".lock"_s);
}

SingleInstance::~SingleInstance() = default;

SingleInstance::Claim SingleInstance::claim()
{
    m_lock = std::make_unique<QLockFile>(m_lockPath);
    m_lock->setStaleLockTime(0); // only a dead owner makes it stale, never its age
    if (m_lock->tryLock(0)) {
        // QLockFile creates it with the umask's mode; it names this process and host.
        QFile::setPermissions(m_lockPath, QFile::ReadOwner | QFile::WriteOwner);
        m_server = new QLocalServer(this);
        m_server->setSocketOptions(QLocalServer::UserAccessOption);
        QLocalServer::removeServer(m_key); // a crashed owner's socket
        if (!m_server->listen(m_key))
            m_error = m_server->errorString(); // still the primary: the lock decides
        connect(m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *peer = m_server->nextPendingConnection()) {
                connect(peer, &QLocalSocket::disconnected, peer, &QObject::deleteLater);
                connect(peer, &QLocalSocket::readyRead, peer, [this, peer] {
                    if (!peer->canReadLine())
                        return;
                    if (peer->readLine() == activate) {
                        peer->write(activated);
                        peer->flush();
                        emit activationRequested();
                    }
                    peer->disconnectFromServer();
                });
            }
        });
        return Claim::Primary;
    }
    if (m_lock->error() != QLockFile::LockFailedError) {
        m_error = m_lock->error() == QLockFile::PermissionError
            ? tr("cannot write %1: permission denied").arg(m_lockPath)
            : tr("cannot create %1").arg(m_lockPath);
        m_lock.reset();
        return Claim::Failed;
    }
    m_lock.reset(); // someone else's
    QLocalSocket socket;
    socket.connectToServer(m_key);
    if (!socket.waitForConnected(answerTimeoutMs))
        return Claim::Running;
    socket.write(activate);
    socket.flush();
    while (!socket.canReadLine() && socket.waitForReadyRead(answerTimeoutMs)) { }
    return socket.canReadLine() && socket.readLine() == activated ? Claim::Activated : Claim::Running;
}
