#include "model/AlertMerge.h"

namespace {

// The parts of an alert a sender can change within one occurrence and state.
bool sameContent(const Alert &a, const Alert &b)
{
    return a.labels == b.labels && a.annotations == b.annotations && a.endsAt == b.endsAt
        && a.generatorUrl == b.generatorUrl && a.valueString == b.valueString && a.values == b.values
        && a.severityText == b.severityText;
}

} // namespace

namespace AlertMerge {

Outcome classify(const Alert *current, const Alert &incoming)
{
    if (!current)
        return Outcome::NewAlert;
    if (incoming.startsAt > current->startsAt)
        return Outcome::NewOccurrence;
    if (incoming.startsAt < current->startsAt)
        return Outcome::Stale;
    if (current->state == AlertState::Firing && incoming.state == AlertState::Resolved)
        return Outcome::Resolved;
    if (current->state == AlertState::Resolved && incoming.state == AlertState::Firing) {
        const bool longAfterTheResolve = current->lastUpdate.isValid() && incoming.lastUpdate.isValid()
            && current->lastUpdate.secsTo(incoming.lastUpdate) >= reopenAfterSeconds;
        return longAfterTheResolve ? Outcome::Reopened : Outcome::Stale;
    }
    return sameContent(*current, incoming) ? Outcome::Duplicate : Outcome::Updated;
}

Alert apply(const Alert &current, const Alert &incoming, Outcome outcome)
{
    switch (outcome) {
    case Outcome::NewAlert: {
        Alert result = incoming;
        result.count = 1;
        return result;
    }
    case Outcome::NewOccurrence: {
        Alert result = incoming;
        result.count = current.count + 1;
        return result;
    }
    case Outcome::Resolved:
    case Outcome::Reopened: // the same occurrence: one row of history, one count
    case Outcome::Updated: {
        Alert result = incoming;
        result.count = current.count;
        return result;
    }
    case Outcome::Duplicate:
    case Outcome::Stale: break;
    }
    return current;
}

} // namespace AlertMerge
