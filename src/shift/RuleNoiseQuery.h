#pragma once

#include "core/Result.h"
#include "shift/NoiseReport.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// NoiseReport's measures computed in SQL on the store, shared by the handover report
// (its "noisiest rules") and the noise report: per alert first (the primary key's order),
// then per rule, so each alert's JSON is read once and nothing grows with the number of
// occurrences but SQLite's own aggregation.
class RuleNoiseQuery final
{
public:
    // One alert rule and severity over the window [fromMs, toMs).
    struct Row {
        QString rule; // the alert name ('' when the alert has none)
        QString severity; // as stored
        int fired = 0; // occurrences that started in the window
        int ended = 0; // occurrences that ended (resolved) in the window
        int closed = 0; // started in the window and resolved
        int quick = 0; // of `closed`, lasting at most NoiseReport::quickResolveMs
        qint64 latestStartMs = -1; // of the ones that started in it; -1: none
    };
    struct Ranking {
        QList<NoiseReport::RuleStats> rules; // at most the limit asked for, noisiest first
        int rulesTotal = 0; // rules that fired in the window
        QHash<QString, int> closedByRule; // of the listed rules, for medianDurations
    };

    RuleNoiseQuery(const QSqlDatabase &db, qint64 fromMs, qint64 toMs);

    Result<QList<Row>> rows() const;
    // NoiseReport's order (firings, then flaps per hour, then name) and its measures but
    // the median duration, the trend and the acknowledgements; only rules that fired.
    Ranking rank(const QList<Row> &rows, int limit) const;
    // The median of each listed rule's resolved occurrences, as NoiseReport takes it (the
    // element at n/2 of the sorted durations): one indexed sort per rule.
    Result<> medianDurations(Ranking &ranking) const;

    static QString readError(const QString &detail);

private:
    QSqlDatabase m_db;
    qint64 m_from;
    qint64 m_to;
};
