// One AlertDeck per user and profile: a second start asks the first to show its
// window; other profiles run side by side; a dead owner's lock is taken over.

#include "ChildProcess.h"
#include "FileModes.h"
#include "core/Profile.h"
#include "core/SingleInstance.h"

#include <QFile>
#include <QHostInfo>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <optional>

using namespace Qt::StringLiterals;

namespace {
// Claims from another thread, as a second process would, while this thread's event
// loop lets the first one answer.
SingleInstance::Claim claimElsewhere(const QString &key, const QString &directory)
{
    std::atomic<int> result{-1};
    std::unique_ptr<QThread> thread(QThread::create([&] {
        SingleInstance second(key, directory);
        result = int(second.claim());
    }));
    thread->start();
    if (!QTest::qWaitFor([&thread] { return thread->isFinished(); }, 10'000))
        return SingleInstance::Claim::Failed;
    thread->wait();
    return SingleInstance::Claim(result.load());
}
} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void aSecondStartActivatesTheFirst()
    {
        const QString key = u"alertdeck-test-%1"_s.arg(QCoreApplication::applicationPid());
        SingleInstance first(key, m_dir.path());
        QSignalSpy activation(&first, &SingleInstance::activationRequested);
        QCOMPARE(first.claim(), SingleInstance::Claim::Primary);
        QCOMPARE(claimElsewhere(key, m_dir.path()), SingleInstance::Claim::Activated);
        QTRY_COMPARE(activation.size(), 1);

        // Another profile is another instance.
        SingleInstance other(key + u"-staging"_s, m_dir.path());
        QCOMPARE(other.claim(), SingleInstance::Claim::Primary);
    }

    void theProfileIsFreeOnceTheFirstEnds()
    {
        const QString key = u"alertdeck-test-end-%1"_s.arg(QCoreApplication::applicationPid());
        {
            SingleInstance first(key, m_dir.path());
            QCOMPARE(first.claim(), SingleInstance::Claim::Primary);
        }
        SingleInstance next(key, m_dir.path());
        QCOMPARE(next.claim(), SingleInstance::Claim::Primary);
    }

    void theLockIsForTheOwnerOnly()
    {
        const QString key = u"alertdeck-test-mode-%1"_s.arg(QCoreApplication::applicationPid());
        std::optional<LaxUmask> lax(std::in_place);
        SingleInstance instance(key, m_dir.path());
        const SingleInstance::Claim claim = instance.claim();
        lax.reset();
        QCOMPARE(claim, SingleInstance::Claim::Primary);
        QCOMPARE(fileMode(m_dir.filePath(key + u".lock"_s)), 0600);
    }

    void aDeadOwnersLockIsTakenOver()
    {
        // A process that has ended: its PID is no one's.
        ChildProcess gone;
        gone.start(u"true"_s, QStringList());
        QVERIFY(gone.waitForStarted());
        const qint64 deadPid = gone.process().processId(); // 0 once it has ended
        QVERIFY(gone.waitForFinished());
        const QString key = u"alertdeck-test-stale-%1"_s.arg(QCoreApplication::applicationPid());
        QFile lock(m_dir.filePath(key + u".lock"_s));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray::number(deadPid) + '\n' + QCoreApplication::applicationName().toUtf8() + '\n'
                   + QSysInfo::machineHostName().toUtf8() + '\n' + QSysInfo::machineUniqueId() + '\n'
                   + QSysInfo::bootUniqueId() + '\n');
        lock.close();
        SingleInstance next(key, m_dir.path());
        QCOMPARE(next.claim(), SingleInstance::Claim::Primary);
    }

    void anUnusableDirectoryIsSaid()
    {
        SingleInstance instance(u"alertdeck-test-nowhere"_s, m_dir.filePath(u"missing/dir"_s));
        QCOMPARE(instance.claim(), SingleInstance::Claim::Failed);
        QVERIFY2(instance.error().contains(u"missing/dir"_s), qPrintable(instance.error()));
    }

    void profilesHaveTheirOwnNamesAndPorts()
    {
        Profile::select({});
        QCOMPARE(Profile::applicationName(), u"AlertDeck"_s);
        QCOMPARE(Profile::defaultListenPort(), quint16(9095));
        QCOMPARE(Profile::keychainProfile(), u"default"_s);
        Profile::select(u"staging"_s);
        QCOMPARE(QCoreApplication::applicationName(), u"AlertDeck-staging"_s);
        QCOMPARE(Profile::keychainProfile(), u"staging"_s);
        const quint16 staging = Profile::defaultListenPort();
        QVERIFY(staging > 9095 && staging <= 9995);
        QTemporaryDir a;
        QTemporaryDir b;
        QCOMPARE(Profile::instanceKey(a.path()), Profile::instanceKey(a.path() + u"/"_s)); // one store, one key
        QVERIFY(Profile::instanceKey(a.path()) != Profile::instanceKey(b.path()));
        Profile::select(u"prod-eu"_s);
        QVERIFY(Profile::defaultListenPort() != staging); // these two do not collide
        Profile::select(u"staging"_s);
        QCOMPARE(Profile::defaultListenPort(), staging); // stable
        Profile::select({});
        QVERIFY(Profile::isValidName(u"team_a-2"_s));
        QVERIFY(!Profile::isValidName(u"../etc"_s));
        QVERIFY(!Profile::isValidName(QString()));
        QVERIFY(!Profile::isValidName(QString(33, u'a')));
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
