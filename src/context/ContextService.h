#pragma once

#include "context/ContextClient.h"
#include "context/ContextPlan.h"
#include "context/ContextTemplates.h"
#include "core/Result.h"
#include "model/AlertKey.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

// The context of the alerts an engineer looks at: fetched when an alert is
// selected (the previous selection's requests are cancelled), prefetched for
// critical alerts as they arrive (a few at a time, the newest first, never a
// flood during a storm), and kept for the alerts seen last. What to fetch (the
// plan: window, queries, log selector) is worked out on a worker thread, since
// an alert's expression and labels are the sender's to choose; the requests
// start on this object's thread once the plan is back.
class ContextService final : public QObject
{
    Q_OBJECT

public:
    struct Sources {
        ConnectionCheckRequest prometheus; // url empty: no metrics
        ConnectionCheckRequest loki; // url empty: no logs
        bool filterLogLines = false; // only error-like lines asked of Loki
        int logLimit = 200;
        ContextPlan::WindowSettings window{};
        QList<ContextPlan::LabelRule> labelRules = ContextPlan::defaultLabelRules();
        ContextTemplates::Config templates{}; // the user's extra charts
        QUrl grafana{}; // with grafanaLokiDatasource: "Open in Grafana Explore"
        QString grafanaLokiDatasource{};
        QString labelMapFile{}; // where "Save as label-map rule" writes (the queries file)
    };

    struct Context {
        OccurrenceKey key;
        Alert alert; // as last selected (its state and end change)
        TimeRange range; // the window was made for
        QDateTime plannedAt;
        ContextPlan::Window window;
        QList<ContextPlan::MetricQuery> queries;
        // Parallel to queries; empty: still loading. A refresh keeps the last result
        // until the next arrives (no flicker) and bumps the revision when it does.
        QList<std::optional<MetricResult>> metrics;
        QList<quint64> revisions;
        bool stale = false; // a refresh was cancelled half-way: fetched again when selected
        // The alert's own expression (queries[0] when it has one) at its start and end.
        bool hasAlertExpression = false;
        std::optional<InstantResult> valueAtStart;
        std::optional<InstantResult> valueAtEnd;
        // Ghost lines asked for a chart: the same expression a day and a week earlier,
        // already moved onto this window's times. Query index → results.
        struct Baseline {
            std::optional<MetricResult> dayBefore;
            std::optional<MetricResult> weekBefore;
            ContextPlan::Window window; // the window they were asked for
        };
        QHash<int, Baseline> baselines;
        QStringList notes; // charts left out and why ("too long to chart")
        ContextPlan::LogQuery logQuery;
        std::optional<LogResult> logs;
        QList<ContextPlan::LogCandidate> logCandidates; // asked of Loki before the logs (LokiStreamDiscovery)
        bool discoveringLogs = false;
        bool complete() const;
    };

    static constexpr int maxConcurrentPrefetches = 2;
    static constexpr int maxQueuedPrefetches = 20;
    static constexpr int cachedContexts = 50;
    // How often a window that ends at now (a firing alert, "last hour") follows it.
    static constexpr std::chrono::seconds followInterval{30};

    explicit ContextService(QObject *parent = nullptr);

    void setSources(const Sources &sources);
    const Sources &sources() const { return m_sources; }

    // The alert now selected: its context from the cache or fetched now.
    void select(const Alert &alert, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // A critical alert that just arrived: fetched in the background when there is room.
    void prefetch(const Alert &alert, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Another part of AlertDeck needs this alert's context (an analysis): fetched now
    // unless cached, and kept going when the selection moves on, until released.
    void hold(const Alert &alert, const QDateTime &now = QDateTime::currentDateTimeUtc());
    void release(const OccurrenceKey &key);
    // The range the Metrics and Logs tabs show (shared by both): the selected alert's
    // context is fetched again for it, its charts kept until the new points arrive.
    void setRange(const TimeRange &range, const QDateTime &now = QDateTime::currentDateTimeUtc());
    const TimeRange &range() const { return m_range; }
    // Moves a following window of the selected alert on to `now`: only the points after
    // the cached ones are asked for (when the step is unchanged). Runs every
    // followInterval by itself; public for tests.
    void refresh(const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Asks for (or forgets) query `index`'s ghost lines one day and one week earlier.
    // The window is moved, not the expression: the same as PromQL's `offset` on every
    // selector, without rewriting a sender's expression.
    void setBaseline(const OccurrenceKey &key, int index, bool shown);
    // Runs query `index` of `key` again with an edited expression.
    void rerunMetric(const OccurrenceKey &key, int index, const QString &expression);
    // Runs the Logs tab's query of `key` again as `logQl`; empty: the planned one.
    void rerunLogs(const OccurrenceKey &key, const QString &logQl);
    // Puts `rules` first in the label map, in labelMapFile (written off this thread) and
    // for the alerts planned from now on; `done` says how it went, unless `context` is gone.
    void saveLabelRules(const QList<ContextPlan::LabelRule> &rules, QObject *context,
                        std::function<void(const Result<> &)> done);

    // Null while the plan is worked out (isPlanning) and before the alert is asked for.
    const Context *context(const OccurrenceKey &key) const;
    bool isPlanning(const OccurrenceKey &key) const { return m_planning.contains(key); }
    OccurrenceKey selectedKey() const { return m_selected; }
    int runningRequests() const;
    // Background fetches under way, and waiting (tests, status).
    QList<OccurrenceKey> prefetching() const { return m_prefetching; }
    int queuedPrefetches() const { return int(m_prefetchQueue.size()); }
    // Waiting prefetches, the next to start last.
    QList<OccurrenceKey> queuedKeys() const;

    // Test hook: runs on the thread that works out each plan, before it does.
    void setPlanHook(std::function<void()> hook) { m_planHook = std::move(hook); }

signals:
    // Part of a context arrived (or all of it came from the cache).
    void contextUpdated(const OccurrenceKey &key);

private:
    struct PlanInput;
    static Context plan(const PlanInput &input);
    void start(const Alert &alert, const QDateTime &now);
    void begin(Context planned);
    void fetchMetric(const OccurrenceKey &key, int index, std::optional<ContextPlan::Window> tail = std::nullopt);
    void fetchValue(const OccurrenceKey &key, bool atEnd);
    void fetchBaseline(const OccurrenceKey &key, int index, bool week);
    void rewindow(const OccurrenceKey &key, const QDateTime &now);
    void fetchLogs(const OccurrenceKey &key);
    void discoverLogs(const OccurrenceKey &key);
    void finishedOne(const OccurrenceKey &key);
    void cancel(const OccurrenceKey &key);
    void startQueuedPrefetches();
    void touch(const OccurrenceKey &key);

    Sources m_sources;
    ContextClient m_client;
    QHash<OccurrenceKey, Context> m_contexts;
    QList<OccurrenceKey> m_recent; // least recently used first
    QHash<OccurrenceKey, QList<ContextClient::RequestId>> m_requests; // running, per context
    OccurrenceKey m_selected; // none: empty
    QList<std::pair<Alert, QDateTime>> m_prefetchQueue; // newest last
    QHash<OccurrenceKey, int> m_held; // key → holders
    QList<OccurrenceKey> m_prefetching;
    // Plans being worked out: key → the one awaited. A plan that comes back to find
    // another (or none) awaited was overtaken (moved on, asked again, new sources).
    QHash<OccurrenceKey, quint64> m_planning;
    quint64 m_lastPlan = 0;
    std::function<void()> m_planHook;
    TimeRange m_range;
    QTimer m_follow;
};
