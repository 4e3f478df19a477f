#pragma once

#include "context/TimeRange.h"
#include "model/Alert.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// What to fetch for an alert: the time window, the metric queries and the log
// query. Pure: built from the alert and the settings, no I/O.
namespace ContextPlan {

struct WindowSettings {
    int minutesBefore = 30; // before startsAt
    int minutesAfter = 10; // after a resolved alert's end; never past now
    int maxPointsPerSeries = 1000;
};

struct Window {
    QDateTime start;
    QDateTime end;
    int stepSeconds = 15;
    bool following = false; // ends at now: moves on as time passes (a firing alert, "last hour")
    qint64 points() const { return start.secsTo(end) / stepSeconds + 1; }
    friend bool operator==(const Window &, const Window &) = default;
};

// Around the alert: from minutesBefore before its start to now while it fires, to
// minutesAfter after its end once resolved (never past now). Or the chosen range.
Window window(const Alert &alert, const QDateTime &now, const WindowSettings &settings = {},
              const TimeRange &range = {});
// The smallest "round" step (1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 min…) that keeps
// `seconds` within `maxPoints` points; never more than Prometheus's 11,000.
int stepFor(qint64 seconds, int maxPoints);

struct MetricQuery {
    QString title;
    QString expression;
    std::optional<double> threshold{}; // drawn as a horizontal line
    QString comparison{}; // how the alert compares against the threshold (">", "<"…)
};

// The alert's own expression (value side, threshold split off), then companion
// panels: CPU, memory, disk and network of a node_exporter target.
struct MetricPlan {
    QList<MetricQuery> queries;
    QStringList notes; // why a chart was left out, for the Metrics tab
    bool firstIsAlertExpression = false; // queries[0] is the alert's own expression
};
MetricPlan metricPlan(const Alert &alert);
// metricPlan(alert).queries
QList<MetricQuery> metricQueries(const Alert &alert);
// Whether the alert is about a node_exporter target, and which instance.
std::optional<QString> nodeInstance(const Alert &alert);

// One alert label that identifies log streams. Rules are grouped; the first group
// with a label present on the alert gives the selector, from every label of that
// group present (so a pod's namespace and container narrow it, but an instance is
// not ANDed with an unrelated job).
struct LabelRule {
    QString alertLabel;
    QString lokiLabel;
    bool stripPort = false; // "db-1:9100" → "db-1"
    int group = 0;
};
QList<LabelRule> defaultLabelRules();

struct LogQuery {
    QString selector; // {host="db-1"}; empty when no label maps
    QString lineFilter; // empty: every line
    QString problem; // why there is no selector
    // The engineer's own LogQL from the Logs tab; empty: the planned one.
    QString edited{};
    // Stream discovery (LokiStreamDiscovery): what was asked and what answered.
    QStringList tried{}; // one line per selector tried that found nothing ("{host="db-1"}: no streams")
    QString planned{}; // the label map's selector, when discovery chose another
    QList<LabelRule> foundRules{}; // the rules that give `selector`, when discovery chose it
    QString plannedLogQl() const { return lineFilter.isEmpty() ? selector : selector + u' ' + lineFilter; }
    QString logQl() const { return edited.isEmpty() ? plannedLogQl() : edited; }
};

// A selector that may find the alert's log streams, with the label-map rules that
// would give it. logCandidates() lists them best first: the label map's choice, the
// map's other groups, then alert labels that Loki may carry under the same name (or an
// instance without its port as host/hostname/node). At most maxLogCandidates; each
// uses only labels with non-empty values, escaped.
struct LogCandidate {
    QString selector;
    QStringList lokiLabels; // the Loki label names it uses
    QList<LabelRule> rules;
};
inline constexpr int maxLogCandidates = 12;
QList<LogCandidate> logCandidates(const Alert &alert, const QList<LabelRule> &rules = defaultLabelRules());
// Every line by default (a word filter hid "Out of memory: Killed process"); with
// `filterLines`, only error-like lines (LogLevel::errorLineFilter()).
LogQuery logQuery(const Alert &alert, const QList<LabelRule> &rules = defaultLabelRules(), bool filterLines = false);

// Grafana Explore showing `logQl` over `window` in the Loki data source `datasourceUid`.
QUrl grafanaExploreUrl(const QUrl &grafana, const QString &datasourceUid, const QString &logQl, const Window &window);

// A label value as a PromQL/LogQL double-quoted string. Both languages read Go's string
// syntax: backslash, quote and control characters are escaped, and U+FFFD (or a lone
// surrogate) is written \uFFFD, since Prometheus refuses that character in a query.
QString quoted(const QString &value);
// The characters of a string literal's body between `quote` characters (", '), escaped
// as quoted() does. Not for `raw` strings: nothing can be escaped there.
QString escapedForString(QStringView value, QChar quote);
// `value` matched literally by an RE2 regular expression (Prometheus's =~ and !~, Loki's
// |~): the metacharacters \.+*?()|[]{}^$ get a backslash, as Go's regexp.QuoteMeta does.
// Nothing else does (RE2 refuses a backslash before a letter or a non-ASCII character).
// The result goes into a query through quoted().
QString regexEscaped(QStringView value);

} // namespace ContextPlan
