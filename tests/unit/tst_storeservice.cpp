#include "AlertBuilder.h"
#include "FakeClock.h"
#include "HandDrivenIngest.h"
#include "ResultAssert.h"
#include "SideConnection.h"
#include "TestData.h"
#include "store/PayloadJournal.h"
#include "store/StoreService.h"

#include <QAtomicInt>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

WebhookDelivery delivery(const QByteArray &body, PayloadFormat format = PayloadFormat::Auto)
{
    return {QDateTime::currentDateTimeUtc(), u"/webhook"_s, format, R"({"user-agent":"test"})", body};
}

const QDateTime t0 = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

// A resolved alert whose last update was `resolvedAt`.
Alert resolvedAt(const QString &fingerprint, const QDateTime &resolvedAt)
{
    return AlertBuilder(fingerprint)
        .state(AlertState::Resolved)
        .named(u"PodCrashLooping"_s)
        .label(u"pod"_s, fingerprint)
        .startsAt(resolvedAt.addSecs(-600))
        .endsAt(resolvedAt)
        .lastUpdate(resolvedAt);
}

// Writes `alerts` straight into the store file, as an earlier run would have.
void storeDirectly(const QString &file, const QList<Alert> &alerts)
{
    AlertStore store;
    QVERIFY_OK(store.open(file));
    IncomingPayload payload;
    payload.receivedAt = t0;
    payload.path = u"/webhook/alertmanager"_s;
    payload.format = PayloadFormat::Alertmanager;
    payload.headers = "{}";
    payload.body = "{}";
    payload.alerts = alerts;
    QVERIFY_OK(store.write({payload}));
}

// An Alertmanager body with one alert `fingerprint` in `status` ("firing" or "resolved").
QByteArray alertmanagerBody(const QByteArray &fingerprint, const QByteArray &status)
{
    const QByteArray endsAt = status == "resolved" ? "2026-11-22T10:05:00Z" : "0001-01-01T00:00:00Z";
    return R"({"version":"4","status":")" + status + R"(","receiver":"r","groupKey":"{}:{}","alerts":[{"status":")"
        + status + R"(","labels":{"alertname":"DiskFull","instance":")" + fingerprint
        + R"("},"annotations":{},"startsAt":"2026-11-22T10:00:00Z","endsAt":")" + endsAt + R"(","fingerprint":")"
        + fingerprint + R"("}]})";
}

// Warnings that say a step will be tried again, counted while a test listens.
QAtomicInt retryWarnings;
void countRetryWarnings(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtWarningMsg && message.contains(u"trying again"_s))
        retryWarnings.fetchAndAddRelaxed(1);
}

IncomingPayload storable(const QByteArray &body)
{
    const PayloadParseResult parsed = parsePayload(body, PayloadFormat::Auto, t0);
    IncomingPayload payload;
    payload.receivedAt = t0;
    payload.path = u"/webhook"_s;
    payload.format = parsed.payload.format;
    payload.headers = "{}";
    payload.body = body;
    payload.alerts = parsed.payload.alerts;
    return payload;
}

} // namespace

class TestStoreService : public QObject
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

    void storesEveryFixtureAndAnswers200()
    {
        const QStringList fixtures{u"alertmanager/firing-single.json"_s,   u"alertmanager/group-mixed-status.json"_s,
                                   u"alertmanager/group-truncated.json"_s, u"grafana/firing.json"_s,
                                   u"nightingale/events-batch.json"_s,     u"nightingale/notify-script-stdin.json"_s};
        {
            StoreService service;
            QVERIFY_OK(service.open(path()));
            QSignalSpy changed(&service, &StoreService::alertsChanged);
            QList<IngestResult> results;
            for (const QString &name : fixtures)
                service.submit(delivery(TestData::fixture(name)), this,
                               [&](const IngestResult &r) { results.append(r); });
            QTRY_COMPARE(results.size(), fixtures.size());
            for (const IngestResult &result : std::as_const(results)) {
                QCOMPARE(result.status, 200);
                QCOMPARE(QJsonDocument::fromJson(result.body).object().value(u"status"_s).toString(), u"stored"_s);
            }
            QTRY_VERIFY(!changed.isEmpty()); // applied a moment after the answers
        }
        // What was acknowledged is on disk: a new service sees it all.
        StoreService reopened;
        QVERIFY_OK(reopened.open(path()));
        const QList<Alert> alerts = reopened.storedAlerts();
        // 1 + 5 + 3 Alertmanager, 1 Grafana, 2 + 1 Nightingale: 12 distinct alerts.
        QCOMPARE(alerts.size(), 12);
    }

    void opensInTheBackgroundAndRestoresBeforeLiveChanges()
    {
        {
            StoreService service;
            QVERIFY_OK(service.open(path()));
            int answered = 0;
            for (const QString &name :
                 {u"alertmanager/firing-single.json"_s, u"alertmanager/group-mixed-status.json"_s,
                  u"alertmanager/group-truncated.json"_s, u"grafana/firing.json"_s, u"nightingale/events-batch.json"_s})
                service.submit(delivery(TestData::fixture(name)), this, [&](const IngestResult &) { ++answered; });
            QTRY_COMPARE(answered, 5);
            QCOMPARE(service.storedAlerts().size(), 12);
        }
        StoreService service;
        QList<StoreService::StoreState> states;
        QStringList events;
        QList<Alert> restored;
        QList<IngestResult> results;
        connect(&service, &StoreService::storeStateChanged, this, [&](StoreService::StoreState state) {
            states.append(state);
            // As the application does: the listener starts as soon as the store is open.
            if (state == StoreService::StoreState::Restoring)
                service.submit(delivery(R"({"version":"4","status":"firing","alerts":[{"status":"firing",)"
                                        R"("labels":{"alertname":"Fresh"},"startsAt":"2026-11-25T01:00:00Z",)"
                                        R"("fingerprint":"f0f0f0f0f0f0f0f0"}]})"),
                               this, [&](const IngestResult &result) { results.append(result); });
        });
        connect(&service, &StoreService::alertsRestored, this, [&](const QList<Alert> &alerts) {
            events << u"restored %1 (%2 of %3)"_s.arg(alerts.size())
                          .arg(service.restoredAlerts())
                          .arg(service.storedAlertsAtOpen());
            restored += alerts;
        });
        connect(&service, &StoreService::alertsChanged, this,
                [&](const QList<AlertChange> &changes) { events << u"changed %1"_s.arg(changes.size()); });

        service.openInBackground(path(), 5);
        QCOMPARE(service.storeState(), StoreService::StoreState::Opening);
        QTRY_COMPARE(service.storeState(), StoreService::StoreState::Open);
        QTRY_COMPARE(results.size(), 1);
        QCOMPARE(results.constFirst().status, 200);
        QCOMPARE(
            states,
            (QList<StoreService::StoreState>{StoreService::StoreState::Opening, StoreService::StoreState::Restoring,
                                             StoreService::StoreState::Open}));
        QTRY_COMPARE(events.size(), 4); // the live change is applied a moment after its answer
        QCOMPARE(events,
                 (QStringList{u"restored 5 (5 of 12)"_s, u"restored 5 (10 of 12)"_s, u"restored 2 (12 of 12)"_s,
                              u"changed 1"_s}));
        for (qsizetype i = 1; i < restored.size(); ++i)
            QVERIFY(restored.at(i - 1).startsAt >= restored.at(i).startsAt); // newest first
        QCOMPARE(service.storedAlerts().size(), 13);
    }

    void backgroundOpenOfACorruptFileFails()
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, '\x7f'));
        file.close();
        StoreService service;
        QSignalSpy states(&service, &StoreService::storeStateChanged);
        QSignalSpy restored(&service, &StoreService::alertsRestored);
        service.openInBackground(path());
        QTRY_COMPARE(service.storeState(), StoreService::StoreState::Failed);
        QVERIFY2(service.storeError().contains(path()), qPrintable(service.storeError()));
        QCOMPARE(states.count(), 2); // Opening, Failed
        QCOMPARE(restored.count(), 0);
        QCOMPARE(file.size(), 8192); // untouched
    }

    void refusedBodiesAreNotStored()
    {
        StoreService service;
        QVERIFY_OK(service.open(path()));
        QList<IngestResult> results;
        service.submit(delivery("{not json"), this, [&](const IngestResult &r) { results.append(r); });
        service.submit(delivery(R"({"hello":"world"})"), this, [&](const IngestResult &r) { results.append(r); });
        QTRY_COMPARE(results.size(), 2);
        QCOMPARE(results.at(0).status, 400);
        QVERIFY(QJsonDocument::fromJson(results.at(0).body).object().value(u"error"_s).toString().contains(u"byte"_s));
        QCOMPARE(results.at(1).status, 422);
        QCOMPARE(service.storedAlerts().size(), 0);
    }

    void tooManyAlertsAreRefusedWith413NamingTheLimit()
    {
        StoreService service;
        QVERIFY_OK(service.open(path()));
        const auto body = [](int count) {
            QJsonArray alerts;
            for (int i = 0; i < count; ++i)
                alerts.append(QJsonObject{{u"status"_s, u"firing"_s},
                                          {u"labels"_s, QJsonObject{{u"alertname"_s, u"A%1"_s.arg(i)}}}});
            return QJsonDocument(QJsonObject{{u"version"_s, u"4"_s}, {u"alerts"_s, alerts}}).toJson();
        };
        QList<IngestResult> results;
        service.setMaxAlertsPerPayload(2);
        service.submit(delivery(body(3)), this, [&](const IngestResult &r) { results.append(r); });
        service.submit(delivery(body(2)), this, [&](const IngestResult &r) { results.append(r); });
        QTRY_COMPARE(results.size(), 2);
        QCOMPARE(results.at(0).status, 413);
        const QString error = QJsonDocument::fromJson(results.at(0).body).object().value(u"error"_s).toString();
        QVERIFY2(error.contains(u"holds 3 and the limit is 2"_s), qPrintable(error));
        QCOMPARE(results.at(1).status, 200);
        QCOMPARE(service.storedAlerts().size(), 2); // only the second payload's

        // A limit below 1 would refuse everything: 1 is the least.
        service.setMaxAlertsPerPayload(0);
        service.submit(delivery(body(1)), this, [&](const IngestResult &r) { results.append(r); });
        QTRY_COMPARE(results.size(), 3);
        QCOMPARE(results.at(2).status, 200);
    }

    void unwritableStoreAsksSendersToRetry()
    {
        StoreService service;
        QVERIFY_OK(service.open(path()));
        // The journal is where a payload must be written before its 2xx.
        auto lock = std::make_unique<SqliteWriteLock>(PayloadJournal::pathFor(path()));
        QVERIFY(lock->isHeld());

        QList<IngestResult> results;
        service.submit(delivery(TestData::fixture(u"alertmanager/firing-single.json"_s)), this,
                       [&](const IngestResult &r) { results.append(r); });
        // Nightingale retries only after a 429: same refusal, its own status.
        service.submit(delivery(TestData::fixture(u"nightingale/event-firing.json"_s)), this,
                       [&](const IngestResult &r) { results.append(r); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 20'000);
        QCOMPARE(results.at(0).status, 503); // Alertmanager retries a 5xx
        QVERIFY(results.at(0).body.contains("retry later"));
        QCOMPARE(results.at(0).extraHeaders, "Retry-After: 5\r\n");
        QCOMPARE(results.at(1).status, 429);
        QVERIFY(results.at(1).body.contains("retry later"));
        QCOMPARE(results.at(1).extraHeaders, "Retry-After: 5\r\n");

        lock.reset();
        service.submit(delivery(TestData::fixture(u"alertmanager/firing-single.json"_s)), this,
                       [&](const IngestResult &r) { results.append(r); });
        QTRY_COMPARE(results.size(), 3);
        QCOMPARE(results.at(2).status, 200);
    }

    void aStoreThatCannotBeWrittenNowStillAcknowledgesAndAppliesLater()
    {
        // Only the journal stands between a sender and its 2xx: a store busy with
        // something else (here: write-locked by another connection) holds up no answer.
        StoreService service;
        QVERIFY_OK(service.open(path()));
        QSignalSpy changed(&service, &StoreService::alertsChanged);
        auto lock = std::make_unique<SqliteWriteLock>(path());
        QVERIFY(lock->isHeld());
        QList<IngestResult> results;
        for (const char *fingerprint : {"f1", "f2", "f3"})
            service.submit(delivery(alertmanagerBody(fingerprint, "firing")), this,
                           [&](const IngestResult &r) { results.append(r); });
        QTRY_COMPARE(results.size(), 3);
        for (const IngestResult &result : std::as_const(results))
            QCOMPARE(result.status, 200);
        QCOMPARE(changed.size(), 0); // the store could not take them yet
        // Once they have waited noticeably long, the service tells how many and how long.
        QCOMPARE(service.unappliedPayloads(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(service.unappliedPayloads(), 3, 20'000);
        QVERIFY(service.applyLag() >= ApplyPacing::noticeableLag);

        lock.reset();
        QTRY_COMPARE_WITH_TIMEOUT(service.storedAlerts().size(), 3, 20'000); // applied once it can
        QTRY_COMPARE(service.unappliedPayloads(), 0); // and nothing said to wait any more
        QCOMPARE(service.applyLag().count(), 0);
        PayloadJournal journal;
        QVERIFY_OK(journal.open(PayloadJournal::pathFor(path())));
        QTRY_COMPARE(journal.after(0, 10)->size(), 0); // the store has them: the journal forgets them
    }

    void aStopAppliesEverythingAndLeavesTheJournalEmpty()
    {
        {
            StoreService service;
            QVERIFY_OK(service.open(path()));
            QList<IngestResult> results;
            for (const char *fingerprint : {"f1", "f2", "f3"})
                service.submit(delivery(alertmanagerBody(fingerprint, "firing")), this,
                               [&](const IngestResult &r) { results.append(r); });
            QTRY_COMPARE(results.size(), 3);
        } // stopped at once: within the pause before they are applied
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        QCOMPARE(store.payloadCount(), qint64(3));
        QCOMPARE(store.appliedPayloadId(), qint64(3));
        PayloadJournal journal;
        QVERIFY_OK(journal.open(PayloadJournal::pathFor(path())));
        QCOMPARE(journal.after(0, 10)->size(), 0);
    }

    void aStopLeavesWhatItCannotApplyInTimeForTheNextStart()
    {
        // A stop right after a storm applies for a moment only (StoreWorker::stopBudget;
        // none here): the rest waits in the journal, and the next start opens at once
        // and applies it in the background.
        {
            HandDrivenIngest ingest;
            auto &[inbox, worker, journal] = ingest;
            QVERIFY_OK(worker.open(path()));
            QSignalSpy answered(&journal, &JournalWorker::finished);
            for (const char *fingerprint : {"f1", "f2", "f3"})
                inbox.post(delivery(alertmanagerBody(fingerprint, "firing")));
            journal.drain();
            QCOMPARE(answered.size(), 1);
            worker.setStopBudget(std::chrono::milliseconds{0});
            worker.finish();
            QCOMPARE(worker.unappliedPayloads(), qint64(3));
        }
        PayloadJournal journal;
        QVERIFY_OK(journal.open(PayloadJournal::pathFor(path())));
        QCOMPARE(journal.after(0, 10)->size(), 3);

        StoreService service;
        QSignalSpy changed(&service, &StoreService::alertsChanged);
        QVERIFY_OK(service.open(path()));
        QTRY_VERIFY(!changed.isEmpty()); // applied after the open, without a read asking for them
        QCOMPARE(changed.constLast().at(0).value<QList<AlertChange>>().size(), 3);
        QTRY_COMPARE(journal.after(0, 10)->size(), 0);
        bool stored = false; // and new payloads continue the ids
        service.submit(delivery(alertmanagerBody("f4", "firing")), this,
                       [&](const IngestResult &result) { stored = result.status == 200; });
        QTRY_VERIFY(stored);
        QCOMPARE(service.storedAlerts().size(), 4);
    }

    void aJournalOfAnotherProgramIsRefusedAndLeftUntouched()
    {
        const QString journalPath = PayloadJournal::pathFor(path());
        {
            const SideConnection other(journalPath, u"other"_s);
            QVERIFY(other.isOpen());
            QVERIFY(other.exec(u"CREATE TABLE notes (x)"_s));
        }
        const auto contents = [&] {
            QFile file(journalPath);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        const QByteArray before = contents();
        QVERIFY(!before.isEmpty());
        PayloadJournal journal;
        const Result<> opened = journal.open(journalPath);
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(u"belongs to another program"_s), qPrintable(opened.error()));
        QCOMPARE(contents(), before);
        StoreService service;
        QVERIFY(!service.open(path())); // no store that could not take a payload
    }

    void payloadsStoredButNotAppliedAreAppliedAtTheNextOpen()
    {
        // A run that stopped (a crash, a power loss) between storing payloads and
        // applying them: their rows are the record.
        storeDirectly(path(), {resolvedAt(u"old"_s, t0)}); // payload 1, applied
        {
            PayloadJournal journal;
            QVERIFY_OK(journal.open(PayloadJournal::pathFor(path())));
            journal.continueAfter(1);
            QList<IncomingPayload> batch{storable(alertmanagerBody("f1", "firing")),
                                         storable(alertmanagerBody("f2", "firing")),
                                         storable(alertmanagerBody("f1", "resolved"))};
            QVERIFY_OK(journal.append(batch));
            QCOMPARE(batch.at(0).id, qint64(2)); // ids continue the store's
            QCOMPARE(batch.at(2).id, qint64(4));
            const Result<QList<IncomingPayload>> unapplied = journal.after(1, 10);
            QVERIFY_OK(unapplied);
            QCOMPARE(unapplied->size(), 3);
            QCOMPARE(unapplied->at(2).body, batch.at(2).body);
            QCOMPARE(unapplied->at(2).receivedAt, t0);
        }
        QList<Alert> alerts;
        {
            StoreService service;
            QVERIFY_OK(service.open(path()));
            alerts = service.storedAlerts();
        }
        QCOMPARE(alerts.size(), 2); // "old" left the working set long ago
        std::sort(alerts.begin(), alerts.end(),
                  [](const Alert &a, const Alert &b) { return a.fingerprint < b.fingerprint; });
        QCOMPARE(alerts.at(0).state, AlertState::Resolved); // applied in the order received
        QCOMPARE(alerts.at(1).state, AlertState::Firing);
        AlertStore reopened;
        QVERIFY_OK(reopened.open(path()));
        QCOMPARE(reopened.appliedPayloadId(), qint64(4));
        QCOMPARE(reopened.payloadCount(), qint64(4)); // copied into the store with their ids
        PayloadJournal journal;
        QVERIFY_OK(journal.open(PayloadJournal::pathFor(path())));
        QCOMPARE(journal.after(0, 10)->size(), 0); // and forgotten by the journal
    }

    void payloadsAnOlderVersionStoredButDidNotApplyAreApplied()
    {
        // Before the journal, payload rows were written into the store first.
        storeDirectly(path(), {resolvedAt(u"old"_s, t0)});
        {
            const SideConnection older(path(), u"older"_s);
            QVERIFY(older.isOpen());
            QVERIFY(older.exec(u"INSERT INTO payloads (received_at_ms, path, format, headers, body, alert_count)"
                               " VALUES (0, '/webhook', 'alertmanager', '{}', '"_s
                               + QString::fromUtf8(alertmanagerBody("f9", "firing")).replace(u"'"_s, u"''"_s)
                               + u"', 1)"_s));
        }
        StoreService service;
        QVERIFY_OK(service.open(path()));
        const QList<Alert> alerts = service.storedAlerts();
        QVERIFY(std::any_of(alerts.begin(), alerts.end(), [](const Alert &a) { return a.fingerprint == u"f9"_s; }));
    }

    void aStoreFromBeforeTheAppliedMarkHasAppliedEverything()
    {
        storeDirectly(path(), {resolvedAt(u"old"_s, t0)});
        {
            // As an older version left it: no mark.
            const SideConnection older(path(), u"older"_s);
            QVERIFY(older.isOpen());
            QVERIFY(older.exec(u"DROP TABLE ingest_state"_s));
        }
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        QCOMPARE(store.appliedPayloadId(), qint64(1));
        QCOMPARE(store.unappliedPayloads(10)->size(), 0);
    }

    void aBacklogTooLargeToHoldIsReadBackFromDiskInOrder()
    {
        HandDrivenIngest ingest;
        auto &[inbox, worker, journal] = ingest;
        worker.setUnappliedMemoryLimit(1); // every stored payload is read back
        QVERIFY_OK(worker.open(path()));
        QSignalSpy answered(&journal, &JournalWorker::finished);
        QSignalSpy changed(&worker, &StoreWorker::alertsChanged);
        for (const QByteArray &body :
             {alertmanagerBody("f1", "firing"), alertmanagerBody("f2", "firing"), alertmanagerBody("f1", "resolved")})
            inbox.post({t0, u"/webhook"_s, PayloadFormat::Auto, "{}", body});
        journal.drain();
        QCOMPARE(answered.size(), 1); // answered once stored, before anything is applied
        QCOMPARE(answered.at(0).at(0).value<QList<IngestOutcome>>().size(), 3);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(worker.unappliedPayloads(), qint64(3));
        QTRY_COMPARE(worker.unappliedPayloads(), qint64(0)); // applied in steps on the worker's thread
        QList<Alert> alerts = worker.alerts();
        QCOMPARE(alerts.size(), 2);
        std::sort(alerts.begin(), alerts.end(),
                  [](const Alert &a, const Alert &b) { return a.fingerprint < b.fingerprint; });
        QCOMPARE(alerts.at(0).state, AlertState::Resolved);
        QCOMPARE(alerts.at(1).state, AlertState::Firing);
        QVERIFY(!changed.isEmpty());
    }

    void aFailedApplyStepIsTriedAgainAndLosesNothing()
    {
        HandDrivenIngest ingest;
        auto &[inbox, worker, journal] = ingest;
        QVERIFY_OK(worker.open(path()));
        // Occurrences cannot be written while `broken` has a row; payloads still can.
        const SideConnection breaker(path(), u"breaker"_s);
        QVERIFY(breaker.isOpen());
        QVERIFY(breaker.exec(u"CREATE TABLE broken (x)"_s));
        QVERIFY(breaker.exec(u"INSERT INTO broken VALUES (1)"_s));
        QVERIFY(breaker.exec(
            u"CREATE TRIGGER break_apply BEFORE INSERT ON occurrences"
            " WHEN (SELECT count(*) FROM broken) > 0 BEGIN SELECT RAISE(ABORT, 'broken on purpose'); END"_s));

        QSignalSpy answered(&journal, &JournalWorker::finished);
        QSignalSpy changed(&worker, &StoreWorker::alertsChanged);
        retryWarnings = 0;
        const QtMessageHandler original = qInstallMessageHandler(countRetryWarnings);
        inbox.post({t0, u"/webhook"_s, PayloadFormat::Auto, "{}", alertmanagerBody("f1", "firing")});
        journal.drain();
        QCOMPARE(answered.size(), 1);
        QCOMPARE(answered.at(0).at(0).value<QList<IngestOutcome>>().at(0).result.status, 200); // on disk
        QTRY_VERIFY(retryWarnings.loadRelaxed() >= 1); // the step failed and waits to retry
        qInstallMessageHandler(original);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(worker.unappliedPayloads(), qint64(1));

        QVERIFY(breaker.exec(u"DELETE FROM broken"_s));
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10'000); // tried again a moment later
        QCOMPARE(worker.unappliedPayloads(), qint64(0));
        QCOMPARE(worker.alerts().size(), 1);
    }

    void readsSeeEveryAcknowledgedPayload()
    {
        HandDrivenIngest ingest;
        auto &[inbox, worker, journal] = ingest;
        QVERIFY_OK(worker.open(path()));
        for (int i = 0; i < 40; ++i)
            inbox.post({t0, u"/webhook"_s, PayloadFormat::Auto, "{}",
                        alertmanagerBody("f" + QByteArray::number(i), "firing")});
        journal.drain();
        QCOMPARE(worker.unappliedPayloads(), qint64(40));
        // No event loop ran: the read applies what is left first.
        QCOMPARE(worker.alerts().size(), 40);
        QCOMPARE(worker.unappliedPayloads(), qint64(0));
    }

    void detailsArriveAsynchronously()
    {
        StoreService service;
        QVERIFY_OK(service.open(path()));
        QList<IngestResult> results;
        service.submit(delivery(TestData::fixture(u"alertmanager/group-truncated.json"_s)), this,
                       [&](const IngestResult &r) { results.append(r); });
        QTRY_COMPARE(results.size(), 1);
        const QString fingerprint = service.storedAlerts().constFirst().fingerprint;

        std::optional<AlertDetails> details;
        service.fetchDetails({u"alertmanager"_s, fingerprint}, this, [&](const AlertDetails &d) { details = d; });
        QVERIFY(!details); // never answered inline: the UI thread does not wait for the disk
        QTRY_VERIFY(details.has_value());
        QCOMPARE(details->truncatedAlerts, 3);
        QCOMPARE(details->payloadAlertCount, 3);
        QCOMPARE(details->occurrences.size(), 1);
        QVERIFY(details->lastPayloadBody.contains("truncatedAlerts"));

        // An asker that is gone gets nothing (and nothing crashes).
        bool called = false;
        {
            QObject gone;
            service.fetchDetails({u"alertmanager"_s, fingerprint}, &gone, [&](const AlertDetails &) { called = true; });
        }
        std::optional<AlertDetails> after;
        service.fetchDetails({u"alertmanager"_s, fingerprint}, this, [&](const AlertDetails &d) { after = d; });
        QTRY_VERIFY(after.has_value()); // answered in order, so the earlier one was skipped
        QVERIFY(!called);
    }

    void retentionRunsOnTheStoreThreadBetweenDeliveries()
    {
        StoreService service;
        QVERIFY_OK(service.open(path()));
        // Resolved alerts delivered long ago, more than one retention step's worth.
        const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-200);
        const int oldAlerts = StoreWorker::pruneRowsPerStep + 20;
        QJsonArray alerts;
        for (int i = 0; i < oldAlerts; ++i)
            alerts.append(
                QJsonObject{{u"status"_s, u"resolved"_s},
                            {u"labels"_s, QJsonObject{{u"alertname"_s, u"Old"_s}, {u"n"_s, QString::number(i)}}},
                            {u"annotations"_s, QJsonObject{}},
                            {u"startsAt"_s, old.toString(Qt::ISODate)},
                            {u"endsAt"_s, old.addSecs(60).toString(Qt::ISODate)},
                            {u"fingerprint"_s, u"old%1"_s.arg(i)}});
        const QByteArray oldBody = QJsonDocument(QJsonObject{{u"version"_s, u"4"_s},
                                                             {u"status"_s, u"resolved"_s},
                                                             {u"receiver"_s, u"r"_s},
                                                             {u"groupKey"_s, u"{}"_s},
                                                             {u"truncatedAlerts"_s, 0},
                                                             {u"alerts"_s, alerts}})
                                       .toJson(QJsonDocument::Compact);
        WebhookDelivery oldDelivery = delivery(oldBody, PayloadFormat::Alertmanager);
        oldDelivery.receivedAt = old;
        int answered = 0;
        service.submit(oldDelivery, this, [&](const IngestResult &r) { answered += r.status == 200; });
        QTRY_COMPARE(answered, 1);
        QCOMPARE(service.storedAlerts().size(), oldAlerts);

        QSignalSpy removed(&service, &StoreService::alertsRemoved);
        QSignalSpy finished(&service, &StoreService::pruneFinished);
        service.pruneOlderThan(QDateTime::currentDateTimeUtc().addDays(-90));
        // Queued behind the first step: answered while retention is still running.
        service.submit(delivery(TestData::fixture(u"alertmanager/firing-single.json"_s)), this,
                       [&](const IngestResult &r) { answered += r.status == 200; });
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(answered, 2);
        QVERIFY2(removed.size() >= 2, "removal arrives step by step");
        qsizetype removedAlerts = 0;
        for (const auto &args : std::as_const(removed))
            removedAlerts += args.at(0).value<QList<AlertKey>>().size();
        QCOMPARE(removedAlerts, oldAlerts);
        const PruneSummary summary = finished.at(0).at(0).value<PruneSummary>();
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.alerts, oldAlerts);
        QCOMPARE(summary.payloads, 1); // no kept alert points to the old delivery any more
        QCOMPARE(service.storedAlerts().size(), 1);
    }

    void restoresOnlyTheWorkingSetAndAgesResolvedAlertsOut()
    {
        QList<Alert> alerts;
        for (int i = 0; i < 300; ++i)
            alerts << resolvedAt(u"old-%1"_s.arg(i), t0.addDays(-3).addSecs(i));
        alerts << resolvedAt(u"recent"_s, t0.addSecs(-3600));
        storeDirectly(path(), alerts);

        FakeClock clock(t0);
        StoreService service;
        service.setClock(clock.function());
        QSignalSpy restored(&service, &StoreService::alertsRestored);
        service.openInBackground(path());
        QTRY_COMPARE(service.storeState(), StoreService::StoreState::Open);
        QCOMPARE(restored.size(), 1);
        const QList<Alert> batch = restored.at(0).at(0).value<QList<Alert>>();
        QCOMPARE(batch.size(), 1);
        QCOMPARE(batch.at(0).fingerprint, u"recent"_s);
        QCOMPARE(service.workingSetSize(), 1);

        // 24 hours after its resolve it leaves memory (and the table), not the disk.
        QSignalSpy agedOut(&service, &StoreService::alertsAgedOut);
        clock.advance(std::chrono::hours(23));
        service.sweepWorkingSet();
        QCOMPARE(service.workingSetSize(), 1);
        QVERIFY(agedOut.isEmpty());
        clock.advance(std::chrono::hours(2));
        service.sweepWorkingSet();
        QTRY_COMPARE(agedOut.size(), 1);
        QCOMPARE(agedOut.at(0).at(0).value<QList<AlertKey>>(), (QList<AlertKey>{{u"alertmanager"_s, u"recent"_s}}));
        QCOMPARE(service.workingSetSize(), 0);
        QCOMPARE(service.occurrences({u"alertmanager"_s, u"recent"_s}).size(), 1);
    }

    void searchesTheOlderHistoryInTheBackground()
    {
        storeDirectly(path(),
                      {resolvedAt(u"api-1"_s, t0.addDays(-40)), resolvedAt(u"api-2"_s, t0.addDays(-3)),
                       resolvedAt(u"web-1"_s, t0.addDays(-3)), resolvedAt(u"api-3"_s, t0.addSecs(-60))});
        StoreService service;
        service.setClock(FakeClock::stoppedAt(t0));
        QVERIFY_OK(service.open(path()));
        std::optional<StoreService::HistoryResult> result;
        service.searchHistory(AlertFilter::parse(u"api"_s).value(), 100, this,
                              [&](const StoreService::HistoryResult &found) { result = found; });
        QVERIFY(!result); // answered later, never while the caller waits
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->error.isEmpty());
        QStringList found;
        for (const Alert &alert : result->alerts)
            found << alert.fingerprint;
        // api-3 is in the working set (the table has it already); newest first.
        QCOMPARE(found, (QStringList{u"api-2"_s, u"api-1"_s}));
        QVERIFY(!result->more);
    }

    void goneClientIsSkipped()
    {
        StoreService service;
        QVERIFY_OK(service.open(path()));
        QSignalSpy changed(&service, &StoreService::alertsChanged);
        bool called = false;
        {
            QObject client;
            service.submit(delivery(TestData::fixture(u"alertmanager/firing-single.json"_s)), &client,
                           [&](const IngestResult &) { called = true; });
        }
        QTRY_COMPARE(changed.size(), 1); // still stored
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestStoreService)
#include "tst_storeservice.moc"
