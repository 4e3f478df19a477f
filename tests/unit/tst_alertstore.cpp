#include "AlertBuilder.h"
#include "FakeClock.h"
#include "FileModes.h"
#include "ResultAssert.h"
#include "TestData.h"
#include "analysis/EvidenceBuilder.h"
#include "analysis/Hypotheses.h"
#include "store/AlertStore.h"
#include "store/MemoryQueries.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using AlertMerge::Outcome;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

Alert makeAlert(const QString &fingerprint, AlertState state, const QDateTime &startsAt, const QDateTime &endsAt = {})
{
    return AlertBuilder(fingerprint)
        .state(state)
        .named(u"DiskFull"_s)
        .severityText(u"critical"_s)
        .severity(Severity::Critical)
        .label(u"instance"_s, u"db-1"_s)
        .label(u"机房"_s, u"上海"_s)
        .summary(u"disk full"_s)
        .startsAt(startsAt)
        .endsAt(endsAt)
        .lastUpdate(t0.addSecs(1))
        .generatorUrl(u"http://p/graph?g0.expr=up&g0.tab=1"_s)
        .promQl(u"up"_s);
}

IncomingPayload payloadOf(const QList<Alert> &alerts, const QByteArray &body = "{}")
{
    IncomingPayload payload;
    payload.receivedAt = t0;
    payload.path = u"/webhook/alertmanager"_s;
    payload.format = PayloadFormat::Alertmanager;
    payload.headers = R"({"Content-Type":"application/json"})";
    payload.body = body;
    payload.alerts = alerts;
    return payload;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestAlertStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(u"alerts.sqlite"_s); }

    QList<AlertChange> write(AlertStore &store, const QList<IncomingPayload> &batch)
    {
        const Result<QList<AlertChange>> written = store.write(batch);
        if (!written)
            qWarning("write failed: %s", qPrintable(written.error()));
        return written.valueOr({});
    }

private slots:
    void init()
    {
        for (const QString &file : AlertStore::filesOf(path()))
            QFile::remove(file);
    }

    void createsEmptyStore()
    {
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        QVERIFY(store.isOpen());
        QCOMPARE(store.alerts().size(), 0);
        QCOMPARE(store.payloadCount(), 0);
    }

    void restartRestoresEverything()
    {
        Alert alert = makeAlert(u"a1"_s, AlertState::Firing, t0);
        alert.values = {{u"A"_s, 91.5}};
        alert.silenceUrl = u"https://g/silence"_s;
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
            const QList<AlertChange> changes = write(store, {payloadOf({alert}, R"({"raw":true})")});
            QCOMPARE(changes.size(), 1);
            QCOMPARE(changes.at(0).outcome, Outcome::NewAlert);
        }
        AlertStore reopened;
        QVERIFY_OK(reopened.open(path()));
        QCOMPARE(reopened.payloadCount(), 1);
        const QList<Alert> alerts = reopened.alerts();
        QCOMPARE(alerts.size(), 1);
        const Alert &restored = alerts.constFirst();
        QCOMPARE(restored.fingerprint, u"a1"_s);
        QCOMPARE(restored.state, AlertState::Firing);
        QCOMPARE(restored.severity, Severity::Critical);
        QCOMPARE(restored.labels, alert.labels);
        QCOMPARE(restored.annotations, alert.annotations);
        QCOMPARE(restored.startsAt, alert.startsAt);
        QVERIFY(!restored.endsAt.isValid());
        QCOMPARE(restored.lastUpdate, alert.lastUpdate);
        QCOMPARE(restored.promQl, u"up"_s);
        QCOMPARE(restored.values, alert.values);
        QCOMPARE(restored.silenceUrl, alert.silenceUrl);
        QCOMPARE(restored.count, 1);
    }

    void duplicateDeliveriesChangeNothing()
    {
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        const Alert alert = makeAlert(u"a1"_s, AlertState::Firing, t0);
        write(store, {payloadOf({alert})});
        const QList<AlertChange> retry = write(store, {payloadOf({alert})});
        QCOMPARE(retry.at(0).outcome, Outcome::Duplicate);
        QCOMPARE(store.alerts().size(), 1);
        QCOMPARE(store.alerts().constFirst().count, 1);
        QCOMPARE(store.occurrences({u"alertmanager"_s, u"a1"_s}).size(), 1);
        QCOMPARE(store.payloadCount(), 2); // every accepted payload is kept raw
    }

    void lifecycleAndOutOfOrderDeliveries()
    {
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        const Alert firing = makeAlert(u"a1"_s, AlertState::Firing, t0);
        const Alert resolved = makeAlert(u"a1"_s, AlertState::Resolved, t0, t0.addSecs(60));
        const Alert firingAgain = makeAlert(u"a1"_s, AlertState::Firing, t0.addSecs(600));

        QCOMPARE(write(store, {payloadOf({firing})}).at(0).outcome, Outcome::NewAlert);
        QCOMPARE(write(store, {payloadOf({resolved})}).at(0).outcome, Outcome::Resolved);
        QCOMPARE(store.alerts().constFirst().state, AlertState::Resolved);
        QCOMPARE(write(store, {payloadOf({firingAgain})}).at(0).outcome, Outcome::NewOccurrence);

        // Late deliveries of the first occurrence do not turn the alert back.
        QCOMPARE(write(store, {payloadOf({firing})}).at(0).outcome, Outcome::Stale);
        QCOMPARE(write(store, {payloadOf({resolved})}).at(0).outcome, Outcome::Stale);
        const Alert current = store.alerts().constFirst();
        QCOMPARE(current.state, AlertState::Firing);
        QCOMPARE(current.startsAt, t0.addSecs(600));
        QCOMPARE(current.count, 2);

        const QList<StoredOccurrence> history = store.occurrences({u"alertmanager"_s, u"a1"_s});
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).startsAt, t0);
        QCOMPARE(history.at(0).state, AlertState::Resolved); // never back to firing
        QCOMPARE(history.at(0).endsAt, t0.addSecs(60));
        QCOMPARE(history.at(1).state, AlertState::Firing);
        QVERIFY(!history.at(1).endsAt.isValid());
    }

    void resolvedOccurrenceFiresAgainWithTheSameStart()
    {
        // Alertmanager resolved the alert when its sender went quiet; the sender resumed
        // and the same activation (same startsAt) fires again an hour later.
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
            write(store, {payloadOf({makeAlert(u"a1"_s, AlertState::Firing, t0)})});
            write(store, {payloadOf({makeAlert(u"a1"_s, AlertState::Resolved, t0, t0.addSecs(60))})});
            Alert resumed = makeAlert(u"a1"_s, AlertState::Firing, t0);
            resumed.lastUpdate = t0.addSecs(3600);
            QCOMPARE(write(store, {payloadOf({resumed})}).at(0).outcome, Outcome::Reopened);
            QCOMPARE(store.alerts().constFirst().state, AlertState::Firing);
            const QList<StoredOccurrence> history = store.occurrences({u"alertmanager"_s, u"a1"_s});
            QCOMPARE(history.size(), 1);
            QCOMPARE(history.at(0).state, AlertState::Firing);
            QVERIFY(!history.at(0).endsAt.isValid());

            Alert resolvedAgain = makeAlert(u"a1"_s, AlertState::Resolved, t0, t0.addSecs(7200));
            resolvedAgain.lastUpdate = t0.addSecs(7200);
            QCOMPARE(write(store, {payloadOf({resolvedAgain})}).at(0).outcome, Outcome::Resolved);
        }
        // A restart restores the second resolve (within the working-set window).
        AlertStore store;
        store.setClock(FakeClock::stoppedAt(t0.addSecs(7200)));
        QVERIFY_OK(store.open(path()));
        QCOMPARE(store.alerts().constFirst().state, AlertState::Resolved);
        const QList<StoredOccurrence> history = store.occurrences({u"alertmanager"_s, u"a1"_s});
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.at(0).state, AlertState::Resolved);
        QCOMPARE(history.at(0).endsAt, t0.addSecs(7200));
    }

    void detailsHaveHistoryAndLastPayload()
    {
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        IncomingPayload first = payloadOf({makeAlert(u"a1"_s, AlertState::Firing, t0)}, R"({"first":1})");
        IncomingPayload second
            = payloadOf({makeAlert(u"a1"_s, AlertState::Resolved, t0, t0.addSecs(30))}, R"({"second":2})");
        second.truncatedAlerts = 8;
        write(store, {first, second});
        write(store, {payloadOf({makeAlert(u"a1"_s, AlertState::Resolved, t0, t0.addSecs(30))}, R"({"retry":3})")});

        const AlertDetails details = store.details({u"alertmanager"_s, u"a1"_s});
        QCOMPARE(details.occurrences.size(), 1);
        QCOMPARE(details.occurrences.at(0).state, AlertState::Resolved);
        // A duplicate delivery did not change the alert: the last *changing* payload is shown.
        QCOMPARE(details.lastPayloadBody, QByteArray(R"({"second":2})"));
        QCOMPARE(details.truncatedAlerts, 8);
        QCOMPARE(details.payloadAlertCount, 1);
        QCOMPARE(details.lastPayloadPath, u"/webhook/alertmanager"_s);
        QVERIFY(store.details({u"alertmanager"_s, u"unknown"_s}).lastPayloadBody.isEmpty());
    }

    void resolvedNeverSeenFiringIsRecorded()
    {
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        const QList<AlertChange> changes
            = write(store, {payloadOf({makeAlert(u"r1"_s, AlertState::Resolved, t0, t0.addSecs(5))})});
        QCOMPARE(changes.at(0).outcome, Outcome::NewAlert);
        QCOMPARE(store.alerts().constFirst().state, AlertState::Resolved);
    }

    void sameFingerprintFromTwoSourcesIsTwoAlerts()
    {
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        Alert grafana = makeAlert(u"same"_s, AlertState::Firing, t0);
        grafana.source = u"grafana"_s;
        write(store, {payloadOf({makeAlert(u"same"_s, AlertState::Firing, t0), grafana})});
        QCOMPARE(store.alerts().size(), 2);
    }

    void batchIsOneTransaction()
    {
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        const QList<AlertChange> changes
            = write(store,
                    {payloadOf({makeAlert(u"a"_s, AlertState::Firing, t0)}),
                     payloadOf({makeAlert(u"a"_s, AlertState::Resolved, t0, t0.addSecs(9))}),
                     payloadOf({makeAlert(u"b"_s, AlertState::Firing, t0)})});
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changes.at(1).outcome, Outcome::Resolved); // sees the first payload of the same batch
        QCOMPARE(store.payloadCount(), 3);
    }

    void failedWriteLeavesNothingBehind()
    {
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        write(store, {payloadOf({makeAlert(u"a"_s, AlertState::Firing, t0)})});

        // Another connection holds the write lock: the store cannot commit.
        auto lock = std::make_unique<SqliteWriteLock>(path());
        QVERIFY(lock->isHeld());

        const Result<QList<AlertChange>> written
            = store.write({payloadOf({makeAlert(u"a"_s, AlertState::Resolved, t0, t0.addSecs(1))})});
        QVERIFY(!written);
        QVERIFY(!written.error().isEmpty());
        QCOMPARE(store.alerts().constFirst().state, AlertState::Firing); // in-memory state untouched

        lock.reset();

        // Once the lock is gone, the same write succeeds and nothing was half-written.
        QCOMPARE(write(store, {payloadOf({makeAlert(u"a"_s, AlertState::Resolved, t0, t0.addSecs(1))})}).at(0).outcome,
                 Outcome::Resolved);
        QCOMPARE(store.payloadCount(), 2);
    }

    void storeFilesAreForTheOwnerOnly()
    {
        // Payloads and analyses: the store, its WAL and shared memory are 0600 whatever the umask.
        const LaxUmask umask;
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        write(store, {payloadOf({makeAlert(u"a1"_s, AlertState::Firing, t0)})});
        QVERIFY(QFileInfo::exists(path() + u"-wal"_s));
        QVERIFY(QFileInfo::exists(path() + u"-shm"_s));
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QVERIFY2(fileMode(path() + suffix) == 0600,
                     qPrintable(u"%1: %2"_s.arg(path() + suffix).arg(fileMode(path() + suffix), 0, 8)));
    }

    void aStoreFromAnEarlierVersionBecomesPrivate()
    {
        const LaxUmask umask;
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
        }
        // As an earlier AlertDeck left it, WAL and shared memory too (a crash keeps them).
        for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
            QFile file(path() + suffix);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
        }
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QVERIFY(QFile::setPermissions(path() + suffix,
                                          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        QCOMPARE(fileMode(path()), 0644);

        AlertStore store;
        QVERIFY_OK(store.open(path()));
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QVERIFY2(fileMode(path() + suffix) == 0600,
                     qPrintable(u"%1: %2"_s.arg(path() + suffix).arg(fileMode(path() + suffix), 0, 8)));
    }

    void corruptFileIsRefusedAndUntouched()
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        QVERIFY(QFile::setPermissions(path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        const QByteArray before = fileHash(path());

        AlertStore store;
        const Result<> opened = store.open(path());
        QVERIFY(!opened);
        const QString error = opened.error();
        QVERIFY2(error.contains(path()) && error.contains(u"left untouched"_s), qPrintable(error));
        QVERIFY(!store.isOpen());
        QCOMPARE(fileHash(path()), before);
        QCOMPARE(fileMode(path()), 0640); // not a store: not even its mode is changed
    }

    void foreignDatabaseIsRefusedAndUntouched()
    {
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
            other.setDatabaseName(path());
            QVERIFY(other.open());
            QSqlQuery query(other);
            QVERIFY(query.exec(u"CREATE TABLE recipes (name TEXT)"_s));
            QVERIFY(query.exec(u"INSERT INTO recipes VALUES ('pancakes')"_s));
            query = QSqlQuery();
            other.close();
        }
        QSqlDatabase::removeDatabase(u"other"_s);
        const QByteArray before = fileHash(path());

        AlertStore store;
        const Result<> opened = store.open(path());
        QVERIFY(!opened);
        const QString error = opened.error();
        QVERIFY2(error.contains(u"another program"_s), qPrintable(error));
        QCOMPARE(fileHash(path()), before);
    }

    void newerSchemaIsRefused()
    {
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bump"_s);
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"PRAGMA user_version=%1"_s.arg(AlertStore::schemaVersion + 1)));
            query = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"bump"_s);
        AlertStore store;
        const Result<> opened = store.open(path());
        QVERIFY(!opened);
        const QString error = opened.error();
        QVERIFY2(error.contains(u"newer AlertDeck"_s), qPrintable(error));
    }

    void pruneRemovesOnlyWhatRetentionAllows()
    {
        const QDateTime cutoff = t0.addDays(-90);
        const QDateTime old = t0.addDays(-200);
        auto at = [](Alert alert, const QDateTime &lastUpdate) {
            alert.lastUpdate = lastUpdate;
            return alert;
        };
        auto receivedAt = [](IncomingPayload payload, const QDateTime &time) {
            payload.receivedAt = time;
            return payload;
        };
        auto store = std::make_unique<AlertStore>();
        QVERIFY_OK(store->open(path()));
        const Alert stillFiring = at(makeAlert(u"firing-old"_s, AlertState::Firing, old), old);
        const Alert resolvedOld = at(makeAlert(u"resolved-old"_s, AlertState::Resolved, old, old.addSecs(60)), old);
        const Alert resolvedRecent = at(makeAlert(u"resolved-new"_s, AlertState::Resolved, old, t0), t0);
        write(*store, {receivedAt(payloadOf({at(makeAlert(u"resolved-old"_s, AlertState::Firing, old), old)}), old)});
        write(*store, {receivedAt(payloadOf({resolvedOld}), old)});
        write(*store, {receivedAt(payloadOf({stillFiring}), old)});
        write(*store, {receivedAt(payloadOf({resolvedRecent}), t0)});
        write(*store, {receivedAt(payloadOf({}), old), receivedAt(payloadOf({}), old), receivedAt(payloadOf({}), t0)});
        QCOMPARE(store->payloadCount(), 7);
        QCOMPARE(store->occurrences({u"alertmanager"_s, u"resolved-old"_s}).size(), 1);

        // One row per table and step: several steps, each reporting what it removed.
        QList<AlertKey> removed;
        qint64 payloads = 0;
        int steps = 0;
        for (bool finished = false; !finished; ++steps) {
            const Result<PruneStep> step = store->pruneStep(cutoff, 1);
            QVERIFY_OK(step);
            removed += step->removedAlerts;
            payloads += step->removedPayloads;
            finished = step->finished;
            QVERIFY(steps < 20);
        }
        QVERIFY2(steps >= 3, QByteArray::number(steps));
        QCOMPARE(removed, (QList<AlertKey>{{u"alertmanager"_s, u"resolved-old"_s}}));
        // Old payloads went, except the one the still-firing alert points to.
        QCOMPARE(payloads, 4);
        QCOMPARE(store->payloadCount(), 3);

        store = std::make_unique<AlertStore>(); // a restart, while resolved-new is in the working set
        store->setClock(FakeClock::stoppedAt(t0));
        QVERIFY_OK(store->open(path()));
        QStringList kept;
        for (const Alert &alert : store->alerts())
            kept.append(alert.fingerprint);
        kept.sort();
        QCOMPARE(kept, (QStringList{u"firing-old"_s, u"resolved-new"_s}));
        QVERIFY(store->occurrences({u"alertmanager"_s, u"resolved-old"_s}).isEmpty());
        QCOMPARE(store->details({u"alertmanager"_s, u"firing-old"_s}).lastPayloadPath, u"/webhook/alertmanager"_s);
    }

    void analysesAreKeptWithTheirAlertAndGoWithIt()
    {
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        const QDateTime old = t0.addDays(-200);
        Alert resolved = makeAlert(u"fp-old"_s, AlertState::Resolved, old, old.addSecs(60));
        resolved.lastUpdate = old;
        write(store, {payloadOf({makeAlert(u"fp-new"_s, AlertState::Firing, t0), resolved})});

        StoredAnalysis first;
        first.source = u"alertmanager"_s;
        first.fingerprint = u"fp-new"_s;
        first.occurrenceStartsAt = t0;
        first.createdAt = t0.addSecs(5);
        first.durationMs = 8200;
        first.model = u"deepseek-chat"_s;
        first.promptHash = u"0123456789abcdef"_s;
        first.outcome = AnalysisOutcome::Finished;
        first.content = u"## Summary\n磁盘已满"_s;
        first.reasoning = u"thinking"_s;
        first.promptTokens = 900;
        first.completionTokens = 300;
        QVERIFY_OK(store.addAnalysis(first));
        QVERIFY(first.id > 0);
        QVERIFY(first.id > 0);
        StoredAnalysis second = first;
        second.createdAt = t0.addSecs(60);
        second.outcome = AnalysisOutcome::Stopped;
        second.automatic = true;
        second.promptTokens = second.completionTokens = -1;
        QVERIFY_OK(store.addAnalysis(second));
        StoredAnalysis other = first;
        other.fingerprint = u"fp-old"_s;
        QVERIFY_OK(store.addAnalysis(other));

        const QList<StoredAnalysis> listed = store.details({u"alertmanager"_s, u"fp-new"_s}).analyses;
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(0).id, second.id); // newest first
        QCOMPARE(listed.at(0).outcome, AnalysisOutcome::Stopped);
        QVERIFY(listed.at(0).automatic);
        QCOMPARE(listed.at(0).promptTokens, -1);
        const StoredAnalysis &read = listed.at(1);
        QCOMPARE(read.content, first.content);
        QCOMPARE(read.reasoning, first.reasoning);
        QCOMPARE(read.model, first.model);
        QCOMPARE(read.promptHash, first.promptHash);
        QCOMPARE(read.occurrenceStartsAt, t0);
        QCOMPARE(read.createdAt, t0.addSecs(5));
        QCOMPARE(read.durationMs, 8200);
        QCOMPARE(read.completionTokens, 300);
        QVERIFY(!read.automatic);

        const Result<PruneStep> step = store.pruneStep(t0.addDays(-90), 100);
        QVERIFY_OK(step);
        QCOMPARE(step->removedAlerts, (QList<AlertKey>{{u"alertmanager"_s, u"fp-old"_s}}));
        QVERIFY(store.analyses({u"alertmanager"_s, u"fp-old"_s}).isEmpty());
        QCOMPARE(store.analyses({u"alertmanager"_s, u"fp-new"_s}).size(), 2);
    }

    void forwardsAreLoggedWithTheirAlertAndGoWithIt()
    {
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        const QDateTime old = t0.addDays(-200);
        Alert resolved = makeAlert(u"fp-old"_s, AlertState::Resolved, old, old.addSecs(60));
        resolved.lastUpdate = old;
        write(store, {payloadOf({makeAlert(u"fp-new"_s, AlertState::Firing, t0), resolved})});

        StoredForward sent;
        sent.source = u"alertmanager"_s;
        sent.fingerprint = u"fp-new"_s;
        sent.occurrenceStartsAt = t0;
        sent.sentAt = t0.addSecs(30);
        sent.destinationId = u"d1"_s;
        sent.destinationName = u"#ops"_s;
        sent.tool = u"Slack"_s;
        sent.ok = true;
        sent.message = u"Slack accepted the message"_s;
        sent.withAnalysis = true;
        QVERIFY_OK(store.addForward(sent));
        QVERIFY(sent.id > 0);
        StoredForward failed = sent;
        failed.sentAt = t0.addSecs(90);
        failed.ok = false;
        failed.automatic = true;
        failed.withAnalysis = false;
        failed.message = u"DingTalk refused the message (errcode 310000): sign not match"_s;
        QVERIFY_OK(store.addForward(failed));
        StoredForward other = sent;
        other.fingerprint = u"fp-old"_s;
        QVERIFY_OK(store.addForward(other));

        const QList<StoredForward> listed = store.details({u"alertmanager"_s, u"fp-new"_s}).forwards;
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(0).id, failed.id); // newest first
        QVERIFY(!listed.at(0).ok);
        QVERIFY(listed.at(0).automatic);
        QCOMPARE(listed.at(0).message, failed.message);
        const StoredForward &read = listed.at(1);
        QVERIFY(read.ok);
        QVERIFY(read.withAnalysis);
        QCOMPARE(read.destinationId, u"d1"_s);
        QCOMPARE(read.destinationName, u"#ops"_s);
        QCOMPARE(read.tool, u"Slack"_s);
        QCOMPARE(read.occurrenceStartsAt, t0);
        QCOMPARE(read.sentAt, t0.addSecs(30));

        const Result<PruneStep> step = store.pruneStep(t0.addDays(-90), 100);
        QVERIFY_OK(step);
        QVERIFY(store.forwards({u"alertmanager"_s, u"fp-old"_s}).isEmpty());
        QCOMPARE(store.forwards({u"alertmanager"_s, u"fp-new"_s}).size(), 2);
    }

    void aSchemaOneStoreIsUpgraded()
    {
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
            write(store, {payloadOf({makeAlert(u"fp"_s, AlertState::Firing, t0)})});
        }
        {
            // What AlertDeck 1 left: no analyses table, version 1.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"DROP TABLE analyses"_s));
            QVERIFY(query.exec(u"DROP TABLE forwards"_s));
            QVERIFY(query.exec(u"PRAGMA user_version=1"_s));
            query = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"downgrade"_s);
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        QCOMPARE(store.alerts().size(), 1);
        StoredAnalysis analysis;
        analysis.source = u"alertmanager"_s;
        analysis.fingerprint = u"fp"_s;
        analysis.createdAt = t0;
        analysis.outcome = AnalysisOutcome::Finished;
        QVERIFY_OK(store.addAnalysis(analysis));
        QCOMPARE(store.analyses({u"alertmanager"_s, u"fp"_s}).size(), 1);
        StoredForward forward;
        forward.source = u"alertmanager"_s;
        forward.fingerprint = u"fp"_s;
        forward.sentAt = t0;
        QVERIFY_OK(store.addForward(forward));
        QCOMPARE(store.forwards({u"alertmanager"_s, u"fp"_s}).size(), 1);
    }

    void aStoredAnalysisReadsBackWithExactlyItsEvidence()
    {
        auto store = std::make_unique<AlertStore>();
        QVERIFY_OK(store->open(path()));
        const Alert alert = makeAlert(u"fp"_s, AlertState::Firing, t0);
        write(*store, {payloadOf({alert})});
        AnalysisPrompt::Evidence gathered;
        gathered.queries = {{u"Up"_s, u"up"_s}};
        MetricResult metric;
        metric.ok = true;
        metric.series
            = {{{{u"job"_s, u"node"_s}}, {{t0.toMSecsSinceEpoch() - 60'000, 1}, {t0.toMSecsSinceEpoch(), 0}}}};
        gathered.metrics = {metric};
        gathered.logs
            = {{t0.toMSecsSinceEpoch() * 1'000'000 + 123, u"ERROR 磁盘已满 \"quoted\"\n"_s, {{u"app"_s, u"db"_s}}}};
        const EvidenceSet evidence = EvidenceBuilder::build(alert, gathered);
        const QList<Hypothesis> hypotheses = {
            {u"Disk full"_s, HypothesisStatus::Likely, 0.75, {u"E1"_s}, {}},
            {u"Network"_s, HypothesisStatus::RuledOut, std::nullopt, {}, {u"E2"_s}},
        };

        StoredAnalysis analysis;
        analysis.source = alert.source;
        analysis.fingerprint = alert.fingerprint;
        analysis.createdAt = t0;
        analysis.outcome = AnalysisOutcome::Finished;
        analysis.content = u"The node is down [E8]."_s;
        analysis.evidence = evidence.toJson();
        analysis.hypotheses = Hypotheses::toJson(hypotheses);
        QVERIFY_OK(store->addAnalysis(analysis));
        store.reset();

        AlertStore reopened;
        QVERIFY_OK(reopened.open(path()));
        const QList<StoredAnalysis> read = reopened.analyses(AlertKey::of(alert));
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().evidence, analysis.evidence);
        const Result<EvidenceSet> readEvidence = EvidenceSet::fromJson(read.first().evidence);
        QVERIFY_OK(readEvidence);
        QCOMPARE(readEvidence->size(), evidence.size());
        QCOMPARE(*readEvidence, evidence);
        const Result<QList<Hypothesis>> readHypotheses = Hypotheses::fromJson(read.first().hypotheses);
        QVERIFY_OK(readHypotheses);
        QCOMPARE(*readHypotheses, hypotheses);
    }

    void aSchemaThreeStoreGainsEvidenceAndKeepsItsAnalyses()
    {
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
            write(store, {payloadOf({makeAlert(u"fp"_s, AlertState::Firing, t0)})});
        }
        {
            // What AlertDeck with schema 3 left: analyses without evidence or hypotheses.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"schema3"_s);
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"DROP TABLE analyses"_s));
            QVERIFY(query.exec(u"CREATE TABLE analyses (id INTEGER PRIMARY KEY, source TEXT NOT NULL,"
                               " fingerprint TEXT NOT NULL, starts_at_ms INTEGER, created_at_ms INTEGER NOT NULL,"
                               " duration_ms INTEGER NOT NULL, model TEXT NOT NULL, prompt_hash TEXT NOT NULL,"
                               " outcome TEXT NOT NULL, error TEXT NOT NULL, content TEXT NOT NULL,"
                               " reasoning TEXT NOT NULL, prompt_tokens INTEGER NOT NULL,"
                               " completion_tokens INTEGER NOT NULL, automatic INTEGER NOT NULL)"_s));
            QVERIFY(query.exec(u"INSERT INTO analyses (source, fingerprint, starts_at_ms, created_at_ms, duration_ms,"
                               " model, prompt_hash, outcome, error, content, reasoning, prompt_tokens,"
                               " completion_tokens, automatic) VALUES ('alertmanager', 'fp', NULL, %1, 10, 'm',"
                               " 'h', 'finished', '', 'old answer', '', -1, -1, 0)"_s.arg(t0.toMSecsSinceEpoch())));
            QVERIFY(query.exec(u"PRAGMA user_version=3"_s));
            query = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"schema3"_s);
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
            const QList<StoredAnalysis> old = store.analyses({u"alertmanager"_s, u"fp"_s});
            QCOMPARE(old.size(), 1);
            QCOMPARE(old.first().content, u"old answer"_s);
            QVERIFY(old.first().evidence.isEmpty());
            QVERIFY(EvidenceSet::fromJson(old.first().evidence)->isEmpty()); // opens with no evidence
            StoredAnalysis analysis;
            analysis.source = u"alertmanager"_s;
            analysis.fingerprint = u"fp"_s;
            analysis.createdAt = t0.addSecs(60);
            analysis.evidence = R"({"version":1,"items":[]})";
            QVERIFY_OK(store.addAnalysis(analysis));
            QCOMPARE(store.analyses({u"alertmanager"_s, u"fp"_s}).first().evidence, analysis.evidence);
        }
        // Upgraded once: opening it again changes nothing.
        AlertStore again;
        QVERIFY_OK(again.open(path()));
        QCOMPARE(again.analyses({u"alertmanager"_s, u"fp"_s}).size(), 2);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"version"_s);
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"PRAGMA user_version"_s) && query.next());
            QCOMPARE(query.value(0).toInt(), AlertStore::schemaVersion);
            query = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"version"_s);
    }

    // Schema 5: what AlertDeck with schema 4 left (analyses with evidence and hypotheses)
    // opens with empty conversations, and a follow-up updates the stored analysis.
    void aSchemaFourStoreGainsConversations()
    {
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
            write(store,
                  {payloadOf(
                      {makeAlert(u"fp"_s, AlertState::Firing, t0), makeAlert(u"fp-other"_s, AlertState::Firing, t0)})});
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"schema4"_s);
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"DROP TABLE analyses"_s));
            QVERIFY(query.exec(u"CREATE TABLE analyses (id INTEGER PRIMARY KEY, source TEXT NOT NULL,"
                               " fingerprint TEXT NOT NULL, starts_at_ms INTEGER, created_at_ms INTEGER NOT NULL,"
                               " duration_ms INTEGER NOT NULL, model TEXT NOT NULL, prompt_hash TEXT NOT NULL,"
                               " outcome TEXT NOT NULL, error TEXT NOT NULL, content TEXT NOT NULL,"
                               " reasoning TEXT NOT NULL, prompt_tokens INTEGER NOT NULL,"
                               " completion_tokens INTEGER NOT NULL, automatic INTEGER NOT NULL,"
                               " evidence TEXT NOT NULL DEFAULT '', hypotheses TEXT NOT NULL DEFAULT '')"_s));
            QVERIFY(query.exec(u"INSERT INTO analyses (source, fingerprint, starts_at_ms, created_at_ms, duration_ms,"
                               " model, prompt_hash, outcome, error, content, reasoning, prompt_tokens,"
                               " completion_tokens, automatic, evidence) VALUES ('alertmanager', 'fp', NULL, %1, 10,"
                               " 'm', 'h', 'finished', '', 'old answer', '', -1, -1, 0,"
                               " '{\"version\":1,\"items\":[]}')"_s.arg(t0.toMSecsSinceEpoch())));
            QVERIFY(query.exec(u"PRAGMA user_version=4"_s));
            query = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"schema4"_s);
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        QList<StoredAnalysis> old = store.analyses({u"alertmanager"_s, u"fp"_s});
        QCOMPARE(old.size(), 1);
        QCOMPARE(old.first().content, u"old answer"_s);
        QCOMPARE(old.first().evidence, R"({"version":1,"items":[]})");
        QVERIFY(old.first().conversation.isEmpty()); // opens with an empty conversation

        // A follow-up: the same analysis takes its grown conversation.
        StoredAnalysis grown = old.first();
        grown.conversation = R"({"version":1,"turns":[]})";
        grown.outcome = AnalysisOutcome::CutOff;
        QVERIFY_OK(store.updateAnalysis(grown));
        old = store.analyses({u"alertmanager"_s, u"fp"_s});
        QCOMPARE(old.size(), 1);
        QCOMPARE(old.first().id, grown.id);
        QCOMPARE(old.first().conversation, grown.conversation);
        QCOMPARE(old.first().outcome, AnalysisOutcome::CutOff);
        // An id of another alert's analysis is not touched: added as this alert's.
        StoredAnalysis elsewhere = grown;
        elsewhere.fingerprint = u"fp-other"_s;
        QVERIFY_OK(store.updateAnalysis(elsewhere));
        QVERIFY(elsewhere.id != grown.id);
        QCOMPARE(store.analyses({u"alertmanager"_s, u"fp"_s}).first().fingerprint, u"fp"_s);
        QCOMPARE(store.analyses({u"alertmanager"_s, u"fp-other"_s}).size(), 1);

        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"version5"_s);
        db.setDatabaseName(path());
        QVERIFY(db.open());
        {
            QSqlQuery query(db);
            QVERIFY(query.exec(u"PRAGMA user_version"_s) && query.next());
            QCOMPARE(query.value(0).toInt(), AlertStore::schemaVersion);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"version5"_s);
    }

    // Issue 23: history in the store, the working set in memory.
    void theWorkingSetAtOpenHoldsFiringAndRecentlyResolvedOnly()
    {
        const QDateTime now = t0.addDays(10);
        {
            AlertStore store;
            store.setClock(FakeClock::stoppedAt(now));
            QVERIFY_OK(store.open(path()));
            Alert firingOld = makeAlert(u"firing-old"_s, AlertState::Firing, t0.addDays(-30));
            firingOld.lastUpdate = t0.addDays(-30);
            Alert resolvedOld = makeAlert(u"resolved-3d"_s, AlertState::Resolved, now.addDays(-4), now.addDays(-3));
            resolvedOld.lastUpdate = now.addDays(-3);
            Alert resolvedRecent
                = makeAlert(u"resolved-1h"_s, AlertState::Resolved, now.addDays(-1), now.addSecs(-3600));
            resolvedRecent.lastUpdate = now.addSecs(-3600);
            write(store, {payloadOf({firingOld, resolvedOld, resolvedRecent})});
        }
        AlertStore store;
        store.setClock(FakeClock::stoppedAt(now));
        QVERIFY_OK(store.open(path()));
        QStringList kept;
        for (const Alert &alert : store.alerts())
            kept << alert.fingerprint;
        kept.sort();
        QCOMPARE(kept, (QStringList{u"firing-old"_s, u"resolved-1h"_s}));
        QCOMPARE(store.workingSetSize(), 2);
        // The old one is still on disk with its history.
        QCOMPARE(store.occurrences({u"alertmanager"_s, u"resolved-3d"_s}).size(), 1);

        // A wider window (a setting) brings it back at the next start.
        AlertStore wider;
        wider.setClock(FakeClock::stoppedAt(now));
        wider.setWorkingSetWindow(std::chrono::days(7));
        QVERIFY_OK(wider.open(path()));
        QCOMPARE(wider.workingSetSize(), 3);
    }

    void memoryHoldsTheWorkingSetWhateverTheHistory()
    {
        const QDateTime now = t0.addDays(30);
        {
            AlertStore store;
            store.setClock(FakeClock::stoppedAt(now));
            QVERIFY_OK(store.open(path()));
            QList<Alert> alerts;
            for (int i = 0; i < 2000; ++i) {
                Alert old = makeAlert(u"old-%1"_s.arg(i), AlertState::Resolved, t0.addSecs(i), t0.addSecs(i + 60));
                old.lastUpdate = t0.addSecs(i + 60);
                alerts << old;
            }
            for (int i = 0; i < 5; ++i)
                alerts << makeAlert(u"firing-%1"_s.arg(i), AlertState::Firing, t0);
            write(store, {payloadOf(alerts)});
            // What was written is in memory until the sweep.
            QCOMPARE(store.workingSetSize(), 2005);
            QCOMPARE(store.evictAgedOut().size(), 2000);
            QCOMPARE(store.workingSetSize(), 5);
        }
        AlertStore store;
        store.setClock(FakeClock::stoppedAt(now));
        QVERIFY_OK(store.open(path()));
        QCOMPARE(store.workingSetSize(), 5);
        QCOMPARE(store.alerts().size(), 5);
    }

    void aDeliveryForAnAlertOutsideTheWorkingSetMergesAsBefore()
    {
        // Resolved three days ago: on disk only after a restart.
        const QDateTime resolvedAt = t0.addDays(-3);
        {
            AlertStore store;
            store.setClock(FakeClock::stoppedAt(t0));
            QVERIFY_OK(store.open(path()));
            Alert firing = makeAlert(u"a1"_s, AlertState::Firing, resolvedAt.addSecs(-600));
            firing.lastUpdate = resolvedAt.addSecs(-600);
            Alert resolved = makeAlert(u"a1"_s, AlertState::Resolved, resolvedAt.addSecs(-600), resolvedAt);
            resolved.lastUpdate = resolvedAt;
            write(store, {payloadOf({firing})});
            write(store, {payloadOf({resolved})});
        }
        AlertStore store;
        store.setClock(FakeClock::stoppedAt(t0));
        QVERIFY_OK(store.open(path()));
        QCOMPARE(store.workingSetSize(), 0);

        // Alertmanager repeats the old resolve: nothing new (not a new alert).
        Alert repeated = makeAlert(u"a1"_s, AlertState::Resolved, resolvedAt.addSecs(-600), resolvedAt);
        repeated.lastUpdate = resolvedAt;
        QList<AlertChange> changes = write(store, {payloadOf({repeated})});
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).outcome, Outcome::Duplicate);
        QCOMPARE(store.workingSetSize(), 0);

        // It fires again: a new occurrence of the same alert, its history intact.
        Alert again = makeAlert(u"a1"_s, AlertState::Firing, t0);
        again.lastUpdate = t0;
        changes = write(store, {payloadOf({again})});
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).outcome, Outcome::NewOccurrence);
        QCOMPARE(changes.at(0).alert.count, 2);
        QCOMPARE(changes.at(0).alert.state, AlertState::Firing);
        QCOMPARE(store.workingSetSize(), 1);
        const QList<StoredOccurrence> history = store.occurrences({u"alertmanager"_s, u"a1"_s});
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).state, AlertState::Resolved);
        QCOMPARE(history.at(0).endsAt, resolvedAt);
        QCOMPARE(history.at(1).state, AlertState::Firing);
    }

    void resolvedAlertsAgeOutOfMemoryButStayOnDisk()
    {
        FakeClock clock(t0);
        AlertStore store;
        store.setClock(clock.function());
        QVERIFY_OK(store.open(path()));
        Alert resolved = makeAlert(u"a1"_s, AlertState::Resolved, t0.addSecs(-600), t0);
        resolved.lastUpdate = t0;
        Alert firing = makeAlert(u"a2"_s, AlertState::Firing, t0.addDays(-5));
        firing.lastUpdate = t0.addDays(-5);
        write(store, {payloadOf({resolved, firing})});

        clock.advance(std::chrono::hours(23));
        QVERIFY(store.evictAgedOut().isEmpty());
        clock.advance(std::chrono::hours(2));
        QCOMPARE(store.evictAgedOut(), (QList<AlertKey>{{u"alertmanager"_s, u"a1"_s}}));
        QCOMPARE(store.alerts().size(), 1);
        QCOMPARE(store.alerts().constFirst().fingerprint, u"a2"_s); // firing stays whatever its age
        QCOMPARE(store.details({u"alertmanager"_s, u"a1"_s}).occurrences.size(), 1);
        QCOMPARE(store.searchHistory(AlertFilter::parse(u"diskfull"_s).value(), 10)->size(), 1);
    }

    void historySearchFindsOlderAlertsOnly()
    {
        const QDateTime now = t0.addDays(10);
        AlertStore store;
        store.setClock(FakeClock::stoppedAt(now));
        QVERIFY_OK(store.open(path()));
        QList<Alert> alerts;
        for (int i = 0; i < 5; ++i) {
            Alert old = makeAlert(u"old-%1"_s.arg(i), AlertState::Resolved, t0, t0.addSecs(60 + i));
            old.lastUpdate = t0.addSecs(60 + i);
            old.name = u"PodCrashLooping"_s;
            old.labels.insert(u"pod"_s, u"api-%1"_s.arg(i));
            alerts << old;
        }
        Alert recent = makeAlert(u"recent"_s, AlertState::Resolved, now.addSecs(-120), now.addSecs(-60));
        recent.lastUpdate = now.addSecs(-60);
        recent.name = u"PodCrashLooping"_s;
        alerts << recent << makeAlert(u"other"_s, AlertState::Resolved, t0, t0.addSecs(30));
        write(store, {payloadOf(alerts)});

        bool more = true;
        Result<QList<Alert>> found = store.searchHistory(AlertFilter::parse(u"crashloop"_s).value(), 10, &more);
        QVERIFY_OK(found);
        QCOMPARE(found->size(), 5); // not the recent one: it is in memory already
        QVERIFY(!more);
        QCOMPARE(found->constFirst().fingerprint, u"old-4"_s); // latest update first
        found = store.searchHistory(AlertFilter::parse(u"pod=\"api-3\""_s).value(), 10);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->constFirst().fingerprint, u"old-3"_s);
        // Matchers are exact even where the text search is not: "api-3" is also in "api-33".
        found = store.searchHistory(AlertFilter::parse(u"pod=~\"api-[34]\" 上海"_s).value(), 10);
        QCOMPARE(found->size(), 2);
        found = store.searchHistory(AlertFilter::parse(u"crashloop"_s).value(), 2, &more);
        QCOMPARE(found->size(), 2);
        QVERIFY(more);
        // LIKE's wildcards in a word are plain characters.
        QCOMPARE(store.searchHistory(AlertFilter::parse(u"crash%loop"_s).value(), 10)->size(), 0);
    }

    void theWorkingSetIsReadThroughAnIndex()
    {
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plan"_s);
        {
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"EXPLAIN QUERY PLAN SELECT data FROM alerts WHERE json_extract(data, '$.state') = "
                               "'resolved' AND coalesce(json_extract(data, '$.lastUpdate'), json_extract(data, "
                               "'$.endsAt')) >= '2026-01-01'"_s));
            QStringList plan;
            while (query.next())
                plan << query.value(3).toString();
            QVERIFY2(plan.join(u' ').contains(u"USING INDEX alerts_by_state_updated"_s), qPrintable(plan.join(u' ')));
            db.close();
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"plan"_s);
    }

    // Schema 6: what AlertDeck with schema 5 left (occurrences without incident anchors, no
    // memory tables) keeps its history, gains notes and pins, and indexes the old alerts.
    void aSchemaFiveStoreGainsMemory()
    {
        const Alert old = makeAlert(u"fp"_s, AlertState::Firing, t0);
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
            write(store, {payloadOf({old})});
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"schema5"_s);
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            for (const QString &statement :
                 {u"DROP INDEX occurrences_by_start"_s, u"DROP INDEX occurrences_by_anchor"_s,
                  u"DROP INDEX occurrences_anchoring"_s, u"DROP INDEX alerts_by_payload"_s,
                  u"DROP TABLE occurrence_notes"_s, u"DROP TABLE incident_pins"_s, u"DROP TABLE alert_word_rows"_s,
                  u"DROP TABLE alert_words"_s, u"DROP TABLE alert_scopes"_s, u"DROP TABLE word_index_state"_s,
                  u"ALTER TABLE occurrences DROP COLUMN anchor_source"_s,
                  u"ALTER TABLE occurrences DROP COLUMN anchor_fingerprint"_s,
                  u"ALTER TABLE occurrences DROP COLUMN anchor_starts_at_ms"_s, u"PRAGMA user_version=5"_s})
                QVERIFY2(query.exec(statement), qPrintable(statement + u": "_s + query.lastError().text()));
            query = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"schema5"_s);
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
            QCOMPARE(store.occurrences(AlertKey::of(old)).size(), 1);
            QVERIFY(store.memory());
            const OccurrenceKey key = OccurrenceKey::of(old);
            QVERIFY_OK(store.memory()->saveNote({key}, {u"cause"_s, {}, {}, {}, t0}, t0));
            QCOMPARE(store.memory()->note(key)->cause, u"cause"_s);
            QVERIFY_OK(store.memory()->savePins({{key, key}}));
            QCOMPARE(store.memory()->pins()->value(key), key);
            // The alerts stored before are indexed by the next steps.
            QCOMPARE(store.memory()->indexStep(10, {}).valueOr(-1), 1);
            QCOMPARE(store.memory()->indexStep(10, {}).valueOr(-1), 0);
            Alert again = old;
            again.startsAt = t0.addDays(1);
            const SeenBefore::Report report = store.memory()->seenBefore({again}, {});
            QCOMPARE(report.matches.size(), 1);
            QCOMPARE(report.matches.first().note.cause, u"cause"_s);
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"version6"_s);
        db.setDatabaseName(path());
        QVERIFY(db.open());
        {
            QSqlQuery query(db);
            QVERIFY(query.exec(u"PRAGMA user_version"_s) && query.next());
            QCOMPARE(query.value(0).toInt(), 6);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"version6"_s);
    }

    void reclaimingFreePagesShrinksTheFile()
    {
        const QDateTime old = t0.addDays(-200);
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
            QList<IncomingPayload> batch;
            for (int i = 0; i < 64; ++i) {
                IncomingPayload payload = payloadOf({}, QByteArray(64 * 1024, char('a' + i % 26)));
                payload.receivedAt = old;
                batch.append(payload);
            }
            write(store, batch);
        }
        const qint64 fullSize = QFileInfo(path()).size();
        QVERIFY2(fullSize > 4 * 1024 * 1024, QByteArray::number(fullSize));
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
            for (bool finished = false; !finished;) {
                const Result<PruneStep> step = store.pruneStep(t0, 1000);
                QVERIFY_OK(step);
                finished = step->finished;
            }
            QCOMPARE(store.payloadCount(), 0);
            qint64 left = -1;
            for (int round = 0; round < 1000 && left != 0; ++round)
                left = store.reclaimFreePages(64);
            QCOMPARE(left, 0);
        }
        const qint64 prunedSize = QFileInfo(path()).size();
        QVERIFY2(prunedSize < fullSize / 10, qPrintable(u"%1 → %2"_s.arg(fullSize).arg(prunedSize)));
    }
};

QTEST_GUILESS_MAIN(TestAlertStore)
#include "tst_alertstore.moc"
