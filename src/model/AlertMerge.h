#pragma once

#include "model/Alert.h"

// What one delivery of an alert means for the alert already known under the same
// source and fingerprint. Pure, so the rules can be tested on their own:
// - a later startsAt is a new occurrence (firing again after resolving);
// - firing → resolved within one occurrence resolves it;
// - deliveries that repeat what is known change nothing (Alertmanager retries);
// - anything older than what is known never overwrites it: out-of-order deliveries
//   are kept in the occurrence history only;
// - "firing" for the occurrence that was resolved is late when it arrives soon after
//   the resolve, and a re-fire when it arrives later: Alertmanager resolves an alert
//   whose sender went quiet, and when the sender resumes the same activation fires
//   again with the same startsAt.
namespace AlertMerge {

enum class Outcome {
    NewAlert, // first delivery for this fingerprint (firing or already resolved)
    NewOccurrence, // later startsAt: the alert fired again
    Resolved, // the current occurrence resolved
    Updated, // same occurrence and state, newer content (annotations, endsAt…)
    Duplicate, // nothing new
    Stale, // older than what is known: history only
    Reopened, // the resolved occurrence fires again (same startsAt, long after the resolve)
};

// How long after a resolve arrived a "firing" for the same occurrence counts as a
// re-fire rather than a late delivery (Alertmanager HA peers answer within seconds;
// a re-fire is notified after group_interval, 5 minutes by default).
inline constexpr int reopenAfterSeconds = 60;

Outcome classify(const Alert *current, const Alert &incoming);

// True when the outcome changes the alert the table shows.
inline bool changesCurrent(Outcome outcome)
{
    return outcome != Outcome::Duplicate && outcome != Outcome::Stale;
}

// The alert as it is after `incoming` was applied with `outcome` (count kept as the
// number of occurrences).
Alert apply(const Alert &current, const Alert &incoming, Outcome outcome);

} // namespace AlertMerge
