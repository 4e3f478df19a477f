#pragma once

#include "core/Result.h"
#include "model/Alert.h"
#include "model/AlertChange.h"
#include "model/AlertFilter.h"
#include "model/AlertKey.h"
#include "model/AlertMerge.h"
#include "model/PayloadFormat.h"
#include "store/StoredRecords.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class IncidentCorrelator;
class MemoryQueries;

// One accepted webhook delivery, as it is written to disk.
struct IncomingPayload {
    QDateTime receivedAt;
    QString path; // e.g. "/webhook/alertmanager"
    PayloadFormat format = PayloadFormat::Auto;
    QByteArray headers; // JSON object of request headers, secrets already removed
    QByteArray body; // exactly as received
    int truncatedAlerts = 0;
    QList<Alert> alerts; // parsed from body
    qint64 id = 0; // its row, once stored
};

// What one retention step removed. `finished`: nothing older than the cutoff is left.
struct PruneStep {
    QList<AlertKey> removedAlerts;
    qint64 removedOccurrences = 0;
    qint64 removedPayloads = 0;
    bool finished = false;
};

// The durable store: raw payloads, normalised alerts and their occurrences in one
// SQLite file (WAL, synchronous=FULL: a committed write survives a crash or power
// loss). Not thread-safe: create and use it on one thread (the store thread).
class AlertStore final
{
public:
    // 2: analyses, 3: forwards, 4: analyses' evidence and hypotheses, 5: analyses' conversations,
    // 6: memory (incident anchors, resolution notes, incident pins, word index; MemoryQueries)
    static constexpr int schemaVersion = 6;
    static constexpr quint32 applicationId = 0x41444B31; // "ADK1"
    // How long a write waits for a lock held elsewhere before it fails (and the
    // sender gets a 503 and retries).
    static constexpr int busyTimeoutMs = 2000;

    AlertStore();
    ~AlertStore();
    AlertStore(const AlertStore &) = delete;
    AlertStore &operator=(const AlertStore &) = delete;

    // A SQLite file's application id and how many schema objects it holds (0 and 0: a
    // new, empty file); fails for a file that is not SQLite or is damaged.
    struct FileIdentity {
        quint32 applicationId = 0;
        int objects = 0;
    };
    static Result<FileIdentity> identify(const QSqlDatabase &db);

    // Every file of the store at `storePath`: SQLite's, and the payload journal's.
    static QStringList filesOf(const QString &storePath);

    // Opens or creates the store. A file that is not an AlertDeck store (another
    // program's database, a corrupt file) is refused and never modified.
    Result<> open(const QString &filePath);
    bool isOpen() const;

    // Writes all payloads and what they change in one transaction: everything or
    // nothing. On success: the changes to the live alerts. For a store without unapplied
    // payloads (tests, tools); the listener's payloads come through the journal.
    Result<QList<AlertChange>> write(const QList<IncomingPayload> &batch) { return apply(batch); }

    // Ingest in two steps, so that a sender waits only for what must be durable: its
    // payload, written to the PayloadJournal (ids set there). apply() later copies the
    // payloads into this store with what they change (alerts, occurrences, incident
    // anchors), in payload order, and moves the applied mark in the same transaction,
    // which is on disk when it returns: the journal may then forget them. A payload
    // already here (applied again after a crash) is not copied twice.
    Result<QList<AlertChange>> apply(QList<IncomingPayload> payloads);
    // The newest payload whose changes are stored; later ones are unapplied.
    qint64 appliedPayloadId() const { return m_appliedPayloadId; }
    Result<qint64> lastPayloadId() const;
    // Payloads in this store after the applied mark (stored by a version without the
    // journal and not applied before it stopped), oldest first, at most `limit`; their
    // alerts are not parsed.
    Result<QList<IncomingPayload>> unappliedPayloads(int limit) const;

    // The working set (what the table shows by default) is all the store keeps in
    // memory: firing alerts and alerts resolved within the window. Older history stays
    // on disk; a delivery for such an alert reads its stored state by key, so merging is
    // the same as if it had been in memory. Set both before open().
    static constexpr std::chrono::hours defaultWorkingSetWindow{24};
    void setWorkingSetWindow(std::chrono::seconds window);
    std::chrono::seconds workingSetWindow() const { return m_workingSetWindow; }
    void setClock(std::function<QDateTime()> clock); // tests: "now" for the window
    // Resolved alerts last updated before the window: the older history.
    QDateTime workingSetCutoff() const;
    // Drops from memory (never from disk) the resolved alerts that left the window.
    QList<AlertKey> evictAgedOut();
    // Stored alerts of the older history that match `filter`, latest update first, at
    // most `limit`; `more` when there may be more than were read.
    Result<QList<Alert>> searchHistory(const AlertFilter &filter, int limit, bool *more = nullptr) const;

    // The current state of every alert of the working set (as restored after a restart).
    QList<Alert> alerts() const;
    int workingSetSize() const { return int(m_current.size()); }
    QList<StoredOccurrence> occurrences(const AlertKey &alert) const;
    AlertDetails details(const AlertKey &alert) const;
    qint64 payloadCount() const;

    // Analyses are kept with their alert and removed with it by retention.
    Result<> addAnalysis(StoredAnalysis &analysis); // sets analysis.id
    // The analysis `analysis.id` of the same alert takes its outcome, texts, tokens,
    // evidence, hypotheses and conversation (a follow-up question grew it); when it is
    // gone (retention), it is added as a new one.
    Result<> updateAnalysis(StoredAnalysis &analysis);
    QList<StoredAnalysis> analyses(const AlertKey &alert) const;
    Result<> addForward(StoredForward &forward); // sets forward.id
    QList<StoredForward> forwards(const AlertKey &alert) const;

    // Groups each new occurrence into an incident as it is written and stores its
    // anchor with it (in the same transaction). Not owned; null: no anchors are written.
    // After a failed write it holds occurrences that were not stored: rebuild it.
    void setIncidentCorrelator(IncidentCorrelator *correlator) { m_correlator = correlator; }
    // Notes, pins, the word index and "seen before"; null while the store is not open.
    MemoryQueries *memory() const { return m_memory.get(); }

    // Retention, in short transactions so that webhook writes queued meanwhile wait
    // for one step at most. Removes what is older than `cutoff`: resolved alerts last
    // updated before it (with their history, analyses, notes, pins and indexed words),
    // resolved occurrences that ended before
    // it, and payloads received before it that no kept alert still points to. Firing
    // alerts stay whatever their age. `limit`: rows per table in this step.
    Result<PruneStep> pruneStep(const QDateTime &cutoff, int limit);
    // Gives up to `pages` free pages back to the file system; returns the free pages
    // left (0 when done or when the store was created without incremental vacuum).
    qint64 reclaimFreePages(int pages);

private:
    Result<> checkOwnership();
    Result<> createSchema();
    Result<> loadCurrentAlerts();
    Result<> createWorkingSetIndex();
    // The stored state of an alert that is not in memory (older history).
    std::optional<Alert> storedAlert(const AlertKey &key);
    // The anchor to store with a new occurrence (the correlator places it), or none.
    std::optional<OccurrenceKey> incidentAnchor(const Alert &incoming, AlertMerge::Outcome outcome);
    Result<> createIngestState();
    // What a transaction changes, made current (publish) once it committed.
    struct Changes {
        QHash<AlertKey, Alert> pending;
        QList<AlertChange> list;
        qint64 appliedUpTo = 0;
    };
    Result<> applyAll(const QList<IncomingPayload> &payloads, Changes &changes);
    QList<AlertChange> publish(Changes changes);
    Result<QList<AlertChange>> rollBack(const QString &error);
    Result<> insertPayload(IncomingPayload &payload);
    // The alerts and occurrences a stored payload changes, inside the caller's transaction.
    Result<> applyPayload(const IncomingPayload &payload, QHash<AlertKey, Alert> &pending, QList<AlertChange> &changes);
    Result<> markApplied(qint64 payloadId);

    struct Statements;

    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<Statements> m_statements; // prepared once per open store
    QHash<AlertKey, Alert> m_current; // the working set of the alerts table
    std::chrono::seconds m_workingSetWindow = defaultWorkingSetWindow;
    std::function<QDateTime()> m_clock;
    IncidentCorrelator *m_correlator = nullptr;
    std::unique_ptr<MemoryQueries> m_memory;
    qint64 m_appliedPayloadId = 0;
};
