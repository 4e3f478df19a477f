#include "FakeHttpServer.h"
#include "ResultAssert.h"
#include "TestData.h"
#include "replay/ReplayHttpTarget.h"
#include "replay/ReplayPlayer.h"
#include "replay/ReplaySession.h"
#include "replay/ReplaySource.h"
#include "store/StoreService.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

QByteArray exportLine(const QString &receivedAt, const QString &path, const QByteArray &body)
{
    return QJsonDocument(QJsonObject{{u"receivedAt"_s, receivedAt},
                                     {u"source"_s, u"alertmanager"_s},
                                     {u"path"_s, path},
                                     {u"body"_s, QString::fromUtf8(body)}})
        .toJson(QJsonDocument::Compact);
}

QByteArray compact(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact);
}

ReplayItem timed(const QDateTime &at, const QByteArray &body = "{}")
{
    ReplayItem item;
    item.receivedAt = at;
    item.body = body;
    return item;
}

// An Alertmanager notification carrying `count` alerts.
QByteArray manyAlerts(int count)
{
    QJsonObject payload = QJsonDocument::fromJson(TestData::fixture(u"alertmanager/firing-single.json"_s)).object();
    const QJsonObject first = payload.value(u"alerts"_s).toArray().first().toObject();
    QJsonArray alerts;
    for (int i = 0; i < count; ++i) {
        QJsonObject alert = first;
        alert.insert(u"fingerprint"_s, u"fp%1"_s.arg(i));
        alerts.append(alert);
    }
    payload.insert(u"alerts"_s, alerts);
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

} // namespace

class TestReplay : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        [&] { QVERIFY(file.open(QIODevice::WriteOnly)); }();
        file.write(content);
        return file.fileName();
    }

private slots:
    void everyFormatIsRead()
    {
        const QByteArray firing = compact(TestData::fixture(u"alertmanager/firing-single.json"_s));
        const QByteArray resolved = compact(TestData::fixture(u"alertmanager/resolved-single.json"_s));
        const QByteArray grafana = compact(TestData::fixture(u"grafana/firing.json"_s));
        const QByteArray batch = compact(TestData::fixture(u"nightingale/events-batch.json"_s));

        // A single payload, and a Nightingale batch (an array that is one payload).
        ReplaySource::Result single = ReplaySource::readContent(firing, u"one.json"_s);
        QCOMPARE(single.items.size(), 1);
        QVERIFY(single.problems.isEmpty());
        QVERIFY(single.items.first().alertsStartAt.isValid()); // pacing without a receive time
        QCOMPARE(ReplaySource::readContent(batch, u"batch.json"_s).items.size(), 1);

        // A JSON array of payloads.
        const QByteArray array = "[" + firing + "," + grafana + "]";
        ReplaySource::Result listed = ReplaySource::readContent(array, u"array.json"_s);
        QCOMPARE(listed.items.size(), 2);
        QCOMPARE(listed.items.at(1).origin, u"array.json[1]"_s);

        // NDJSON as history export writes it, and plain NDJSON of payloads.
        const QByteArray exported = exportLine(u"2026-11-22T10:00:05Z"_s, u"/webhook/alertmanager"_s, resolved) + "\n"
            + exportLine(u"2026-11-22T10:00:00Z"_s, u"/webhook/alertmanager"_s, firing) + "\n";
        const QString exportFile = write(u"history.ndjson"_s, exported);
        const QString plainFile = write(u"plain.jsonl"_s, firing + "\n\n" + grafana + "\n");
        const ReplaySource::Result all = ReplaySource::read({exportFile, plainFile});
        QVERIFY2(all.problems.isEmpty(), qPrintable(all.problems.isEmpty() ? QString() : all.problems.first().text()));
        QCOMPARE(all.items.size(), 4);
        // A folder: the files in name order.
        const ReplaySource::Result folder = ReplaySource::read({m_dir.path()});
        QCOMPARE(folder.items.size(), 4);

        const ReplaySource::Result timedOnly = ReplaySource::read({exportFile});
        QCOMPARE(timedOnly.items.at(0).receivedAt, QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC)); // sorted
        QCOMPARE(timedOnly.items.at(0).path, u"/webhook/alertmanager"_s);
        QCOMPARE(timedOnly.items.at(0).body, firing);
        QCOMPARE(timedOnly.items.at(0).origin, exportFile + u":2"_s);
    }

    void badInputIsReportedAndTheRestReplays()
    {
        const QByteArray firing = compact(TestData::fixture(u"alertmanager/firing-single.json"_s));
        // Truncated NDJSON (the last line cut off), an unknown shape, a bad time.
        const QByteArray exported = exportLine(u"2026-11-22T10:00:00Z"_s, u"/webhook"_s, firing) + "\n"
            + "{\"hello\": \"world\"}\n" + exportLine(u"yesterday"_s, u"/webhook"_s, firing) + "\n"
            + exportLine(u"2026-11-22T10:00:09Z"_s, u"/webhook"_s, firing).left(60) + "\n";
        const QString ndjson = write(u"broken.ndjson"_s, exported);
        const QString notJson = write(u"notes.txt"_s, "these are my notes, not alerts\n");
        const ReplaySource::Result result = ReplaySource::read({ndjson, notJson});
        QCOMPARE(result.items.size(), 1);
        QStringList problems;
        for (const ReplayProblem &problem : result.problems)
            problems << problem.text();
        QCOMPARE(problems.size(), 4);
        QVERIFY2(problems.at(0).startsWith(ndjson + u":2: "_s), qPrintable(problems.join(u'\n')));
        QVERIFY(problems.at(1).startsWith(ndjson + u":3: receivedAt \"yesterday\""_s));
        QVERIFY(problems.at(2).startsWith(ndjson + u":4: not JSON"_s));
        QVERIFY(problems.at(3).startsWith(notJson + u": not JSON: expected a webhook payload"_s));
        QVERIFY(ReplaySource::read({m_dir.filePath(u"missing.json"_s)})
                    .problems.first()
                    .text()
                    .contains(u"cannot be read"_s));
    }

    void theConfiguredAlertLimitApplies()
    {
        // Over a configured limit below the default: reported, not replayed.
        const QByteArray three = manyAlerts(3);
        PayloadLimits two;
        two.maxAlerts = 2;
        ReplaySource::Result result = ReplaySource::readContent(three, u"three.json"_s, two);
        QVERIFY(result.items.isEmpty());
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.first().message.contains(u"the limit is 2 "_s),
                 qPrintable(result.problems.first().text()));
        const QString file = write(u"three.json"_s, three);
        QCOMPARE(ReplaySource::read({file}, two).problems.size(), 1);
        QCOMPARE(ReplaySource::read({file}).items.size(), 1);

        // Over the default but within a configured higher limit: replayed.
        const QByteArray many = manyAlerts(PayloadLimits::defaultMaxAlerts + 1);
        QCOMPARE(ReplaySource::readContent(many, u"many.json"_s).items.size(), 0);
        PayloadLimits higher;
        higher.maxAlerts = 20'000;
        result = ReplaySource::readContent(many, u"many.json"_s, higher);
        QVERIFY2(result.problems.isEmpty(), qPrintable(result.problems.value(0).text()));
        QCOMPARE(result.items.size(), 1);
    }

    void theSessionStoreKeepsTheSameLimit()
    {
        ReplaySession session(m_dir.filePath(u"limit-replay.sqlite"_s));
        session.setMaxAlertsPerPayload(2);
        QCOMPARE(session.payloadLimits().maxAlerts, 2);
        ReplayItem item;
        item.body = manyAlerts(3);
        std::optional<ReplayOutcome> outcome;
        session.deliver(item, [&outcome](const ReplayOutcome &o) { outcome = o; });
        QTRY_VERIFY(outcome);
        QVERIFY(!outcome->ok);
        QVERIFY2(outcome->message.startsWith(u"HTTP 413"_s), qPrintable(outcome->message));

        // Raised while the session is open: it applies to what comes next.
        session.setMaxAlertsPerPayload(3);
        outcome.reset();
        session.deliver(item, [&outcome](const ReplayOutcome &o) { outcome = o; });
        QTRY_VERIFY(outcome);
        QVERIFY2(outcome->ok, qPrintable(outcome->message));
        session.clear();
    }

    void historyIsReadByTimeAndMatchers()
    {
        const QString storePath = m_dir.filePath(u"history.sqlite"_s);
        {
            StoreService store;
            QVERIFY_OK(store.open(storePath));
            const QDateTime t0 = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
            int stored = 0;
            int minute = 0;
            for (const QString &fixture : {u"alertmanager/firing-single.json"_s, u"grafana/firing.json"_s,
                                           u"alertmanager/resolved-single.json"_s}) {
                WebhookDelivery delivery{t0.addSecs(60 * minute++), u"/webhook"_s, PayloadFormat::Auto, "{}",
                                         TestData::fixture(fixture)};
                store.submit(delivery, this, [&stored](const IngestResult &) { ++stored; });
            }
            QTRY_COMPARE(stored, 3);
        }
        const QDateTime t0 = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
        ReplaySource::Result all = ReplaySource::fromHistory(storePath, {}, {});
        QCOMPARE(all.items.size(), 3);
        QCOMPARE(all.items.first().receivedAt, t0);
        QCOMPARE(ReplaySource::fromHistory(storePath, t0.addSecs(60), {}).items.size(), 2);
        QCOMPARE(ReplaySource::fromHistory(storePath, {}, t0.addSecs(60)).items.size(), 1);
        const ReplaySource::Result cpu = ReplaySource::fromHistory(storePath, {}, {}, u"alertname=\"HighCPUUsage\""_s);
        QCOMPARE(cpu.items.size(), 1); // not FlappingTarget, not Grafana's
        QCOMPARE(cpu.items.first().receivedAt, t0);
        QCOMPARE(ReplaySource::fromHistory(storePath, {}, {}, u"cluster=\"demo-eu1\""_s).items.size(), 2);
        QVERIFY(ReplaySource::fromHistory(storePath, {}, {}, u"alertname=\"unclosed"_s).items.isEmpty());
        QVERIFY(!ReplaySource::fromHistory(storePath, {}, {}, u"alertname=\"unclosed"_s).problems.isEmpty());
        QVERIFY(ReplaySource::fromHistory(storePath, t0.addDays(1), {}).problems.isEmpty()); // none in range
    }

    void pacingFollowsTheOriginalGapsScaled()
    {
        FakeHttpServer listener;
        QVERIFY(listener.listen());
        QList<qint64> arrivals;
        QElapsedTimer clock;
        listener.handle("/webhook", [&](const HttpRequest &) {
            arrivals << clock.elapsed();
            return FakeHttpServer::Response{200, "{\"status\":\"stored\"}"};
        });
        ReplayHttpTarget target({listener.url()});
        const QDateTime t0 = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
        const QList<ReplayItem> items{timed(t0), timed(t0.addSecs(2)), timed(t0.addSecs(4))};
        auto deliver = [&target](const ReplayItem &item, auto done) { target.deliver(item, done); };

        // 2 s apart at ×10: 200 ms apart.
        ReplayPlayer paced(items, {10.0, {}}, deliver);
        QSignalSpy finished(&paced, &ReplayPlayer::finished);
        clock.start();
        paced.start();
        QVERIFY(finished.wait(10'000));
        QCOMPARE(arrivals.size(), 3);
        for (int i = 1; i < 3; ++i) {
            const qint64 gap = arrivals.at(i) - arrivals.at(i - 1);
            QVERIFY2(gap >= 150 && gap <= 900, qPrintable(QString::number(gap)));
        }
        QCOMPARE(paced.sent(), 3);
        QCOMPARE(paced.failed(), 0);

        // As fast as possible: back to back.
        arrivals.clear();
        ReplayPlayer fast(items, {0.0, {}}, deliver);
        QSignalSpy fastDone(&fast, &ReplayPlayer::finished);
        clock.restart();
        fast.start();
        QVERIFY(fastDone.wait(10'000));
        QCOMPARE(arrivals.size(), 3);
        QVERIFY2(arrivals.last() - arrivals.first() < 150,
                 qPrintable(QString::number(arrivals.last() - arrivals.first())));
    }

    void idleGapsShortenAndControlsWork()
    {
        const QDateTime t0 = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
        const QList<ReplayItem> items{timed(t0), timed(t0.addSecs(1)), timed(t0.addSecs(3601)),
                                      timed(t0.addSecs(3602))};
        QStringList log;
        auto deliver = [&log](const ReplayItem &item, auto done) {
            log << item.receivedAt.toString(Qt::ISODate);
            done({true, {}});
        };
        ReplayPlayer player(items, {1.0, 60s}, deliver);
        QCOMPARE(player.offsetsMs(), (QList<qint64>{0, 1000, 61'000, 62'000})); // an hour shortened to a minute
        QCOMPARE(player.remaining(), std::optional(62'000ms));
        player.start();
        QTRY_COMPARE(log.size(), 1); // the first goes at once
        player.pause();
        QCOMPARE(player.state(), ReplayPlayer::State::Paused);
        player.step(); // the next one now, still paused
        QTRY_COMPARE(log.size(), 2);
        QCOMPARE(player.state(), ReplayPlayer::State::Paused);
        QCOMPARE(player.simulatedTime(), t0.addSecs(1));
        QCOMPARE(player.remaining(), std::optional(61'000ms));
        player.setSpeed(0); // the rest as fast as possible
        QSignalSpy finished(&player, &ReplayPlayer::finished);
        player.resume();
        QVERIFY(finished.wait(5000));
        QCOMPARE(log.size(), 4);
        QCOMPARE(player.state(), ReplayPlayer::State::Finished);

        // Stop ends it where it is.
        log.clear();
        ReplayPlayer stopped(items, {1.0, {}}, deliver);
        stopped.start();
        QTRY_COMPARE(log.size(), 1);
        stopped.stop();
        QCOMPARE(stopped.state(), ReplayPlayer::State::Stopped);
        QCOMPARE(stopped.sent(), 1);
    }

    void theHttpTargetReportsEachStatus()
    {
        FakeHttpServer listener;
        QVERIFY(listener.listen());
        listener.route("/webhook/alertmanager", {200, "{\"status\":\"stored\"}"});
        listener.queue("/webhook/alertmanager", {500, "{\"error\":\"store unavailable\"}"});
        ReplayHttpTarget target({listener.url(), "Bearer replay-token"});
        ReplayItem item = timed({}, "{\"a\":1}");
        item.path = u"/webhook/alertmanager"_s;
        std::optional<ReplayOutcome> outcome;
        target.deliver(item, [&](const ReplayOutcome &o) { outcome = o; });
        QTRY_VERIFY(outcome);
        QVERIFY(!outcome->ok);
        QCOMPARE(outcome->message, u"HTTP 500: {\"error\":\"store unavailable\"}"_s);
        outcome.reset();
        target.deliver(item, [&](const ReplayOutcome &o) { outcome = o; });
        QTRY_VERIFY(outcome);
        QVERIFY(outcome->ok);
        QCOMPARE(listener.requests.last().header("authorization"), QByteArray("Bearer replay-token"));
        QCOMPARE(listener.requests.last().body, QByteArray("{\"a\":1}"));
        // A URL with a path is used as it is.
        ReplayHttpTarget fixed({QUrl(listener.url().toString() + u"/other"_s)});
        QCOMPARE(fixed.urlFor(item).path(), u"/other"_s);
        outcome.reset();
        ReplayHttpTarget refused({QUrl(u"http://127.0.0.1:1"_s)});
        refused.deliver(item, [&](const ReplayOutcome &o) { outcome = o; });
        QTRY_VERIFY(outcome);
        QVERIFY2(outcome->message.contains(u"refused"_s), qPrintable(outcome->message));
    }
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
