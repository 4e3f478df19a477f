#include "AlertBuilder.h"
#include "HandDrivenIngest.h"
#include "ResultAssert.h"
#include "TestData.h"
#include "ingest/PayloadParser.h"
#include "store/StoreService.h"
#include "store/StoreWorker.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 1), QTime(10, 0), QTimeZone::utc());

QString keyText(const OccurrenceKey &key)
{
    return key.alert.fingerprint + u'@'
        + QDateTime::fromMSecsSinceEpoch(key.startsAtMs, QTimeZone::utc()).toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

OccurrenceKey keyOf(const QString &text)
{
    const qsizetype at = text.indexOf(u'@');
    const QDateTime start = QDateTime::fromString(text.mid(at + 1), Qt::ISODateWithMs);
    return {{u"alertmanager"_s, text.left(at)}, start.toMSecsSinceEpoch()};
}

// An Alertmanager (v4) body for `alerts`, as a sender would post it.
QByteArray alertmanagerBody(const QList<Alert> &alerts)
{
    QJsonArray list;
    for (const Alert &alert : alerts) {
        QJsonObject labels;
        labels.insert(u"alertname"_s, alert.name);
        for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
            labels.insert(it.key(), it.value());
        QJsonObject annotations;
        for (auto it = alert.annotations.cbegin(); it != alert.annotations.cend(); ++it)
            annotations.insert(it.key(), it.value());
        const bool resolved = alert.state == AlertState::Resolved;
        list.append(QJsonObject{
            {u"status"_s, resolved ? u"resolved"_s : u"firing"_s},
            {u"labels"_s, labels},
            {u"annotations"_s, annotations},
            {u"startsAt"_s, alert.startsAt.toUTC().toString(Qt::ISODateWithMs)},
            {u"endsAt"_s, resolved ? alert.endsAt.toUTC().toString(Qt::ISODateWithMs) : u"0001-01-01T00:00:00Z"_s},
            {u"fingerprint"_s, alert.fingerprint},
        });
    }
    return QJsonDocument(QJsonObject{{u"version"_s, u"4"_s},
                                     {u"status"_s, u"firing"_s},
                                     {u"receiver"_s, u"oncall"_s},
                                     {u"groupKey"_s, u""_s},
                                     {u"alerts"_s, list}})
        .toJson(QJsonDocument::Compact);
}

Alert hostAlert(const QString &fingerprint, const QString &name, const QString &host, const QDateTime &start)
{
    return AlertBuilder(fingerprint)
        .source(u"alertmanager"_s)
        .named(name)
        .label(u"instance"_s, host + u":9100"_s)
        .summary(u"%1 on %2"_s.arg(name, host))
        .startsAt(start);
}

Alert resolved(Alert alert, int afterSeconds)
{
    alert.state = AlertState::Resolved;
    alert.endsAt = alert.startsAt.addSecs(afterSeconds);
    return alert;
}

// A StoreWorker used on the test's thread: deliveries are drained by hand, and the word
// index runs when the test spins the event loop.
class WorkerStore
{
public:
    void deliver(const QByteArray &body, const QDateTime &receivedAt = t0)
    {
        WebhookDelivery delivery;
        delivery.receivedAt = receivedAt;
        delivery.path = u"/webhook/alertmanager"_s;
        delivery.format = PayloadFormat::Alertmanager;
        delivery.headers = "{}";
        delivery.body = body;
        m_ingest.inbox.post(delivery);
    }
    void drain() { m_ingest.journal.drain(); }
    void write(const QList<Alert> &alerts, const QDateTime &receivedAt = t0)
    {
        deliver(alertmanagerBody(alerts), receivedAt);
        drain();
        worker.catchUp(); // what they change, as the store thread does next
    }
    // Spins until the word index has caught up with every write.
    bool waitIndexed()
    {
        QSignalSpy indexed(&worker, &StoreWorker::memoryIndexed);
        return indexed.wait(20'000);
    }

private:
    HandDrivenIngest m_ingest;

public:
    StoreWorker &worker = m_ingest.worker;
};

QList<QByteArray> historyLines()
{
    QList<QByteArray> lines = TestData::file(u"incidents/history.jsonl"_s).split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

// A second connection, for reading what the store wrote.
class Peek
{
public:
    explicit Peek(const QString &path)
        : m_name(u"peek-%1"_s.arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~Peek() { QSqlDatabase::removeDatabase(m_name); }
    QVariant value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql) || !query.next()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return {};
        }
        return query.value(0);
    }
    QHash<OccurrenceKey, OccurrenceKey> anchors()
    {
        QHash<OccurrenceKey, OccurrenceKey> anchors;
        QSqlQuery query(QSqlDatabase::database(m_name));
        query.exec(u"SELECT source, fingerprint, starts_at_ms, anchor_source, anchor_fingerprint, anchor_starts_at_ms"
                   " FROM occurrences"_s);
        while (query.next())
            anchors.insert({{query.value(0).toString(), query.value(1).toString()}, query.value(2).toLongLong()},
                           {{query.value(3).toString(), query.value(4).toString()}, query.value(5).toLongLong()});
        return anchors;
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

} // namespace

class MemoryStoreTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(u"alerts.sqlite"_s); }

private slots:
    void init()
    {
        for (const QString &file : AlertStore::filesOf(path()))
            QFile::remove(file);
    }

    // Debian's Qt SQLite driver uses the system libsqlite3: FTS5 and bm25() work through it.
    void fullTextSearchWorksThroughTheQtDriver()
    {
        {
            WorkerStore store;
            QVERIFY_OK(store.worker.open(path()));
            store.write({hostAlert(u"a"_s, u"DiskFull"_s, u"db-1"_s, t0)});
            QVERIFY(store.waitIndexed());
        }
        Peek peek(path());
        QCOMPARE(
            peek.value(u"SELECT count(*) FROM alert_words WHERE alert_words MATCH '\"diskfull\" OR \"db\"'"_s).toInt(),
            1);
        QVERIFY(
            peek.value(u"SELECT bm25(alert_words) FROM alert_words WHERE alert_words MATCH '\"diskfull\"'"_s).toDouble()
            < 0);
        QCOMPARE(peek.value(u"SELECT count(*) FROM alert_scopes"_s).toInt(), 1);
    }

    // The labelled history: each repeat incident's "seen before" names the earlier
    // incident (with its note) in its top three.
    void seenBeforeFindsTheEarlierIncidentOfEachRepeat()
    {
        WorkerStore store;
        QVERIFY_OK(store.worker.open(path()));
        QHash<OccurrenceKey, Alert> firing;
        for (const QByteArray &line : historyLines()) {
            const PayloadParseResult parsed = parsePayload(line, PayloadFormat::Alertmanager, t0);
            QVERIFY(parsed.ok());
            for (const Alert &alert : parsed.payload.alerts)
                if (!firing.contains(OccurrenceKey::of(alert)))
                    firing.insert(OccurrenceKey::of(alert), alert);
            store.deliver(line);
            store.drain();
            store.worker.catchUp(); // what they change, as the store thread does next
        }
        QVERIFY(store.waitIndexed());

        const QJsonArray repeats = QJsonDocument::fromJson(TestData::file(u"incidents/repeats.json"_s)).array();
        const QJsonObject truth = QJsonDocument::fromJson(TestData::file(u"incidents/truth.json"_s)).object();
        QVERIFY(repeats.size() >= 5);
        for (const QJsonValue &repeat : repeats) {
            const QJsonObject note = repeat[u"note"_s].toObject();
            QList<OccurrenceKey> earlier;
            for (const QJsonValue &member : repeat[u"earlierMembers"_s].toArray())
                earlier.append(keyOf(member.toString()));
            QVERIFY_OK(store.worker.saveResolutionNote(
                earlier,
                ResolutionNote{
                    note[u"cause"_s].toString(), note[u"action"_s].toString(), note[u"link"_s].toString(), {}, t0}));
        }

        // A query hits when a top-3 match belongs to the earlier incident. Asked for each
        // repeat incident (its alerts worst first, as the card asks for an incident); each
        // of its alerts alone is asked too and reported (some share nothing but the host
        // with the earlier incident).
        int queries = 0, hits = 0, relevant = 0, retrieved = 0, ceiling = 0;
        QElapsedTimer timer;
        qint64 slowestMs = 0;
        auto ask = [&](const QJsonValue &repeat, const QList<Alert> &alerts) {
            QSet<QString> earlier;
            for (const QJsonValue &member : repeat[u"earlierMembers"_s].toArray())
                earlier.insert(member.toString());
            timer.start();
            const SeenBefore::Report report = store.worker.seenBefore(alerts);
            slowestMs = std::max(slowestMs, timer.elapsed());
            bool hit = false;
            for (qsizetype i = 0; i < std::min<qsizetype>(3, report.matches.size()); ++i) {
                const SeenBefore::Match &match = report.matches.at(i);
                const QString key = keyText({match.alert, match.startsAt.toMSecsSinceEpoch()});
                const bool relevantMatch = earlier.contains(key);
                if (relevantMatch && match.note.cause != repeat[u"note"_s][u"cause"_s].toString())
                    qWarning("%s: the match is not given with its note", qPrintable(key));
                hit = hit || relevantMatch;
                relevant += relevantMatch;
                ++retrieved;
            }
            ceiling += std::min<qsizetype>(3, earlier.size());
            ++queries;
            hits += hit;
            return hit;
        };
        int incidentHits = 0;
        auto report = [&](const QJsonValue &repeat, const QList<Alert> &alerts) {
            const bool hit = ask(repeat, alerts);
            if (!hit)
                qInfo("%s (%lld alerts): no top-3 match of %s", qPrintable(repeat[u"incident"_s].toString()),
                      qint64(alerts.size()), qPrintable(repeat[u"earlier"_s].toString()));
            return hit;
        };
        for (const QJsonValue &repeat : repeats) {
            QList<Alert> members;
            for (auto it = truth.constBegin(); it != truth.constEnd(); ++it)
                if (it.value().toString() == repeat[u"incident"_s].toString())
                    members.append(firing.value(keyOf(it.key())));
            QVERIFY(!members.isEmpty());
            std::sort(members.begin(), members.end(), [](const Alert &a, const Alert &b) {
                return a.severity != b.severity ? a.severity < b.severity : a.startsAt < b.startsAt;
            });
            incidentHits += report(repeat, members);
        }
        const double precision = double(incidentHits) / repeats.size();
        qInfo("seen-before precision@3 for the %lld repeat incidents: %.3f (%d hits); top-3 matches of the earlier "
              "incident: %d of %d",
              qint64(repeats.size()), precision, incidentHits, relevant, retrieved);
        queries = hits = relevant = retrieved = ceiling = 0;
        for (const QJsonValue &repeat : repeats)
            for (auto it = truth.constBegin(); it != truth.constEnd(); ++it)
                if (it.value().toString() == repeat[u"incident"_s].toString())
                    report(repeat, {firing.value(keyOf(it.key()))});
        qInfo("for their %d alerts asked alone: %.3f; slowest card %lld ms", queries, double(hits) / queries,
              slowestMs);
        QVERIFY2(precision >= 0.9, qPrintable(QString::number(precision)));
    }

    void theCardCountsOrdersAndExplainsItsMatches()
    {
        WorkerStore store;
        QVERIFY_OK(store.worker.open(path()));
        // Twenty incidents on twenty hosts over two weeks; DiskFull on db-1 in five of them.
        QList<Alert> earlier;
        for (int day = 0; day < 20; ++day) {
            const QDateTime start = t0.addDays(day / 2).addSecs(day % 2 * 3600);
            if (day % 4 == 0)
                earlier.append(resolved(hostAlert(u"disk-db1"_s, u"DiskFull"_s, u"db-1"_s, start), 600 + day * 60));
            else
                earlier.append(
                    resolved(hostAlert(u"load-%1"_s.arg(day), u"HighLoad"_s, u"web-%1"_s.arg(day), start), 300));
        }
        // The same name on the same host under another fingerprint, and similar text elsewhere.
        Alert sameTarget = hostAlert(u"disk-db1-srv"_s, u"DiskFull"_s, u"db-1"_s, t0.addDays(11));
        sameTarget.labels.insert(u"mountpoint"_s, u"/srv"_s);
        earlier.append(resolved(sameTarget, 120));
        earlier.append(resolved(AlertBuilder(u"fs-db9"_s)
                                    .named(u"FilesystemAlmostFull"_s)
                                    .summary(u"Filesystem of db-9 diskfull soon"_s)
                                    .label(u"instance"_s, u"db-9:9100"_s)
                                    .startsAt(t0.addDays(12)),
                                60));
        for (const Alert &alert : earlier)
            store.write({alert});
        QVERIFY(store.waitIndexed());
        const OccurrenceKey withNote{{u"alertmanager"_s, u"disk-db1"_s}, earlier.at(4).startsAt.toMSecsSinceEpoch()};
        QVERIFY_OK(store.worker.saveResolutionNote({withNote}, {u"Logs filled /var"_s, u"Rotated them"_s, {}, {}, t0}));
        StoredAnalysis analysis;
        analysis.source = u"alertmanager"_s;
        analysis.fingerprint = u"disk-db1"_s;
        analysis.occurrenceStartsAt = earlier.at(4).startsAt;
        analysis.createdAt = earlier.at(4).startsAt.addSecs(60);
        analysis.outcome = AnalysisOutcome::Finished;
        analysis.content = u"The log volume grew.\n\nlogrotate had stopped.\nNothing else.\nMore detail."_s;
        QVERIFY_OK(store.worker.addAnalysis(analysis));

        const Alert now = hostAlert(u"disk-db1"_s, u"DiskFull"_s, u"db-1"_s, t0.addDays(14));
        store.write({now});
        const SeenBefore::Report report = store.worker.seenBefore({now});
        QCOMPARE(report.firedLast30Days, 5);
        QCOMPARE(report.recentStarts.size(), 5);
        QCOMPARE(report.recentStarts.first(), earlier.at(16).startsAt);
        QCOMPARE(report.typicalDurationMs, qint64(600 + 8 * 60) * 1000); // the median of 600…1560 s
        // 5 of the 22 earlier incidents: at least 20 %.
        QCOMPARE(report.recurrence, SeenBefore::Recurrence::Frequent);

        QCOMPARE(report.matches.size(), SeenBefore::maxMatches);
        // The same alert first, the one with a note before the newer ones.
        QCOMPARE(report.matches.at(0).reason, SeenBefore::Reason::SameFingerprint);
        QCOMPARE(report.matches.at(0).startsAt, earlier.at(4).startsAt);
        QCOMPARE(report.matches.at(0).note.cause, u"Logs filled /var"_s);
        QCOMPARE(report.matches.at(0).analysisSummary,
                 u"The log volume grew.\nlogrotate had stopped.\nNothing else."_s);
        QCOMPARE(report.matches.at(0).name, u"DiskFull"_s);
        QCOMPARE(report.matches.at(0).endsAt, earlier.at(4).endsAt);
        QCOMPARE(report.matches.at(1).startsAt, earlier.at(16).startsAt);
        QCOMPARE(report.matches.at(1).reason, SeenBefore::Reason::SameFingerprint);
        QVERIFY(report.matches.at(1).note.isEmpty());

        // With fewer same-alert matches, the other reasons follow in their order.
        const Alert other = hostAlert(u"disk-db1-var"_s, u"DiskFull"_s, u"db-1"_s, t0.addDays(14));
        store.write({other});
        QVERIFY(store.waitIndexed());
        const SeenBefore::Report second = store.worker.seenBefore({other});
        QVERIFY(second.matches.size() >= 3);
        QCOMPARE(second.matches.at(0).reason, SeenBefore::Reason::SameNameAndScope);
        QCOMPARE(second.matches.at(0).alert.fingerprint, u"disk-db1"_s); // it has a note
        QCOMPARE(second.matches.at(1).alert.fingerprint, u"disk-db1-srv"_s);
        QCOMPARE(second.matches.at(2).reason, SeenBefore::Reason::SimilarText);
        QCOMPARE(second.matches.at(2).alert.fingerprint, u"fs-db9"_s);
        QVERIFY(second.matches.at(2).rank < 0);
        QCOMPARE(second.firedLast30Days, 0);
        QCOMPARE(second.typicalDurationMs, -1);

        // Never seen: new.
        const Alert fresh = hostAlert(u"fresh"_s, u"CertificateExpired"_s, u"mail-1"_s, t0.addDays(14));
        store.write({fresh});
        QCOMPARE(store.worker.seenBefore({fresh}).recurrence, SeenBefore::Recurrence::New);
        // Its own incident (the members that came with it) is never "seen before".
        const Alert sibling = hostAlert(u"sibling"_s, u"SmtpDown"_s, u"mail-1"_s, t0.addDays(14).addSecs(30));
        store.write({sibling});
        for (const SeenBefore::Match &match : store.worker.seenBefore({sibling}).matches)
            QVERIFY(match.alert.fingerprint != u"fresh"_s);
    }

    void notesRoundTripAndAreReplaced()
    {
        WorkerStore store;
        QVERIFY_OK(store.worker.open(path()));
        const Alert alert = hostAlert(u"a"_s, u"DiskFull"_s, u"db-1"_s, t0);
        store.write({alert});
        const OccurrenceKey key = OccurrenceKey::of(alert);
        QVERIFY(store.worker.resolutionNote(key)->isEmpty());
        const ResolutionNote first{u"Cause 一"_s, u"Action"_s, u"https://wiki.example.com/x"_s, u"text"_s, t0};
        QVERIFY_OK(store.worker.saveResolutionNote({key}, first));
        QCOMPARE(*store.worker.resolutionNote(key), first);
        ResolutionNote second = first;
        second.cause = u"The real cause"_s;
        QVERIFY_OK(store.worker.saveResolutionNote({key}, second));
        QCOMPARE(*store.worker.resolutionNote(key), second);
        // A link that is not a web address is refused, and the stored note stays.
        ResolutionNote bad = second;
        bad.link = u"javascript:alert(1)"_s;
        QVERIFY(!store.worker.saveResolutionNote({key}, bad));
        QCOMPARE(*store.worker.resolutionNote(key), second);
        // An empty note removes it.
        QVERIFY_OK(store.worker.saveResolutionNote({key}, {}));
        QVERIFY(store.worker.resolutionNote(key)->isEmpty());
    }

    // Through the service, as the views use it: answers come back on the caller's thread.
    void theServiceAnswersTheMemoryCalls()
    {
        StoreService service;
        QVERIFY_OK(service.open(path()));
        QSignalSpy indexed(&service, &StoreService::memoryIndexed);
        QSignalSpy changed(&service, &StoreService::alertsChanged);
        const Alert alert = hostAlert(u"a"_s, u"DiskFull"_s, u"db-1"_s, t0);
        WebhookDelivery delivery;
        delivery.receivedAt = t0;
        delivery.path = u"/webhook/alertmanager"_s;
        delivery.format = PayloadFormat::Alertmanager;
        delivery.headers = "{}";
        delivery.body = alertmanagerBody({resolved(alert, 60)});
        service.submit(delivery, this, [](const IngestResult &) {});
        QTRY_VERIFY(!indexed.isEmpty() && !changed.isEmpty());
        const OccurrenceKey key = OccurrenceKey::of(alert);

        QString saveError = u"not answered"_s;
        service.saveResolutionNote({key}, {u"cause"_s, {}, {}, {}, t0}, this,
                                   [&](const QString &error) { saveError = error; });
        QTRY_VERIFY(saveError.isEmpty());
        ResolutionNote read;
        service.fetchResolutionNote(key, this, [&](const ResolutionNote &note) { read = note; });
        QTRY_COMPARE(read.cause, u"cause"_s);

        const OccurrenceKey other{{u"alertmanager"_s, u"b"_s}, key.startsAtMs + 1};
        saveError = u"not answered"_s;
        service.saveIncidentPins({{other, key}}, this, [&](const QString &error) { saveError = error; });
        QTRY_VERIFY(saveError.isEmpty());
        AlertHistory::Pins pins;
        service.fetchIncidentPins(this, [&](const AlertHistory::Pins &answer) { pins = answer; });
        QTRY_COMPARE(pins.value(other), key);

        std::optional<SeenBefore::Report> report;
        service.fetchSeenBefore({hostAlert(u"a"_s, u"DiskFull"_s, u"db-1"_s, t0.addDays(1))}, this,
                                [&](const SeenBefore::Report &answer) { report = answer; });
        QTRY_VERIFY(report.has_value());
        QVERIFY(report->problem.isEmpty());
        QCOMPARE(report->matches.size(), 1);
        QCOMPARE(report->matches.first().note.cause, u"cause"_s);
    }

    void pinsRoundTripAndSurviveReopening()
    {
        const Alert a = hostAlert(u"a"_s, u"NodeDown"_s, u"db-1"_s, t0);
        const Alert b = hostAlert(u"b"_s, u"HighLoad"_s, u"web-1"_s, t0.addSecs(10));
        const Alert c = hostAlert(u"c"_s, u"DiskFull"_s, u"web-1"_s, t0.addSecs(20));
        const MemoryQueries::Pins pins{{OccurrenceKey::of(b), OccurrenceKey::of(a)},
                                       {OccurrenceKey::of(c), OccurrenceKey::of(a)}};
        {
            WorkerStore store;
            QVERIFY_OK(store.worker.open(path()));
            store.write({a, b});
            const IncidentCorrelator &correlator = store.worker.correlator();
            QVERIFY(correlator.incidentOf(OccurrenceKey::of(a)) != correlator.incidentOf(OccurrenceKey::of(b)));
            QVERIFY_OK(store.worker.saveIncidentPins(pins));
            QCOMPARE(*store.worker.incidentPins(), pins);
            // The live incidents follow the pins at once, and so does what comes next.
            QCOMPARE(correlator.incidentOf(OccurrenceKey::of(a)), correlator.incidentOf(OccurrenceKey::of(b)));
            store.write({c});
            QCOMPARE(correlator.incidentOf(OccurrenceKey::of(c)), correlator.incidentOf(OccurrenceKey::of(a)));
        }
        {
            WorkerStore store;
            QVERIFY_OK(store.worker.open(path()));
            QCOMPARE(*store.worker.incidentPins(), pins);
            const IncidentCorrelator &correlator = store.worker.correlator();
            QCOMPARE(correlator.incidentOf(OccurrenceKey::of(b)), correlator.incidentOf(OccurrenceKey::of(a)));
            QVERIFY_OK(store.worker.saveIncidentPins({{OccurrenceKey::of(b), OccurrenceKey::of(a)}}));
            QCOMPARE(store.worker.incidentPins()->size(), 1); // replaced, not added to
        }
        Peek peek(path());
        const QHash<OccurrenceKey, OccurrenceKey> anchors = peek.anchors();
        QCOMPARE(anchors.value(OccurrenceKey::of(b)), OccurrenceKey::of(a));
        QCOMPARE(anchors.value(OccurrenceKey::of(c)), OccurrenceKey::of(a));
    }

    // The anchors stored while writing (with a restart anywhere in the history) are the
    // incidents one correlator finds in one pass over the same history.
    void storedAnchorsMatchOnePassWhateverTheRestarts_data()
    {
        QTest::addColumn<int>("restartAt");
        QTest::newRow("no restart") << -1;
        QTest::newRow("after 100 deliveries") << 100;
        QTest::newRow("after 333") << 333;
        QTest::newRow("after 501") << 501;
    }

    void storedAnchorsMatchOnePassWhateverTheRestarts()
    {
        QFETCH(int, restartAt);
        const QList<QByteArray> lines = historyLines();
        IncidentCorrelator onePass;
        for (const QByteArray &line : lines)
            for (const Alert &alert : parsePayload(line, PayloadFormat::Alertmanager, t0).payload.alerts)
                onePass.add(alert);
        {
            auto store = std::make_unique<WorkerStore>();
            QVERIFY_OK(store->worker.open(path()));
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (i == restartAt) {
                    store = std::make_unique<WorkerStore>();
                    QVERIFY_OK(store->worker.open(path()));
                }
                store->deliver(lines.at(i));
                store->drain();
                store->worker.catchUp(); // what they change, as the store thread does next
            }
        }
        Peek peek(path());
        const QHash<OccurrenceKey, OccurrenceKey> stored = peek.anchors();
        QCOMPARE(stored.size(), 324);
        int differ = 0;
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            const OccurrenceKey expected = onePass.incident(*onePass.incidentOf(it.key())).anchor;
            if (it.value() != expected && ++differ <= 3)
                qInfo("%s: stored %s, one pass %s", qPrintable(keyText(it.key())), qPrintable(keyText(it.value())),
                      qPrintable(keyText(expected)));
        }
        QCOMPARE(differ, 0);
    }

    void hostileInputStaysCorrectAndBounded()
    {
        WorkerStore store;
        QVERIFY_OK(store.worker.open(path()));
        // Huge and empty label values.
        Alert huge = hostAlert(u"huge"_s, QString(100'000, u'N'), u"db-1"_s, t0);
        huge.labels.insert(u"instance"_s, QString(200'000, u'h'));
        huge.labels.insert(u"host"_s, QString());
        huge.labels.insert(u"namespace"_s, QString());
        huge.labels.insert(u"pod"_s, QString(50'000, u'p'));
        huge.annotations.insert(u"description"_s, QString(300'000, u'd'));
        // Punctuation only: no text search, the other matches still work.
        Alert punctuation = AlertBuilder(u"punct"_s).named(u"!!!"_s).summary(u"*** ;;; \"\" ^ NEAR("_s).startsAt(t0);
        store.write({huge, punctuation});
        // 10,000 alerts on one host.
        for (int batch = 0; batch < 10; ++batch) {
            QList<Alert> alerts;
            for (int i = 0; i < 1000; ++i) {
                const int n = batch * 1000 + i;
                alerts.append(
                    resolved(hostAlert(u"storm-%1"_s.arg(n), u"ProbeFailed"_s, u"web-1"_s, t0.addSecs(3600 + n)), 60));
            }
            store.write(alerts);
        }
        QVERIFY(store.waitIndexed());

        QElapsedTimer timer;
        timer.start();
        const SeenBefore::Report storm
            = store.worker.seenBefore({hostAlert(u"storm-new"_s, u"ProbeFailed"_s, u"web-1"_s, t0.addDays(1))});
        const qint64 stormMs = timer.elapsed();
        qInfo("seen before among 10,000 alerts on one host: %lld ms", stormMs);
        QVERIFY(storm.problem.isEmpty());
        // One storm is one earlier incident: one match for it.
        QCOMPARE(storm.matches.size(), 1);
        QCOMPARE(storm.matches.first().reason, SeenBefore::Reason::SameNameAndScope);
        QCOMPARE(storm.recurrence, SeenBefore::Recurrence::Frequent); // 1 of 3 incidents
        QVERIFY2(stormMs < 2000, qPrintable(QString::number(stormMs)));

        Alert punctuationAgain = punctuation;
        punctuationAgain.startsAt = t0.addDays(1);
        const SeenBefore::Report punct = store.worker.seenBefore({punctuationAgain});
        QCOMPARE(punct.matches.size(), 1);
        QCOMPARE(punct.matches.first().reason, SeenBefore::Reason::SameFingerprint);

        Alert hugeAgain = huge;
        hugeAgain.startsAt = t0.addDays(1);
        const SeenBefore::Report hugeReport = store.worker.seenBefore({hugeAgain});
        QVERIFY(!hugeReport.matches.isEmpty());
        QCOMPARE(hugeReport.matches.first().alert.fingerprint, u"huge"_s);

        Peek peek(path());
        QVERIFY(peek.value(u"SELECT max(length(token)) FROM alert_scopes"_s).toInt() < 1000);
        QVERIFY(peek.value(u"SELECT max(length(words)) FROM alert_words"_s).toInt() < 256 * 50);
    }

    // The card's queries stay on indexes: no full scan of a big table.
    void theCardsQueriesUseIndexes()
    {
        WorkerStore store;
        QVERIFY_OK(store.worker.open(path()));
        store.write({hostAlert(u"a"_s, u"DiskFull"_s, u"db-1"_s, t0)});
        QVERIFY(store.waitIndexed());
        const QStringList queries{
            u"SELECT count(*) FROM (SELECT DISTINCT anchor_starts_at_ms, anchor_source, anchor_fingerprint"
            " FROM occurrences WHERE anchor_starts_at_ms >= 1 AND anchor_starts_at_ms < 2)"_s,
            u"SELECT DISTINCT anchor_source, anchor_fingerprint, anchor_starts_at_ms FROM occurrences"
            " WHERE starts_at_ms >= 1 AND anchor_starts_at_ms IS NOT NULL LIMIT 5"_s,
            u"SELECT source, fingerprint, data, last_payload_id FROM alerts WHERE (last_payload_id, source,"
            " fingerprint) > (1, 'a', 'b') ORDER BY last_payload_id, source, fingerprint LIMIT 5"_s,
            u"SELECT starts_at_ms FROM occurrences WHERE source = 'a' AND fingerprint = 'b' AND starts_at_ms < 5"
            " ORDER BY starts_at_ms DESC LIMIT 3"_s,
            u"SELECT source, fingerprint FROM alert_scopes WHERE token = 'x' LIMIT 3"_s,
        };
        for (const QString &sql : queries) {
            QString steps;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plan"_s);
                db.setDatabaseName(path());
                QVERIFY(db.open());
                QSqlQuery query(db);
                QVERIFY2(query.exec(u"EXPLAIN QUERY PLAN "_s + sql), qPrintable(query.lastError().text()));
                while (query.next())
                    steps += query.value(3).toString() + u"; "_s;
            }
            QSqlDatabase::removeDatabase(u"plan"_s);
            QVERIFY2(!steps.contains(u"SCAN occurrences"_s) && !steps.contains(u"SCAN alerts"_s)
                         && !steps.contains(u"SCAN alert_scopes"_s),
                     qPrintable(sql + u" → "_s + steps));
        }
    }

    void retentionRemovesNotesWordsAndPinsWithTheirAlerts()
    {
        const QDateTime old = t0.addDays(-200);
        WorkerStore store;
        QVERIFY_OK(store.worker.open(path()));
        const Alert gone = resolved(hostAlert(u"gone"_s, u"DiskFull"_s, u"db-1"_s, old), 60);
        const Alert kept = hostAlert(u"kept"_s, u"DiskFull"_s, u"db-2"_s, t0);
        store.write({gone}, old.addSecs(60));
        store.write({kept});
        QVERIFY(store.waitIndexed());
        QVERIFY_OK(store.worker.saveResolutionNote({OccurrenceKey::of(gone), OccurrenceKey::of(kept)},
                                                   {u"cause"_s, {}, {}, {}, t0}));
        QVERIFY_OK(store.worker.saveIncidentPins(
            {{OccurrenceKey::of(gone), OccurrenceKey::of(gone)}, {OccurrenceKey::of(kept), OccurrenceKey::of(kept)}}));
        QSignalSpy pruned(&store.worker, &StoreWorker::pruneFinished);
        store.worker.prune(t0.addDays(-30));
        QVERIFY(pruned.wait());
        QVERIFY(store.worker.resolutionNote(OccurrenceKey::of(gone))->isEmpty());
        QCOMPARE(store.worker.resolutionNote(OccurrenceKey::of(kept))->cause, u"cause"_s);
        QCOMPARE(store.worker.incidentPins()->keys(), QList<OccurrenceKey>{OccurrenceKey::of(kept)});
        Peek peek(path());
        QCOMPARE(peek.value(u"SELECT count(*) FROM alert_word_rows"_s).toInt(), 1);
        QCOMPARE(peek.value(u"SELECT count(*) FROM alert_words"_s).toInt(), 1);
        QCOMPARE(peek.value(u"SELECT count(*) FROM alert_scopes WHERE fingerprint = 'gone'"_s).toInt(), 0);
        QCOMPARE(peek.value(u"SELECT count(*) FROM alert_scopes WHERE fingerprint = 'kept'"_s).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(MemoryStoreTest)
#include "tst_memorystore.moc"
