#pragma once

#include <QLockFile>
#include <QObject>

#include <memory>

class QLocalServer;

// One AlertDeck per user and profile. The first process takes a lock file and listens
// on a local socket; a later one finds the lock held, asks the first to show its window
// through the socket, and ends. A lock left by a crashed process is taken over.
class SingleInstance final : public QObject
{
    Q_OBJECT

public:
    enum class Claim {
        Primary, // this process runs the profile
        Activated, // another one runs it and was asked to show its window
        Running, // another one runs it but did not answer (starting, or headless and busy)
        Failed, // the lock could not be made: see error()
    };

    // `key` names the lock and socket (Profile::instanceKey()); they live in `directory`
    // (default: the user's runtime directory).
    explicit SingleInstance(const QString &key, const QString &directory = {}, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Quick (a local socket); call once at start-up.
    Claim claim();
    QString error() const { return m_error; }
    QString lockPath() const { return m_lockPath; }

signals:
    // A second start of this profile asked for the window.
    void activationRequested();

private:
    QString m_key;
    QString m_lockPath;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
    QString m_error;
};
