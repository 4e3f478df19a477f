// AnalysisToolArguments::parse (a model's tool call arguments): whatever the model
// sends, a call is either refused with a short message or becomes a request within the
// limits: a range of at most 24 h that ends no later than now (plus the clock skew),
// at most 11,000 points, limits within their caps, a non-empty bounded query.
//
// Input: one byte picks the tool name (or an unknown one), the rest is the arguments.

#include "FuzzSupport.h"
#include "analysis/AnalysisToolArguments.h"

#include <QJsonValue>

using namespace AnalysisToolArguments;

namespace {

void checkWindow(const ContextPlan::Window &window, const QDateTime &now, const Limits &limits, bool stepped)
{
    FUZZ_CHECK(window.start.isValid() && window.end.isValid());
    FUZZ_CHECK(window.start < window.end);
    FUZZ_CHECK(window.start.secsTo(window.end) <= limits.maxRangeSeconds);
    FUZZ_CHECK(window.end.secsTo(now) >= -limits.allowedClockSkewSeconds);
    if (stepped) {
        FUZZ_CHECK(window.stepSeconds >= 1);
        FUZZ_CHECK(window.points() <= 11'000);
    }
}

void checkQuery(const QString &query, const Limits &limits)
{
    FUZZ_CHECK(!query.trimmed().isEmpty());
    FUZZ_CHECK(query.size() <= limits.maxQueryLength);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 70'000)
        return 0; // past the argument limit only the size check runs
    FuzzInput input(data, size);
    static const QString names[]
        = {QStringLiteral("query_prometheus"), QStringLiteral("query_loki"), QStringLiteral("list_series"),
           QStringLiteral("alert_history"), QStringLiteral("rm_rf")};
    const QString &name = names[input.byte() % 5];
    const QString arguments = QString::fromUtf8(input.rest());
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'795'320'000, Qt::UTC);
    const Limits limits;

    const Parsed parsed = parse(name, arguments, now, limits);
    if (!parsed.ok()) {
        const QString message = parsed.refusal.forModel();
        FUZZ_CHECK(!message.isEmpty());
        FUZZ_CHECK(message.size() < 1'000); // the model's own text is quoted short
        return 0;
    }
    FUZZ_CHECK(toolFromName(name).has_value());
    if (const auto *query = std::get_if<PrometheusQuery>(&*parsed.request)) {
        checkQuery(query->query, limits);
        checkWindow(query->window, now, limits, true);
    } else if (const auto *logs = std::get_if<LokiQuery>(&*parsed.request)) {
        checkQuery(logs->query, limits);
        checkWindow(logs->window, now, limits, false);
        FUZZ_CHECK(logs->limit >= 1 && logs->limit <= limits.maxLokiLimit);
    } else if (const auto *series = std::get_if<SeriesQuery>(&*parsed.request)) {
        checkQuery(series->match, limits);
        checkWindow(series->window, now, limits, false);
    } else if (const auto *history = std::get_if<HistoryQuery>(&*parsed.request)) {
        FUZZ_CHECK(history->limit >= 1 && history->limit <= limits.maxHistoryLimit);
    }
    // A time read on its own never lands outside what a QDateTime can hold.
    if (const std::optional<QDateTime> time = parseTime(QJsonValue(arguments), now))
        FUZZ_CHECK(time->isValid());
    return 0;
}
