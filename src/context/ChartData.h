#pragma once

#include "context/ContextData.h"

#include <QList>

// Series made ready to draw: gaps (NaN) split the line, and long series are
// thinned with Largest-Triangle-Three-Buckets, which keeps peaks and dips that a
// plain stride would drop. For drawing only; statistics use every sample.
namespace ChartData {

// Runs of consecutive non-NaN samples.
QList<QList<Sample>> segments(const QList<Sample> &samples);
// At most `threshold` samples (≥ 3), the first and last always kept.
QList<Sample> lttb(const QList<Sample> &samples, int threshold);
// Highest non-NaN value; -inf when there is none (for ranking series by peak).
double peak(const Series &series);
// A cached range extended by a newer answer for its tail: samples of `tail` after
// each series' last cached one are appended (series matched by labels, new ones
// added), and samples before `fromMs` dropped. Linear in the samples.
MetricResult mergeTail(const MetricResult &cached, const MetricResult &tail, qint64 fromMs);
// The series whose labels are the alert's: none of its labels contradicts the alert's,
// and it shares the most with them (at least one; a lone series is the alert's).
// -1 when none fits.
int alertSeries(const QList<Series> &series, const LabelMap &alertLabels);
// Index of the sample nearest to `ms` in time-ordered samples (binary search); -1 if empty.
qsizetype nearest(const QList<Sample> &samples, qint64 ms);

} // namespace ChartData
