// alertdeck incidents and alertdeck similar: the incidents and the "seen before" card of
// a stored history, read while the store is open for writing (as when AlertDeck runs).

#include "CliTestSupport.h"
#include "ResultAssert.h"
#include "TestData.h"
#include "incidents/IncidentCorrelator.h"
#include "ingest/PayloadParser.h"
#include "store/AlertStore.h"
#include "store/MemoryQueries.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// An alert with escape sequences in its name, labels and note: what a hostile sender
// or a pasted note could put in the store.
QByteArray hostilePayload(const QString &status, const QString &startsAt, const QString &endsAt)
{
    return u"{\"status\":\"%1\",\"alerts\":[{\"status\":\"%1\",\"labels\":{\"alertname\":\"Evil\\u001b[2J\\u001b]0;"
           "pwned\\u0007Alert\",\"severity\":\"critical\",\"instance\":\"db-9\\u001b[31m:9100\"},\"annotations\":{"
           "\"summary\":\"Screen \\u001b[2J wiper\"},\"startsAt\":\"%2\",\"endsAt\":\"%3\",\"fingerprint\":"
           "\"e5c0e5c0e5c0e5c0\"}],\"groupLabels\":{},\"commonLabels\":{},\"commonAnnotations\":{},\"receiver\":"
           "\"oncall\",\"groupKey\":\"{}:{alertname=\\\"Evil\\\"}\",\"truncatedAlerts\":0,\"externalURL\":"
           "\"http://alertmanager.example.com:9093\",\"version\":\"4\"}"_s.arg(status, startsAt, endsAt)
               .toUtf8();
}

OccurrenceKey keyOf(const QString &fingerprintAtStart)
{
    const QStringList parts = fingerprintAtStart.split(u'@');
    return {{u"alertmanager"_s, parts.at(0)},
            QDateTime::fromString(parts.at(1), Qt::ISODateWithMs).toMSecsSinceEpoch()};
}

bool hasControlCharacters(const QString &text)
{
    for (QChar c : text)
        if (c.category() == QChar::Other_Control && c != u'\n' && c != u'\t')
            return true;
    return false;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestCliIncidents : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // Stays open for writing while the commands read, as the running application does.
    std::unique_ptr<AlertStore> m_live;
    std::unique_ptr<IncidentCorrelator> m_correlator;
    QHash<OccurrenceKey, OccurrenceKey> m_anchors; // each stored occurrence's incident

    QString storePath() const { return m_dir.filePath(u"alerts.sqlite"_s); }

    // The firing webhook line of history.jsonl that carries `occurrence`.
    static QByteArray historyLineOf(const QString &occurrence)
    {
        const QStringList parts = occurrence.split(u'@');
        for (const QByteArray &line : TestData::file(u"incidents/history.jsonl"_s).split('\n'))
            if (line.contains(parts.at(0).toUtf8()) && line.contains(parts.at(1).toUtf8())
                && line.startsWith("{\"status\":\"firing\""))
                return line;
        return {};
    }

    RunResult similar(const QByteArray &payload, const QStringList &more = {})
    {
        const QString file = writeFile(m_dir.filePath(u"payload.json"_s), payload);
        return run(QStringList{u"similar"_s, u"--data-dir"_s, m_dir.path(), u"--payload"_s, file} + more);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_correlator = std::make_unique<IncidentCorrelator>();
        m_live = std::make_unique<AlertStore>();
        m_live->setIncidentCorrelator(m_correlator.get());
        QVERIFY_OK(m_live->open(storePath()));
        QByteArrayList lines = TestData::file(u"incidents/history.jsonl"_s).split('\n');
        lines << hostilePayload(u"firing"_s, u"2026-11-29T10:00:00.000Z"_s, u"0001-01-01T00:00:00Z"_s)
              << hostilePayload(u"resolved"_s, u"2026-11-29T10:00:00.000Z"_s, u"2026-11-29T10:20:00.000Z"_s);
        QList<IncomingPayload> batch;
        for (const QByteArray &line : std::as_const(lines)) {
            if (line.trimmed().isEmpty())
                continue;
            const PayloadParseResult parsed
                = parsePayload(line, PayloadFormat::Alertmanager, QDateTime::currentDateTimeUtc());
            QVERIFY2(parsed.ok(), line.left(120).constData());
            IncomingPayload payload;
            for (const Alert &alert : parsed.payload.alerts)
                payload.receivedAt = std::max({payload.receivedAt, alert.startsAt, alert.endsAt});
            payload.path = u"/webhook/alertmanager"_s;
            payload.format = PayloadFormat::Alertmanager;
            payload.headers = "{}";
            payload.body = line;
            payload.alerts = parsed.payload.alerts;
            batch.append(payload);
        }
        QVERIFY_OK(m_live->write(batch));

        // The note an engineer wrote after the first kafka-2 node failure (repeats.json).
        const QJsonObject repeat
            = QJsonDocument::fromJson(TestData::file(u"incidents/repeats.json"_s)).array().first().toObject();
        QCOMPARE(repeat[u"incident"_s].toString(), u"incident-76"_s);
        QList<OccurrenceKey> earlier;
        for (const QJsonValue member : repeat[u"earlierMembers"_s].toArray())
            earlier << keyOf(member.toString());
        const QJsonObject noteJson = repeat[u"note"_s].toObject();
        ResolutionNote note{
            noteJson[u"cause"_s].toString(), noteJson[u"action"_s].toString(), noteJson[u"link"_s].toString(), {}, {}};
        QVERIFY_OK(m_live->memory()->saveNote(earlier, note, QDateTime::currentDateTimeUtc()));
        ResolutionNote hostileNote{u"Disk \x1b[31mfull\x1b[0m"_s, u"Cleaned \x1b]0;owned\x07 up"_s, {}, {}, {}};
        const OccurrenceKey hostile{{u"alertmanager"_s, u"e5c0e5c0e5c0e5c0"_s},
                                    QDateTime(QDate(2026, 11, 29), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch()};
        QVERIFY_OK(m_live->memory()->saveNote({hostile}, hostileNote, QDateTime::currentDateTimeUtc()));
        // The analyses the window would have stored for the two earlier occurrences.
        for (const auto &[occurrence, content] :
             {std::pair{earlier.first(), u"The node kafka-2 panicked after a NIC firmware update.\n\nReboot it."_s},
              std::pair{hostile, u"Root cause: \x1b[31mdisk\x1b[0m filled by logs"_s}}) {
            StoredAnalysis analysis;
            analysis.source = occurrence.alert.source;
            analysis.fingerprint = occurrence.alert.fingerprint;
            analysis.occurrenceStartsAt = QDateTime::fromMSecsSinceEpoch(occurrence.startsAtMs, Qt::UTC);
            analysis.createdAt = analysis.occurrenceStartsAt.addSecs(120);
            analysis.model = u"model"_s;
            analysis.promptHash = u"hash"_s;
            analysis.outcome = AnalysisOutcome::Finished;
            analysis.content = content;
            QVERIFY_OK(m_live->addAnalysis(analysis));
        }
        // The word index, as the running application fills it after writes.
        for (;;) {
            const Result<int> indexed = m_live->memory()->indexStep(200, IncidentRules{});
            QVERIFY_OK(indexed);
            if (*indexed < 200)
                break;
        }

        // The stored anchors, read here on a connection of the test's own.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
            db.setDatabaseName(storePath());
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"SELECT source, fingerprint, starts_at_ms, anchor_source, anchor_fingerprint,"
                               " anchor_starts_at_ms FROM occurrences WHERE anchor_source IS NOT NULL"_s));
            while (query.next())
                m_anchors.insert({{query.value(0).toString(), query.value(1).toString()}, query.value(2).toLongLong()},
                                 {{query.value(3).toString(), query.value(4).toString()}, query.value(5).toLongLong()});
        }
        QSqlDatabase::removeDatabase(u"peek"_s);
        QVERIFY(m_anchors.size() > 300);
    }

    void cleanupTestCase() { m_live.reset(); }

    void listsTheIncidentsOfAWindowNewestFirst_data()
    {
        QTest::addColumn<QString>("since");
        QTest::newRow("whole history") << u"2026-11-01T00:00:00Z"_s;
        QTest::newRow("last ten days") << u"2026-11-20"_s;
        QTest::newRow("last day") << u"2026-11-29T00:00:00Z"_s;
    }

    void listsTheIncidentsOfAWindowNewestFirst()
    {
        QFETCH(QString, since);
        const qint64 sinceMs = QDateTime::fromString(since, Qt::ISODate).toMSecsSinceEpoch();
        QHash<OccurrenceKey, QSet<OccurrenceKey>> expected; // anchor → members
        for (auto it = m_anchors.cbegin(); it != m_anchors.cend(); ++it)
            if (it.value().startsAtMs >= sinceMs)
                expected[it.value()].insert(it.key());
        QVERIFY(!expected.isEmpty());

        const RunResult json = run({u"incidents"_s, u"--data-dir"_s, m_dir.path(), u"--since"_s, since, u"--json"_s});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        QJsonParseError error{};
        const QJsonObject list = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(list[u"total"_s].toInt(), expected.size());
        const QJsonArray incidents = list[u"incidents"_s].toArray();
        QCOMPARE(incidents.size(), expected.size());
        QString previousStart = u"9999"_s;
        for (const QJsonValue value : incidents) {
            const QJsonObject incident = value.toObject();
            const QJsonObject anchor = incident[u"anchor"_s].toObject();
            const OccurrenceKey key{
                {anchor[u"source"_s].toString(), anchor[u"fingerprint"_s].toString()},
                QDateTime::fromString(anchor[u"starts_at"_s].toString(), Qt::ISODateWithMs).toMSecsSinceEpoch()};
            QVERIFY2(expected.contains(key), qPrintable(anchor[u"fingerprint"_s].toString()));
            QSet<OccurrenceKey> members;
            for (const QJsonValue member : incident[u"members"_s].toArray())
                members.insert(
                    {{member[u"source"_s].toString(), member[u"fingerprint"_s].toString()},
                     QDateTime::fromString(member[u"starts_at"_s].toString(), Qt::ISODateWithMs).toMSecsSinceEpoch()});
            QCOMPARE(members, expected.value(key));
            QCOMPARE(incident[u"member_count"_s].toInt(), members.size());
            QVERIFY(incident[u"started_at"_s].toString() <= previousStart); // newest first
            previousStart = incident[u"started_at"_s].toString();
            QVERIFY(!incident[u"title"_s].toString().isEmpty());
        }

        const RunResult table = run({u"incidents"_s, u"--data-dir"_s, m_dir.path(), u"--since"_s, since});
        QVERIFY2(table.exitCode == 0, qPrintable(table.err));
        QVERIFY2(table.out.contains(u": %1, newest first"_s.arg(expected.size())), qPrintable(table.out));
        // A header and one line per incident.
        QCOMPARE(table.out.count(u"\n2026-11-"_s), expected.size());
        QVERIFY(!table.out.contains(u"    20"_s)); // no member lines without --verbose
    }

    void aRepeatIncidentReadsAsItsAlertsWithTheirScope()
    {
        const RunResult result = run(
            {u"incidents"_s, u"--data-dir"_s, m_dir.path(), u"--since"_s, u"2026-11-17T18:00:00Z"_s, u"--verbose"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        // incident-76: four alerts on kafka-2, critical, all resolved; its members listed.
        const QStringList lines = result.out.split(u'\n');
        const auto incident = std::find_if(lines.cbegin(), lines.cend(),
                                           [](const QString &line) { return line.startsWith(u"2026-11-17 18:36"_s); });
        QVERIFY2(incident != lines.cend(), qPrintable(result.out));
        QVERIFY2(incident->contains(u"and 3 related"_s), qPrintable(*incident));
        QVERIFY(incident->contains(u"critical"_s));
        QVERIFY(incident->contains(u"resolved"_s));
        QVERIFY(incident->contains(u"kafka-2"_s));
        QVERIFY(result.out.contains(
            u"    2026-11-17 18:39:43  resolved  critical  NodeDown                  cluster=us1 instance=kafka-2:9100"_s));
    }

    void aWindowWithoutIncidentsSaysSo()
    {
        // The default window is the last 24 hours; the history is of November 2026.
        const RunResult result = run({u"incidents"_s, u"--data-dir"_s, m_dir.path(), u"--since"_s, u"2030-01-01"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.startsWith(u"No incidents started since 2030-01-01"_s), qPrintable(result.out));
    }

    void similarFindsTheEarlierIncidentWithItsNote()
    {
        const QByteArray payload = historyLineOf(u"a3d89234b7f047a2@2026-11-17T18:38:52.000Z"_s);
        QVERIFY(!payload.isEmpty());
        const RunResult result = similar(payload);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.startsWith(u"Alert 1 of 1: KubeNodeNotReady on kafka-2, started 2026-11-17 18:38 UTC\n"_s),
                 qPrintable(result.out));
        QVERIFY2(result.out.contains(u"KubeNodeNotReady — 2026-11-10 17:47 UTC, for"_s), qPrintable(result.out));
        QVERIFY(result.out.contains(u"Why: the same alert"_s));
        QVERIFY(result.out.contains(u"Kernel panic after the NIC firmware update"_s));
        QVERIFY(result.out.contains(u"Link: https://wiki.example.com/runbooks/nic-firmware\n"
                                    "   Analysis:\n"
                                    "     The node kafka-2 panicked after a NIC firmware update.\n"
                                    "     Reboot it.\n"_s));
        QVERIFY2(result.out.contains(u"times it fired in the last 30 days: 1"_s), qPrintable(result.out));

        const RunResult json = similar(payload, {u"--json"_s});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonObject card = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonObject first = card[u"matches"_s].toArray().first().toObject();
        QCOMPARE(first[u"reason"_s].toString(), u"same_fingerprint"_s);
        QCOMPARE(first[u"fingerprint"_s].toString(), u"a3d89234b7f047a2"_s);
        QCOMPARE(first[u"starts_at"_s].toString(), u"2026-11-10T17:47:58.000Z"_s);
        QCOMPARE(first[u"note"_s][u"cause"_s].toString(), u"Kernel panic after the NIC firmware update"_s);
        QCOMPARE(card[u"fired_last_30_days"_s].toInt(), 1);
        QCOMPARE(first[u"analysis_summary"_s].toString(),
                 u"The node kafka-2 panicked after a NIC firmware update.\nReboot it."_s);
    }

    void hostileTextIsNeutralisedForTheTerminal()
    {
        const RunResult incidents = run(
            {u"incidents"_s, u"--data-dir"_s, m_dir.path(), u"--since"_s, u"2026-11-29T00:00:00Z"_s, u"--verbose"_s});
        QVERIFY2(incidents.exitCode == 0, qPrintable(incidents.err));
        QVERIFY2(incidents.out.contains(u"Evil"_s), qPrintable(incidents.out));
        QVERIFY(!hasControlCharacters(incidents.out));

        const RunResult card
            = similar(hostilePayload(u"firing"_s, u"2026-11-30T10:00:00.000Z"_s, u"0001-01-01T00:00:00Z"_s));
        QVERIFY2(card.exitCode == 0, qPrintable(card.err));
        QVERIFY2(card.out.contains(u"Disk"_s) && card.out.contains(u"full"_s), qPrintable(card.out));
        QVERIFY(card.out.contains(u"Why: the same alert"_s));
        QVERIFY2(card.out.contains(u"filled by logs"_s), qPrintable(card.out));
        QVERIFY(!hasControlCharacters(card.out));

        // JSON keeps the text as it is, escaped by the JSON writer.
        const RunResult json = run(
            {u"incidents"_s, u"--data-dir"_s, m_dir.path(), u"--since"_s, u"2026-11-29T00:00:00Z"_s, u"--json"_s});
        QVERIFY(!hasControlCharacters(json.out));
        QVERIFY(json.out.contains(u"\\u001b[31m"_s));
    }

    void commandsNeverWriteTheStore()
    {
        const QByteArray before = fileHash(storePath()) + fileHash(storePath() + u"-wal"_s);
        QCOMPARE(run({u"incidents"_s, u"--data-dir"_s, m_dir.path(), u"--since"_s, u"30d"_s}).exitCode, 0);
        QCOMPARE(similar(historyLineOf(u"a3d89234b7f047a2@2026-11-17T18:38:52.000Z"_s)).exitCode, 0);
        QCOMPARE(fileHash(storePath()) + fileHash(storePath() + u"-wal"_s), before);
    }

    void badInputs_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no store") << QStringList{u"incidents"_s, u"--data-dir"_s, u"@missing@"_s} << 1
                                  << u"There is no alert store"_s;
        QTest::newRow("similar, no store")
            << QStringList{u"similar"_s, u"--data-dir"_s, u"@missing@"_s, u"--payload"_s, u"@payload@"_s} << 1
            << u"There is no alert store"_s;
        QTest::newRow("bad since") << QStringList{u"incidents"_s, u"--since"_s, u"yesterday"_s} << 2
                                   << u"--since: \"yesterday\" is not a time"_s;
        QTest::newRow("until") << QStringList{u"incidents"_s, u"--until"_s, u"2026-11-20"_s} << 2
                               << u"--until does not apply"_s;
        QTest::newRow("verbose elsewhere")
            << QStringList{u"report"_s, u"--verbose"_s} << 2 << u"--verbose only applies to \"incidents\""_s;
        QTest::newRow("similar without payload") << QStringList{u"similar"_s} << 2 << u"similar needs --payload"_s;
        QTest::newRow("alert out of range")
            << QStringList{u"similar"_s,   u"--data-dir"_s, u"@store@"_s, u"--payload"_s,
                           u"@payload@"_s, u"--alert"_s,    u"2"_s}
            << 2 << u"there is no alert 2"_s;
        QTest::newRow("alert zero") << QStringList{u"similar"_s, u"--payload"_s, u"@payload@"_s, u"--alert"_s, u"0"_s}
                                    << 2 << u"is not an alert number"_s;
    }

    void badInputs()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString payload = writeFile(m_dir.filePath(u"one-alert.json"_s),
                                          historyLineOf(u"a3d89234b7f047a2@2026-11-17T18:38:52.000Z"_s));
        QTemporaryDir empty;
        for (QString &argument : arguments)
            argument.replace(u"@missing@"_s, empty.path())
                .replace(u"@store@"_s, m_dir.path())
                .replace(u"@payload@"_s, payload);
        const RunResult result = run(arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }

    void aLongListStopsAtItsBound()
    {
        // 510 unrelated alerts: 510 incidents, of which the newest 500 are listed.
        QTemporaryDir many;
        {
            IncidentCorrelator correlator;
            AlertStore store;
            store.setIncidentCorrelator(&correlator);
            QVERIFY_OK(store.open(QDir(many.path()).filePath(u"alerts.sqlite"_s)));
            QList<IncomingPayload> batch;
            const QDateTime t0(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC);
            for (int i = 0; i < 510; ++i) {
                Alert alert;
                alert.source = u"alertmanager"_s;
                alert.fingerprint = u"f%1"_s.arg(i, 6, 10, QChar(u'0'));
                alert.name = u"Probe%1"_s.arg(i);
                alert.severity = Severity::Warning;
                alert.labels = {{u"alertname"_s, alert.name}, {u"instance"_s, u"host-%1"_s.arg(i)}};
                alert.groupKey = u"group-%1"_s.arg(i);
                alert.startsAt = alert.lastUpdate = t0.addSecs(600LL * i);
                IncomingPayload payload;
                payload.receivedAt = alert.startsAt;
                payload.path = u"/webhook/alertmanager"_s;
                payload.format = PayloadFormat::Alertmanager;
                payload.headers = "{}";
                payload.body = "{}";
                payload.alerts = {alert};
                batch.append(payload);
            }
            QVERIFY_OK(store.write(batch));
        }
        const RunResult json
            = run({u"incidents"_s, u"--data-dir"_s, many.path(), u"--since"_s, u"2026-09-01"_s, u"--json"_s});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonObject list = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(list[u"total"_s].toInt(), 510);
        QCOMPARE(list[u"truncated"_s].toBool(), true);
        QCOMPARE(list[u"incidents"_s].toArray().size(), 500);
        QCOMPARE(list[u"incidents"_s][0][u"title"_s].toString(), u"Probe509"_s);
        QCOMPARE(list[u"incidents"_s][0][u"state"_s].toString(), u"firing"_s);

        const RunResult table = run({u"incidents"_s, u"--data-dir"_s, many.path(), u"--since"_s, u"2026-09-01"_s});
        QVERIFY2(table.exitCode == 0, qPrintable(table.err));
        QCOMPARE(table.out.count(u"\n2026-10-"_s), 500);
        QVERIFY2(table.out.contains(u"10 more not listed (at most 500 are; give a later --since)."_s),
                 qPrintable(table.out.right(300)));
    }

    void anOlderStoreIsNotUpgradedButNamed()
    {
        QTemporaryDir older;
        const QString path = QDir(older.path()).filePath(u"alerts.sqlite"_s);
        {
            AlertStore store;
            QVERIFY_OK(store.open(path));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(u"PRAGMA user_version=5"_s));
        }
        QSqlDatabase::removeDatabase(u"downgrade"_s);
        for (const QStringList &arguments :
             {QStringList{u"incidents"_s},
              QStringList{u"similar"_s, u"--payload"_s,
                          writeFile(older.filePath(u"p.json"_s),
                                    historyLineOf(u"a3d89234b7f047a2@2026-11-17T18:38:52.000Z"_s))}}) {
            const RunResult result = run(arguments + QStringList{u"--data-dir"_s, older.path()});
            QCOMPARE(result.exitCode, 1);
            QVERIFY2(result.err.contains(u"written by an older AlertDeck; start AlertDeck once to upgrade it"_s),
                     qPrintable(result.err));
        }
        // Still schema 5: nothing was migrated.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"PRAGMA user_version"_s) && query.next());
            QCOMPARE(query.value(0).toInt(), 5);
        }
        QSqlDatabase::removeDatabase(u"check"_s);
    }
};

QTEST_GUILESS_MAIN(TestCliIncidents)
#include "tst_cli_incidents.moc"
