#include "analysis/AnalysisTools.h"

#include "analysis/AnalysisToolDefinitions.h"
#include "analysis/AnalysisToolText.h"
#include "logging/LogCategories.h"
#include "store/AlertHistory.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;
using namespace AnalysisToolArguments;

AnalysisTools::AnalysisTools(const Settings &settings, const Sources &sources, AlertHistory *history,
                             const Alert &alert, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_sources(sources)
    , m_history(history)
    , m_alert(alert)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_client.setMaxResponseBytes(settings.maxResponseBytes);
}

AnalysisTools::~AnalysisTools()
{
    stop();
}

bool AnalysisTools::isAvailable(Tool tool) const
{
    switch (tool) {
    case Tool::QueryPrometheus:
    case Tool::ListSeries: return m_sources.prometheus.url.isValid() && !m_sources.prometheus.url.isEmpty();
    case Tool::QueryLoki: return m_sources.loki.url.isValid() && !m_sources.loki.url.isEmpty();
    case Tool::AlertHistory: return m_history && !m_alert.fingerprint.isEmpty();
    }
    return false;
}

QList<Tool> AnalysisTools::available() const
{
    QList<Tool> tools;
    if (!m_settings.enabled)
        return tools;
    for (const Tool tool : allTools)
        if (isAvailable(tool))
            tools << tool;
    return tools;
}

QJsonArray AnalysisTools::definitions() const
{
    return AnalysisToolDefinitions::forTools(available(), m_settings.limits);
}

bool AnalysisTools::run(const Call &call, QObject *context, Done done)
{
    if (m_stopped)
        return false;
    const quint64 serial = m_nextSerial++;
    m_pending.insert(serial, {context, std::move(done)});
    ++m_calls;
    Outcome outcome{call.id, call.name};
    qCDebug(lcLlm) << "tool call" << m_calls << "of" << m_settings.maxCallsPerRun << "asks for" << call.name.left(40);

    if (!m_settings.enabled) {
        refuse(serial, outcome, Problem::Disabled,
               {QT_TRANSLATE_NOOP("AnalysisTools", "Tools are switched off in AlertDeck's settings.")});
        return true;
    }
    if (m_calls > m_settings.maxCallsPerRun) {
        refuse(serial, outcome, Problem::LimitReached,
               {QT_TRANSLATE_NOOP("AnalysisTools",
                                  "The limit of %1 tool calls for this analysis is reached. Answer with the evidence "
                                  "you have."),
                {QString::number(m_settings.maxCallsPerRun)}});
        return true;
    }
    const std::optional<Tool> tool = toolFromName(call.name);
    Parsed parsed = parse(call.name, call.argumentsJson, m_now(), m_settings.limits);
    if (!parsed.ok()) {
        refuse(serial, outcome, tool ? Problem::BadArguments : Problem::UnknownTool, parsed.refusal);
        return true;
    }
    if (!isAvailable(*tool)) {
        const QString what = *tool == Tool::QueryLoki ? u"Loki"_s
            : *tool == Tool::AlertHistory             ? u"AlertDeck's store"_s
                                                      : u"Prometheus"_s;
        refuse(serial, outcome, Problem::NotConfigured,
               {QT_TRANSLATE_NOOP("AnalysisTools", "%1 is not configured in AlertDeck; this tool is not available."),
                {what}});
        return true;
    }
    outcome.request = std::move(parsed.request);
    dispatch(serial, outcome);
    return true;
}

void AnalysisTools::refuse(quint64 serial, Outcome outcome, Problem problem, const ToolMessage &why)
{
    const bool retry = problem == Problem::BadArguments || problem == Problem::UnknownTool;
    const AnalysisToolText::Text text = AnalysisToolText::refusal(
        toolFromName(outcome.name) ? outcome.name : u"tool call"_s, why, retry); // an unknown name is only quoted
    outcome.problem = problem;
    outcome.text = text.forModel;
    outcome.summary = text.summary;
    // Later, like every answer: a caller never sees its callback inside run().
    QMetaObject::invokeMethod(
        this, [this, serial, outcome] { deliver(serial, outcome); }, Qt::QueuedConnection);
}

void AnalysisTools::dispatch(quint64 serial, Outcome outcome)
{
    const int budget = m_settings.resultTokenBudget;
    const auto finish = [this, serial](Outcome outcome, const AnalysisToolText::Text &text, bool failed) {
        outcome.problem = failed ? Problem::SourceFailed : Problem::None;
        outcome.text = text.forModel;
        outcome.summary = text.summary;
        outcome.trimmed = text.trimmed;
        deliver(serial, outcome);
    };
    ContextClient::RequestId id = 0;
    if (const auto *query = std::get_if<PrometheusQuery>(&*outcome.request)) {
        id = m_client.queryMetrics(m_sources.prometheus, query->query, query->window, this,
                                   [finish, outcome, query = *query, budget](const MetricResult &result) mutable {
                                       MetricResult shown = result;
                                       if (shown.series.size() > maxPayloadSeries)
                                           shown.series.resize(maxPayloadSeries);
                                       outcome.payload = std::move(shown);
                                       finish(outcome, AnalysisToolText::prometheus(query, result, budget), !result.ok);
                                   });
    } else if (const auto *logs = std::get_if<LokiQuery>(&*outcome.request)) {
        id = m_client.queryLogs(m_sources.loki, logs->query, logs->window, logs->limit, this,
                                [finish, outcome, query = *logs, budget](const LogResult &result) mutable {
                                    outcome.payload = result;
                                    finish(outcome, AnalysisToolText::loki(query, result, budget), !result.ok);
                                });
    } else if (const auto *series = std::get_if<SeriesQuery>(&*outcome.request)) {
        id = m_client.queryPrometheusSeries(
            m_sources.prometheus, series->match, series->window, this,
            [finish, outcome, query = *series, budget](const ContextClient::SeriesList &result) mutable {
                outcome.payload = result;
                finish(outcome, AnalysisToolText::series(query, result, budget), !result.ok);
            });
    } else if (const auto *history = std::get_if<HistoryQuery>(&*outcome.request)) {
        const QDateTime current = m_alert.startsAt;
        m_history->fetchDetails(
            AlertKey::of(m_alert), this,
            [finish, outcome, query = *history, current, budget](const AlertDetails &details) mutable {
                outcome.payload = details.occurrences;
                finish(outcome, AnalysisToolText::history(query, details.occurrences, current, budget), false);
            });
    }
    if (const auto it = m_pending.find(serial); it != m_pending.end())
        it->request = id;
}

void AnalysisTools::deliver(quint64 serial, const Outcome &outcome)
{
    const Pending pending = m_pending.take(serial);
    if (!pending.done || !pending.context)
        return; // stopped, or the one who asked is gone
    qCDebug(lcLlm) << "tool call" << outcome.name.left(40) << "answered, problem" << int(outcome.problem);
    pending.done(outcome);
}

void AnalysisTools::stop()
{
    m_stopped = true;
    for (const Pending &pending : std::as_const(m_pending))
        if (pending.request)
            m_client.cancel(pending.request);
    m_pending.clear();
}
