#include "store/StoreService.h"

#include "logging/LogCategories.h"
#include "store/WorkingSetQueries.h"

StoreService::StoreService(QObject *parent)
    : AlertHistory(parent)
    , m_worker(new StoreWorker)
    , m_journal(new JournalWorker)
    , m_inbox(std::make_shared<IngestInbox>(
          [journal = m_journal] { QMetaObject::invokeMethod(journal, &JournalWorker::drain, Qt::QueuedConnection); }))
{
    m_journal->setInbox(m_inbox.get());
    connectJournal(m_journal, m_worker);
    m_thread.setObjectName(QStringLiteral("store"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_journalThread.setObjectName(QStringLiteral("journal"));
    m_journal->moveToThread(&m_journalThread);
    connect(&m_journalThread, &QThread::finished, m_journal, &QObject::deleteLater);
    connect(m_worker, &StoreWorker::openFinished, this, &StoreService::handleOpenFinished);
    connect(m_worker, &StoreWorker::alertsRestored, this, &StoreService::handleAlertsRestored);
    connect(m_worker, &StoreWorker::restoreFinished, this, [this] { setStoreState(StoreState::Open); });
    connect(m_worker, &StoreWorker::alertsChanged, this, &StoreService::alertsChanged);
    connect(m_worker, &StoreWorker::alertsRemoved, this, &StoreService::alertsRemoved);
    connect(m_worker, &StoreWorker::pruneFinished, this, &StoreService::pruneFinished);
    connect(m_worker, &StoreWorker::alertsAgedOut, this, &StoreService::alertsAgedOut);
    connect(&m_sweepTimer, &QTimer::timeout, this, &StoreService::sweepWorkingSet);
    m_sweepTimer.start(sweepInterval);
    connect(m_worker, &StoreWorker::memoryIndexed, this, &StoreService::memoryIndexed);
    connect(m_worker, &StoreWorker::applyLagChanged, this, [this](qint64 unapplied, qint64 lagMs) {
        m_unappliedPayloads = unapplied;
        m_applyLag = std::chrono::milliseconds{lagMs};
        emit applyLagChanged();
    });
    connect(&m_retentionTimer, &QTimer::timeout, this, &StoreService::pruneByRetention);
    m_thread.start();
    m_journalThread.start();
}

StoreService::~StoreService()
{
    // Nothing new comes in; the journal's commit in progress finishes and its payloads
    // reach the store thread, which then applies everything before it stops.
    m_inbox->close();
    m_journalThread.quit();
    m_journalThread.wait();
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_worker, &StoreWorker::finish, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Result<> StoreService::open(const QString &filePath)
{
    m_filePath = filePath;
    Result<> opened;
    QMetaObject::invokeMethod(
        m_worker, [&] { opened = m_worker->open(filePath); }, Qt::BlockingQueuedConnection);
    m_storeError = opened ? QString() : opened.error();
    setStoreState(opened ? StoreState::Open : StoreState::Failed);
    return opened;
}

void StoreService::openInBackground(const QString &filePath, int batchSize)
{
    m_filePath = filePath;
    setStoreState(StoreState::Opening);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, filePath, batchSize] { worker->openAndRestore(filePath, std::max(1, batchSize)); },
        Qt::QueuedConnection);
}

void StoreService::handleOpenFinished(const QString &error, int storedAlerts)
{
    m_storeError = error;
    m_storedAlertsAtOpen = storedAlerts;
    m_restoredAlerts = 0;
    // Restoring even with nothing to restore: restoreFinished() follows at once.
    setStoreState(error.isEmpty() ? StoreState::Restoring : StoreState::Failed);
}

void StoreService::handleAlertsRestored(const QList<Alert> &alerts)
{
    m_restoredAlerts += int(alerts.size());
    emit alertsRestored(alerts);
}

void StoreService::setStoreState(StoreState state)
{
    if (state == m_storeState)
        return;
    m_storeState = state;
    emit storeStateChanged(state);
}

QList<Alert> StoreService::storedAlerts()
{
    QList<Alert> alerts;
    QMetaObject::invokeMethod(
        m_worker, [&] { alerts = m_worker->alerts(); }, Qt::BlockingQueuedConnection);
    return alerts;
}

QList<StoredOccurrence> StoreService::occurrences(const AlertKey &alert)
{
    QList<StoredOccurrence> result;
    QMetaObject::invokeMethod(
        m_worker, [&] { result = m_worker->occurrences(alert); }, Qt::BlockingQueuedConnection);
    return result;
}

void StoreService::fetchDetails(const AlertKey &alert, QObject *context, std::function<void(const AlertDetails &)> done)
{
    onStoreThread([alert](StoreWorker *worker) { return worker->details(alert); }, context, std::move(done));
}

void StoreService::saveAnalysis(const StoredAnalysis &analysis, QObject *context,
                                std::function<void(const StoredAnalysis &, const QString &error)> done)
{
    using Saved = std::pair<StoredAnalysis, QString>;
    onStoreThread(
        [analysis](StoreWorker *worker) {
            StoredAnalysis saved = analysis;
            const Result<> added = saved.id > 0 ? worker->updateAnalysis(saved) : worker->addAnalysis(saved);
            return Saved{saved, added ? QString() : added.error()};
        },
        context, [done = std::move(done)](const Saved &saved) { done(saved.first, saved.second); });
}

void StoreService::fetchAnalyses(const AlertKey &alert, QObject *context,
                                 std::function<void(const QList<StoredAnalysis> &)> done)
{
    onStoreThread([alert](StoreWorker *worker) { return worker->analyses(alert); }, context, std::move(done));
}

void StoreService::saveForward(const StoredForward &forward, QObject *context,
                               std::function<void(const StoredForward &, const QString &error)> done)
{
    using Saved = std::pair<StoredForward, QString>;
    onStoreThread(
        [forward](StoreWorker *worker) {
            StoredForward saved = forward;
            const Result<> added = worker->addForward(saved);
            return Saved{saved, added ? QString() : added.error()};
        },
        context, [done = std::move(done)](const Saved &saved) { done(saved.first, saved.second); });
}

void StoreService::fetchForwards(const AlertKey &alert, QObject *context,
                                 std::function<void(const QList<StoredForward> &)> done)
{
    onStoreThread([alert](StoreWorker *worker) { return worker->forwards(alert); }, context, std::move(done));
}

void StoreService::fetchSeenBefore(const QList<Alert> &alerts, QObject *context,
                                   std::function<void(const SeenBefore::Report &)> done)
{
    onStoreThread([alerts](StoreWorker *worker) { return worker->seenBefore(alerts); }, context, std::move(done));
}

void StoreService::fetchResolutionNote(const OccurrenceKey &occurrence, QObject *context,
                                       std::function<void(const ResolutionNote &)> done)
{
    onStoreThread(
        [occurrence](StoreWorker *worker) {
            const Result<ResolutionNote> note = worker->resolutionNote(occurrence);
            if (!note)
                qCWarning(lcStore).noquote() << "cannot read a resolution note:" << note.error();
            return note.valueOr({});
        },
        context, std::move(done));
}

void StoreService::saveResolutionNote(const QList<OccurrenceKey> &occurrences, const ResolutionNote &note,
                                      QObject *context, std::function<void(const QString &error)> done)
{
    onStoreThread(
        [occurrences, note](StoreWorker *worker) { return problemOf(worker->saveResolutionNote(occurrences, note)); },
        context, std::move(done));
}

void StoreService::fetchIncidentPins(QObject *context, std::function<void(const Pins &)> done)
{
    onStoreThread(
        [](StoreWorker *worker) {
            const Result<Pins> pins = worker->incidentPins();
            if (!pins)
                qCWarning(lcStore).noquote() << "cannot read the incident pins:" << pins.error();
            return pins.valueOr({});
        },
        context, std::move(done));
}

void StoreService::saveIncidentPins(const Pins &pins, QObject *context, std::function<void(const QString &error)> done)
{
    onStoreThread([pins](StoreWorker *worker) { return problemOf(worker->saveIncidentPins(pins)); }, context,
                  std::move(done));
}

void StoreService::setIncidentRules(const IncidentRules &rules)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, rules] { worker->setIncidentRules(rules); }, Qt::QueuedConnection);
}

void StoreService::submit(const WebhookDelivery &delivery, QObject *context, Callback done)
{
    if (!m_completion) // before the post: its answer cannot come earlier
        m_completion = connect(m_journal, &JournalWorker::finished, this, &StoreService::complete);
    const quint64 ticket = m_inbox->post(delivery);
    m_pending.insert(ticket, {context, std::move(done)});
}

void StoreService::setMaxAlertsPerPayload(int maxAlerts)
{
    PayloadLimits limits;
    limits.maxAlerts = std::max(1, maxAlerts);
    m_inbox->setLimits(limits); // deliveries submitted after it
}

QMetaObject::Connection StoreService::connectResults(QObject *receiver,
                                                     std::function<void(const QList<IngestOutcome> &)> handle)
{
    return connect(m_journal, &JournalWorker::finished, receiver, std::move(handle));
}

void StoreService::complete(const QList<IngestOutcome> &outcomes)
{
    for (const IngestOutcome &outcome : outcomes) {
        const Pending pending = m_pending.take(outcome.ticket); // none: another thread's
        if (pending.context && pending.done)
            pending.done(outcome.result);
    }
    if (m_pending.isEmpty())
        disconnect(m_completion);
}

void StoreService::setRetentionDays(int days)
{
    m_retentionDays = qMax(0, days);
    if (m_retentionDays == 0) {
        m_retentionTimer.stop();
        return;
    }
    // The first run waits a little so that start-up and the first deliveries go first.
    m_retentionTimer.start(std::chrono::minutes(1));
}

void StoreService::pruneByRetention()
{
    m_retentionTimer.start(std::chrono::hours(6));
    pruneOlderThan(QDateTime::currentDateTimeUtc().addDays(-m_retentionDays));
}

void StoreService::pruneOlderThan(const QDateTime &cutoff)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, cutoff] { worker->prune(cutoff); }, Qt::QueuedConnection);
}

void StoreService::setWorkingSetHours(int hours)
{
    m_workingSetHours = std::clamp(hours, 1, 24 * 366);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, window = std::chrono::hours(m_workingSetHours)] { worker->setWorkingSetWindow(window); },
        Qt::QueuedConnection);
}

QDateTime StoreService::workingSetCutoff() const
{
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    return now.addSecs(-qint64(m_workingSetHours) * 3600);
}

void StoreService::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, clock = std::move(clock)] { worker->setClock(clock); }, Qt::QueuedConnection);
}

void StoreService::sweepWorkingSet()
{
    QMetaObject::invokeMethod(m_worker, &StoreWorker::evictAgedOut, Qt::QueuedConnection);
}

int StoreService::workingSetSize()
{
    int size = 0;
    QMetaObject::invokeMethod(
        m_worker, [&] { size = m_worker->workingSetSize(); }, Qt::BlockingQueuedConnection);
    return size;
}

void StoreService::searchHistory(const AlertFilter &filter, int limit, QObject *context,
                                 std::function<void(const HistoryResult &)> done)
{
    // On a connection of its own in the thread pool: scanning a large history takes
    // seconds, and deliveries must not wait for it on the store thread.
    Background::run(
        context,
        [file = m_filePath, filter, cutoff = workingSetCutoff(), limit] {
            HistoryResult result;
            if (file.isEmpty()) {
                result.error = tr("the alert store is not open");
                return result;
            }
            const Result<WorkingSetQueries::HistoryPage> page
                = WorkingSetQueries::searchStoreFile(file, filter, cutoff, std::max(1, limit));
            if (page) {
                result.alerts = page->alerts;
                result.more = page->more;
            } else {
                result.error = page.error();
            }
            return result;
        },
        std::move(done));
}
