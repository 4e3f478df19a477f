#include "FakeNotificationServer.h"
#include "notify/FreedesktopNotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

DesktopNotification notification(const QString &fingerprint, Severity severity, const QString &title = {})
{
    DesktopNotification n;
    n.title = title.isEmpty() ? u"NodeDown — "_s + fingerprint : title;
    n.body = u"<b>db-1</b> & friends are down"_s;
    n.source = u"alertmanager"_s;
    n.fingerprint = fingerprint;
    n.alertCount = 1;
    n.worst = severity;
    n.alerts = {AlertKey{u"alertmanager"_s, fingerprint}};
    return n;
}

} // namespace

class FreedesktopNotifierTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no session bus: run under dbus-run-session (ctest does)");
    }

    void withoutAServiceNothingIsShownAndNothingBlocks()
    {
        FreedesktopNotifier notifier;
        QSignalSpy availability(&notifier, &FreedesktopNotifier::availabilityChanged);
        notifier.show(notification(u"a"_s, Severity::Critical));
        QVERIFY(!notifier.isAvailable());
        FakeNotificationServer server(u"late"_s);
        QVERIFY(server.start()); // a service that comes later is found
        QTRY_VERIFY(notifier.isAvailable());
        server.stop();
        QTRY_VERIFY(!notifier.isAvailable());
    }

    void aCriticalAlertIsUrgentStaysAndEscapesItsText()
    {
        FakeNotificationServer server(u"critical"_s);
        QVERIFY(server.start());
        FreedesktopNotifier notifier;
        QTRY_VERIFY(notifier.isAvailable());
        QSignalSpy shown(&notifier, &FreedesktopNotifier::shown);
        notifier.show(notification(u"a"_s, Severity::Critical));
        QTRY_COMPARE(shown.count(), 1);
        const FakeNotificationServer::Call call = server.calls.constFirst();
        QCOMPARE(call.hints.value(u"urgency"_s).value<uchar>(), uchar(2));
        QCOMPARE(call.timeout, 0);
        QCOMPARE(call.body, u"&lt;b&gt;db-1&lt;/b&gt; &amp; friends are down"_s);
        QVERIFY(call.actions.contains(u"default"_s));
        QVERIFY(call.actions.contains(u"acknowledge"_s));
        QVERIFY(call.actions.contains(u"Acknowledge"_s));
        QCOMPARE(notifier.alertsOf(call.id), (QList<AlertKey>{{u"alertmanager"_s, u"a"_s}}));
    }

    void aServerWithoutMarkupGetsTheTextAsWritten()
    {
        FakeNotificationServer server(u"plain"_s);
        server.capabilities = {u"body"_s};
        QVERIFY(server.start());
        FreedesktopNotifier notifier;
        QTRY_VERIFY(notifier.isAvailable());
        QSignalSpy shown(&notifier, &FreedesktopNotifier::shown);
        notifier.show(notification(u"a"_s, Severity::Warning));
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(server.calls.constFirst().body, u"<b>db-1</b> & friends are down"_s);
        QCOMPARE(server.calls.constFirst().hints.value(u"urgency"_s).value<uchar>(), uchar(1));
        QCOMPARE(server.calls.constFirst().timeout, -1);
    }

    void eachNotificationShowsItsOwnAlerts()
    {
        FakeNotificationServer server(u"own"_s);
        QVERIFY(server.start());
        FreedesktopNotifier notifier;
        notifier.setGrowWindowForTesting(0); // every batch its own notification
        QTRY_VERIFY(notifier.isAvailable());
        QSignalSpy shown(&notifier, &FreedesktopNotifier::shown);
        notifier.show(notification(u"older"_s, Severity::Critical));
        QTRY_COMPARE(shown.count(), 1);
        notifier.show(notification(u"newer"_s, Severity::Critical));
        QTRY_COMPARE(shown.count(), 2);
        QCOMPARE(server.calls.size(), 2);
        QCOMPARE(server.calls.at(1).replaces, 0u);
        QSignalSpy show(&notifier, &FreedesktopNotifier::showRequested);
        QSignalSpy acknowledge(&notifier, &FreedesktopNotifier::acknowledgeRequested);
        server.click(server.calls.at(0).id, u"default"_s);
        QTRY_COMPARE(show.count(), 1);
        QCOMPARE(show.constFirst().constFirst().value<QList<AlertKey>>(),
                 (QList<AlertKey>{{u"alertmanager"_s, u"older"_s}}));
        server.click(server.calls.at(1).id, u"acknowledge"_s);
        QTRY_COMPARE(acknowledge.count(), 1);
        QCOMPARE(acknowledge.constFirst().constFirst().value<QList<AlertKey>>(),
                 (QList<AlertKey>{{u"alertmanager"_s, u"newer"_s}}));
        // Closed: a late click on it does nothing.
        server.close(server.calls.at(0).id);
        QTRY_VERIFY(notifier.alertsOf(server.calls.at(0).id).isEmpty());
        server.click(server.calls.at(0).id, u"default"_s);
        server.click(server.calls.at(1).id, u"default"_s); // a marker that signals arrived in order
        QTRY_COMPARE(show.count(), 2);
        QCOMPARE(show.constLast().constFirst().value<QList<AlertKey>>().constFirst().fingerprint, u"newer"_s);
    }

    void aGrowingBatchReplacesItsNotification()
    {
        FakeNotificationServer server(u"grow"_s);
        QVERIFY(server.start());
        FreedesktopNotifier notifier;
        QTRY_VERIFY(notifier.isAvailable());
        QSignalSpy shown(&notifier, &FreedesktopNotifier::shown);
        notifier.show(notification(u"a"_s, Severity::Warning, u"HighLoad — db-1"_s));
        QTRY_COMPARE(shown.count(), 1);
        notifier.show(notification(u"b"_s, Severity::Critical, u"NodeDown — db-1"_s));
        QTRY_COMPARE(shown.count(), 2);
        QCOMPARE(server.calls.size(), 2);
        const FakeNotificationServer::Call grown = server.calls.at(1);
        QCOMPARE(grown.replaces, server.calls.at(0).id);
        QCOMPARE(grown.summary, u"2 alert(s) firing"_s);
        QVERIFY(grown.body.startsWith(u"NodeDown — db-1"_s));
        QVERIFY(grown.body.contains(u"HighLoad — db-1"_s));
        QCOMPARE(grown.hints.value(u"urgency"_s).value<uchar>(), uchar(2)); // the worst of the batch
        QCOMPARE(notifier.alertsOf(grown.id).size(), 2);
    }
};

QTEST_GUILESS_MAIN(FreedesktopNotifierTest)
#include "tst_freedesktopnotifier.moc"
