#include "AlertBuilder.h"
#include "FakeNotificationServer.h"
#include "TrayController.h"
#include "model/AlertChange.h"
#include "model/AlertTableModel.h"
#include "notify/FreedesktopNotifier.h"
#include "settings/AppSettings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Notifications on a desktop without a tray (stock GNOME): through the notification
// service on the session bus, each bound to its own alert.
class TrayNotificationsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no session bus: run under dbus-run-session (ctest does)");
    }

    void withoutATrayTheServiceShowsThemAndAClickShowsItsOwnAlert()
    {
        FakeNotificationServer server(u"desktop"_s);
        QVERIFY(server.start());
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(u"settings.ini"_s));
        settings.setValue(Settings::notifyMatchers, u"severity=\"critical\""_s);
        AlertTableModel alerts;
        TrayController tray(&alerts, &settings);
        tray.setAvailableForTesting(false); // no tray icon on this desktop
        tray.notifier()->setGrowWindowForTesting(0);
        QTRY_VERIFY(tray.notifier()->isAvailable());
        QSignalSpy shown(tray.notifier(), &FreedesktopNotifier::shown);
        auto fire = [&](const QString &fingerprint) {
            tray.handleAlertChanges({{AlertBuilder(fingerprint)
                                          .named(u"NodeDown"_s)
                                          .label(u"instance"_s, fingerprint)
                                          .severity(Severity::Critical)
                                          .label(u"severity"_s, u"critical"_s)
                                          .startsAt(QDateTime::currentDateTimeUtc()),
                                      AlertMerge::Outcome::NewAlert}});
        };
        fire(u"db-1"_s);
        QTRY_COMPARE(shown.count(), 1);
        fire(u"db-2"_s);
        QTRY_COMPARE(shown.count(), 2);
        QCOMPARE(server.calls.size(), 2);
        QCOMPARE(server.calls.at(0).timeout, 0); // critical: stays until dismissed

        QSignalSpy requested(&tray, &TrayController::alertRequested);
        QSignalSpy window(&tray, &TrayController::showWindowRequested);
        server.click(server.calls.at(0).id, u"default"_s); // the older one
        QTRY_COMPARE(requested.count(), 1);
        QCOMPARE(requested.constFirst().at(1).toString(), u"db-1"_s);
        QCOMPARE(window.count(), 1);

        QSignalSpy acknowledge(&tray, &TrayController::acknowledgeRequested);
        server.click(server.calls.at(1).id, u"acknowledge"_s);
        QTRY_COMPARE(acknowledge.count(), 1);
        QCOMPARE(acknowledge.constFirst().constFirst().value<QList<AlertKey>>().constFirst().fingerprint, u"db-2"_s);
    }

    void withoutAServiceTheTrayIsUsed()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(u"settings.ini"_s));
        settings.setValue(Settings::notifyMatchers, u"severity=\"critical\""_s);
        AlertTableModel alerts;
        TrayController tray(&alerts, &settings);
        QVERIFY(!tray.notifier()->isAvailable());
        tray.handleAlertChanges({{AlertBuilder(u"x"_s)
                                      .named(u"NodeDown"_s)
                                      .severity(Severity::Critical)
                                      .label(u"severity"_s, u"critical"_s),
                                  AlertMerge::Outcome::NewAlert}});
        QVERIFY(tray.lastNotification()); // kept for the tray path
    }
};

QTEST_MAIN(TrayNotificationsTest)
#include "tst_traynotifications.moc"
