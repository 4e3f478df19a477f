// alertdeck history export and alertdeck replay: what was stored comes out, and goes back in.

#include "CliTestSupport.h"
#include "FakeHttpServer.h"
#include "HttpTestClient.h"
#include "ResultAssert.h"
#include "TestData.h"
#include "store/AlertStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestCliHistory : public QObject
{
    Q_OBJECT

private slots:
    void historyExportWritesWhatWasStored()
    {
        QTemporaryDir dir;
        const QByteArray body = TestData::fixture(u"alertmanager/firing-single.json"_s);
        {
            AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
            alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path()});
            QTRY_VERIFY_WITH_TIMEOUT(alertdeck.listeningPort() != 0, 20'000);
            QCOMPARE(HttpTestClient::postJson(alertdeck.listeningPort(), "/webhook", body).status, 200);
            QVERIFY(alertdeck.terminateAndWait());
        }
        const RunResult result = run({u"history"_s, u"export"_s, u"--data-dir"_s, dir.path()});
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        const QJsonObject line = QJsonDocument::fromJson(lines.constFirst().toUtf8()).object();
        QCOMPARE(line.value(u"body"_s).toString().toUtf8(), body);
        QCOMPARE(line.value(u"source"_s).toString(), u"alertmanager"_s);
        QCOMPARE(line.value(u"path"_s).toString(), u"/webhook"_s);

        const RunResult none
            = run({u"history"_s, u"export"_s, u"--data-dir"_s, dir.path(), u"--since"_s, u"2100-01-01"_s});
        QCOMPARE(none.exitCode, 0);
        QVERIFY(none.out.isEmpty());

        const RunResult missing = run({u"history"_s, u"export"_s, u"--data-dir"_s, dir.filePath(u"nowhere"_s)});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(u"There is no alert store"_s));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"nowhere"_s)));
    }

    void replayToAUrlSummarisesFailures()
    {
        FakeHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.route("/webhook", {200, "{\"status\":\"stored\"}"});
        receiver.queue("/webhook", {200, "{\"status\":\"stored\"}"});
        receiver.queue("/webhook", {500, "{\"error\":\"store unavailable\"}"});
        QTemporaryDir dir;
        const QByteArray body = QJsonDocument::fromJson(TestData::fixture(u"alertmanager/firing-single.json"_s))
                                    .toJson(QJsonDocument::Compact);
        QFile input(dir.filePath(u"drill.ndjson"_s));
        QVERIFY(input.open(QIODevice::WriteOnly));
        for (int second : {0, 1, 2}) {
            input.write(QJsonDocument(QJsonObject{{u"receivedAt"_s, u"2026-11-22T10:00:0%1Z"_s.arg(second)},
                                                  {u"path"_s, u"/webhook"_s},
                                                  {u"body"_s, QString::fromUtf8(body)}})
                            .toJson(QJsonDocument::Compact)
                        + "\n");
        }
        input.close();
        ChildProcess replay;
        replay.setEnvironmentVariable(u"DRILL_TOKEN"_s, u"tok-drill-31"_s);
        replay.start(QLatin1String(ALERTDECK_BINARY),
                     {u"replay"_s, input.fileName(), u"--to"_s, receiver.url().toString(), u"--max"_s, u"--token-env"_s,
                      u"DRILL_TOKEN"_s});
        QVERIFY(replay.waitForFinished(30s)); // the receiver answers from this event loop
        const QString out = replay.standardOutput();
        const QString err = replay.standardError();
        QCOMPARE(replay.exitCode(), 1);
        QCOMPARE(receiver.requests.size(), 3);
        QCOMPARE(receiver.requests.first().header("authorization"), QByteArray("Bearer tok-drill-31"));
        QVERIFY2(out.contains(u"[2/3] 2026-11-22T10:00:01Z "_s + input.fileName() + u":2 /webhook → HTTP 500"_s),
                 qPrintable(out));
        QVERIFY(out.contains(u"Replayed 3 of 3 payloads to "_s + receiver.url().toString()
                             + u": 2 accepted, 1 refused; 0 inputs skipped."_s));
        QVERIFY2(err.contains(u"refused: "_s + input.fileName() + u":2: HTTP 500: {\"error\":\"store unavailable\"}"_s),
                 qPrintable(err));

        // Basic auth from the environment.
        ChildProcess basic;
        basic.setEnvironmentVariable(u"DRILL_TOKEN"_s, u"tok-drill-31"_s);
        basic.setEnvironmentVariable(u"DRILL_BASIC"_s, u"drill:pw-32"_s);
        basic.start(QLatin1String(ALERTDECK_BINARY),
                    {u"replay"_s, input.fileName(), u"--to"_s, receiver.url().toString(), u"--max"_s, u"--basic-env"_s,
                     u"DRILL_BASIC"_s});
        QVERIFY(basic.waitForFinished(30s));
        QCOMPARE(basic.exitCode(), 0);
        QCOMPARE(receiver.requests.last().header("authorization"), "Basic " + QByteArray("drill:pw-32").toBase64());

        QCOMPARE(run({u"replay"_s, input.fileName()}).exitCode, 2); // --to missing
        QCOMPARE(run({u"replay"_s, u"--to"_s, receiver.url().toString()}).exitCode, 2); // nothing to replay
        QCOMPARE(
            run({u"replay"_s, input.fileName(), u"--to"_s, receiver.url().toString(), u"--speed"_s, u"0"_s}).exitCode,
            2);
    }

    void exportThenReplayGivesTheSameAlerts()
    {
        // Deliveries into one AlertDeck, exported, replayed into a fresh one: the same alerts, the same states.
        QTemporaryDir first;
        QTemporaryDir second;
        auto startHeadless = [](AlertDeckProcess &alertdeck, const QString &dataDir) {
            alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir});
            QTRY_VERIFY_WITH_TIMEOUT(alertdeck.listeningPort() != 0, 20'000);
        };
        {
            AlertDeckProcess alertdeck(first.filePath(u"config"_s));
            startHeadless(alertdeck, first.path());
            const quint16 port = alertdeck.listeningPort();
            for (const QString &fixture :
                 {u"alertmanager/firing-single.json"_s, u"grafana/firing.json"_s, u"nightingale/events-batch.json"_s,
                  u"alertmanager/group-mixed-status.json"_s, u"alertmanager/resolved-single.json"_s,
                  u"grafana/resolved.json"_s})
                QCOMPARE(HttpTestClient::postJson(port, "/webhook", TestData::fixture(fixture)).status, 200);
            QVERIFY(alertdeck.terminateAndWait());
        }
        const RunResult exported = run({u"history"_s, u"export"_s, u"--data-dir"_s, first.path()});
        QCOMPARE(exported.exitCode, 0);
        QFile history(first.filePath(u"history.ndjson"_s));
        QVERIFY(history.open(QIODevice::WriteOnly));
        history.write(exported.out.toUtf8());
        history.close();
        {
            AlertDeckProcess alertdeck(second.filePath(u"config"_s));
            startHeadless(alertdeck, second.path());
            const RunResult replayed = run({u"replay"_s, history.fileName(), u"--to"_s,
                                            u"http://127.0.0.1:%1"_s.arg(alertdeck.listeningPort()), u"--max"_s});
            QVERIFY2(replayed.exitCode == 0, qPrintable(replayed.out + replayed.err));
            QVERIFY(replayed.out.contains(u"Replayed 6 of 6 payloads"_s));
            QVERIFY(alertdeck.terminateAndWait());
        }
        auto alertsIn = [](const QString &dataDir) {
            AlertStore store;
            [&] { QVERIFY_OK(store.open(QDir(dataDir).filePath(u"alerts.sqlite"_s))); }();
            QStringList described;
            for (const Alert &alert : store.alerts())
                described << u"%1 %2 %3 %4 %5 %6"_s.arg(alert.source, alert.fingerprint, stateName(alert.state),
                                                        alert.startsAt.toString(Qt::ISODateWithMs),
                                                        alert.endsAt.toString(Qt::ISODateWithMs), alert.name);
            described.sort();
            return described;
        };
        const QStringList original = alertsIn(first.path());
        QVERIFY2(original.size() >= 5, qPrintable(original.join(u'\n')));
        QCOMPARE(alertsIn(second.path()), original);
    }
};

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_cli_history.moc"
