// alertdeck context: the metrics and logs planned for an alert, fetched from stand-ins for
// Prometheus and Loki.

#include "CliTestSupport.h"
#include "FakeHttpServer.h"
#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestCliContext : public QObject
{
    Q_OBJECT

private slots:
    void contextPlansAndFetches()
    {
        FakeHttpServer prometheus;
        QVERIFY(prometheus.listen());
        prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        FakeHttpServer loki;
        QVERIFY(loki.listen());
        loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-limited.json"_s)});
        const QString payload = TestData::fixturePath(u"alertmanager/firing-single.json"_s);
        QVERIFY(QFile::exists(payload));

        // Runs the binary while this test's fake servers keep answering.
        auto runWithServers = [](const QStringList &arguments) {
            AlertDeckProcess alertdeck(QDir::tempPath());
            alertdeck.start(arguments);
            return alertdeck.finish(30s);
        };

        // Planned only.
        RunResult result = runWithServers({u"context"_s, u"--payload"_s, payload});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(u"Alert 1 of 1: HighCPUUsage (warning, firing) from alertmanager"_s),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(u"threshold 1"_s));
        QVERIFY(result.out.contains(u"CPU busy %"_s));
        QVERIFY(result.out.contains(u"{host=\"127.0.0.1\"}"_s)); // every line: no word filter by default

        // An expression too long to chart is named as such, not as "no PromQL".
        QTemporaryDir dir;
        QJsonObject longEvent = QJsonDocument::fromJson(TestData::fixture(u"nightingale/event-firing.json"_s)).object();
        longEvent.insert(u"prom_ql"_s, u"a"_s + QString(20'000, u' ') + u"b > 1"_s);
        const QString longPayload
            = writeFile(dir.filePath(u"long.json"_s), QJsonDocument(longEvent).toJson(QJsonDocument::Compact));
        result = runWithServers({u"context"_s, u"--payload"_s, longPayload});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(u"too long to chart"_s) && !result.out.contains(u"has no PromQL"_s),
                 qPrintable(result.out));

        // Fetched from the fake Prometheus and Loki.
        result = runWithServers({u"context"_s, u"--payload"_s, payload, u"--prometheus"_s, prometheus.url().toString(),
                                 u"--loki"_s, loki.url().toString()});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(u"1 series"_s)
                     && result.out.contains(u"{instance=\"127.0.0.1:9100\", job=\"node\"}"_s),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(u"3 lines"_s));
        QVERIFY(result.out.contains(u"EXT4-fs warning"_s));
        QCOMPARE(prometheus.requests.size(), 5); // the expression and four node panels

        // JSON for scripts.
        result = runWithServers(
            {u"context"_s, u"--payload"_s, payload, u"--prometheus"_s, prometheus.url().toString(), u"--json"_s});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(json.value(u"alert"_s).toObject().value(u"name"_s).toString(), u"HighCPUUsage"_s);
        QCOMPARE(json.value(u"metrics"_s).toArray().size(), 5);
        QCOMPARE(json.value(u"metrics"_s).toArray().first().toObject().value(u"threshold"_s).toDouble(), 1.0);
        QVERIFY(json.value(u"metrics"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"series"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"points"_s)
                    .toInt()
                > 10);

        // Unreachable or failing services: said plainly, exit 1.
        prometheus.route("/api/v1/query_range", {400, errorBody(u"prometheus/query_range-bad-data.txt"_s)});
        result
            = runWithServers({u"context"_s, u"--payload"_s, payload, u"--prometheus"_s, prometheus.url().toString()});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains(u"Prometheus: bad_data: 1:33: parse error: unclosed left parenthesis"_s),
                 qPrintable(result.out));
        result = runWithServers({u"context"_s, u"--payload"_s, payload, u"--loki"_s, u"http://127.0.0.1:1"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains(u"Loki: Connection refused"_s), qPrintable(result.out));

        result = runWithServers({u"context"_s, u"--payload"_s, payload, u"--alert"_s, u"3"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(u"holds 1 alert; there is no alert 3"_s));
        QCOMPARE(run({u"context"_s}).exitCode, 2); // --payload missing
        QCOMPARE(run({u"--payload"_s, payload}).exitCode, 2); // only for context
    }
};

QTEST_GUILESS_MAIN(TestCliContext)
#include "tst_cli_context.moc"
