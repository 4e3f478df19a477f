#pragma once

#include "incidents/IncidentCorrelator.h"
#include "ingest/IngestInbox.h"
#include "ingest/IngestTypes.h"
#include "ingest/PayloadParser.h"
#include "store/AlertStore.h"
#include "store/MemoryQueries.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

Q_DECLARE_METATYPE(QList<AlertChange>)
Q_DECLARE_METATYPE(QList<IngestOutcome>)
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

// Lives on the store thread: parses deliveries and writes them to the store. All
// deliveries that arrive while a write is running are committed together in the next
// transaction (group commit), so each gets its 2xx only once it is on disk. What a
// payload changes (alerts, occurrences, incidents) is applied right after, in steps
// that let the next deliveries' commits go first: during a storm the table may follow
// the senders by a moment, never the other way round (see AlertStore::apply()).
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

    // Deliveries come from `inbox` (owned by the StoreService, which outlives this).
    void setInbox(IngestInbox *inbox) { m_inbox = inbox; }
    // Parses (what the poster has not) and stores the payloads waiting in the inbox in
    // one transaction, answers all of them with one finished() signal, then applies them.
    void drain();
    // Stored payloads whose changes are not applied yet.
    qint64 unappliedPayloads() const;
    // Applies every stored payload now (reads, and before the store thread stops).
    void catchUp();
    // Tests: parsed payloads kept for applying, in bytes (roughly); beyond it they are read back from disk.
    void setUnappliedMemoryLimit(qint64 bytes) { m_unappliedMemoryLimit = bytes; }

    // Starts a retention run unless one is running. It proceeds in small steps queued
    // behind incoming deliveries, so webhook answers never wait for all of it.
    void prune(const QDateTime &cutoff);

    static constexpr int pruneRowsPerStep = 500;
    // Asked of senders when the store cannot write right now.
    static constexpr int retryAfterSeconds = 5;
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
    // Applying a payload's alerts costs more than storing it. While deliveries wait in
    // the inbox, a step applies this many alerts before their commit goes first (the
    // rest waits for the next step); otherwise, or when further behind than maxBehind,
    // everything up to applyAlertsPerStep.
    static constexpr int applyAlertsPerBusyStep = 16;
    static constexpr int applyAlertsPerStep = 500;
    static constexpr qint64 maxBehind = 20'000; // payloads
    // Parsed payloads kept for applying; beyond this they are read back from disk.
    static constexpr qint64 maxUnappliedBytesInMemory = 64 << 20;
    static constexpr int applyRetryMs = 1000;

signals:
    void openFinished(const QString &error, int storedAlerts); // error empty: open
    void alertsRestored(const QList<Alert> &alerts);
    void restoreFinished();
    void finished(const QList<IngestOutcome> &outcomes);
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
    // Applies what an earlier run stored but did not apply (a crash, a power loss).
    void applyLeftovers();
    QList<IncomingPayload> takeUnapplied(int maxAlerts);

    AlertStore m_store;
    IngestInbox *m_inbox = nullptr;
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
};
