// Which live changes make a desktop notification, and what it says.

#include "AlertBuilder.h"
#include "notify/NotificationPolicy.h"
#include "settings/AppSettings.h"
#include "store/AlertStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
AlertChange change(const QString &name, const QString &severity, AlertMerge::Outcome outcome,
                   AlertState state = AlertState::Firing)
{
    AlertChange result;
    result.alert = AlertBuilder(name + severity)
                       .named(name)
                       .state(state)
                       .label(u"severity"_s, severity)
                       .label(u"instance"_s, u"db-1"_s)
                       .summary(name + u" on db-1"_s)
                       .severity(severityFromText(severity));
    result.outcome = outcome;
    return result;
}
} // namespace

class TestNotificationPolicy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void criticalAlertsThatStartFiringByDefault()
    {
        AppSettings settings(m_dir.filePath(u"a.ini"_s));
        NotificationPolicy policy;
        policy.load(settings);
        QVERIFY(policy.error().isEmpty());
        const auto one = policy.notificationFor({change(u"DiskFull"_s, u"critical"_s, AlertMerge::Outcome::NewAlert)});
        QVERIFY(one);
        QCOMPARE(one->alertCount, 1);
        QVERIFY2(one->title.startsWith(u"DiskFull"_s), qPrintable(one->title));
        QCOMPARE(one->body, u"DiskFull on db-1"_s);
        QCOMPARE(one->fingerprint, u"DiskFullcritical"_s);

        // Warnings, updates, resolutions, duplicates: nothing.
        QVERIFY(!policy.notificationFor({change(u"HighLoad"_s, u"warning"_s, AlertMerge::Outcome::NewAlert)}));
        QVERIFY(!policy.notificationFor({change(u"DiskFull"_s, u"critical"_s, AlertMerge::Outcome::Updated)}));
        QVERIFY(!policy.notificationFor(
            {change(u"DiskFull"_s, u"critical"_s, AlertMerge::Outcome::Resolved, AlertState::Resolved)}));
        QVERIFY(!policy.notificationFor({change(u"DiskFull"_s, u"critical"_s, AlertMerge::Outcome::Duplicate)}));
        // Firing again counts.
        QVERIFY(policy.notificationFor({change(u"DiskFull"_s, u"critical"_s, AlertMerge::Outcome::Reopened)}));
        QVERIFY(policy.notificationFor({change(u"DiskFull"_s, u"critical"_s, AlertMerge::Outcome::NewOccurrence)}));
    }

    void severalAtOnceMakeOne()
    {
        AppSettings settings(m_dir.filePath(u"b.ini"_s));
        NotificationPolicy policy;
        policy.load(settings);
        QList<AlertChange> changes;
        for (const QString &name : {u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s})
            changes << change(name, u"critical"_s, AlertMerge::Outcome::NewAlert);
        changes << change(u"W"_s, u"warning"_s, AlertMerge::Outcome::NewAlert);
        const auto many = policy.notificationFor(changes);
        QVERIFY(many);
        QCOMPARE(many->alertCount, 5);
        QCOMPARE(many->title, u"5 alert(s) firing"_s);
        QCOMPARE(many->body.split(u'\n').size(), 4); // three names and "and 2 more"
        QCOMPARE(many->fingerprint, u"Acritical"_s); // a click goes to the first
    }

    void matchersDoNotDisturbAndErrors()
    {
        AppSettings settings(m_dir.filePath(u"c.ini"_s));
        settings.setValue(Settings::notifyMatchers, u"severity=~\"critical|warning\""_s);
        NotificationPolicy policy;
        policy.load(settings);
        QVERIFY(policy.notificationFor({change(u"HighLoad"_s, u"warning"_s, AlertMerge::Outcome::NewAlert)}));

        settings.setValue(Settings::doNotDisturb, true);
        policy.load(settings);
        QVERIFY(policy.doNotDisturb());
        QVERIFY(!policy.notificationFor({change(u"DiskFull"_s, u"critical"_s, AlertMerge::Outcome::NewAlert)}));

        settings.setValue(Settings::doNotDisturb, false);
        settings.setValue(Settings::notifyMatchers, QString()); // off
        policy.load(settings);
        QVERIFY(!policy.notificationFor({change(u"DiskFull"_s, u"critical"_s, AlertMerge::Outcome::NewAlert)}));

        settings.setValue(Settings::notifyMatchers, u"severity=~\"(\""_s);
        policy.load(settings);
        QVERIFY2(policy.error().startsWith(u"Notification matchers:"_s), qPrintable(policy.error()));
        QVERIFY(!policy.notificationFor({change(u"DiskFull"_s, u"critical"_s, AlertMerge::Outcome::NewAlert)}));
    }

    void replayedAlertsDoNotNotify()
    {
        AppSettings settings(m_dir.filePath(u"d.ini"_s));
        NotificationPolicy policy;
        policy.load(settings);
        AlertChange replayed = change(u"DiskFull"_s, u"critical"_s, AlertMerge::Outcome::NewAlert);
        replayed.alert.replay = true;
        QVERIFY(!policy.notificationFor({replayed}));
    }
};

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "tst_notificationpolicy.moc"
