#pragma once

#include "core/Result.h"
#include "incidents/IncidentRules.h"
#include "model/Alert.h"
#include "model/AlertKey.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

// The incidents of a store (schema 6) as their stored anchors group the occurrences:
// those that started at `since` or later, newest first. Occurrences without an anchor
// (stored before AlertDeck grouped incidents) belong to none and are left out. Bounded:
// at most maxIncidents incidents, of each at most maxMembers members read.
class IncidentList final
{
    Q_DECLARE_TR_FUNCTIONS(IncidentList)

public:
    static constexpr int maxIncidents = 500;
    static constexpr int maxMembers = 100;

    struct Incident {
        OccurrenceKey anchor;
        QDateTime startedAt;
        QDateTime lastStartAt;
        int memberCount = 0; // all of them, also those not read
        int firing = 0; // members still firing
        Severity worst = Severity::Other;
        QString worstSeverityText; // as the worst member's label says it
        QString worstName; // the first member (by start) with the worst severity
        LabelMap scope; // the scope labels every member read shares
        QList<Alert> members; // in start order, at most maxMembers (state and times of the occurrence)

        bool isFiring() const { return firing > 0; }
        // "NodeDown and 3 related".
        QString title() const;
    };

    QList<Incident> incidents;
    int total = 0; // incidents in the window, also those past maxIncidents

    static Result<IncidentList> read(const QSqlDatabase &db, const QDateTime &since, const IncidentRules &rules);
};
