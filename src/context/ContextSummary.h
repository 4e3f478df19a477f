#pragma once

#include "context/ContextData.h"
#include "context/ContextPlan.h"

#include <QString>

// The context in a few hundred words for the analysis prompt: per series of each
// query its min / max / mean / last, the change since the window's start and when
// the threshold was crossed; log lines deduplicated by template (numbers, ids and
// addresses masked) with counts, within a character budget.
namespace ContextSummary {

struct SeriesStats {
    int points = 0;
    double min = 0, max = 0, mean = 0, first = 0, last = 0;
    qint64 crossedAtMs = -1; // first sample past the threshold; -1: never (or no threshold)
};
SeriesStats stats(const Series &series, const std::optional<double> &threshold, const QString &comparison);

QString metrics(const QList<ContextPlan::MetricQuery> &queries, const QList<MetricResult> &results,
                int maxSeriesPerQuery = 5);

// "2026-11-22 03:59:04 ERROR db 10.0.3.7:5432 refused" → "<time> ERROR db <ip> refused".
QString logTemplate(const QString &line);
// Log lines grouped by template, newest example of each, within the budget; a last
// line says how many kinds did not fit.
struct LogDigest {
    QString text;
    int kindsLeftOut = 0;
};
LogDigest logDigest(const QList<LogLine> &lines, int characterBudget = 4000);
inline QString logs(const QList<LogLine> &lines, int characterBudget = 4000)
{
    return logDigest(lines, characterBudget).text;
}

} // namespace ContextSummary
