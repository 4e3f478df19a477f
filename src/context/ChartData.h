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

} // namespace ChartData
