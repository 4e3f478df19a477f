#include "context/ChartData.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// Labels as one hashable string; the separators cannot occur in Prometheus label names.
QString identity(const LabelMap &labels)
{
    QString text;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        text += it.key() + u'\x1f' + it.value() + u'\x1e';
    return text;
}

} // namespace

namespace ChartData {

QList<QList<Sample>> segments(const QList<Sample> &samples)
{
    QList<QList<Sample>> result;
    QList<Sample> current;
    for (const Sample &sample : samples) {
        if (std::isnan(sample.value)) {
            if (!current.isEmpty())
                result.append(std::exchange(current, {}));
            continue;
        }
        current.append(sample);
    }
    if (!current.isEmpty())
        result.append(current);
    return result;
}

QList<Sample> lttb(const QList<Sample> &samples, int threshold)
{
    const qsizetype count = samples.size();
    if (threshold < 3 || count <= threshold)
        return samples;
    QList<Sample> result;
    result.reserve(threshold);
    const double bucketSize = double(count - 2) / (threshold - 2);
    qsizetype chosen = 0;
    result.append(samples.first());
    for (int bucket = 0; bucket < threshold - 2; ++bucket) {
        // The average of the next bucket is the third corner of the triangle.
        const qsizetype nextStart = qsizetype(std::floor((bucket + 1) * bucketSize)) + 1;
        const qsizetype nextEnd = std::min<qsizetype>(qsizetype(std::floor((bucket + 2) * bucketSize)) + 1, count);
        double averageX = 0;
        double averageY = 0;
        for (qsizetype i = nextStart; i < nextEnd; ++i) {
            averageX += double(samples.at(i).ms);
            averageY += samples.at(i).value;
        }
        const qsizetype nextCount = std::max<qsizetype>(1, nextEnd - nextStart);
        averageX /= double(nextCount);
        averageY /= double(nextCount);

        const qsizetype start = qsizetype(std::floor(bucket * bucketSize)) + 1;
        const qsizetype end = qsizetype(std::floor((bucket + 1) * bucketSize)) + 1;
        const Sample &a = samples.at(chosen);
        double largestArea = -1;
        qsizetype next = start;
        for (qsizetype i = start; i < end; ++i) {
            const double area = std::abs((double(a.ms) - averageX) * (samples.at(i).value - a.value)
                                         - (double(a.ms) - double(samples.at(i).ms)) * (averageY - a.value));
            if (area > largestArea) {
                largestArea = area;
                next = i;
            }
        }
        result.append(samples.at(next));
        chosen = next;
    }
    result.append(samples.last());
    return result;
}

double peak(const Series &series)
{
    double best = -std::numeric_limits<double>::infinity();
    for (const Sample &sample : series.samples)
        if (!std::isnan(sample.value))
            best = std::max(best, sample.value);
    return best;
}

MetricResult mergeTail(const MetricResult &cached, const MetricResult &tail, qint64 fromMs)
{
    if (!cached.ok)
        return tail;
    if (!tail.ok)
        return cached;
    MetricResult merged = cached;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < merged.series.size(); ++i)
        index.insert(identity(merged.series.at(i).labels), i);
    for (const Series &newer : tail.series) {
        const QString key = identity(newer.labels);
        const auto it = index.constFind(key);
        if (it == index.cend()) {
            index.insert(key, merged.series.size());
            merged.series.append(newer);
            continue;
        }
        QList<Sample> &samples = merged.series[*it].samples;
        const qint64 last = samples.isEmpty() ? std::numeric_limits<qint64>::min() : samples.constLast().ms;
        for (const Sample &sample : newer.samples)
            if (sample.ms > last)
                samples.append(sample);
    }
    for (Series &series : merged.series) {
        const auto keep = std::lower_bound(series.samples.cbegin(), series.samples.cend(), fromMs,
                                           [](const Sample &s, qint64 ms) { return s.ms < ms; });
        series.samples.erase(series.samples.cbegin(), keep);
    }
    merged.series.removeIf([](const Series &series) { return series.samples.isEmpty(); });
    return merged;
}

int alertSeries(const QList<Series> &series, const LabelMap &alertLabels)
{
    if (series.size() == 1)
        return 0;
    int best = -1;
    int bestShared = 0;
    for (qsizetype i = 0; i < series.size(); ++i) {
        const LabelMap &labels = series.at(i).labels;
        int shared = 0;
        bool contradicts = false;
        for (auto it = labels.cbegin(); it != labels.cend() && !contradicts; ++it) {
            const auto alertValue = alertLabels.constFind(it.key());
            if (alertValue == alertLabels.cend())
                continue;
            if (*alertValue == it.value())
                ++shared;
            else
                contradicts = true;
        }
        if (!contradicts && shared > bestShared) {
            best = int(i);
            bestShared = shared;
        }
    }
    return best;
}

qsizetype nearest(const QList<Sample> &samples, qint64 ms)
{
    if (samples.isEmpty())
        return -1;
    const auto after
        = std::lower_bound(samples.cbegin(), samples.cend(), ms, [](const Sample &s, qint64 t) { return s.ms < t; });
    if (after == samples.cend())
        return samples.size() - 1;
    if (after == samples.cbegin())
        return 0;
    const auto before = after - 1;
    return (ms - before->ms <= after->ms - ms ? before : after) - samples.cbegin();
}

} // namespace ChartData
