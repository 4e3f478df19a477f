#pragma once

#include "model/Alert.h"
#include "model/AlertKey.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

// An incident as an action sees it at one moment: what Analyze, Forward and the automatic
// rules act on when they target an incident instead of a single alert. Its anchor (the
// occurrence that started it) names it for as long as it lives, also across restarts;
// its members come worst first, so members.first() is the alert that leads a message or
// an analysis.
struct IncidentSnapshot {
    OccurrenceKey anchor;
    QList<Alert> members; // worst severity first, then in arrival order; never empty
    QString title; // "NodeDown and 3 related"

    const Alert &primary() const { return members.first(); }
    // The members after the primary, worst first.
    QList<Alert> related() const { return members.mid(1); }
};

// The incident an alert belongs to now, if any (the Incidents view's model answers it).
using IncidentLookup = std::function<std::optional<IncidentSnapshot>(const Alert &)>;
