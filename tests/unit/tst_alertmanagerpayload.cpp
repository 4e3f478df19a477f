#include "ingest/AlertmanagerPayload.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QLatin1String(ALERTDECK_SHARED_FIXTURES) + u"/alertmanager/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

const QDateTime receivedAt = QDateTime(QDate(2026, 11, 22), QTime(4, 0), Qt::UTC);

} // namespace

class TestAlertmanagerPayload : public QObject
{
    Q_OBJECT

private slots:
    void firingSingle()
    {
        const AlertmanagerParseResult result = parseAlertmanagerPayload(fixture(u"firing-single.json"_s), receivedAt);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.payload.receiver, u"console"_s);
        QCOMPARE(result.payload.externalUrl, u"http://alertmanager.example.com:9093"_s);
        QCOMPARE(result.payload.alerts.size(), 1);
        const Alert &alert = result.payload.alerts.constFirst();
        QCOMPARE(alert.fingerprint, u"b16989585236e9bf"_s);
        QCOMPARE(alert.source, u"alertmanager"_s);
        QCOMPARE(alert.state, AlertState::Firing);
        QCOMPARE(alert.name, u"HighCPUUsage"_s);
        QCOMPARE(alert.severity, Severity::Warning);
        QCOMPARE(alert.target(), u"127.0.0.1:9100"_s);
        QCOMPARE(alert.summary(), u"CPU usage on 127.0.0.1:9100 is 76.2%"_s);
        QCOMPARE(alert.startsAt, QDateTime(QDate(2026, 11, 22), QTime(3, 55, 59, 83), Qt::UTC));
        QVERIFY(!alert.endsAt.isValid()); // 0001-01-01: no end
        QCOMPARE(alert.lastUpdate, receivedAt);
        QVERIFY(alert.generatorUrl.contains(u"g0.expr="_s));
    }

    void resolvedSingle()
    {
        const AlertmanagerParseResult result = parseAlertmanagerPayload(fixture(u"resolved-single.json"_s), receivedAt);
        QVERIFY(result.ok());
        const Alert &alert = result.payload.alerts.constFirst();
        QCOMPARE(alert.state, AlertState::Resolved);
        QCOMPARE(alert.severity, Severity::Critical);
        QCOMPARE(alert.endsAt, QDateTime(QDate(2026, 11, 22), QTime(3, 56, 21, 83), Qt::UTC));
    }

    void truncatedGroup()
    {
        const AlertmanagerParseResult result = parseAlertmanagerPayload(fixture(u"group-truncated.json"_s), receivedAt);
        QVERIFY(result.ok());
        QCOMPARE(result.payload.truncatedAlerts, 3);
        QCOMPARE(result.payload.alerts.size(), 3);
    }

    void nanosecondTimestamps()
    {
        QCOMPARE(parseRfc3339(u"2026-01-01T11:42:10.123456789Z"_s),
                 QDateTime(QDate(2026, 1, 1), QTime(11, 42, 10, 123), Qt::UTC));
        QCOMPARE(parseRfc3339(u"2026-01-01T13:42:10.5+02:00"_s),
                 QDateTime(QDate(2026, 1, 1), QTime(11, 42, 10, 500), Qt::UTC));
        QVERIFY(!parseRfc3339(u"0001-01-01T00:00:00Z"_s).isValid());
        QVERIFY(!parseRfc3339(u"yesterday"_s).isValid());
    }

    void invalidInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("broken json") << QByteArray("{\"alerts\": [") << u"invalid JSON at byte"_s;
        QTest::newRow("array") << QByteArray("[]") << u"not a JSON object"_s;
        QTest::newRow("no alerts") << QByteArray("{\"version\":\"4\"}") << u"\"alerts\""_s;
        QTest::newRow("no fingerprint") << QByteArray("{\"alerts\":[{\"status\":\"firing\"}]}")
                                        << u"alerts[0]: missing field \"fingerprint\""_s;
    }

    void invalidInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, messagePart);
        const AlertmanagerParseResult result = parseAlertmanagerPayload(body, receivedAt);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(messagePart), qPrintable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestAlertmanagerPayload)
#include "tst_alertmanagerpayload.moc"
