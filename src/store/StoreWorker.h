#pragma once

#include "incidents/IncidentCorrelator.h"
#include "ingest/IngestTypes.h"
#include "ingest/PayloadParser.h"
#include "store/AlertStore.h"
#include "store/ApplyPacing.h"
#include "store/JournalWorker.h"
#include "store/MemoryQueries.h"
#include "store/PayloadJournal.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

Q_DECLARE_METATYPE(QList<AlertChange>)
Q_DECLARE_METATYPE(AlertDetails)
Q_DECLARE_METATYPE(QList<AlertKey>)

// What one retention run removed, for the log and for tests.
struct PruneSummary {
    QDateTime cutoff;
    qint64 alerts = 0;
    qint64 occurrences = 0;
    qint64 payloads = 0;
    qint64 freePagesLeft = 0;
    QString error; // empty: the run finished
};
Q_DECLARE_METATYPE(PruneSummary)

// Lives on the store thread and owns the store. Payloads come from the JournalWorker once
// they are durable in the journal (and their senders answered); what they change
// (alerts, occurrences, incidents) is applied here in steps, each one transaction that
// also copies the payloads into the store (see AlertStore::apply()). While deliveries
// flow, steps are paced (ApplyPacing): the table follows the senders by a tenth of a
// second, and when they keep the machine busy by up to ApplyPacing::maxLag. Every read
// on this thread applies what is left first, so it never misses an acknowledged payload.
class StoreWorker final : public QObject
{
    Q_OBJECT

public:
    explicit StoreWorker(QObject *parent = nullptr);

    Result<> open(const QString &filePath);
    // Opens the store, then hands its alerts out in batches of `batchSize`, latest
    // start first: openFinished(), alertsRestored() for each batch, restoreFinished().
    // All of it is emitted before any delivery queued meanwhile is processed, so the
    // batches always arrive before live changes.
    void openAndRestore(const QString &filePath, int batchSize);
    // Reads see every payload acknowledged so far: what is not applied yet is applied first.
    QList<Alert> alerts()
    {
        catchUp();
        return m_store.alerts();
    }
    int workingSetSize() const { return m_store.workingSetSize(); }
    void setWorkingSetWindow(std::chrono::seconds window) { m_store.setWorkingSetWindow(window); }
    void setClock(std::function<QDateTime()> clock) { m_store.setClock(std::move(clock)); }
    // Drops the resolved alerts that left the working-set window from memory (they stay
    // on disk) and tells with alertsAgedOut().
    void evictAgedOut();
    Result<QList<Alert>> searchHistory(const AlertFilter &filter, int limit, bool *more) const
    {
        return m_store.searchHistory(filter, limit, more);
    }
    QList<StoredOccurrence> occurrences(const AlertKey &alert)
    {
        catchUp();
        return m_store.occurrences(alert);
    }
    AlertDetails details(const AlertKey &alert)
    {
        catchUp();
        return m_store.details(alert);
    }
    Result<> addAnalysis(StoredAnalysis &analysis) { return m_store.addAnalysis(analysis); }
    Result<> updateAnalysis(StoredAnalysis &analysis) { return m_store.updateAnalysis(analysis); }
    QList<StoredAnalysis> analyses(const AlertKey &alert) const { return m_store.analyses(alert); }
    Result<> addForward(StoredForward &forward) { return m_store.addForward(forward); }
    QList<StoredForward> forwards(const AlertKey &alert) const { return m_store.forwards(alert); }

    // Memory (issue 23). The rules group new occurrences into incidents (their anchors
    // are stored with them) and say which labels name a target.
    void setIncidentRules(const IncidentRules &rules);
    SeenBefore::Report seenBefore(const QList<Alert> &alerts) const;
    Result<ResolutionNote> resolutionNote(const OccurrenceKey &occurrence) const;
    Result<> saveResolutionNote(const QList<OccurrenceKey> &occurrences, const ResolutionNote &note);
    Result<MemoryQueries::Pins> incidentPins() const;
    // Replaces the pins; the incidents of what arrives next follow them.
    Result<> saveIncidentPins(const MemoryQueries::Pins &pins);
    const IncidentCorrelator &correlator() const { return m_correlator; }

    // Payloads now durable in the journal, in order: applied soon.
    void takeStored(const QList<IncomingPayload> &payloads);
    // Stored payloads whose changes are not applied yet.
    qint64 unappliedPayloads() const;
    // Applies every stored payload now (reads).
    void catchUp();
    // Before the store thread stops, once the journal's thread has: applies what it can
    // within stopBudget (a storm's backlog may take longer: the rest stays in the journal
    // and is applied after the next open) and lets the journal forget what is applied
    // (the journal thread would not hear of it any more).
    void finish();
    static constexpr std::chrono::milliseconds stopBudget{2000};
    void setStopBudget(std::chrono::milliseconds budget) { m_stopBudget = budget; } // tests
    // Tests: parsed payloads kept for applying, in bytes (roughly); beyond it they are read back from disk.
    void setUnappliedMemoryLimit(qint64 bytes) { m_unappliedMemoryLimit = bytes; }

    // Starts a retention run unless one is running. It proceeds in small steps queued
    // behind incoming deliveries, so webhook answers never wait for all of it.
    void prune(const QDateTime &cutoff);

    static constexpr int pruneRowsPerStep = 500;
    static constexpr int vacuumPagesPerStep = 256;
    // Alerts whose words are indexed per step (one short transaction, off the ingest path).
    static constexpr int indexAlertsPerStep = 500;
    // While deliveries keep coming (one was written within indexIdleAfter), the index
    // takes a small step now and then instead: indexing costs about as much per alert as
    // storing it, and must not halve the ingest rate during a storm. Idle, it catches up.
    static constexpr int indexAlertsPerBusyStep = 50;
    static constexpr std::chrono::milliseconds indexBusyPause{100};
    static constexpr std::chrono::milliseconds indexIdleAfter{250};
    // The correlator is rebuilt from the store with the occurrences that may still take
    // members: those that started within the rules' window and quiet time (and this
    // margin for late deliveries) of the newest start.
    static constexpr qint64 correlatorMarginMs = 3'600'000;
    static constexpr int correlatorRebuildLimit = 200'000;
    // A step applies up to this many alerts in one transaction (one flush). While
    // deliveries flow (one arrived within indexIdleAfter), steps are paced by
    // ApplyPacing: less than a step waiting, the next waits to take more at once (fewer
    // flushes and rewritten pages per alert: about half the CPU of steps of a few
    // alerts); and each leaves the listener room to answer senders.
    static constexpr int applyAlertsPerStep = 500;
    // Parsed payloads kept for applying; beyond this they are read back from disk.
    static constexpr qint64 maxUnappliedBytesInMemory = 64 << 20;
    static constexpr int applyRetryMs = 1000;

signals:
    void openFinished(const QString &error, int storedAlerts); // error empty: open
    void alertsRestored(const QList<Alert> &alerts);
    void restoreFinished();
    // For the JournalWorker: where the journal of the opened store is and the newest
    // payload id the store knows, or why the store is not there.
    void journalReady(const QString &filePath, qint64 lastStoredId);
    void storeUnavailable(const QString &reason);
    // Payloads up to `id` are applied and on disk in the store.
    void appliedThrough(qint64 id);
    // Applying is `lagMs` behind the senders with `unapplied` payloads waiting: twice a
    // second while the lag is noticeable, then once with (0, 0) when it is not any more.
    void applyLagChanged(qint64 unapplied, qint64 lagMs);
    void alertsChanged(const QList<AlertChange> &changes);
    void alertsRemoved(const QList<AlertKey> &alerts);
    void alertsAgedOut(const QList<AlertKey> &alerts);
    void pruneFinished(const PruneSummary &summary);
    // The word index caught up with every alert written so far.
    void memoryIndexed();

private:
    void continuePrune();
    void continueVacuum();
    void finishPrune(const QString &error = {});
    void rebuildCorrelator();
    void scheduleIndexing();
    void continueIndexing();
    void scheduleApply();
    // Applies up to `maxAlerts` (at least one payload); false when it failed.
    bool applyStep(int maxAlerts);
    void continueApplying();
    // Tells applyLagChanged(), and logs once when applying falls ApplyPacing::maxLag
    // behind and when it caught up.
    void reportLag(bool flowing, qint64 now);
    // Schedules what an earlier run stored but did not apply (a crash, a power loss, a
    // stop during a storm) for applying, after the open.
    void scheduleLeftovers();
    QList<IncomingPayload> takeUnapplied(int maxAlerts);

    Result<> openStore(const QString &filePath);
    Result<QList<IncomingPayload>> readUnapplied(int maxAlerts) const;

    AlertStore m_store;
    // The store thread's own connection to the journal: what a crash left in it, and
    // a backlog too large to keep parsed, are read back from it.
    PayloadJournal m_journal;
    std::optional<PruneSummary> m_prune; // the retention run in progress
    IncidentRules m_rules;
    IncidentCorrelator m_correlator;
    int m_rebuildAtIncidents = 0; // incidents held at which it is rebuilt (bounds memory)
    bool m_indexing = false;
    QElapsedTimer m_lastWrite; // since the last delivery was written
    QTimer m_indexPause; // the pause between busy steps
    // Stored, not yet applied, in payload order. With m_unappliedOnDisk they are read
    // back from the store instead (too many to keep parsed, or a failed step).
    QList<IncomingPayload> m_unapplied;
    qint64 m_unappliedBytes = 0;
    qint64 m_unappliedMemoryLimit = maxUnappliedBytesInMemory;
    bool m_unappliedOnDisk = false;
    qint64 m_lastStoredId = 0;
    bool m_applyQueued = false;
    QTimer m_applyRetry;
    QTimer m_applyPause;
    ApplyPacing m_pacing;
    std::chrono::milliseconds m_stopBudget = stopBudget;
    QElapsedTimer m_clock; // monotonic time for m_pacing
    bool m_lagLogged = false; // the log said applying fell maxLag behind
    qint64 m_lagToldAt = -1; // m_clock time applyLagChanged() last told a lag; -1: none shown
    static constexpr qint64 lagReportIntervalMs = 500;
};
