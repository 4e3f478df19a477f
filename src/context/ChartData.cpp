#include "context/ChartData.h"

#include <cmath>
#include <limits>

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

} // namespace ChartData
