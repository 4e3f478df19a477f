#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Units for a chart's values, read from the metric names and the expression
// (`_bytes` → KiB/MiB/GiB, `_seconds` → ms/s/min, `* 100` → %, a ratio → %), and
// the y axis drawn with them: "nice" ticks (1, 2, 2.5, 5 × 10ⁿ), one scale per axis,
// SI prefixes instead of scientific notation, never padded below zero for data that
// never goes below it. Pure and cheap: the hover text is formatted with it too.
namespace ChartUnits {

enum class Unit { None, Percent, Ratio, Bytes, BytesPerSecond, Seconds };

// From the expression (and a chart title ending in "%", like "CPU busy %").
Unit unitFor(const QString &expression, const QString &title = {});

struct Axis {
    double min = 0;
    double max = 1;
    QList<double> ticks; // in data units, ascending, min..max
    QStringList labels; // parallel to ticks, all different
};
// An axis covering [low, high] with at most maxTicks ticks.
Axis axis(double low, double high, Unit unit, int maxTicks = 6);

// One value with its unit, `significant` digits at most (trailing zeros dropped):
// "1.46 GiB", "93.2%", "250 ms", "12.3k", "80%".
QString format(double value, Unit unit, int significant = 3);

struct TimeAxis {
    QList<qint64> ticks; // ms since the epoch, ascending, within the range
    QStringList labels; // parallel to ticks, all different
};
// Ticks on whole local seconds, minutes, hours or days (every 1, 2, 5, 10, 15 or 30 s or
// min, 1, 2, 3, 6 or 12 h, 1 or 2 days, a week) between fromMs and toMs, at most maxTicks,
// read at `utcOffsetSeconds` from UTC: 19:25, 19:30… rather than 19:22, 19:27….
TimeAxis timeAxis(qint64 fromMs, qint64 toMs, int maxTicks, int utcOffsetSeconds);

} // namespace ChartUnits
