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
    // Longer than PromQlSplitter::maxExpressionLength: not analysed. valueExpression is
    // the expression as it came (trimmed), with no threshold.
    bool tooLong = false;
};

namespace PromQlSplitter {
// Alerting rules are rarely longer than a few thousand characters; a longer
// expression (a hostile or generated one) is kept but not analysed. The cost of a
// split is linear in the length, so this bounds it to well under a millisecond.
inline constexpr qsizetype maxExpressionLength = 16 * 1024;

struct Options {
    qsizetype maxLength = maxExpressionLength; // in UTF-16 code units, after trimming
    // Test hook: incremented for every character the splitter examines, so that a test
    // can show the work is proportional to the length without timing anything.
    qsizetype *steps = nullptr;
};

PromQlSplit split(const QString &expression, const Options &options = {});
} // namespace PromQlSplitter
