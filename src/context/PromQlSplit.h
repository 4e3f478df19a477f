#pragma once

#include <QString>

#include <optional>

// What to plot for an alerting expression: the value side, with the threshold split
// off so it can be drawn as a line. "rate(x[5m]) > 0.5" plots "rate(x[5m])" with a
// threshold of 0.5; "x > 90 and on() hour() > 8" plots "x and on() hour() > 8" (the
// filtering clause is kept, the threshold is 90); "0.995 > avail" is read as
// "avail < 0.995". An expression without a numeric comparison is plotted as it is.
struct PromQlSplit {
    QString valueExpression;
    std::optional<double> threshold;
    QString comparison; // ">", ">=", "<", "<=", "==", "!=" as seen from the value side; empty: none
};

namespace PromQlSplitter {
PromQlSplit split(const QString &expression);
}
