#include "context/ContextSummary.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ContextSummary {

namespace {

bool past(double value, double threshold, const QString &comparison)
{
    if (comparison == u">"_s)
        return value > threshold;
    if (comparison == u">="_s)
        return value >= threshold;
    if (comparison == u"<"_s)
        return value < threshold;
    if (comparison == u"<="_s)
        return value <= threshold;
    if (comparison == u"=="_s)
        return value == threshold;
    if (comparison == u"!="_s)
        return value != threshold;
    return false;
}

QString number(double value)
{
    return QString::number(value, 'g', 4);
}

QString timeOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"HH:mm:ss'Z'"_s);
}

QString labelText(const LabelMap &labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << it.key() + u"=\""_s + it.value() + u'"';
    return u'{' + parts.join(u", "_s) + u'}';
}

} // namespace

SeriesStats stats(const Series &series, const std::optional<double> &threshold, const QString &comparison)
{
    SeriesStats result;
    double sum = 0;
    for (const Sample &sample : series.samples) {
        if (std::isnan(sample.value))
            continue;
        if (result.points == 0) {
            result.min = result.max = result.first = sample.value;
        }
        result.min = std::min(result.min, sample.value);
        result.max = std::max(result.max, sample.value);
        result.last = sample.value;
        sum += sample.value;
        ++result.points;
        if (threshold && result.crossedAtMs < 0 && past(sample.value, *threshold, comparison))
            result.crossedAtMs = sample.ms;
    }
    if (result.points > 0)
        result.mean = sum / result.points;
    return result;
}

QString metrics(const QList<ContextPlan::MetricQuery> &queries, const QList<MetricResult> &results,
                int maxSeriesPerQuery)
{
    QStringList out;
    for (qsizetype i = 0; i < queries.size() && i < results.size(); ++i) {
        const ContextPlan::MetricQuery &query = queries.at(i);
        const MetricResult &result = results.at(i);
        out << u"- %1: `%2`"_s.arg(query.title, query.expression)
                + (query.threshold ? u" (threshold %1)"_s.arg(number(*query.threshold)) : QString());
        if (!result.ok) {
            out << u"  error: %1"_s.arg(result.error);
            continue;
        }
        if (result.series.isEmpty()) {
            out << u"  no data in the window"_s;
            continue;
        }
        const QString comparison = query.comparison.isEmpty() ? u">"_s : query.comparison;
        // The series with the highest peaks first: they are the ones that matter.
        QList<std::pair<SeriesStats, const Series *>> ranked;
        for (const Series &series : result.series)
            ranked.append({stats(series, query.threshold, comparison), &series});
        std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first.max > b.first.max; });
        for (qsizetype s = 0; s < ranked.size() && s < maxSeriesPerQuery; ++s) {
            const SeriesStats &st = ranked.at(s).first;
            if (st.points == 0) {
                out << u"  %1: only gaps"_s.arg(labelText(ranked.at(s).second->labels));
                continue;
            }
            QString line = u"  %1: min %2, max %3, mean %4, last %5, change %6 since the window start"_s.arg(
                labelText(ranked.at(s).second->labels), number(st.min), number(st.max), number(st.mean),
                number(st.last), number(st.last - st.first));
            if (st.crossedAtMs >= 0)
                line += u", past the threshold from %1"_s.arg(timeOf(st.crossedAtMs));
            out << line;
        }
        if (ranked.size() > maxSeriesPerQuery)
            out << u"  (%1 more series)"_s.arg(ranked.size() - maxSeriesPerQuery);
    }
    return out.join(u'\n');
}

QString logTemplate(const QString &line)
{
    static const QList<std::pair<QRegularExpression, QString>> masks{
        {QRegularExpression(u"\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?"_s),
         u"<time>"_s},
        {QRegularExpression(u"\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"_s),
         u"<uuid>"_s},
        {QRegularExpression(u"\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?\\b"_s), u"<ip>"_s},
        {QRegularExpression(u"\\b0x[0-9a-fA-F]+\\b"_s), u"<hex>"_s},
        {QRegularExpression(u"\\b[0-9a-f]{12,}\\b"_s), u"<id>"_s},
        {QRegularExpression(u"\\d+(?:\\.\\d+)?"_s), u"<n>"_s},
    };
    QString text = line.simplified();
    for (const auto &[pattern, replacement] : masks)
        text.replace(pattern, replacement);
    return text;
}

LogDigest logDigest(const QList<LogLine> &lines, int characterBudget)
{
    struct Group {
        QString example; // the latest line of the template
        int count = 0;
        qint64 lastNs = 0;
    };
    QHash<QString, Group> groups;
    QStringList order; // first appearance, oldest first
    for (const LogLine &line : lines) {
        const QString key = logTemplate(line.line);
        Group &group = groups[key];
        if (group.count == 0)
            order << key;
        ++group.count;
        group.example = line.line.simplified();
        group.lastNs = line.ns;
    }
    QStringList out;
    int used = 0;
    int leftOut = 0;
    for (const QString &key : std::as_const(order)) {
        const Group &group = groups.value(key);
        QString entry = group.count > 1
            ? u"- (%1×, last %2) %3"_s.arg(group.count).arg(timeOf(group.lastNs / 1'000'000), group.example)
            : u"- (%1) %2"_s.arg(timeOf(group.lastNs / 1'000'000), group.example);
        if (entry.size() > 400)
            entry = entry.left(399) + u'…';
        if (used + entry.size() > characterBudget) {
            leftOut = int(order.size() - out.size());
            out << u"- (%1 more kinds of line left out)"_s.arg(leftOut);
            break;
        }
        used += int(entry.size()) + 1;
        out << entry;
    }
    return {out.join(u'\n'), leftOut};
}

} // namespace ContextSummary
