#include "TestData.h"
#include "ingest/PayloadParser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDateTime receivedAt = QDateTime(QDate(2026, 11, 22), QTime(4, 0), Qt::UTC);

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

PayloadParseResult parse(const QByteArray &body, PayloadFormat format = PayloadFormat::Auto)
{
    return parsePayload(body, format, receivedAt);
}

PayloadParseResult parseWithLimit(const QByteArray &body, int maxAlerts)
{
    PayloadLimits limits;
    limits.maxAlerts = maxAlerts;
    return parsePayload(body, PayloadFormat::Auto, receivedAt, limits);
}

// An Alertmanager body with `count` alerts; the one at `broken` (if any) is not an object.
QByteArray alertmanagerBody(int count, int broken = -1)
{
    QJsonArray alerts;
    for (int i = 0; i < count; ++i)
        alerts.append(i == broken ? QJsonValue(7)
                                  : QJsonObject{{u"status"_s, u"firing"_s},
                                                {u"labels"_s, QJsonObject{{u"alertname"_s, u"A%1"_s.arg(i)}}}});
    return QJsonDocument(QJsonObject{{u"version"_s, u"4"_s}, {u"alerts"_s, alerts}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestPayloadParser : public QObject
{
    Q_OBJECT

private slots:
    // --- Alertmanager fixtures (captured from a real Alertmanager 0.25) ---

    void alertmanagerFiringSingle()
    {
        const PayloadParseResult result = parse(TestData::fixture(u"alertmanager/firing-single.json"_s));
        QVERIFY2(result.ok(), qPrintable(result.error->message));
        QCOMPARE(result.payload.format, PayloadFormat::Alertmanager);
        QCOMPARE(result.payload.receiver, u"console"_s);
        QCOMPARE(result.payload.externalUrl, u"http://alertmanager.example.com:9093"_s);
        QCOMPARE(result.payload.groupKey, u"{}:{alertname=\"HighCPUUsage\"}"_s);
        QCOMPARE(result.payload.truncatedAlerts, 0);
        QCOMPARE(result.payload.alerts.size(), 1);

        const Alert &alert = result.payload.alerts.constFirst();
        QCOMPARE(alert.source, u"alertmanager"_s);
        QCOMPARE(alert.fingerprint, u"b16989585236e9bf"_s);
        QCOMPARE(alert.state, AlertState::Firing);
        QCOMPARE(alert.name, u"HighCPUUsage"_s);
        QCOMPARE(alert.severity, Severity::Warning);
        QCOMPARE(alert.severityText, u"warning"_s);
        QCOMPARE(alert.labels.value(u"team"_s), u"infra"_s);
        QCOMPARE(alert.labels.size(), 6);
        QCOMPARE(alert.annotations.value(u"runbook_url"_s), u"https://runbooks.example.com/node/high-cpu"_s);
        QCOMPARE(alert.target(), u"127.0.0.1:9100"_s);
        QCOMPARE(alert.summary(), u"CPU usage on 127.0.0.1:9100 is 76.2%"_s);
        QCOMPARE(alert.startsAt, utc(2026, 11, 22, 3, 55, 59, 83));
        QVERIFY(!alert.endsAt.isValid()); // 0001-01-01: no end
        QCOMPARE(alert.lastUpdate, receivedAt);
        QCOMPARE(alert.promQl,
                 u"100 - avg by (instance, job) (rate(node_cpu_seconds_total{mode=\"idle\"}[30s])) * 100 > 1"_s);
        QCOMPARE(alert.receiver, u"console"_s);
        QCOMPARE(alert.externalUrl, result.payload.externalUrl);
    }

    void alertmanagerResolvedSingle()
    {
        const PayloadParseResult result = parse(TestData::fixture(u"alertmanager/resolved-single.json"_s));
        QVERIFY(result.ok());
        const Alert &alert = result.payload.alerts.constFirst();
        QCOMPARE(alert.fingerprint, u"d606d4b094369029"_s);
        QCOMPARE(alert.state, AlertState::Resolved);
        QCOMPARE(alert.severity, Severity::Critical);
        QCOMPARE(alert.endsAt, utc(2026, 11, 22, 3, 56, 21, 83));
        QCOMPARE(alert.promQl, u"up{job=\"prometheus\"} == 1 and on () (vector(time()) % 40 < 20)"_s);
    }

    void alertmanagerMixedGroup()
    {
        const PayloadParseResult result = parse(TestData::fixture(u"alertmanager/group-mixed-status.json"_s));
        QVERIFY(result.ok());
        QCOMPARE(result.payload.alerts.size(), 5);
        int firing = 0;
        for (const Alert &alert : result.payload.alerts) {
            firing += alert.state == AlertState::Firing;
            QCOMPARE(alert.endsAt.isValid(), alert.state == AlertState::Resolved);
            QCOMPARE(alert.promQl,
                     u"predict_linear(node_filesystem_avail_bytes{fstype!=\"tmpfs\"}[6h], 4 * 3600) < 0"_s);
        }
        QCOMPARE(firing, 3);
    }

    void alertmanagerTruncatedGroup()
    {
        const PayloadParseResult result = parse(TestData::fixture(u"alertmanager/group-truncated.json"_s));
        QVERIFY(result.ok());
        QCOMPARE(result.payload.truncatedAlerts, 3);
        QCOMPARE(result.payload.alerts.size(), 3);
        QCOMPARE(result.payload.alerts.at(0).severity, Severity::Info);
        QCOMPARE(result.payload.alerts.at(0).promQl, u"node_filesystem_files_free / node_filesystem_files < 0.1"_s);
    }

    // --- Grafana ---

    void grafanaFiring()
    {
        const PayloadParseResult result = parse(TestData::fixture(u"grafana/firing.json"_s));
        QVERIFY2(result.ok(), qPrintable(result.error->message));
        QCOMPARE(result.payload.format, PayloadFormat::Grafana);
        const Alert &alert = result.payload.alerts.constFirst();
        QCOMPARE(alert.source, u"grafana"_s);
        QCOMPARE(alert.fingerprint, u"5c3e1a9b7d2f4e60"_s);
        QCOMPARE(alert.state, AlertState::Firing);
        QCOMPARE(alert.name, u"HighMemoryUsage"_s);
        QCOMPARE(alert.severity, Severity::Warning);
        QCOMPARE(alert.startsAt, utc(2026, 11, 22, 3, 40, 0));
        QVERIFY(!alert.endsAt.isValid());
        QVERIFY(alert.promQl.isEmpty()); // generatorURL points at the Grafana rule
        QVERIFY(alert.silenceUrl.startsWith(u"https://grafana.example.com/alerting/silence/new"_s));
        QCOMPARE(alert.dashboardUrl, u"https://grafana.example.com/d/node-exporter?orgId=1"_s);
        QCOMPARE(alert.panelUrl, u"https://grafana.example.com/d/node-exporter?orgId=1&viewPanel=7"_s);
        QCOMPARE(alert.values.value(u"A"_s), 91.2);
        QCOMPARE(alert.values.value(u"C"_s), 1.0);
        QVERIFY(alert.valueString.contains(u"value=91.2"_s));
        QCOMPARE(alert.receiver, u"alertdeck"_s);
    }

    void grafanaResolved()
    {
        const PayloadParseResult result = parse(TestData::fixture(u"grafana/resolved.json"_s));
        QVERIFY(result.ok());
        const Alert &alert = result.payload.alerts.constFirst();
        QCOMPARE(alert.state, AlertState::Resolved);
        QCOMPARE(alert.endsAt, utc(2026, 11, 22, 3, 55, 0));
        QCOMPARE(alert.values.value(u"A"_s), 72.4);
    }

    // --- Nightingale ---

    void nightingaleSingleEvent()
    {
        const PayloadParseResult result = parse(TestData::fixture(u"nightingale/event-firing.json"_s));
        QVERIFY2(result.ok(), qPrintable(result.error->message));
        QCOMPARE(result.payload.format, PayloadFormat::Nightingale);
        QCOMPARE(result.payload.alerts.size(), 1);
        const Alert &alert = result.payload.alerts.constFirst();
        QCOMPARE(alert.source, u"nightingale"_s);
        QCOMPARE(alert.fingerprint, u"9f3b2c6d1e8a7f4b5c2d1e0f9a8b7c6d"_s);
        QCOMPARE(alert.name, u"MySQL slave replication lag"_s);
        QCOMPARE(alert.severity, Severity::Critical);
        QCOMPARE(alert.severityText, u"emergency"_s);
        QCOMPARE(alert.state, AlertState::Firing);
        QCOMPARE(alert.labels.value(u"instance"_s), u"10.0.4.12:9104"_s);
        QCOMPARE(alert.labels.value(u"alertname"_s), u"MySQL slave replication lag"_s);
        QCOMPARE(alert.labels.value(u"target_ident"_s), u"mysql-replica-02"_s);
        QCOMPARE(alert.target(), u"10.0.4.12:9104"_s);
        QCOMPARE(alert.summary(), u"从库复制延迟 412 秒"_s);
        QCOMPARE(alert.annotations.value(u"runbook_url"_s), u"https://wiki.example.com/runbooks/mysql-lag"_s);
        QCOMPARE(alert.promQl, u"mysql_slave_status_seconds_behind_master > 300"_s);
        QCOMPARE(alert.valueString, u"412"_s);
        QCOMPARE(alert.startsAt, QDateTime::fromSecsSinceEpoch(1795319100, Qt::UTC));
        QVERIFY(!alert.endsAt.isValid());
        QCOMPARE(alert.receiver, u"DBA/MySQL"_s);
    }

    void nightingaleBatch()
    {
        const PayloadParseResult result = parse(TestData::fixture(u"nightingale/events-batch.json"_s));
        QVERIFY(result.ok());
        QCOMPARE(result.payload.alerts.size(), 2);
        QCOMPARE(result.payload.alerts.at(0).severity, Severity::Critical);
        QCOMPARE(result.payload.alerts.at(1).severity, Severity::Warning);
        QCOMPARE(result.payload.alerts.at(1).fingerprint, u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s);
    }

    void nightingaleRecovered()
    {
        const QByteArray body = TestData::fixture(u"nightingale/event-recovered.json"_s);
        const QJsonObject event = QJsonDocument::fromJson(body).object();
        const PayloadParseResult result = parse(body);
        QVERIFY(result.ok());
        const Alert &alert = result.payload.alerts.constFirst();
        QCOMPARE(alert.state, AlertState::Resolved);
        QCOMPARE(alert.endsAt, QDateTime::fromSecsSinceEpoch(event.value(u"last_eval_time"_s).toInteger(), Qt::UTC));
        QCOMPARE(alert.startsAt,
                 QDateTime::fromSecsSinceEpoch(event.value(u"first_trigger_time"_s).toInteger(), Qt::UTC));
    }

    void nightingaleNotifyScriptStdin()
    {
        const PayloadParseResult result = parse(TestData::fixture(u"nightingale/notify-script-stdin.json"_s));
        QVERIFY2(result.ok(), qPrintable(result.error->message));
        QCOMPARE(result.payload.format, PayloadFormat::Nightingale);
        QCOMPARE(result.payload.alerts.size(), 1);
        QVERIFY(!result.payload.alerts.constFirst().name.isEmpty());
        QVERIFY(!result.payload.alerts.constFirst().fingerprint.isEmpty());
    }

    void nightingaleTagsAndUnknownSeverity()
    {
        const PayloadParseResult result = parse(TestData::file(u"payloads/nightingale-tags-only.json"_s));
        QVERIFY2(result.ok(), qPrintable(result.error->message));
        const Alert &alert = result.payload.alerts.constFirst();
        QCOMPARE(alert.labels.value(u"ident"_s), u"web-1"_s);
        QCOMPARE(alert.labels.value(u"job"_s), u"web"_s);
        QCOMPARE(alert.severity, Severity::Other);
        QCOMPARE(alert.severityText, u"7"_s); // unknown values are kept
        QCOMPARE(alert.fingerprint.size(), 16); // empty hash: from labels
        QCOMPARE(alert.summary(), u"note text"_s);
        QCOMPARE(alert.valueString, u"12.5"_s);
    }

    // --- Edge cases (tests/data/payloads) ---

    void nanosecondTimestamps()
    {
        const PayloadParseResult result = parse(TestData::file(u"payloads/am-nanoseconds.json"_s));
        QVERIFY(result.ok());
        const Alert &alert = result.payload.alerts.constFirst();
        QCOMPARE(alert.startsAt, utc(2026, 11, 22, 3, 55, 59, 123));
        QCOMPARE(alert.endsAt, utc(2026, 11, 22, 3, 0, 0, 999));
    }

    void unicodeLabels()
    {
        const PayloadParseResult result = parse(TestData::file(u"payloads/am-unicode-labels.json"_s));
        QVERIFY(result.ok());
        const Alert &alert = result.payload.alerts.constFirst();
        QCOMPARE(alert.name, u"磁盘空间不足"_s);
        QCOMPARE(alert.labels.value(u"机房"_s), u"上海-01"_s);
        QCOMPARE(alert.labels.value(u"emoji"_s), u"🔥 hot"_s);
        QCOMPARE(alert.summary(), u"Ünïcödé 说明"_s);
    }

    void emptyAlertsArrayIsValid()
    {
        const PayloadParseResult result = parse(TestData::file(u"payloads/am-empty-alerts.json"_s));
        QVERIFY(result.ok());
        QCOMPARE(result.payload.alerts.size(), 0);
    }

    void missingFingerprintUsesLabels()
    {
        const PayloadParseResult first = parse(TestData::file(u"payloads/am-missing-fingerprint.json"_s));
        QVERIFY(first.ok());
        const QString fingerprint = first.payload.alerts.constFirst().fingerprint;
        QCOMPARE(fingerprint.size(), 16);
        QCOMPARE(
            parse(TestData::file(u"payloads/am-missing-fingerprint.json"_s)).payload.alerts.constFirst().fingerprint,
            fingerprint);
    }

    void unknownFieldsAreTolerated()
    {
        const PayloadParseResult result = parse(TestData::file(u"payloads/am-unknown-fields.json"_s));
        QVERIFY(result.ok());
        QCOMPARE(result.payload.alerts.constFirst().severity, Severity::Other);
        QCOMPARE(result.payload.alerts.constFirst().severityText, u"P0-urgent"_s);
    }

    void scalarLabelValuesBecomeText()
    {
        const PayloadParseResult result = parse(TestData::file(u"payloads/am-numeric-label.json"_s));
        QVERIFY(result.ok());
        QCOMPARE(result.payload.alerts.constFirst().labels.value(u"code"_s), u"503"_s);
        QCOMPARE(result.payload.alerts.constFirst().labels.value(u"flag"_s), u"true"_s);
    }

    void byteOrderMarkIsAccepted()
    {
        const PayloadParseResult result = parse(TestData::file(u"payloads/am-bom.json"_s));
        QVERIFY2(result.ok(), qPrintable(result.error->message));
        QCOMPARE(result.payload.alerts.constFirst().name, u"Bom"_s);
    }

    void tenThousandAlerts()
    {
        QJsonArray alerts;
        for (int i = 0; i < 10'000; ++i)
            alerts.append(
                QJsonObject{{u"status"_s, u"firing"_s},
                            {u"labels"_s, QJsonObject{{u"alertname"_s, u"Storm"_s}, {u"n"_s, QString::number(i)}}},
                            {u"annotations"_s, QJsonObject{}},
                            {u"startsAt"_s, u"2026-11-22T03:00:00Z"_s},
                            {u"endsAt"_s, u"0001-01-01T00:00:00Z"_s},
                            {u"fingerprint"_s, u"%1"_s.arg(i, 16, 16, QChar(u'0'))}});
        const QByteArray body = QJsonDocument(QJsonObject{{u"version"_s, u"4"_s}, {u"alerts"_s, alerts}}).toJson();
        const PayloadParseResult result = parse(body);
        QVERIFY(result.ok());
        QCOMPARE(result.payload.alerts.size(), 10'000);
        QCOMPARE(result.payload.alerts.last().labels.value(u"n"_s), u"9999"_s);
    }

    // --- Bounded work: the alert count ---

    void alertCountAtTheLimitIsAccepted()
    {
        const PayloadParseResult result = parseWithLimit(alertmanagerBody(3), 3);
        QVERIFY2(result.ok(), qPrintable(result.error->message));
        QCOMPARE(result.payload.alerts.size(), 3);
        QVERIFY(parseWithLimit(R"([{"rule_name":"a"},{"rule_name":"b"}])", 2).ok());
        QVERIFY(parseWithLimit(R"({"rule_name":"single"})", 1).ok());
    }

    void alertCountOverTheLimitIsRefusedUnread()
    {
        // The broken first alert would be a 422: the count is checked before any alert is read.
        const PayloadParseResult result = parseWithLimit(alertmanagerBody(4, 0), 3);
        QVERIFY(!result.ok());
        QCOMPARE(result.error->kind, PayloadError::Kind::TooManyAlerts);
        QCOMPARE(result.error->httpStatus(), 413);
        QVERIFY2(result.error->message.contains(u"holds 4"_s), qPrintable(result.error->message));
        QVERIFY2(result.error->message.contains(u"limit is 3"_s), qPrintable(result.error->message));
        QVERIFY2(result.error->message.contains(u"Listener/maxAlertsPerPayload"_s), qPrintable(result.error->message));

        const PayloadParseResult batch = parseWithLimit(R"([{"rule_name":"a"},{"rule_name":"b"},7])", 2);
        QCOMPARE(batch.error->httpStatus(), 413);
        QVERIFY2(batch.error->message.contains(u"holds 3"_s), qPrintable(batch.error->message));
        QCOMPARE(parseWithLimit(alertmanagerBody(2), 1).error->httpStatus(), 413); // Grafana shares the envelope
    }

    void defaultAlertLimitIsTenThousand()
    {
        QCOMPARE(PayloadLimits().maxAlerts, 10'000);
        // tenThousandAlerts() shows the limit itself passes.
        const PayloadParseResult result = parse(alertmanagerBody(10'001, 0));
        QCOMPARE(result.error->httpStatus(), 413);
        QVERIFY2(result.error->message.contains(u"holds 10001 and the limit is 10000"_s),
                 qPrintable(result.error->message));
    }

    // --- Times a sender cannot mean ---

    void unixSecondsAreChecked_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("1e300") << u"nightingale-time-1e300.json"_s
                               << u"first_trigger_time: 1.0000000000000001e+300 is outside 0 to 253402300799"_s;
        QTest::newRow("nan") << u"nightingale-time-nan.json"_s << u"trigger_time: expected Unix seconds, got \"nan\""_s;
        QTest::newRow("inf") << u"nightingale-time-inf.json"_s
                             << u"last_eval_time: expected Unix seconds, got \"inf\""_s;
        QTest::newRow("milliseconds") << u"nightingale-time-milliseconds.json"_s
                                      << u"[1].first_trigger_time: 1795319100000 is outside"_s;
        QTest::newRow("negative") << u"nightingale-time-negative.json"_s << u"trigger_time: -1.5 is outside"_s;
    }

    void unixSecondsAreChecked()
    {
        QFETCH(QString, file);
        QFETCH(QString, messagePart);
        const PayloadParseResult result = parse(TestData::file(u"payloads/"_s + file));
        QVERIFY2(!result.ok(), qPrintable(file));
        QCOMPARE(result.error->httpStatus(), 422);
        QVERIFY2(result.error->message.contains(messagePart), qPrintable(result.error->message));
    }

    void unixSecondsOutOfRangeStrings()
    {
        for (const char *text : {"NaN", "-inf", "+Inf", "infinity", "1e300", "253402300800", "12abc", ""}) {
            const QByteArray body = "{\"rule_name\":\"x\",\"first_trigger_time\":\"" + QByteArray(text) + "\"}";
            const PayloadParseResult result = parse(body);
            QVERIFY2(!result.ok(), text);
            QCOMPARE(result.error->httpStatus(), 422);
            QVERIFY2(result.error->message.startsWith(u"first_trigger_time: "_s), qPrintable(result.error->message));
        }
        // The last second of 9999 is still a time.
        QVERIFY(parse(R"({"rule_name":"x","first_trigger_time":253402300799})").ok());
    }

    void fractionalUnixSecondsKeepTheirMilliseconds()
    {
        const PayloadParseResult result = parse(TestData::file(u"payloads/nightingale-time-fractional.json"_s));
        QVERIFY2(result.ok(), qPrintable(result.error->message));
        const Alert &alert = result.payload.alerts.constFirst();
        QCOMPARE(alert.startsAt, QDateTime::fromMSecsSinceEpoch(1795319100250, Qt::UTC));
        QCOMPARE(alert.endsAt, QDateTime::fromMSecsSinceEpoch(1795319160750, Qt::UTC));
    }

    // Go's zero time means "no time": for an end, still firing; for a start, unknown,
    // taken as the time the payload arrived (found by fuzzing: it left an invalid start).
    void zeroTimesMeanNone()
    {
        const PayloadParseResult result
            = parse(R"({"alerts":[{"status":"firing","labels":{"alertname":"A"},"startsAt":"0001-01-01T00:00:00Z",)"
                    R"("endsAt":"0001-01-01T00:00:00Z"}]})");
        QVERIFY(result.ok());
        QCOMPARE(result.payload.alerts.constFirst().startsAt, receivedAt);
        QVERIFY(!result.payload.alerts.constFirst().endsAt.isValid());
    }

    void rfc3339TimesAreChecked_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("year 0000") << u"am-time-year-0000.json"_s
                                   << u"alerts[0].startsAt: \"0000-01-01T00:00:00Z\" is not an RFC 3339 time"_s;
        QTest::newRow("year 99999") << u"am-time-year-99999.json"_s
                                    << u"alerts[0].startsAt: \"99999-01-01T00:00:00Z\" is not an RFC 3339 time"_s;
        QTest::newRow("before 1970")
            << u"am-time-before-1970.json"_s
            << u"alerts[0].startsAt: \"1969-12-31T23:00:00Z\" is outside the years 1970 to 9999"_s;
        QTest::newRow("past 9999 in UTC")
            << u"am-time-past-9999.json"_s
            << u"alerts[0].startsAt: \"9999-12-31T23:00:00-05:00\" is outside the years 1970 to 9999"_s;
        // 200 fractional digits: refused unread, and quoted back short.
        QTest::newRow("long fraction") << u"am-time-long-fraction.json"_s
                                       << u"alerts[0].startsAt: \"2026-11-22T03:55:59.1234567890"_s;
    }

    void rfc3339TimesAreChecked()
    {
        QFETCH(QString, file);
        QFETCH(QString, messagePart);
        const PayloadParseResult result = parse(TestData::file(u"payloads/"_s + file));
        QVERIFY2(!result.ok(), qPrintable(file));
        QCOMPARE(result.error->httpStatus(), 422);
        QVERIFY2(result.error->message.contains(messagePart), qPrintable(result.error->message));
        QVERIFY2(result.error->message.size() < 200, qPrintable(result.error->message));
    }

    // A sender's text quoted back in an error is cut short and kept on one line.
    void errorMessagesQuoteValuesShort()
    {
        const QByteArray longStatus(100'000, 'x');
        const PayloadParseResult status = parse("{\"alerts\":[{\"status\":\"" + longStatus + "\\n\",\"labels\":{}}]}");
        QCOMPARE(status.error->httpStatus(), 422);
        QVERIFY2(status.error->message.size() < 200, qPrintable(status.error->message.left(300)));
        QVERIFY(status.error->message.contains(u"…"_s));

        const PayloadParseResult control = parse("{\"alerts\":[{\"status\":\"bad\\nline\\u0007\",\"labels\":{}}]}");
        QVERIFY2(control.error->message.contains(u"\"bad\\u000aline\\u0007\""_s), qPrintable(control.error->message));
        QVERIFY(!control.error->message.contains(u'\n'));

        const PayloadParseResult key
            = parse("{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"" + longStatus + "\":[1]}}]}");
        QVERIFY2(key.error->message.size() < 200, qPrintable(key.error->message.left(300)));
        QVERIFY(key.error->message.contains(u"expected a string, got an array"_s));
    }

    void refusedBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("messagePart");
        const int autoFormat = int(PayloadFormat::Auto);
        QTest::newRow("truncated json") << QByteArray("{\"alerts\": [") << autoFormat << 400
                                        << u"invalid JSON at byte 12"_s;
        QTest::newRow("empty body") << QByteArray("  ") << autoFormat << 400 << u"body is empty"_s;
        QTest::newRow("not json") << QByteArray("alert!") << autoFormat << 400 << u"invalid JSON at byte 1"_s;
        QTest::newRow("non-utf8") << TestData::file(u"payloads/am-non-utf8.json"_s) << autoFormat << 400
                                  << u"invalid JSON at byte"_s;
        QTest::newRow("unrecognised") << TestData::file(u"payloads/unrecognised.json"_s) << autoFormat << 422
                                      << u"unrecognised payload"_s;
        // Qt's parser takes only objects and arrays at the top: a bare scalar is refused as JSON.
        QTest::newRow("scalar json") << QByteArray("42") << autoFormat << 400 << u"invalid JSON"_s;
        QTest::newRow("missing status") << TestData::file(u"payloads/am-missing-status.json"_s) << autoFormat << 422
                                        << u"alerts[0].status: missing"_s;
        QTest::newRow("labels wrong type") << TestData::file(u"payloads/am-labels-wrong-type.json"_s) << autoFormat
                                           << 422 << u"alerts[0].labels: expected an object, got an array"_s;
        QTest::newRow("bad time") << TestData::file(u"payloads/am-bad-time.json"_s) << autoFormat << 422
                                  << u"alerts[0].startsAt: \"yesterday at noon\" is not an RFC 3339 time"_s;
        QTest::newRow("alerts not array") << TestData::file(u"payloads/am-alerts-not-array.json"_s) << autoFormat << 422
                                          << u"alerts: expected an array, got an object"_s;
        QTest::newRow("bad status value") << QByteArray(R"({"alerts":[{"status":"burning","labels":{}}]})")
                                          << autoFormat << 422 << u"alerts[0].status: \"burning\" is neither"_s;
        QTest::newRow("nested label") << QByteArray(R"({"alerts":[{"status":"firing","labels":{"a":{"b":1}}}]})")
                                      << autoFormat << 422 << u"alerts[0].labels.a: expected a string"_s;
        QTest::newRow("nightingale bad tag") << TestData::file(u"payloads/nightingale-bad-tag.json"_s) << autoFormat
                                             << 422 << u"tags[0]: expected \"key=value\""_s;
        QTest::newRow("nightingale batch item") << QByteArray(R"([{"rule_name":"ok"}, 7])") << autoFormat << 422
                                                << u"[1]: expected an object, got a number"_s;
        QTest::newRow("nightingale severity type") << QByteArray(R"({"rule_name":"x","severity":"high"})") << autoFormat
                                                   << 422 << u"severity: expected a number"_s;
        for (const char *count : {"-3", "2.5", "1e300", "\"4\""}) {
            QTest::addRow("truncatedAlerts %s", count)
                << QByteArray(R"({"truncatedAlerts":)") + count + R"(,"alerts":[{"status":"firing","labels":{}}]})"
                << autoFormat << 422 << u"truncatedAlerts: expected a count of 0 or more"_s;
        }
        QTest::newRow("alertmanager endpoint, nightingale body")
            << TestData::fixture(u"nightingale/event-firing.json"_s) << int(PayloadFormat::Alertmanager) << 422
            << u"alerts: missing"_s;
        QTest::newRow("nightingale endpoint, alertmanager body")
            << TestData::fixture(u"alertmanager/firing-single.json"_s) << int(PayloadFormat::Nightingale) << 422
            << u"rule_name: missing"_s;
    }

    void refusedBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, format);
        QFETCH(int, status);
        QFETCH(QString, messagePart);
        const PayloadParseResult result = parse(body, static_cast<PayloadFormat>(format));
        QVERIFY(!result.ok());
        QCOMPARE(result.error->httpStatus(), status);
        QVERIFY2(result.error->message.contains(messagePart), qPrintable(result.error->message));
    }

    void explicitFormatAcceptsMatchingBody()
    {
        QVERIFY(parse(TestData::fixture(u"grafana/firing.json"_s), PayloadFormat::Grafana).ok());
        QVERIFY(parse(TestData::fixture(u"alertmanager/firing-single.json"_s), PayloadFormat::Alertmanager).ok());
        QVERIFY(parse(TestData::fixture(u"nightingale/events-batch.json"_s), PayloadFormat::Nightingale).ok());
    }

    void rfc3339()
    {
        QCOMPARE(parseRfc3339(u"2026-01-01T11:42:10.123456789Z"_s), utc(2026, 1, 1, 11, 42, 10, 123));
        QCOMPARE(parseRfc3339(u"2026-01-01T13:42:10.5+02:00"_s), utc(2026, 1, 1, 11, 42, 10, 500));
        QCOMPARE(parseRfc3339(u"2026-01-01T11:42:10Z"_s), utc(2026, 1, 1, 11, 42, 10));
        QVERIFY(!parseRfc3339(u"0001-01-01T00:00:00Z"_s).isValid());
        QVERIFY(!parseRfc3339(u"yesterday"_s).isValid());
        QVERIFY(!parseRfc3339(u"2026-01-01T11:42:10"_s).isValid()); // no offset: whose local time?
        QVERIFY(!parseRfc3339(u"2026-01-01T11:42:10.5"_s).isValid());
        // More digits than nanoseconds: read to the millisecond.
        QCOMPARE(parseRfc3339(u"2026-01-01T11:42:10.123456789012Z"_s), utc(2026, 1, 1, 11, 42, 10, 123));
        QVERIFY(!parseRfc3339(u"0000-01-01T00:00:00Z"_s).isValid()); // there is no year 0
        QVERIFY(!parseRfc3339(u"99999-01-01T00:00:00Z"_s).isValid());
    }

    // The common form is read by hand (it runs for every alert), the rest by the general
    // reading: both must read every text alike, also where a field is out of range.
    void rfc3339ReadingsAgree_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text :
             {"2026-11-22T03:00:00Z",        "2026-11-22T03:00:00.1Z",        "2026-11-22T03:00:00.12Z",
              "2026-11-22T03:00:00.999999Z", "2026-11-22T03:00:00.Z",         "2026-11-22T03:00:00+00:00",
              "2026-11-22T03:00:00-00:00",   "2026-11-22T03:00:00+05:30",     "2026-11-22T03:00:00-09:45",
              "2026-11-22T03:00:00+14:00",   "2026-11-22T03:00:00+15:00",     "2026-11-22T03:00:00+02:60",
              "2026-11-22T03:00:00+0200",    "2026-11-22t03:00:00z",          "2026-11-22 03:00:00Z",
              "2026-02-29T00:00:00Z",        "2024-02-29T23:59:59.999Z",      "2026-13-01T00:00:00Z",
              "2026-00-10T00:00:00Z",        "2026-04-31T00:00:00Z",          "2026-11-22T24:00:00Z",
              "2026-11-22T23:60:00Z",        "2026-11-22T23:59:60Z",          "1970-01-01T00:00:00Z",
              "1969-12-31T23:59:59-01:00",   "9999-12-31T23:59:59.999-14:00", "0001-01-01T00:00:00Z",
              "0001-01-01T00:00:00.5+01:00", "2026-11-22T03:00:00Z ",         " 2026-11-22T03:00:00Z",
              "2026-11-22T03:00Z",           "2026-1-22T03:00:00Z",           "+2026-11-22T03:00:00Z",
              "2026-11-22T03:00:00ZZ",       "2026-11-22T03:00:00.5.5Z",      "２０２６-11-22T03:00:00Z"})
            QTest::newRow(text) << QString::fromUtf8(text);
    }

    void rfc3339ReadingsAgree()
    {
        QFETCH(QString, text);
        const QDateTime quick = parseRfc3339(text);
        const QDateTime general = parseRfc3339Generally(text);
        QCOMPARE(quick.isValid(), general.isValid());
        QCOMPARE(quick, general);
        if (quick.isValid())
            QCOMPARE(quick.timeSpec(), Qt::UTC);
    }
};

QTEST_GUILESS_MAIN(TestPayloadParser)
#include "tst_payloadparser.moc"
