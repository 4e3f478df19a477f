#pragma once

#include "analysis/AnalysisToolArguments.h"
#include "context/ContextClient.h"
#include "context/ContextData.h"
#include "model/Alert.h"
#include "net/ConnectionCheck.h"
#include "store/StoredRecords.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>
#include <variant>

class AlertHistory;

// Runs the read-only tools the model calls during one analysis (one object per run):
// Prometheus range queries, Loki log queries, series lists and the alert's history,
// always against the configured data sources with their credentials. Each call is
// answered once, asynchronously, with a text for the model (within a token budget)
// and a payload for the panel; a refusal (tools off, unknown tool, bad arguments,
// source not configured, call limit reached) is an answer too, so the model can
// correct itself. stop() ends the run: running requests are aborted, and no callback
// fires after it, nor after `context` or this object is gone.
class AnalysisTools final : public QObject
{
    Q_OBJECT

public:
    struct Settings {
        bool enabled = true; // off: no definitions, every call refused
        int maxCallsPerRun = 8;
        int resultTokenBudget = 1500; // per result, estimated tokens
        // An answer past this is not read: the model can write an expression that
        // matches every series over a day.
        qint64 maxResponseBytes = 16 * 1024 * 1024;
        AnalysisToolArguments::Limits limits{};
    };
    // As ContextService::Sources holds them; an empty url: that source's tools are not offered.
    struct Sources {
        ConnectionCheckRequest prometheus{};
        ConnectionCheckRequest loki{};
    };
    // A tool call as the chat stream delivers it.
    struct Call {
        QString id;
        QString name;
        QString argumentsJson;
    };
    enum class Problem { None, Disabled, UnknownTool, BadArguments, NotConfigured, LimitReached, SourceFailed };
    using Payload
        = std::variant<std::monostate, MetricResult, LogResult, ContextClient::SeriesList, QList<StoredOccurrence>>;
    struct Outcome {
        QString toolCallId;
        QString name;
        Problem problem = Problem::None;
        QString text{}; // the tool message's content, for the model
        QString summary{}; // one translated line for the panel step
        bool trimmed = false; // the text left some of the result out
        std::optional<AnalysisToolArguments::Request> request{}; // as read from the arguments
        Payload payload{}; // what the panel draws (a chart, a log excerpt, a list)
        bool ok() const { return problem == Problem::None; }
    };
    using Done = std::function<void(const Outcome &)>;

    static constexpr int maxPayloadSeries = 20; // kept for the panel's small chart

    // `history` may be null (no alert_history tool); `alert` is the alert under analysis.
    AnalysisTools(const Settings &settings, const Sources &sources, AlertHistory *history, const Alert &alert,
                  QObject *parent = nullptr);
    ~AnalysisTools() override;

    // The tools offered: those whose data source is configured; none when tools are off.
    QList<AnalysisToolArguments::Tool> available() const;
    // The `tools` array of the chat request (empty when none are available).
    QJsonArray definitions() const;

    // Runs `call`; `done` gets its outcome later on this thread, unless the run was
    // stopped or `context` is gone by then. Every call counts against the limit, the
    // refused ones too. False (and no callback) once stopped.
    bool run(const Call &call, QObject *context, Done done);
    // Ends the run: running requests are aborted, pending answers dropped, later calls ignored.
    void stop();
    bool isStopped() const { return m_stopped; }

    int callsMade() const { return m_calls; }
    // The model has used up its calls: the next request should offer no more tools.
    bool limitReached() const { return m_calls >= m_settings.maxCallsPerRun; }
    int running() const { return int(m_pending.size()); }

    // Test hook: the clock that relative times ("-1h") count back from.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

private:
    struct Pending {
        QPointer<QObject> context;
        Done done;
        ContextClient::RequestId request = 0; // 0: not a network request
    };
    void refuse(quint64 serial, Outcome outcome, Problem problem, const AnalysisToolArguments::ToolMessage &why);
    void dispatch(quint64 serial, Outcome outcome);
    void deliver(quint64 serial, const Outcome &outcome);
    bool isAvailable(AnalysisToolArguments::Tool tool) const;

    Settings m_settings;
    Sources m_sources;
    QPointer<AlertHistory> m_history;
    Alert m_alert;
    ContextClient m_client;
    std::function<QDateTime()> m_now;
    QHash<quint64, Pending> m_pending; // by call serial
    quint64 m_nextSerial = 1;
    int m_calls = 0;
    bool m_stopped = false;
};
