#include "analysis/AnalysisToolDefinitions.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace AnalysisToolArguments;

namespace AnalysisToolDefinitions {

namespace {

QJsonObject stringProperty(const QString &description)
{
    return {{u"type"_s, u"string"_s}, {u"description"_s, description}};
}

QJsonObject integerProperty(const QString &description, int max)
{
    return {{u"type"_s, u"integer"_s}, {u"minimum"_s, 1}, {u"maximum"_s, max}, {u"description"_s, description}};
}

QJsonObject function(Tool tool, const QString &description, const QJsonObject &properties, const QStringList &required)
{
    QJsonObject parameters{{u"type"_s, u"object"_s}, {u"properties"_s, properties}, {u"additionalProperties"_s, false}};
    parameters.insert(u"required"_s, QJsonArray::fromStringList(required));
    return {{u"type"_s, u"function"_s},
            {u"function"_s,
             QJsonObject{{u"name"_s, toolName(tool)}, {u"description"_s, description}, {u"parameters"_s, parameters}}}};
}

} // namespace

QJsonArray forTools(const QList<Tool> &tools, const Limits &limits)
{
    // Not translated: the model reads them.
    const QString hours = QString::number(limits.maxRangeSeconds / 3600);
    const QString timeForms = u"RFC 3339 (\"2026-12-06T19:00:00Z\"), Unix seconds, \"now\", or back from now: "
                              "\"-1h\", \"-30m\", \"now-2h\""_s;
    const QString start = u"Start of the range: "_s + timeForms
        + u". Default: %1 h before end. The range may be at most %2 h."_s.arg(limits.defaultRangeSeconds / 3600)
              .arg(hours);
    const QString end = u"End of the range, in the same forms as start. Default: now."_s;
    QJsonArray result;
    for (const Tool tool : tools) {
        switch (tool) {
        case Tool::QueryPrometheus:
            result.append(function(
                tool,
                u"Runs a PromQL range query against the Prometheus AlertDeck is configured with (no other host "
                "can be reached). Returns each series' labels, its minimum, maximum, mean and last value, and a "
                "few sampled points. At most %1 h per query."_s.arg(hours),
                {{u"query"_s, stringProperty(u"PromQL expression, e.g. rate(http_requests_total{job=\"api\"}[5m])"_s)},
                 {u"start"_s, stringProperty(start)},
                 {u"end"_s, stringProperty(end)},
                 {u"step"_s,
                  stringProperty(u"Resolution: a duration such as \"15s\", \"1m\", \"5m\". Default: about %1 points. "
                                 "At most 11000 points per series."_s.arg(limits.defaultPoints))}},
                {u"query"_s}));
            break;
        case Tool::QueryLoki:
            result.append(function(
                tool,
                u"Runs a LogQL log query against the Loki AlertDeck is configured with (no other host can be "
                "reached). Returns the newest matching lines of the range, oldest first, with their streams' "
                "labels. At most %1 h per query."_s.arg(hours),
                {{u"query"_s,
                  stringProperty(u"LogQL log query with a stream selector, e.g. {app=\"api\"} |= \"error\""_s)},
                 {u"start"_s, stringProperty(start)},
                 {u"end"_s, stringProperty(end)},
                 {u"limit"_s,
                  integerProperty(u"How many lines at most (the newest). Default: %1."_s.arg(limits.defaultLokiLimit),
                                  limits.maxLokiLimit)}},
                {u"query"_s}));
            break;
        case Tool::ListSeries:
            result.append(function(
                tool,
                u"Lists the series (label sets) a PromQL series selector matches in the configured Prometheus, "
                "to find metric names and label values before querying them."_s,
                {{u"match"_s,
                  stringProperty(u"PromQL series selector, e.g. up{job=\"node\"} or {__name__=~\"http_.*\"}"_s)},
                 {u"start"_s, stringProperty(start)},
                 {u"end"_s, stringProperty(end)}},
                {u"match"_s}));
            break;
        case Tool::AlertHistory:
            result.append(function(
                tool,
                u"Reads earlier occurrences of the alert under analysis from AlertDeck's store: when each "
                "started and ended, newest first."_s,
                {{u"limit"_s,
                  integerProperty(u"How many occurrences at most. Default: %1."_s.arg(limits.defaultHistoryLimit),
                                  limits.maxHistoryLimit)}},
                {}));
            break;
        }
    }
    return result;
}

} // namespace AnalysisToolDefinitions
