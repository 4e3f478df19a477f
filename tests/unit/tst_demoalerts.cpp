#include "demo/DemoAlerts.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDemoAlerts : public QObject
{
    Q_OBJECT

private slots:
    void loadsMarkedRecentVariedAlerts()
    {
        const QDateTime now = QDateTime(QDate(2027, 3, 4), QTime(5, 6, 7), Qt::UTC);
        const QList<Alert> alerts = DemoAlerts::load(now);
        QCOMPARE(alerts.size(), 7);

        QSet<Severity> severities;
        QSet<QString> fingerprints;
        int resolved = 0;
        for (const Alert &alert : alerts) {
            QVERIFY(alert.demo);
            QVERIFY(!alert.name.isEmpty());
            QVERIFY(!alert.summary().isEmpty());
            QVERIFY(alert.startsAt.isValid());
            // Re-timed around `now`: every alert started within the last day, none in the future.
            QVERIFY2(alert.startsAt <= now && alert.startsAt > now.addDays(-1),
                     qPrintable(alert.startsAt.toString(Qt::ISODate)));
            if (alert.state == AlertState::Resolved) {
                ++resolved;
                QVERIFY(alert.endsAt.isValid() && alert.endsAt <= now && alert.endsAt > alert.startsAt);
            }
            severities.insert(alert.severity);
            fingerprints.insert(alert.fingerprint);
        }
        QCOMPARE(fingerprints.size(), alerts.size());
        QCOMPARE(resolved, 2);
        QVERIFY(severities.contains(Severity::Critical) && severities.contains(Severity::Warning)
                && severities.contains(Severity::Info));
    }
};

QTEST_GUILESS_MAIN(TestDemoAlerts)
#include "tst_demoalerts.moc"
