#include "context/ChartUnits.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <array>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

using ChartUnits::Unit;

// How values are shown: divided by `divisor`, followed by `suffix`.
struct Scale {
    double divisor = 1;
    QString suffix;
};

Scale siScale(double magnitude)
{
    static const std::array<std::pair<double, const char16_t *>, 9> prefixes{{{1e15, u"P"},
                                                                              {1e12, u"T"},
                                                                              {1e9, u"G"},
                                                                              {1e6, u"M"},
                                                                              {1e3, u"k"},
                                                                              {1, u""},
                                                                              {1e-3, u"m"},
                                                                              {1e-6, u"µ"},
                                                                              {1e-9, u"n"}}};
    if (magnitude == 0 || !std::isfinite(magnitude) || (magnitude >= 0.01 && magnitude < 1000))
        return {};
    for (const auto &[divisor, prefix] : prefixes)
        if (magnitude >= divisor)
            return {divisor, QString::fromUtf16(prefix)};
    return {1e-9, u"n"_s};
}

Scale binaryScale(double magnitude, const QString &perSecond)
{
    static const std::array<const char16_t *, 6> units{u"B", u"KiB", u"MiB", u"GiB", u"TiB", u"PiB"};
    double divisor = 1;
    qsizetype index = 0;
    while (index + 1 < qsizetype(units.size()) && magnitude >= divisor * 1024) {
        divisor *= 1024;
        ++index;
    }
    return {divisor, u' ' + QString::fromUtf16(units.at(index)) + perSecond};
}

Scale secondsScale(double magnitude)
{
    if (magnitude == 0)
        return {1, u" s"_s};
    if (magnitude < 1e-3)
        return {1e-6, u" µs"_s};
    if (magnitude < 1)
        return {1e-3, u" ms"_s};
    if (magnitude < 120)
        return {1, u" s"_s};
    if (magnitude < 7200)
        return {60, u" min"_s};
    if (magnitude < 3 * 86400)
        return {3600, u" h"_s};
    return {86400, u" d"_s};
}

Scale scaleFor(Unit unit, double magnitude)
{
    switch (unit) {
    case Unit::Percent: return {1, u"%"_s};
    case Unit::Ratio: return {0.01, u"%"_s};
    case Unit::Bytes: return binaryScale(magnitude, {});
    case Unit::BytesPerSecond: return binaryScale(magnitude, u"/s"_s);
    case Unit::Seconds: return secondsScale(magnitude);
    case Unit::None: break;
    }
    return siScale(magnitude);
}

// 1, 2, 2.5, 5 or 10 × 10ⁿ, the smallest not below `rough`.
double niceStep(double rough)
{
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double factor : {1.0, 2.0, 2.5, 5.0})
        if (factor * power >= rough * (1 - 1e-9))
            return factor * power;
    return 10 * power;
}

int decimalsFor(double step)
{
    // Enough digits that neighbouring ticks never read the same: 2.5 needs one more.
    int decimals = std::max(0, int(-std::floor(std::log10(step) + 1e-9)));
    const double scaled = step * std::pow(10.0, decimals);
    if (std::abs(scaled - std::round(scaled)) > 1e-6)
        ++decimals;
    return std::min(decimals, 9);
}

} // namespace

namespace ChartUnits {

Unit unitFor(const QString &expression, const QString &title)
{
    // Bounded: expressions are capped before they get here, but a regex over megabytes
    // is still no place to be; the first 16 KiB tell the unit.
    const QString text = expression.left(16 * 1024).toLower();
    static const QRegularExpression timesHundred(uR"((\*\s*100(\.0*)?\b)|(\b100(\.0*)?\s*\*))"_s);
    if (title.trimmed().endsWith(u'%') || text.contains(timesHundred) || text.contains(u"_percent"_s))
        return Unit::Percent;
    if (text.contains(u"_ratio"_s))
        return Unit::Ratio;
    const qsizetype bytes = text.count(u"_bytes"_s);
    const qsizetype seconds = text.count(u"_seconds"_s);
    static const QRegularExpression perSecond(uR"(\b(i?rate|deriv)\s*\()"_s);
    const bool divided = text.contains(u'/');
    if (bytes > 0) {
        if (divided && bytes >= 2 && !text.contains(perSecond))
            return Unit::Ratio; // avail_bytes / size_bytes
        return text.contains(perSecond) ? Unit::BytesPerSecond : Unit::Bytes;
    }
    if (seconds > 0) {
        if (text.contains(u"histogram_quantile"_s) || text.contains(u"_seconds_sum"_s)
            || text.contains(u"_seconds_bucket"_s))
            return Unit::Seconds;
        // CPU seconds per second: the busy fraction.
        if (text.contains(u"_seconds_total"_s) && text.contains(perSecond))
            return Unit::Ratio;
        if (divided && seconds >= 2)
            return Unit::Ratio;
        return Unit::Seconds;
    }
    return Unit::None;
}

Axis axis(double low, double high, Unit unit, int maxTicks)
{
    Axis result;
    if (!std::isfinite(low) || !std::isfinite(high) || low > high) {
        low = 0;
        high = 1;
    }
    const bool nonNegative = low >= 0;
    if (high == low) {
        const double spread = high == 0 ? 1 : std::abs(high) * 0.1;
        low -= spread;
        high += spread;
        if (nonNegative)
            low = std::max(0.0, low);
    }
    // A little room, so that a line on the extreme value is not drawn on the frame;
    // none below zero for data that never goes below it.
    const double pad = (high - low) * 0.05;
    low = nonNegative ? std::max(0.0, low - pad) : low - pad;
    // A share of a whole stops at the whole: CPU at 99.6 % reads against 100 %, not 150 %.
    const double whole = unit == Unit::Percent ? 100
        : unit == Unit::Ratio                  ? 1
                                               : std::numeric_limits<double>::infinity();
    high = high <= whole ? std::min(high + pad, whole) : high + pad;
    const Scale scale = scaleFor(unit, std::max(std::abs(low), std::abs(high)));
    const double lo = low / scale.divisor;
    const double hi = high / scale.divisor;
    maxTicks = std::clamp(maxTicks, 2, 20);
    double step = niceStep((hi - lo) / (maxTicks - 1));
    if (!std::isfinite(step) || step <= 0)
        step = 1;
    double first = std::floor(lo / step) * step;
    if (nonNegative)
        first = std::max(0.0, first);
    double last = std::ceil(hi / step) * step;
    // Rounding outwards can add a tick at each end: widen the step until they fit.
    while (std::round((last - first) / step) + 1 > maxTicks) {
        step = niceStep(step * 1.01);
        first = std::floor(lo / step) * step;
        if (nonNegative)
            first = std::max(0.0, first);
        last = std::ceil(hi / step) * step;
    }
    const int decimals = decimalsFor(step);
    const QLocale locale;
    const qsizetype count = qsizetype(std::round((last - first) / step)) + 1;
    for (qsizetype i = 0; i < count; ++i) {
        double value = first + double(i) * step;
        if (std::abs(value) < step * 1e-9)
            value = 0; // not "-0"
        result.ticks << value * scale.divisor;
        result.labels << locale.toString(value, 'f', decimals) + scale.suffix;
    }
    result.min = result.ticks.constFirst();
    result.max = result.ticks.constLast();
    return result;
}

QString format(double value, Unit unit, int significant)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    const Scale scale = scaleFor(unit, std::abs(value));
    const double shown = value / scale.divisor;
    const double magnitude = std::abs(shown);
    const QLocale locale;
    if (magnitude >= 1e18)
        return locale.toString(shown, 'g', 3) + scale.suffix; // beyond peta: the exponent is the information
    const int digits = magnitude == 0 ? 0 : int(std::floor(std::log10(magnitude))) + 1;
    const int decimals = std::clamp(significant - digits, 0, 9);
    QString text = locale.toString(shown, 'f', decimals);
    if (decimals > 0) {
        while (text.endsWith(locale.zeroDigit()))
            text.chop(1);
        if (text.endsWith(locale.decimalPoint()))
            text.chop(locale.decimalPoint().size());
    }
    if (text == u"-0"_s)
        text = u"0"_s;
    return text + scale.suffix;
}

TimeAxis timeAxis(qint64 fromMs, qint64 toMs, int maxTicks, int utcOffsetSeconds)
{
    TimeAxis result;
    if (toMs <= fromMs)
        return result;
    maxTicks = std::clamp(maxTicks, 2, 20);
    static constexpr std::array<qint64, 22> steps{1,     2,     5,      10,     15,      30,     60,    120,
                                                  300,   600,   900,    1800,   3600,    7200,   10800, 21600,
                                                  43200, 86400, 172800, 604800, 1209600, 2419200};
    const qint64 offsetMs = qint64(utcOffsetSeconds) * 1000;
    qint64 stepMs = steps.back() * 1000;
    for (const qint64 seconds : steps) {
        if ((toMs - fromMs) / (seconds * 1000) + 1 <= maxTicks) {
            stepMs = seconds * 1000;
            break;
        }
    }
    // The first whole step at or after the start, in local time.
    const qint64 localFrom = fromMs + offsetMs;
    qint64 tick = (localFrom / stepMs + (localFrom % stepMs > 0 ? 1 : 0)) * stepMs - offsetMs;
    const qint64 span = toMs - fromMs;
    const QString format = span >= 86'400'000 ? (stepMs >= 86'400'000 ? u"MM-dd"_s : u"MM-dd HH:mm"_s)
        : stepMs < 60'000                     ? u"HH:mm:ss"_s
                                              : u"HH:mm"_s;
    for (; tick <= toMs && result.ticks.size() < maxTicks; tick += stepMs) {
        result.ticks.append(tick);
        result.labels.append(
            QDateTime::fromMSecsSinceEpoch(tick, Qt::OffsetFromUTC, utcOffsetSeconds).toString(format));
    }
    return result;
}

} // namespace ChartUnits
