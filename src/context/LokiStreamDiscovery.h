#pragma once

#include "context/ContextClient.h"
#include "context/ContextPlan.h"

#include <functional>

// Finds the alert's log streams without configuration: asks Loki which label names
// exist in the window (/loki/api/v1/labels), drops the candidate selectors that use a
// label Loki does not have, then asks /loki/api/v1/series for the rest, one after the
// other (at most maxSeriesRequests), and takes the first that matches a stream.
// When Loki cannot say (an old Loki, no permission), the label map's selector stays.
namespace LokiStreamDiscovery {

inline constexpr int maxSeriesRequests = 6;

struct Outcome {
    // The chosen candidate; none when nothing was found (the first candidate stays planned).
    std::optional<ContextPlan::LogCandidate> found;
    QStringList tried; // one line per candidate that found nothing, and why
    QString problem; // Loki could not answer discovery (its words)
};

// `sent` is told the id of each request as it goes out, so the owner can cancel the
// one under way (and with it the rest); `done` runs once at the end, on this thread.
void run(ContextClient &client, const ConnectionCheckRequest &loki, const QList<ContextPlan::LogCandidate> &candidates,
         const ContextPlan::Window &window, QObject *context, std::function<void(ContextClient::RequestId)> sent,
         std::function<void(const Outcome &)> done);

// Applies an outcome to the planned query: the selector found, what was tried.
void apply(const Outcome &outcome, ContextPlan::LogQuery &query);

} // namespace LokiStreamDiscovery
