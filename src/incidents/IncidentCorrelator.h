#pragma once

#include "incidents/IncidentRules.h"
#include "model/Alert.h"
#include "model/AlertKey.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// Groups alert occurrences into incidents as they arrive (in start order or close to
// it), by IncidentRules: a shared group key or topology scope within the window, while
// the incident is still open. Each alert costs a few hash lookups (no scan of the
// incidents), so a storm of 50,000 alerts on one host stays linear.
//
// An incident is known by its anchor: the occurrence that started it. Anchors are
// stable across restarts (the same history gives the same anchors), which is what
// manual merges and splits are stored against: a pinned occurrence joins its anchor's
// incident whatever the rules say, and nothing else ever takes it from there.
class IncidentCorrelator final
{
public:
    using IncidentId = int; // index into incidents(); valid for this correlator's life

    struct Incident {
        IncidentId id = -1;
        OccurrenceKey anchor;
        QList<OccurrenceKey> members; // in arrival order
        qint64 firstStartMs = 0;
        qint64 lastStartMs = 0;
        qint64 lastEndMs = 0; // the latest end among resolved members
        int unresolved = 0; // members still firing
        Severity worst = Severity::Other;
        QString worstName; // the name of the first member with the worst severity
        LabelMap scope; // the scope labels every member shares (for the title and filters)
        QString groupKey; // the first member's

        bool isFiring() const { return unresolved > 0; }
        // Still taking members at `ms`: something fires, or the last end is recent.
        bool isOpenAt(qint64 ms, qint64 quietMs) const { return unresolved > 0 || ms < lastEndMs + quietMs; }
    };

    explicit IncidentCorrelator(const IncidentRules &rules = {});

    const IncidentRules &rules() const { return m_rules; }

    // What an incident's totals need of each member, so a split can recount them.
    struct Member {
        IncidentId incident = -1;
        qint64 startMs = 0;
        qint64 endMs = 0;
        bool resolved = false;
        Severity severity = Severity::Other;
        QString name;
        LabelMap scope;
        int row = -1; // its place in its incident's members
        int tag = -1; // the owner's: a model keeps the index of its copy of the alert here
    };
    // Where an occurrence goes, worked out without changing anything (a model announces
    // the row before it exists), then committed.
    struct Placement {
        OccurrenceKey key;
        bool known = false; // seen before: only its state is updated (`member` has its row and tag)
        IncidentId incident = -1; // the incident it joins or is in; -1: a new one
        OccurrenceKey anchor; // of the new incident
        Member member;
        QStringList tokens;
        QString groupKey;
    };
    Placement place(const Alert &alert) const;
    // `tag` is kept with a new member (see Member::tag).
    IncidentId commit(const Placement &placement, int tag = -1);
    // Adds an occurrence, or updates one seen before (its resolution): returns its incident.
    IncidentId add(const Alert &alert) { return commit(place(alert)); }
    // A member occurrence, or null.
    const Member *member(const OccurrenceKey &occurrence) const;
    std::optional<IncidentId> incidentOf(const OccurrenceKey &occurrence) const;
    const Incident &incident(IncidentId id) const { return m_incidents.at(id); }
    const QList<Incident> &incidents() const { return m_incidents; }
    // Incidents that still have members (merges leave empty ones behind).
    QList<IncidentId> liveIncidents() const;

    // Manual corrections, kept as pins (occurrence → anchor) for the store.
    // Moves every member of `others` into `into`; returns false when nothing moved.
    bool merge(IncidentId into, const QList<IncidentId> &others);
    // Moves `occurrence` out into an incident of its own; false when it is alone already.
    bool split(const OccurrenceKey &occurrence);
    // Pins read back from the store, before the history is added.
    void setPins(const QHash<OccurrenceKey, OccurrenceKey> &pins) { m_pins = pins; }
    const QHash<OccurrenceKey, OccurrenceKey> &pins() const { return m_pins; }

    // The scope tokens an alert has under `scopes` (one per scope it fills), for tests
    // and for the seen-before matcher: "0\x1fdb-1", "1\x1fshop\x1fapi-1"…
    static QStringList scopeTokens(const Alert &alert, const QList<IncidentRules::Scope> &scopes,
                                   LabelMap *scopeLabels = nullptr);
    // A label value as scopes compare it: without a trailing ":port", cut to a bound.
    static QString scopeValue(const QString &value);

private:
    IncidentId newIncident(const OccurrenceKey &anchor);
    void join(IncidentId id, const OccurrenceKey &key, const Member &member, const QStringList &tokens,
              const QString &groupKey);
    // Adds one member's share to the incident's totals.
    static void count(Incident &incident, const Member &member, bool first);
    void recount(Incident &incident) const;
    std::optional<IncidentId> matchByRules(const Alert &alert, qint64 startMs, const QStringList &tokens) const;
    bool takes(const Incident &incident, qint64 startMs) const;

    IncidentRules m_rules;
    QList<IncidentRules::Scope> m_scopes;
    qint64 m_windowMs;
    qint64 m_quietMs;
    QList<Incident> m_incidents;
    QHash<OccurrenceKey, Member> m_members;
    QHash<OccurrenceKey, IncidentId> m_byAnchor;
    QHash<QString, IncidentId> m_latestByToken; // the newest incident with that scope value
    QHash<QString, IncidentId> m_latestByGroupKey;
    QHash<OccurrenceKey, OccurrenceKey> m_pins; // occurrence → the anchor it was put with
};
