#include "shift/ScreenLockWatcher.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// A screensaver as GNOME or the freedesktop services announce it: ActiveChanged(bool).
class FakeScreenSaver final
{
public:
    FakeScreenSaver(const QString &path, const QString &interface)
        : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, interface))
        , m_path(path)
        , m_interface(interface)
    { }
    void setActive(bool active)
    {
        m_bus.send(QDBusMessage::createSignal(m_path, m_interface, u"ActiveChanged"_s) << active);
    }

private:
    QDBusConnection m_bus;
    QString m_path;
    QString m_interface;
};

class ScreenLockWatcherTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no session bus: run under dbus-run-session (ctest does)");
    }

    void aLockIsAwayAndTheUnlockIsBack_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("interface");
        QTest::newRow("freedesktop") << u"/org/freedesktop/ScreenSaver"_s << u"org.freedesktop.ScreenSaver"_s;
        QTest::newRow("gnome") << u"/org/gnome/ScreenSaver"_s << u"org.gnome.ScreenSaver"_s;
    }

    void aLockIsAwayAndTheUnlockIsBack()
    {
        QFETCH(QString, path);
        QFETCH(QString, interface);
        ScreenLockWatcher watcher;
        QSignalSpy away(&watcher, &ScreenLockWatcher::away);
        QSignalSpy back(&watcher, &ScreenLockWatcher::back);
        FakeScreenSaver saver(path, interface);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        saver.setActive(true);
        QTRY_COMPARE(away.count(), 1);
        QVERIFY(watcher.isAway());
        QVERIFY(watcher.awaySince() >= before);
        saver.setActive(true); // a second lock signal changes nothing
        saver.setActive(false);
        QTRY_COMPARE(back.count(), 1);
        QCOMPARE(away.count(), 1);
        QCOMPARE(back.constFirst().at(0).toDateTime(), away.constFirst().at(0).toDateTime());
        QVERIFY(!watcher.isAway());
    }

    void withoutAScreenSaverALongIdleIsAway()
    {
        ScreenLockWatcher watcher(QDBusConnection(u"none"_s)); // no bus at all
        std::chrono::milliseconds idle = 0ms;
        watcher.setIdleProbe([&idle] { return idle; }, 15min, 10ms);
        QSignalSpy away(&watcher, &ScreenLockWatcher::away);
        QSignalSpy back(&watcher, &ScreenLockWatcher::back);
        idle = 20min;
        QTRY_COMPARE(away.count(), 1);
        // Away since the last input, not since it was noticed.
        const qint64 awayFor = away.constFirst().constFirst().toDateTime().secsTo(QDateTime::currentDateTimeUtc());
        QVERIFY2(awayFor >= 20 * 60 - 5, qPrintable(QString::number(awayFor)));
        idle = 1s;
        QTRY_COMPARE(back.count(), 1);
    }
};

QTEST_GUILESS_MAIN(ScreenLockWatcherTest)
#include "tst_screenlockwatcher.moc"
