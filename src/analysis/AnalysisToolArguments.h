#pragma once

#include "context/ContextPlan.h"

#include <QDateTime>
#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

// The read-only tools an analysis offers the model (function calling): the model's
// arguments read into checked requests (AnalysisToolDefinitions describes them to it). The arguments name no host: the
// tools only ever ask the data sources AlertDeck is configured with. Whatever the model sends is hostile input: sizes
// are bounded, and every refusal says what was wrong so the model can correct itself.
namespace AnalysisToolArguments {

enum class Tool { QueryPrometheus, QueryLoki, ListSeries, AlertHistory };
inline constexpr Tool allTools[] = {Tool::QueryPrometheus, Tool::QueryLoki, Tool::ListSeries, Tool::AlertHistory};

// "query_prometheus", "query_loki", "list_series", "alert_history".
QString toolName(Tool tool);
std::optional<Tool> toolFromName(const QString &name);

struct PrometheusQuery {
    QString query;
    ContextPlan::Window window; // its step is the query's
};
struct LokiQuery {
    QString query;
    ContextPlan::Window window;
    int limit = 100;
};
struct SeriesQuery {
    QString match;
    ContextPlan::Window window;
};
struct HistoryQuery {
    int limit = 10;
};
using Request = std::variant<PrometheusQuery, LokiQuery, SeriesQuery, HistoryQuery>;

struct Limits {
    qint64 maxRangeSeconds = 24 * 3600;
    qint64 defaultRangeSeconds = 3600;
    int defaultPoints = 250; // the step chosen when the model gives none
    int maxLokiLimit = 500;
    int defaultLokiLimit = 100;
    int maxHistoryLimit = 50;
    int defaultHistoryLimit = 10;
    qsizetype maxArgumentBytes = 64 * 1024;
    qsizetype maxQueryLength = 16 * 1024; // as PromQlSplitter::maxExpressionLength
    qint64 allowedClockSkewSeconds = 300; // how far past now an end may be
};

// A sentence for the model (English, as the prompt's instructions are) that the panel
// shows translated: one source text, marked with QT_TRANSLATE_NOOP("AnalysisTools", …),
// with %1…%9 filled in one pass (an argument that holds "%2" stays as it is).
struct ToolMessage {
    const char *text = nullptr;
    QStringList args{};

    bool isEmpty() const { return text == nullptr; }
    QString forModel() const;
    QString forPeople() const;
};

// A request, or why the call was refused.
struct Parsed {
    std::optional<Request> request{};
    ToolMessage refusal{};
    bool ok() const { return request.has_value(); }
};

// Reads `argumentsJson` (a JSON object, as the model wrote it; empty means {}) for the
// tool named `name`. Relative times count back from `now`.
Parsed parse(const QString &name, const QString &argumentsJson, const QDateTime &now, const Limits &limits = {});

// A time as the tools take it: RFC 3339 ("2026-12-06T19:00:00Z"; no zone means UTC),
// Unix seconds (a number or a string of digits), "now", or back from now: "-1h",
// "now-90m", "-1h30m" (units s, m, h, d, w).
std::optional<QDateTime> parseTime(const QJsonValue &value, const QDateTime &now);
// "15s", "1m", "1h30m", "2d", "1w" → seconds; nothing for anything else (also "0s").
std::optional<qint64> parseDuration(QStringView text);
// "30 d", "25 h 10 min", "90 s": a length for a message.
QString durationText(qint64 seconds);

} // namespace AnalysisToolArguments
