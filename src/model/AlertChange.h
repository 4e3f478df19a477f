#pragma once

#include "model/Alert.h"
#include "model/AlertMerge.h"

#include <QList>

// What writing one alert did, for the live table.
struct AlertChange {
    Alert alert; // as it is now
    AlertMerge::Outcome outcome;

    // A new alert, a new occurrence or a reopened one that is firing: what automatic
    // analysis, forwarding rules and prefetching react to.
    bool startedFiring() const
    {
        const bool started = outcome == AlertMerge::Outcome::NewAlert || outcome == AlertMerge::Outcome::NewOccurrence
            || outcome == AlertMerge::Outcome::Reopened;
        return started && alert.state == AlertState::Firing;
    }
};

Q_DECLARE_METATYPE(AlertChange)
