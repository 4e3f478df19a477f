#pragma once

#include "model/AlertKey.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <chrono>

// The noise report: per alert rule over a period, how often it fired, how much it
// flapped, how long it lasted, how often it went away on its own within 5 minutes and
// how often nobody acknowledged it; ranked noisiest first. And the what-if for a longer
// `for:`: which notifications would not have happened, and what the rest would cost in
// delay. Pure: it works on stored occurrences handed in (on a worker thread).
class NoiseReport final
{
    Q_DECLARE_TR_FUNCTIONS(NoiseReport)

public:
    // One stored occurrence.
    struct Occurrence {
        QString rule; // the alert name
        AlertKey alert;
        qint64 startMs = 0;
        qint64 endMs = -1; // -1: still firing
        bool acknowledged = false; // acknowledged or silenced at some point
        QString expression; // the rule's PromQL when the sender gave it
        QString severity;
    };
    struct RuleStats {
        QString rule;
        int firings = 0; // occurrences that started in the period
        double flapsPerHour = 0; // starts and ends in the period, per hour of it
        qint64 medianDurationMs = -1; // of the resolved ones; -1: none resolved
        double resolvedWithin5Min = 0; // share of the resolved ones, 0..1
        double neverAcknowledged = 0; // share of the firings, 0..1
        QList<int> trend; // firings per bucket over the period (trendBuckets)
        QString expression; // the latest one seen
        QString severity;
    };
    struct WhatIf {
        std::chrono::seconds extraFor{};
        int notificationsBefore = 0;
        int notificationsAfter = 0;
        qint64 delayCostMs = 0; // in total, over the notifications that remain
        // The remaining notifications each come this much later (the extra `for:`).
        qint64 delayEachMs = 0;
    };

    static constexpr int trendBuckets = 24;
    static constexpr qint64 quickResolveMs = 5 * 60 * 1000;

    // Rules ranked noisiest first: firings, then flaps, then name. `fromMs` < `toMs`.
    static QList<RuleStats> rank(const QList<Occurrence> &occurrences, qint64 fromMs, qint64 toMs);
    // What a `for:` longer by `extraFor` would have done to `rule`'s notifications in the
    // period: occurrences shorter than it never notify (a firing one counts its time up
    // to `toMs`); the others notify that much later. The stored times already include
    // the rule's present `for:`.
    static WhatIf whatIf(const QList<Occurrence> &occurrences, const QString &rule, std::chrono::seconds extraFor,
                         qint64 fromMs, qint64 toMs);
    // The rule as a Prometheus alerting rule with the new `for:` (YAML, every value quoted
    // or in a block so no label or expression text can break out of it).
    static QString ruleSnippet(const RuleStats &rule, std::chrono::seconds newFor);
    // "10m", "1h30m": Prometheus's duration format.
    static QString promDuration(std::chrono::seconds duration);
};
