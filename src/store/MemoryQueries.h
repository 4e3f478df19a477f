#pragma once

#include "core/Result.h"
#include "incidents/IncidentRules.h"
#include "incidents/ResolutionNote.h"
#include "incidents/SeenBefore.h"
#include "model/Alert.h"
#include "model/AlertKey.h"

#include <QHash>
#include <QSqlDatabase>

#include <utility>

// The store's memory (schema 6): resolution notes, incident pins, each occurrence's
// incident anchor, and the word and scope index "seen before" searches. Works on the
// AlertStore's connection, on the store thread; the store owns it.
class MemoryQueries final
{
public:
    using Pins = QHash<OccurrenceKey, OccurrenceKey>;

    explicit MemoryQueries(const QSqlDatabase &db);

    // Indexes added within schema 6, created at every open (a no-op once there; on a big
    // store written by an earlier build of schema 6, built once).
    static QStringList laterIndexStatements();
    // Schema 6 on top of schema 5, run in the upgrade's transaction.
    static QStringList upgradeStatements(const QSqlDatabase &db);

    Result<ResolutionNote> note(const OccurrenceKey &occurrence) const;
    // Replaces the note of each occurrence, all or none.
    Result<> saveNote(const QList<OccurrenceKey> &occurrences, const ResolutionNote &note, const QDateTime &now);

    Result<Pins> pins() const;
    // Replaces the whole set, and moves each pinned occurrence to its anchor's incident.
    Result<> savePins(const Pins &pins);

    // Indexes the words and scope tokens of up to `limit` alerts written since the last
    // step (in one transaction); returns how many it indexed: fewer than `limit` means it
    // caught up. `scopes` are the incident rules' (scope tokens depend on them).
    Result<int> indexStep(int limit, const IncidentRules &rules);
    // Forgets the index position when the scopes differ from those it was built with,
    // so the next steps index everything again.
    Result<> useScopes(const IncidentRules &rules);

    // The occurrences a correlator must know to place what comes next: the members of
    // every incident with an occurrence that started within `horizonMs` of the newest
    // start. Each with its stored anchor, in start order; at most `limit`.
    Result<QList<std::pair<Alert, OccurrenceKey>>> recentIncidentMembers(qint64 horizonMs, int limit) const;

    // The "seen before" card for one alert or an incident's members (worst first).
    SeenBefore::Report seenBefore(const QList<Alert> &alerts, const IncidentRules &rules) const;

    // Retention: notes and pins of occurrences gone, words and scopes of alerts gone.
    Result<> removeOrphans(const QList<AlertKey> &removedAlerts);

private:
    QSqlDatabase m_db;
};
