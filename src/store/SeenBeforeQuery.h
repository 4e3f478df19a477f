#pragma once

#include "incidents/IncidentRules.h"
#include "incidents/SeenBefore.h"

#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

// One "seen before" card read from the store (schema 6), for one alert or an incident's
// members worst first. Every query is bounded (LIMIT) and indexed; a text query made of
// nothing worth searching skips the full-text step. Used once, on the store thread.
class SeenBeforeQuery final
{
public:
    SeenBeforeQuery(const QSqlDatabase &db, const IncidentRules &rules);

    SeenBefore::Report run(const QList<Alert> &alerts);

    // "alert name␟scope token" for each scope the alert fills: what alert_scopes keys.
    // The name is bounded like a scope value, so hostile names cannot make huge keys.
    static QStringList nameScopeTokens(const Alert &alert, const QList<IncidentRules::Scope> &scopes);

    // The first match reasons are gathered this many at most per member (notes first).
    static constexpr int perAlert = 5;

private:
    struct Candidate {
        SeenBefore::Reason reason;
        OccurrenceKey occurrence;
        bool noted = false;
        double rank = 0;
        std::optional<OccurrenceKey> anchor; // its incident (none for history before schema 6)
    };

    std::optional<OccurrenceKey> anchorOf(const OccurrenceKey &occurrence) const;
    // In the incident asked about (or one of its occurrences): never a match.
    bool isCurrent(const OccurrenceKey &occurrence, std::optional<OccurrenceKey> *anchor = nullptr) const;
    void countLead(const Alert &lead, SeenBefore::Report &report);
    void sameFingerprint(const Alert &member);
    QList<AlertKey> sameNameAndScope(const Alert &member) const;
    void similarText(const Alert &member, const QString &text);
    QString withoutCommonWords(const QString &text) const;
    // An alert's earlier occurrence to show: its newest with a note, else its newest.
    void addLatestOf(SeenBefore::Reason reason, const AlertKey &alert, qint64 beforeMs, double rank);
    void fillIn(SeenBefore::Match &match) const;
    SeenBefore::Recurrence recurrence(const Alert &lead);

    QSqlDatabase m_db;
    QList<IncidentRules::Scope> m_scopes;
    QSet<OccurrenceKey> m_currentOccurrences;
    QSet<AlertKey> m_currentAlerts;
    QSet<OccurrenceKey> m_currentAnchors;
    QSet<AlertKey> m_candidateAlerts; // found by a stronger reason already
    QList<Candidate> m_candidates;
};
