#include "context/ContextService.h"

#include "context/ChartData.h"
#include "context/LabelMapFile.h"
#include "context/LokiStreamDiscovery.h"
#include "core/Background.h"

using namespace Qt::StringLiterals;

// Everything a plan is made from, copied: the worker shares nothing with the service.
struct ContextService::PlanInput {
    Alert alert;
    QDateTime now;
    ContextPlan::WindowSettings window;
    TimeRange range;
    bool prometheus = false;
    bool loki = false;
    QList<ContextPlan::LabelRule> labelRules;
    bool filterLogLines = false;
    ContextTemplates::Config templates;
};

bool ContextService::Context::complete() const
{
    return std::all_of(metrics.cbegin(), metrics.cend(), [](const auto &m) { return m.has_value(); })
        && !discoveringLogs && (logs.has_value() || !logQuery.problem.isEmpty());
}

ContextService::ContextService(QObject *parent)
    : QObject(parent)
{
    m_follow.setInterval(followInterval);
    connect(&m_follow, &QTimer::timeout, this, [this] { refresh(); });
}

void ContextService::setSources(const Sources &sources)
{
    m_sources = sources;
    // New sources make what was fetched from the old ones stale.
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
        for (const ContextClient::RequestId id : it.value())
            m_client.cancel(id);
    m_requests.clear();
    m_contexts.clear();
    m_recent.clear();
    m_prefetching.clear();
    m_planning.clear(); // plans on their way were made for the old sources
}

const ContextService::Context *ContextService::context(const OccurrenceKey &key) const
{
    const auto it = m_contexts.constFind(key);
    return it == m_contexts.cend() ? nullptr : &*it;
}

QList<OccurrenceKey> ContextService::queuedKeys() const
{
    QList<OccurrenceKey> keys;
    for (const auto &[alert, now] : m_prefetchQueue)
        keys << OccurrenceKey::of(alert);
    return keys;
}

int ContextService::runningRequests() const
{
    int count = 0;
    for (const auto &ids : m_requests)
        count += int(ids.size());
    return count;
}

void ContextService::touch(const OccurrenceKey &key)
{
    m_recent.removeAll(key);
    m_recent.append(key);
    while (m_recent.size() > cachedContexts) {
        const OccurrenceKey oldest = m_recent.takeFirst();
        if (oldest == m_selected || m_requests.contains(oldest)) {
            m_recent.append(oldest);
            break;
        }
        m_contexts.remove(oldest);
    }
}

void ContextService::cancel(const OccurrenceKey &key)
{
    m_planning.remove(key);
    const QList<ContextClient::RequestId> running = m_requests.take(key);
    for (const ContextClient::RequestId id : running)
        m_client.cancel(id);
    // A half-fetched context would look final: forget it, it is fetched again when needed.
    if (const auto it = m_contexts.find(key); it != m_contexts.end()) {
        if (!it->complete()) {
            m_contexts.erase(it);
            m_recent.removeAll(key);
        } else if (!running.isEmpty()) {
            it->stale = true; // a refresh or a new range, cut short
        }
    }
}

void ContextService::select(const Alert &alert, const QDateTime &now)
{
    const OccurrenceKey key = OccurrenceKey::of(alert);
    if (m_selected != OccurrenceKey{} && m_selected != key && !m_prefetching.contains(m_selected)
        && !m_held.contains(m_selected))
        cancel(m_selected); // the engineer moved on
    m_selected = key;
    if (const auto it = m_contexts.find(key); it != m_contexts.end()) {
        touch(key);
        const bool resolvedSince = alert.state == AlertState::Resolved && it->alert.state != AlertState::Resolved;
        it->alert = alert;
        // Shown from the cache at once; moved on if it is out of date.
        if (it->stale || resolvedSince || !(it->range == m_range)
            || (it->window.following && it->window.end.secsTo(now) >= followInterval.count()))
            rewindow(key, now); // also asks for the value at the end, when it is new
        emit contextUpdated(key);
        m_follow.start();
        return;
    }
    m_follow.start();
    start(alert, now); // contextUpdated follows once the plan is back
}

void ContextService::setRange(const TimeRange &range, const QDateTime &now)
{
    if (m_range == range)
        return;
    m_range = range;
    // A plan on its way is given the new range when it is back (begin).
    if (!m_planning.contains(m_selected) && m_contexts.contains(m_selected))
        rewindow(m_selected, now);
}

void ContextService::refresh(const QDateTime &now)
{
    const auto it = m_contexts.constFind(m_selected);
    // One refresh at a time: a slow Prometheus is not asked again on top of itself.
    if (it == m_contexts.cend() || !it->window.following || m_requests.contains(m_selected)
        || m_planning.contains(m_selected))
        return;
    rewindow(m_selected, now);
}

void ContextService::rewindow(const OccurrenceKey &key, const QDateTime &now)
{
    const auto it = m_contexts.find(key);
    if (it == m_contexts.end())
        return;
    for (const ContextClient::RequestId id : m_requests.take(key))
        m_client.cancel(id);
    const ContextPlan::Window old = it->window;
    const ContextPlan::Window next = ContextPlan::window(it->alert, now, m_sources.window, m_range);
    // Same step and a window that only moved on: the cached points are kept and only
    // the ones after them asked for, on the cached points' grid.
    const bool onlyTheTail = it->range == m_range && !it->stale && next.stepSeconds == old.stepSeconds
        && next.start >= old.start && next.end >= old.end;
    ContextPlan::Window tail = next;
    const qint64 gridSteps = old.start.secsTo(old.end) / old.stepSeconds;
    tail.start = old.start.addSecs(gridSteps * old.stepSeconds);
    it->range = m_range;
    it->window = next;
    it->stale = false;
    for (int i = 0; i < it->queries.size(); ++i) {
        const bool cached = it->metrics.at(i) && it->metrics.at(i)->ok;
        fetchMetric(key, i, onlyTheTail && cached ? std::optional(tail) : std::nullopt);
    }
    if (it->logQuery.problem.isEmpty())
        fetchLogs(key);
    for (auto baseline = it->baselines.begin(); baseline != it->baselines.end(); ++baseline) {
        baseline->window = next;
        fetchBaseline(key, baseline.key(), false);
        fetchBaseline(key, baseline.key(), true);
    }
    // Cancelled above if they were still on their way.
    if (it->hasAlertExpression && !it->valueAtStart && it->alert.startsAt.isValid())
        fetchValue(key, false);
    if (it->hasAlertExpression && !it->valueAtEnd && it->alert.state == AlertState::Resolved
        && it->alert.endsAt.isValid())
        fetchValue(key, true);
    emit contextUpdated(key);
}

void ContextService::prefetch(const Alert &alert, const QDateTime &now)
{
    // Nothing to fetch ahead without a source (the pane says so when the alert is
    // opened): a storm of critical alerts then costs nothing here.
    if (m_sources.prometheus.url.isEmpty() && m_sources.loki.url.isEmpty())
        return;
    const OccurrenceKey key = OccurrenceKey::of(alert);
    if (m_contexts.contains(key) || m_planning.contains(key))
        return;
    m_prefetchQueue.append({alert, now});
    // In a storm only the newest wait: they are the ones about to be looked at.
    while (m_prefetchQueue.size() > maxQueuedPrefetches)
        m_prefetchQueue.removeFirst();
    startQueuedPrefetches();
}

void ContextService::hold(const Alert &alert, const QDateTime &now)
{
    const OccurrenceKey key = OccurrenceKey::of(alert);
    ++m_held[key];
    if (m_contexts.contains(key)) {
        touch(key);
        return;
    }
    m_prefetchQueue.removeIf([&key](const auto &queued) { return OccurrenceKey::of(queued.first) == key; });
    start(alert, now);
}

void ContextService::release(const OccurrenceKey &key)
{
    if (const auto it = m_held.find(key); it != m_held.end() && --it.value() <= 0)
        m_held.erase(it);
}

void ContextService::startQueuedPrefetches()
{
    while (m_prefetching.size() < maxConcurrentPrefetches && !m_prefetchQueue.isEmpty()) {
        const auto [alert, now] = m_prefetchQueue.takeLast();
        const OccurrenceKey key = OccurrenceKey::of(alert);
        if (m_contexts.contains(key) || m_planning.contains(key))
            continue;
        m_prefetching << key;
        start(alert, now);
    }
}

ContextService::Context ContextService::plan(const PlanInput &input)
{
    const Alert &alert = input.alert;
    Context context;
    context.key = OccurrenceKey::of(alert);
    context.alert = alert;
    context.range = input.range;
    context.plannedAt = input.now;
    context.window = ContextPlan::window(alert, input.now, input.window, input.range);
    if (input.prometheus) {
        ContextPlan::MetricPlan metrics = ContextPlan::metricPlan(alert);
        context.hasAlertExpression = metrics.firstIsAlertExpression;
        context.queries = metrics.queries + ContextTemplates::queriesFor(input.templates, alert, &metrics.notes);
        context.notes = metrics.notes;
    }
    context.metrics.resize(context.queries.size());
    context.revisions.fill(0, context.queries.size());
    if (!input.loki)
        context.logQuery.problem = tr("No Loki is configured (Settings → Data sources).");
    else
        context.logQuery = ContextPlan::logQuery(alert, input.labelRules, input.filterLogLines);
    if (input.loki)
        context.logCandidates = ContextPlan::logCandidates(alert, input.labelRules);
    return context;
}

void ContextService::start(const Alert &alert, const QDateTime &now)
{
    const OccurrenceKey key = OccurrenceKey::of(alert);
    if (m_planning.contains(key))
        return; // its plan is on its way
    const quint64 id = ++m_lastPlan;
    m_planning.insert(key, id);
    PlanInput input{alert,
                    now,
                    m_sources.window,
                    m_range,
                    !m_sources.prometheus.url.isEmpty(),
                    !m_sources.loki.url.isEmpty(),
                    m_sources.labelRules,
                    m_sources.filterLogLines,
                    m_sources.templates};
    // The worker only ever touches its own copy of the input.
    Background::run(
        this,
        [input = std::move(input), hook = m_planHook] {
            if (hook)
                hook();
            return plan(input);
        },
        [this, key, id](const Context &planned) {
            if (m_planning.value(key) != id)
                return; // overtaken
            m_planning.remove(key);
            begin(planned);
        });
}

void ContextService::begin(Context planned)
{
    const OccurrenceKey key = planned.key;
    if (!(planned.range == m_range)) { // the range changed while it was planned
        planned.window = ContextPlan::window(planned.alert, planned.plannedAt, m_sources.window, m_range);
        planned.range = m_range;
    }
    m_contexts.insert(key, planned);
    touch(key);
    for (int i = 0; i < planned.queries.size(); ++i)
        fetchMetric(key, i);
    if (planned.hasAlertExpression && planned.alert.startsAt.isValid()) {
        fetchValue(key, false);
        if (planned.alert.state == AlertState::Resolved && planned.alert.endsAt.isValid())
            fetchValue(key, true);
    }
    if (!planned.logCandidates.isEmpty())
        discoverLogs(key);
    else if (planned.logQuery.problem.isEmpty())
        fetchLogs(key);
    emit contextUpdated(key);
    if (!m_requests.contains(key))
        finishedOne(key);
}

void ContextService::fetchMetric(const OccurrenceKey &key, int index, std::optional<ContextPlan::Window> tail)
{
    const Context &context = m_contexts[key];
    const qint64 fromMs = context.window.start.toMSecsSinceEpoch();
    // Answers always come later, so the id is known by the time the callback runs.
    auto id = std::make_shared<ContextClient::RequestId>(0);
    *id = m_client.queryMetrics(
        m_sources.prometheus, context.queries.at(index).expression, tail ? *tail : context.window, this,
        [this, key, index, id, fromMs, merge = tail.has_value()](const MetricResult &result) {
            m_requests[key].removeAll(*id);
            if (const auto it = m_contexts.find(key); it != m_contexts.end()) {
                std::optional<MetricResult> &stored = it->metrics[index];
                stored = merge && stored ? ChartData::mergeTail(*stored, result, fromMs) : result;
                ++it->revisions[index];
            }
            finishedOne(key);
        });
    m_requests[key].append(*id);
}

void ContextService::fetchValue(const OccurrenceKey &key, bool atEnd)
{
    const Context &context = m_contexts[key];
    const QDateTime at = atEnd ? context.alert.endsAt : context.alert.startsAt;
    auto id = std::make_shared<ContextClient::RequestId>(0);
    *id = m_client.queryInstant(m_sources.prometheus, context.queries.at(0).expression, at, this,
                                [this, key, id, atEnd](const InstantResult &result) {
                                    m_requests[key].removeAll(*id);
                                    if (const auto it = m_contexts.find(key); it != m_contexts.end())
                                        (atEnd ? it->valueAtEnd : it->valueAtStart) = result;
                                    finishedOne(key);
                                });
    m_requests[key].append(*id);
}

void ContextService::fetchLogs(const OccurrenceKey &key)
{
    const Context &context = m_contexts[key];
    auto id = std::make_shared<ContextClient::RequestId>(0);
    const QString logQl = context.logQuery.logQl();
    *id = m_client.queryLogs(m_sources.loki, logQl, context.window, m_sources.logLimit, this,
                             [this, key, id, logQl](const LogResult &result) {
                                 m_requests[key].removeAll(*id);
                                 // An answer to a query since edited is stale.
                                 if (const auto it = m_contexts.find(key);
                                     it != m_contexts.end() && it->logQuery.logQl() == logQl)
                                     it->logs = result;
                                 finishedOne(key);
                             });
    m_requests[key].append(*id);
}

void ContextService::discoverLogs(const OccurrenceKey &key)
{
    Context &context = m_contexts[key];
    context.discoveringLogs = true;
    auto current = std::make_shared<ContextClient::RequestId>(0);
    LokiStreamDiscovery::run(
        m_client, m_sources.loki, context.logCandidates, context.window, this,
        [this, key, current](ContextClient::RequestId id) {
            m_requests[key].removeAll(*current);
            *current = id;
            m_requests[key].append(id);
        },
        [this, key, current](const LokiStreamDiscovery::Outcome &outcome) {
            m_requests[key].removeAll(*current);
            const auto it = m_contexts.find(key);
            if (it == m_contexts.end())
                return;
            it->discoveringLogs = false;
            LokiStreamDiscovery::apply(outcome, it->logQuery);
            if (it->logQuery.problem.isEmpty())
                fetchLogs(key);
            finishedOne(key);
        });
}

void ContextService::rerunLogs(const OccurrenceKey &key, const QString &logQl)
{
    const auto it = m_contexts.find(key);
    if (it == m_contexts.end() || it->logQuery.selector.isEmpty() || it->discoveringLogs)
        return;
    it->logQuery.edited = logQl.trimmed() == it->logQuery.plannedLogQl() ? QString() : logQl.trimmed();
    it->logs.reset();
    fetchLogs(key);
    emit contextUpdated(key);
}

void ContextService::saveLabelRules(const QList<ContextPlan::LabelRule> &rules, QObject *context,
                                    std::function<void(const Result<> &)> done)
{
    if (m_sources.labelMapFile.isEmpty()) {
        done(Failure{tr("There is no queries file to keep the label map in.")});
        return;
    }
    const QList<ContextPlan::LabelRule> current = m_sources.labelRules;
    // New plans use the rules at once; contexts already fetched keep what they found.
    m_sources.labelRules = LabelMapFile::merged(rules, current);
    Background::run(
        context ? context : this,
        [path = m_sources.labelMapFile, rules, current] { return LabelMapFile::save(path, rules, current); },
        std::move(done));
}

void ContextService::finishedOne(const OccurrenceKey &key)
{
    if (m_requests.value(key).isEmpty()) {
        m_requests.remove(key);
        if (m_prefetching.removeAll(key) > 0)
            startQueuedPrefetches();
    }
    emit contextUpdated(key);
}

void ContextService::setBaseline(const OccurrenceKey &key, int index, bool shown)
{
    const auto it = m_contexts.find(key);
    if (it == m_contexts.end() || index < 0 || index >= it->queries.size())
        return;
    if (!shown) {
        it->baselines.remove(index);
        emit contextUpdated(key);
        return;
    }
    it->baselines[index].window = it->window;
    fetchBaseline(key, index, false);
    fetchBaseline(key, index, true);
    emit contextUpdated(key);
}

void ContextService::fetchBaseline(const OccurrenceKey &key, int index, bool week)
{
    const Context &context = m_contexts[key];
    const qint64 shift = (week ? 7 : 1) * 86400LL;
    ContextPlan::Window earlier = context.window;
    earlier.start = earlier.start.addSecs(-shift);
    earlier.end = earlier.end.addSecs(-shift);
    auto id = std::make_shared<ContextClient::RequestId>(0);
    *id = m_client.queryMetrics(m_sources.prometheus, context.queries.at(index).expression, earlier, this,
                                [this, key, index, id, week, shift](MetricResult result) {
                                    m_requests[key].removeAll(*id);
                                    const auto it = m_contexts.find(key);
                                    if (it != m_contexts.end() && it->baselines.contains(index)) {
                                        // Drawn over this window: its times moved forward.
                                        for (Series &series : result.series)
                                            for (Sample &sample : series.samples)
                                                sample.ms += shift * 1000;
                                        Context::Baseline &baseline = it->baselines[index];
                                        (week ? baseline.weekBefore : baseline.dayBefore) = std::move(result);
                                    }
                                    finishedOne(key);
                                });
    m_requests[key].append(*id);
}

void ContextService::rerunMetric(const OccurrenceKey &key, int index, const QString &expression)
{
    const auto it = m_contexts.find(key);
    if (it == m_contexts.end() || index < 0 || index >= it->queries.size())
        return;
    it->queries[index].expression = expression;
    it->metrics[index].reset();
    ++it->revisions[index];
    fetchMetric(key, index);
    emit contextUpdated(key);
}
