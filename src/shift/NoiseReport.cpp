#include "shift/NoiseReport.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool startsIn(const NoiseReport::Occurrence &occurrence, qint64 fromMs, qint64 toMs)
{
    return occurrence.startMs >= fromMs && occurrence.startMs < toMs;
}

// A YAML double-quoted scalar: backslash escapes for quotes, backslashes and control
// characters, so any text stays one value.
QString yamlQuoted(const QString &text)
{
    QString out = u"\""_s;
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else if (c == u'\n')
            out += u"\\n"_s;
        else if (c == u'\t')
            out += u"\\t"_s;
        else if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() < 0xa0) || c.unicode() == 0x2028
                 || c.unicode() == 0x2029 || c.category() == QChar::Other_Format) // YAML reads some as line breaks
            out += u"\\u%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'));
        else
            out += c;
    }
    return out + u'"';
}

} // namespace

QList<NoiseReport::RuleStats> NoiseReport::rank(const QList<Occurrence> &occurrences, qint64 fromMs, qint64 toMs)
{
    struct Accumulator {
        RuleStats stats;
        QList<qint64> durations;
        int transitions = 0;
        int quick = 0;
        int unacknowledged = 0;
        qint64 latestStart = -1;
    };
    QHash<QString, Accumulator> byRule;
    const qint64 span = std::max<qint64>(1, toMs - fromMs);
    for (const Occurrence &occurrence : occurrences) {
        const bool started = startsIn(occurrence, fromMs, toMs);
        const bool ended = occurrence.endMs >= fromMs && occurrence.endMs < toMs;
        if (!started && !ended)
            continue;
        Accumulator &rule = byRule[occurrence.rule];
        if (rule.stats.trend.isEmpty()) {
            rule.stats.rule = occurrence.rule;
            rule.stats.trend = QList<int>(trendBuckets, 0);
        }
        rule.transitions += (started ? 1 : 0) + (ended ? 1 : 0);
        if (!started)
            continue;
        ++rule.stats.firings;
        rule.stats.trend[int((occurrence.startMs - fromMs) * trendBuckets / span)] += 1;
        if (occurrence.endMs >= occurrence.startMs) {
            const qint64 duration = occurrence.endMs - occurrence.startMs;
            rule.durations.append(duration);
            rule.quick += duration <= quickResolveMs ? 1 : 0;
        }
        rule.unacknowledged += occurrence.acknowledged ? 0 : 1;
        if (occurrence.startMs > rule.latestStart) {
            rule.latestStart = occurrence.startMs;
            if (!occurrence.expression.isEmpty())
                rule.stats.expression = occurrence.expression;
            rule.stats.severity = occurrence.severity;
        }
    }
    QList<RuleStats> ranked;
    ranked.reserve(byRule.size());
    const double hours = span / 3'600'000.0;
    for (Accumulator &rule : byRule) {
        RuleStats stats = std::move(rule.stats);
        stats.flapsPerHour = rule.transitions / hours;
        if (!rule.durations.isEmpty()) {
            const qsizetype middle = rule.durations.size() / 2;
            std::nth_element(rule.durations.begin(), rule.durations.begin() + middle, rule.durations.end());
            stats.medianDurationMs = rule.durations.at(middle);
            stats.resolvedWithin5Min = double(rule.quick) / rule.durations.size();
        }
        if (stats.firings > 0)
            stats.neverAcknowledged = double(rule.unacknowledged) / stats.firings;
        ranked.append(std::move(stats));
    }
    std::sort(ranked.begin(), ranked.end(), [](const RuleStats &a, const RuleStats &b) {
        if (a.firings != b.firings)
            return a.firings > b.firings;
        if (a.flapsPerHour != b.flapsPerHour)
            return a.flapsPerHour > b.flapsPerHour;
        return a.rule < b.rule;
    });
    return ranked;
}

NoiseReport::WhatIf NoiseReport::whatIf(const QList<Occurrence> &occurrences, const QString &rule,
                                        std::chrono::seconds extraFor, qint64 fromMs, qint64 toMs)
{
    WhatIf result;
    result.extraFor = extraFor;
    const qint64 extraMs = std::chrono::milliseconds(extraFor).count();
    result.delayEachMs = extraMs;
    for (const Occurrence &occurrence : occurrences) {
        if (occurrence.rule != rule || !startsIn(occurrence, fromMs, toMs))
            continue;
        ++result.notificationsBefore;
        const qint64 end = occurrence.endMs >= 0 ? occurrence.endMs : toMs;
        if (end - occurrence.startMs >= extraMs) {
            ++result.notificationsAfter;
            result.delayCostMs += extraMs;
        }
    }
    return result;
}

QString NoiseReport::promDuration(std::chrono::seconds duration)
{
    qint64 seconds = duration.count();
    if (seconds <= 0)
        return u"0s"_s;
    QString text;
    for (const auto &[unit, size] : {std::pair{u'd', 86400}, std::pair{u'h', 3600}, std::pair{u'm', 60}}) {
        if (seconds >= size) {
            text += QString::number(seconds / size) + unit;
            seconds %= size;
        }
    }
    if (seconds > 0)
        text += QString::number(seconds) + u's';
    return text;
}

QString NoiseReport::ruleSnippet(const RuleStats &rule, std::chrono::seconds newFor)
{
    QString yaml = u"- alert: %1\n"_s.arg(yamlQuoted(rule.rule));
    yaml += u"  expr: %1\n"_s.arg(
        yamlQuoted(rule.expression.isEmpty() ? tr("<the rule's expression>") : rule.expression));
    yaml += u"  for: %1\n"_s.arg(promDuration(newFor));
    if (!rule.severity.isEmpty())
        yaml += u"  labels:\n    severity: %1\n"_s.arg(yamlQuoted(rule.severity));
    return yaml;
}
