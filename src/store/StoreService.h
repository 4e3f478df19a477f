#pragma once

#include "core/Background.h"
#include "store/AlertHistory.h"
#include "store/StoreWorker.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

// Owns the store thread and is its face on the caller's (main) thread: hands
// deliveries to the StoreWorker and brings results back. Parsing and disk I/O never
// run on the caller's thread.
class StoreService final : public AlertHistory
{
    Q_OBJECT

public:
    using Callback = std::function<void(const IngestResult &)>;

    explicit StoreService(QObject *parent = nullptr);
    ~StoreService() override;

    enum class StoreState { Closed, Opening, Restoring, Open, Failed };
    Q_ENUM(StoreState)

    // Opens the store on its thread without waiting. storeStateChanged() follows:
    // Failed (storeError() says why), or Restoring while the stored alerts arrive in
    // batches through alertsRestored() (newest start first), then Open.
    static constexpr int restoreBatchSize = 5000;
    void openInBackground(const QString &filePath, int batchSize = restoreBatchSize);
    StoreState storeState() const { return m_storeState; }
    QString storeError() const { return m_storeError; }
    // While Restoring: alerts handed out so far, of how many.
    int restoredAlerts() const { return m_restoredAlerts; }
    int storedAlertsAtOpen() const { return m_storedAlertsAtOpen; }

    // Tests and tools: opens and blocks until the store thread has answered; the
    // alerts are not handed out (storedAlerts() reads them).
    Result<> open(const QString &filePath);
    QList<Alert> storedAlerts();
    QList<StoredOccurrence> occurrences(const AlertKey &alert);

    // AlertHistory, read and written on the store thread.
    void fetchDetails(const AlertKey &alert, QObject *context, std::function<void(const AlertDetails &)> done) override;
    void fetchAnalyses(const AlertKey &alert, QObject *context,
                       std::function<void(const QList<StoredAnalysis> &)> done) override;
    void saveAnalysis(const StoredAnalysis &analysis, QObject *context,
                      std::function<void(const StoredAnalysis &, const QString &error)> done) override;
    void fetchForwards(const AlertKey &alert, QObject *context,
                       std::function<void(const QList<StoredForward> &)> done) override;
    void saveForward(const StoredForward &forward, QObject *context,
                     std::function<void(const StoredForward &, const QString &error)> done) override;

    void fetchSeenBefore(const QList<Alert> &alerts, QObject *context,
                         std::function<void(const SeenBefore::Report &)> done) override;
    void fetchResolutionNote(const OccurrenceKey &occurrence, QObject *context,
                             std::function<void(const ResolutionNote &)> done) override;
    void saveResolutionNote(const QList<OccurrenceKey> &occurrences, const ResolutionNote &note, QObject *context,
                            std::function<void(const QString &error)> done) override;
    void fetchIncidentPins(QObject *context, std::function<void(const Pins &)> done) override;
    void saveIncidentPins(const Pins &pins, QObject *context, std::function<void(const QString &error)> done) override;
    // How new occurrences are grouped into incidents as they are stored (their anchors
    // feed the recurrence counts) and which labels name a target for "seen before".
    void setIncidentRules(const IncidentRules &rules);

    // `done` runs on this thread once the delivery is stored or refused, unless
    // `context` was destroyed meanwhile (a client that hung up).
    void submit(const WebhookDelivery &delivery, QObject *context, Callback done);
    // A delivery submitted after this with more alerts is refused with 413 (at least 1).
    void setMaxAlertsPerPayload(int maxAlerts);

    // For other threads (the listener's): post deliveries to inbox() and hear their
    // answers through connectResults(), which runs `handle` on `receiver`'s thread with
    // each batch of answers (every batch: keep only the tickets you posted). The inbox
    // refuses posts once this service is gone.
    std::shared_ptr<IngestInbox> inbox() const { return m_inbox; }
    QMetaObject::Connection connectResults(QObject *receiver, std::function<void(const QList<IngestOutcome> &)> handle);

    // The working set: only firing alerts and alerts resolved within `hours` are kept in
    // memory and restored at start (set it before opening). Resolved alerts leaving the
    // window are dropped from memory by a sweep every few minutes (alertsAgedOut()); they
    // stay on disk, reached through searchHistory().
    static constexpr int defaultWorkingSetHours = 24;
    void setWorkingSetHours(int hours);
    int workingSetHours() const { return m_workingSetHours; }
    // The start of the window now: resolved alerts last updated before it are history.
    QDateTime workingSetCutoff() const;
    // Tests: "now" for the window, on the store thread.
    void setClock(std::function<QDateTime()> clock);
    // Runs the sweep now (tests, and the periodic timer).
    void sweepWorkingSet();
    static constexpr std::chrono::minutes sweepInterval{5};
    // Alerts held in memory by the store (tests and tools; blocks until answered).
    int workingSetSize();

    // While senders keep the machine busy, received payloads wait (durable) before the
    // table has them (ApplyPacing): how many, and how long the oldest has waited. Zero
    // unless that lag is noticeable; applyLagChanged() tells changes.
    qint64 unappliedPayloads() const { return m_unappliedPayloads; }
    std::chrono::milliseconds applyLag() const { return m_applyLag; }

    // The older history (resolved before the window) matching `filter`, latest first, at
    // most `limit`, read in the background on a read-only connection (deliveries are
    // stored meanwhile); `done` gets them with `more` when there may
    // be more, or the error.
    struct HistoryResult {
        QList<Alert> alerts;
        bool more = false;
        QString error;
    };
    void searchHistory(const AlertFilter &filter, int limit, QObject *context,
                       std::function<void(const HistoryResult &)> done);

    // Retention: resolved alerts and payloads older than `days` are removed on the
    // store thread, soon after start-up and then every few hours. 0 keeps everything.
    static constexpr int defaultRetentionDays = 90;
    void setRetentionDays(int days);
    int retentionDays() const { return m_retentionDays; }
    // Starts a retention run now with the given cutoff (tests, and the periodic timer).
    void pruneOlderThan(const QDateTime &cutoff);

signals:
    void storeStateChanged(StoreService::StoreState state);
    void alertsRestored(const QList<Alert> &alerts);
    void alertsChanged(const QList<AlertChange> &changes);
    void alertsRemoved(const QList<AlertKey> &alerts);
    // Resolved alerts that left the working set: gone from memory, still on disk.
    void alertsAgedOut(const QList<AlertKey> &alerts);
    void pruneFinished(const PruneSummary &summary);
    // The "seen before" word index caught up with every alert stored so far.
    void memoryIndexed();
    void applyLagChanged();

private:
    // Runs `work` on the store thread and `done` with its result back on the
    // caller's thread, unless `context` is gone by then.
    template<typename Work, typename Done> void onStoreThread(Work work, QObject *context, Done done)
    {
        Background::runOn(
            m_worker, context, [worker = m_worker, work = std::move(work)] { return work(worker); }, std::move(done));
    }

    void complete(const QList<IngestOutcome> &outcomes);
    void setStoreState(StoreState state);
    void handleOpenFinished(const QString &error, int storedAlerts);
    void handleAlertsRestored(const QList<Alert> &alerts);

    void pruneByRetention();

    QThread m_thread;
    QThread m_journalThread;
    StoreState m_storeState = StoreState::Closed;
    QString m_storeError;
    int m_restoredAlerts = 0;
    int m_storedAlertsAtOpen = 0;
    qint64 m_unappliedPayloads = 0;
    std::chrono::milliseconds m_applyLag{0};
    QTimer m_retentionTimer;
    QTimer m_sweepTimer;
    int m_workingSetHours = defaultWorkingSetHours;
    QString m_filePath; // the history search reads it on a connection of its own
    std::function<QDateTime()> m_clock; // the same "now" as the store thread's
    int m_retentionDays = 0;
    StoreWorker *m_worker; // lives on m_thread, deleted when it finishes
    JournalWorker *m_journal; // lives on m_journalThread, deleted when it finishes
    std::shared_ptr<IngestInbox> m_inbox;
    struct Pending {
        QPointer<QObject> context;
        Callback done;
    };
    QHash<quint64, Pending> m_pending;
    // To the journal's answers while a submission of this thread waits for one: the
    // listener's answers go to its own thread, and this one need not wake for each batch.
    QMetaObject::Connection m_completion;
};
