#pragma once

#include "core/Result.h"
#include "model/Alert.h"
#include "model/AlertFilter.h"
#include "model/AlertKey.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

// The alerts table read by state and last update: the store keeps only its working set
// in memory (firing alerts and those resolved recently) and reads the rest from disk on
// demand. State and last update live inside each alert's JSON; one index on those two
// expressions finds the working set, the aged-out alerts and the newest history without
// reading every row, and needs no new column (the schema version stays as it is).
namespace WorkingSetQueries {

// Creates the index when it is missing. On a store written by an earlier version this
// reads every alert once (a few seconds for a million), then never again.
Result<> createIndex(const QSqlDatabase &db);

// Firing alerts, and resolved alerts last updated at or after `cutoff`.
Result<QList<Alert>> workingSet(const QSqlDatabase &db, const QDateTime &cutoff);

// Resolved alerts last updated before `cutoff`, at most `limit` (retention).
Result<QList<AlertKey>> resolvedBefore(const QSqlDatabase &db, const QDateTime &cutoff, int limit);

// Older history: resolved alerts last updated before `cutoff` that match `filter`,
// latest update first, at most `limit`. `more`: the search stopped before it had seen
// every candidate (the limit, or `maxExamined` candidates read without enough matches).
struct HistoryPage {
    QList<Alert> alerts;
    bool more = false;
};
inline constexpr int maxExamined = 50'000;
Result<HistoryPage> searchResolvedBefore(const QSqlDatabase &db, const AlertFilter &filter, const QDateTime &cutoff,
                                         int limit);

// The same on a read-only connection of its own to the store file, for any thread: a
// long search of a large history never holds up the writes (WAL lets both run).
Result<HistoryPage> searchStoreFile(const QString &filePath, const AlertFilter &filter, const QDateTime &cutoff,
                                    int limit);

// How the index's last-update expression orders a time: the text the alert JSON holds.
QString storedTime(const QDateTime &time);

} // namespace WorkingSetQueries
