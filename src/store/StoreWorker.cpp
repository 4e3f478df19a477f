#include "store/StoreWorker.h"

#include "logging/LogCategories.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <limits>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "StoreWorker" translation context: the answers to senders
// are in the user's language, like the rest of AlertDeck.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(StoreWorker)
};

// Memory a payload held for applying takes: its body and its parsed alerts, roughly.
qint64 heldBytes(const IncomingPayload &payload)
{
    return 3 * qint64(payload.body.size());
}

} // namespace

StoreWorker::StoreWorker(QObject *parent)
    : QObject(parent)
    , m_indexPause(this)
    , m_applyRetry(this)
    , m_applyPause(this)
{
    m_indexPause.setSingleShot(true);
    connect(&m_indexPause, &QTimer::timeout, this, &StoreWorker::continueIndexing);
    m_applyRetry.setSingleShot(true);
    connect(&m_applyRetry, &QTimer::timeout, this, &StoreWorker::scheduleApply);
    m_applyPause.setSingleShot(true);
    connect(&m_applyPause, &QTimer::timeout, this, &StoreWorker::continueApplying);
    m_clock.start();
}

Result<> StoreWorker::open(const QString &filePath)
{
    const Result<> opened = openStore(filePath);
    if (opened)
        emit journalReady(PayloadJournal::pathFor(filePath), m_lastStoredId);
    else
        emit storeUnavailable(opened.error());
    return opened;
}

Result<> StoreWorker::openStore(const QString &filePath)
{
    if (const Result<> opened = m_store.open(filePath); !opened)
        return opened;
    if (const Result<> journal = m_journal.open(PayloadJournal::pathFor(filePath)); !journal)
        return journal;
    if (const Result<> scoped = m_store.memory()->useScopes(m_rules); !scoped)
        qCWarning(lcStore).noquote() << "cannot reset the word index:" << scoped.error();
    rebuildCorrelator();
    m_store.setIncidentCorrelator(&m_correlator);
    m_unapplied.clear();
    m_unappliedBytes = 0;
    m_unappliedOnDisk = false;
    scheduleLeftovers();
    scheduleIndexing(); // what an older version or an interrupted run left unindexed
    return {};
}

void StoreWorker::scheduleLeftovers()
{
    m_lastStoredId = m_store.appliedPayloadId();
    const Result<qint64> stored = m_store.lastPayloadId();
    if (!stored) {
        qCWarning(lcStore).noquote() << "cannot read the payloads stored before the last stop:" << stored.error();
        return;
    }
    m_lastStoredId = std::max({*stored, m_journal.lastId(), m_store.appliedPayloadId()});
    if (const qint64 leftovers = unappliedPayloads(); leftovers > 0) {
        // Applied in the background like a storm's backlog (read back and parsed again,
        // in order): the store opens and senders are answered meanwhile.
        m_unappliedOnDisk = true;
        m_pacing.stored(m_lastStoredId, m_clock.elapsed());
        QMetaObject::invokeMethod(this, &StoreWorker::scheduleApply, Qt::QueuedConnection);
        qCInfo(lcStore) << leftovers << "payloads received before the last stop are applied now";
    }
    // Here, not on the journal's thread, which opens the journal only after this.
    if (const Result<> forgotten = m_journal.forgetThrough(m_store.appliedPayloadId()); !forgotten)
        qCWarning(lcStore).noquote() << "cannot remove applied payloads from the journal:" << forgotten.error();
}

void StoreWorker::setIncidentRules(const IncidentRules &rules)
{
    if (rules == m_rules)
        return;
    m_rules = rules;
    if (!m_store.isOpen()) {
        m_correlator = IncidentCorrelator(m_rules);
        return;
    }
    if (const Result<> scoped = m_store.memory()->useScopes(m_rules); !scoped)
        qCWarning(lcStore).noquote() << "cannot reset the word index:" << scoped.error();
    rebuildCorrelator();
    scheduleIndexing();
}

void StoreWorker::rebuildCorrelator()
{
    IncidentCorrelator rebuilt(m_rules);
    const Result<MemoryQueries::Pins> pins = m_store.memory()->pins();
    if (!pins)
        qCWarning(lcStore).noquote() << "cannot read the incident pins:" << pins.error();
    const qint64 horizonMs = std::chrono::milliseconds(m_rules.window + m_rules.quiet).count() + correlatorMarginMs;
    const auto members = m_store.memory()->recentIncidentMembers(horizonMs, correlatorRebuildLimit);
    if (!members)
        qCWarning(lcStore).noquote() << "cannot read the recent incidents:" << members.error();
    // Each occurrence goes back to the incident stored with it, as if pinned there.
    const QList<std::pair<Alert, OccurrenceKey>> recent = members.valueOr({});
    MemoryQueries::Pins placed = pins.valueOr({});
    for (const auto &[alert, anchor] : recent)
        placed.insert(OccurrenceKey::of(alert), anchor);
    rebuilt.setPins(placed);
    for (const auto &member : recent)
        rebuilt.add(member.first);
    rebuilt.setPins(pins.valueOr({}));
    m_correlator = std::move(rebuilt);
    m_rebuildAtIncidents = std::max<int>(50'000, 2 * int(m_correlator.incidents().size()));
}

void StoreWorker::scheduleIndexing()
{
    if (m_indexing || !m_store.isOpen())
        return;
    m_indexing = true;
    if (m_lastWrite.isValid() && m_lastWrite.elapsed() < indexIdleAfter.count())
        m_indexPause.start(indexBusyPause); // deliveries are flowing: they go first
    else
        QMetaObject::invokeMethod(this, &StoreWorker::continueIndexing, Qt::QueuedConnection);
}

void StoreWorker::continueIndexing()
{
    const bool busy = m_lastWrite.isValid() && m_lastWrite.elapsed() < indexIdleAfter.count();
    const int limit = busy ? indexAlertsPerBusyStep : indexAlertsPerStep;
    const Result<int> indexed = m_store.memory()->indexStep(limit, m_rules);
    if (indexed && *indexed >= limit) {
        if (busy)
            m_indexPause.start(indexBusyPause);
        else // queued, not looped: deliveries that arrived meanwhile are committed in between
            QMetaObject::invokeMethod(this, &StoreWorker::continueIndexing, Qt::QueuedConnection);
        return;
    }
    m_indexing = false;
    if (!indexed)
        qCWarning(lcStore).noquote() << "cannot index alert words:" << indexed.error();
    else
        emit memoryIndexed();
}

SeenBefore::Report StoreWorker::seenBefore(const QList<Alert> &alerts) const
{
    if (!m_store.isOpen()) {
        SeenBefore::Report report;
        report.problem = Text::tr("The alert store is not open.");
        return report;
    }
    return m_store.memory()->seenBefore(alerts, m_rules);
}

Result<ResolutionNote> StoreWorker::resolutionNote(const OccurrenceKey &occurrence) const
{
    if (!m_store.isOpen())
        return Failure{Text::tr("The alert store is not open.")};
    return m_store.memory()->note(occurrence);
}

Result<> StoreWorker::saveResolutionNote(const QList<OccurrenceKey> &occurrences, const ResolutionNote &note)
{
    if (!m_store.isOpen())
        return Failure{Text::tr("The alert store is not open.")};
    return m_store.memory()->saveNote(occurrences, note, QDateTime::currentDateTimeUtc());
}

Result<MemoryQueries::Pins> StoreWorker::incidentPins() const
{
    if (!m_store.isOpen())
        return Failure{Text::tr("The alert store is not open.")};
    return m_store.memory()->pins();
}

Result<> StoreWorker::saveIncidentPins(const MemoryQueries::Pins &pins)
{
    if (!m_store.isOpen())
        return Failure{Text::tr("The alert store is not open.")};
    if (const Result<> saved = m_store.memory()->savePins(pins); !saved)
        return saved;
    rebuildCorrelator();
    return {};
}

void StoreWorker::openAndRestore(const QString &filePath, int batchSize)
{
    if (const Result<> opened = open(filePath); !opened) {
        emit openFinished(opened.error(), 0);
        return;
    }
    QList<Alert> alerts = m_store.alerts();
    emit openFinished({}, int(alerts.size()));
    // The newest first: under the table's default order they fill the top of the view.
    std::sort(alerts.begin(), alerts.end(),
              [](const Alert &left, const Alert &right) { return left.startsAt > right.startsAt; });
    for (qsizetype first = 0; first < alerts.size(); first += batchSize)
        emit alertsRestored(alerts.mid(first, batchSize));
    emit restoreFinished();
}

void StoreWorker::evictAgedOut()
{
    const QList<AlertKey> evicted = m_store.evictAgedOut();
    if (!evicted.isEmpty()) {
        qCDebug(lcStore) << evicted.size() << "resolved alerts left the working set";
        emit alertsAgedOut(evicted);
    }
}

void StoreWorker::takeStored(const QList<IncomingPayload> &payloads)
{
    if (payloads.isEmpty())
        return;
    m_lastWrite.start();
    m_lastStoredId = std::max(m_lastStoredId, payloads.constLast().id);
    m_pacing.stored(payloads.constLast().id, m_clock.elapsed());
    if (!m_unappliedOnDisk) {
        for (const IncomingPayload &payload : payloads) {
            m_unappliedBytes += heldBytes(payload);
            m_unapplied.append(payload);
        }
    }
    if (m_unappliedBytes > m_unappliedMemoryLimit) {
        m_unapplied.clear(); // in the journal: read back when their turn comes
        m_unappliedBytes = 0;
        m_unappliedOnDisk = true;
    }
    scheduleApply();
}

qint64 StoreWorker::unappliedPayloads() const
{
    return m_lastStoredId - m_store.appliedPayloadId();
}

void StoreWorker::scheduleApply()
{
    const bool flowing = m_lastWrite.isValid() && m_lastWrite.elapsed() < indexIdleAfter.count();
    const qint64 now = m_clock.elapsed();
    reportLag(flowing, now);
    if (m_applyQueued || m_applyRetry.isActive() || !m_store.isOpen() || unappliedPayloads() <= 0)
        return;
    m_applyQueued = true;
    const auto pause = m_pacing.pauseBeforeNextStep(flowing, unappliedPayloads() >= applyAlertsPerStep, now);
    if (pause.count() > 0)
        m_applyPause.start(pause);
    else // queued: reads and other work asked for meanwhile go first
        QMetaObject::invokeMethod(this, &StoreWorker::continueApplying, Qt::QueuedConnection);
}

QList<IncomingPayload> StoreWorker::takeUnapplied(int maxAlerts)
{
    QList<IncomingPayload> step;
    if (m_unappliedOnDisk) {
        const Result<QList<IncomingPayload>> read = readUnapplied(std::max(1, maxAlerts));
        if (!read) {
            qCWarning(lcStore).noquote() << "cannot read stored payloads to apply; trying again:" << read.error();
            m_applyRetry.start(applyRetryMs);
            return {};
        }
        step = *read;
        PayloadLimits limits;
        limits.maxAlerts = std::numeric_limits<int>::max();
        int alerts = 0;
        for (qsizetype i = 0; i < step.size(); ++i) {
            const PayloadParseResult parsed = parsePayload(step[i].body, step[i].format, step[i].receivedAt, limits);
            if (parsed.ok())
                step[i].alerts = parsed.payload.alerts;
            alerts += int(step[i].alerts.size());
            if (alerts >= maxAlerts) {
                step.resize(i + 1);
                break;
            }
        }
        if (step.isEmpty() || step.constLast().id >= m_lastStoredId)
            m_unappliedOnDisk = false; // caught up: what comes next is kept in memory again
        return step;
    }
    int alerts = 0;
    qsizetype count = 0;
    while (count < m_unapplied.size() && (count == 0 || alerts + m_unapplied.at(count).alerts.size() <= maxAlerts))
        alerts += int(m_unapplied.at(count++).alerts.size());
    step = m_unapplied.mid(0, count);
    m_unapplied.remove(0, count);
    for (const IncomingPayload &payload : std::as_const(step))
        m_unappliedBytes -= heldBytes(payload);
    if (m_unapplied.isEmpty())
        m_unappliedBytes = 0;
    return step;
}

Result<QList<IncomingPayload>> StoreWorker::readUnapplied(int maxAlerts) const
{
    // Payloads an older version stored in the store itself come first (lower ids).
    const Result<QList<IncomingPayload>> inStore = m_store.unappliedPayloads(maxAlerts);
    if (!inStore || !inStore->isEmpty())
        return inStore;
    return m_journal.after(m_store.appliedPayloadId(), maxAlerts);
}

void StoreWorker::continueApplying()
{
    m_applyQueued = false;
    if (applyStep(applyAlertsPerStep))
        scheduleApply();
}

void StoreWorker::catchUp()
{
    while (unappliedPayloads() > 0 && !m_applyRetry.isActive())
        if (!applyStep(applyAlertsPerStep))
            return;
}

void StoreWorker::finish()
{
    // What does not fit in the budget stays in the journal, applied after the next open.
    QElapsedTimer spent;
    spent.start();
    while (unappliedPayloads() > 0 && !m_applyRetry.isActive() && spent.elapsed() < m_stopBudget.count())
        if (!applyStep(applyAlertsPerStep))
            break;
    if (m_journal.isOpen())
        if (const Result<> forgotten = m_journal.forgetThrough(m_store.appliedPayloadId()); !forgotten)
            qCWarning(lcStore).noquote() << "cannot remove applied payloads from the journal:" << forgotten.error();
    if (unappliedPayloads() > 0)
        qCInfo(lcStore)
            << unappliedPayloads()
            << "received payloads not applied yet stay in the journal; they are applied after the next start";
}

void StoreWorker::reportLag(bool flowing, qint64 now)
{
    const auto lag = m_pacing.lag(now);
    if (lag >= ApplyPacing::noticeableLag) {
        if (m_lagToldAt < 0 || now - m_lagToldAt >= lagReportIntervalMs) {
            m_lagToldAt = now;
            emit applyLagChanged(std::max<qint64>(0, unappliedPayloads()), lag.count());
        }
    } else if (m_lagToldAt >= 0) {
        m_lagToldAt = -1;
        emit applyLagChanged(0, 0);
    }
    if (flowing && lag >= ApplyPacing::maxLag && !m_lagLogged) {
        m_lagLogged = true;
        qCInfo(lcStore) << "applying received payloads is" << lag.count() / 1000
                        << "s behind the senders; it now takes the CPU it needs";
    } else if (lag.count() == 0 && m_lagLogged) {
        m_lagLogged = false;
        qCInfo(lcStore) << "applying caught up with the senders";
    }
}

bool StoreWorker::applyStep(int maxAlerts)
{
    const qint64 started = m_clock.elapsed();
    const QList<IncomingPayload> step = takeUnapplied(maxAlerts);
    if (step.isEmpty())
        return false;
    const Result<QList<AlertChange>> applied = m_store.apply(step);
    // A rolled-back step left occurrences in the correlator that were never stored;
    // a long run leaves incidents that can take nothing any more.
    if (!applied || m_correlator.incidents().size() > m_rebuildAtIncidents)
        rebuildCorrelator();
    if (!applied) {
        // Still on disk, still unapplied: read back and tried again in a moment.
        qCWarning(lcStore).noquote() << "cannot apply stored payloads; trying again:" << applied.error();
        m_unapplied.clear();
        m_unappliedBytes = 0;
        m_unappliedOnDisk = true;
        m_applyRetry.start(applyRetryMs);
        return false;
    }
    m_pacing.applied(m_store.appliedPayloadId(), ApplyPacing::Milliseconds{m_clock.elapsed() - started});
    emit appliedThrough(m_store.appliedPayloadId());
    scheduleIndexing();
    if (!applied->isEmpty())
        emit alertsChanged(*applied);
    return true;
}

void StoreWorker::prune(const QDateTime &cutoff)
{
    if (m_prune)
        return;
    m_prune.emplace();
    m_prune->cutoff = cutoff;
    m_prune->freePagesLeft = -1; // not measured yet
    qCInfo(lcStore).noquote() << "retention: removing resolved alerts and payloads older than"
                              << cutoff.toString(Qt::ISODate);
    QMetaObject::invokeMethod(this, &StoreWorker::continuePrune, Qt::QueuedConnection);
}

void StoreWorker::continuePrune()
{
    const Result<PruneStep> pruned = m_store.pruneStep(m_prune->cutoff, pruneRowsPerStep);
    if (!pruned) {
        finishPrune(pruned.error());
        return;
    }
    const PruneStep &step = *pruned;
    m_prune->alerts += step.removedAlerts.size();
    m_prune->occurrences += step.removedOccurrences;
    m_prune->payloads += step.removedPayloads;
    if (!step.removedAlerts.isEmpty())
        emit alertsRemoved(step.removedAlerts);
    // Queued, not looped: deliveries that arrived meanwhile are committed in between.
    QMetaObject::invokeMethod(this, step.finished ? &StoreWorker::continueVacuum : &StoreWorker::continuePrune,
                              Qt::QueuedConnection);
}

void StoreWorker::continueVacuum()
{
    const qint64 left = m_store.reclaimFreePages(vacuumPagesPerStep);
    const bool progressed = m_prune->freePagesLeft < 0 || left < m_prune->freePagesLeft;
    m_prune->freePagesLeft = left;
    if (left > 0 && progressed)
        QMetaObject::invokeMethod(this, &StoreWorker::continueVacuum, Qt::QueuedConnection);
    else
        finishPrune();
}

void StoreWorker::finishPrune(const QString &error)
{
    PruneSummary summary = *std::exchange(m_prune, std::nullopt);
    summary.error = error;
    if (error.isEmpty())
        qCInfo(lcStore) << "retention: removed" << summary.alerts << "alerts," << summary.occurrences << "occurrences,"
                        << summary.payloads << "payloads";
    else
        qCWarning(lcStore).noquote() << "retention stopped:" << error;
    emit pruneFinished(summary);
}
