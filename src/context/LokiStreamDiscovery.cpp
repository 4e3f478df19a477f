#include "context/LokiStreamDiscovery.h"

#include <QCoreApplication>
#include <QHash>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(LokiStreamDiscovery)
};

struct State {
    ContextClient *client;
    ConnectionCheckRequest loki;
    QList<ContextPlan::LogCandidate> candidates; // still to ask about, best first
    // Candidates naming labels Loki does not hold in the window: passed over, not asked.
    QHash<QString, QString> unavailable; // selector → the missing label names
    ContextPlan::Window window;
    QPointer<QObject> context;
    std::function<void(ContextClient::RequestId)> sent;
    std::function<void(const LokiStreamDiscovery::Outcome &)> done;
    LokiStreamDiscovery::Outcome outcome;
    int seriesAsked = 0;
};

// Notes only the candidates ranked before the one that answers: when the label map's own
// selector finds streams, nothing was tried in vain.
bool passOverUnavailable(State &state)
{
    const QString selector = state.candidates.constFirst().selector;
    const auto missing = state.unavailable.constFind(selector);
    if (missing == state.unavailable.cend())
        return false;
    state.outcome.tried << Text::tr("%1: Loki has no label %2 in this window").arg(selector, *missing);
    state.candidates.removeFirst();
    return true;
}

void askNext(const std::shared_ptr<State> &state)
{
    while (!state->candidates.isEmpty() && passOverUnavailable(*state)) { }
    if (state->candidates.isEmpty() || state->seriesAsked >= LokiStreamDiscovery::maxSeriesRequests) {
        for (const ContextPlan::LogCandidate &left : std::as_const(state->candidates))
            state->outcome.tried << Text::tr("%1: not asked (tried %2 already)")
                                        .arg(left.selector)
                                        .arg(LokiStreamDiscovery::maxSeriesRequests);
        state->done(state->outcome);
        return;
    }
    const ContextPlan::LogCandidate candidate = state->candidates.takeFirst();
    ++state->seriesAsked;
    state->sent(state->client->queryLokiSeries(
        state->loki, candidate.selector, state->window, state->context, [state, candidate](const LokiSeries &series) {
            if (series.found()) {
                state->outcome.found = candidate;
                state->done(state->outcome);
            } else if (!series.ok) {
                // Loki refuses discovery: the label map's selector is used as it is.
                state->outcome.problem = series.error;
                state->done(state->outcome);
            } else {
                state->outcome.tried << Text::tr("%1: no streams in this window").arg(candidate.selector);
                askNext(state);
            }
        }));
}

} // namespace

namespace LokiStreamDiscovery {

void run(ContextClient &client, const ConnectionCheckRequest &loki, const QList<ContextPlan::LogCandidate> &candidates,
         const ContextPlan::Window &window, QObject *context, std::function<void(ContextClient::RequestId)> sent,
         std::function<void(const Outcome &)> done)
{
    auto state = std::make_shared<State>(
        State{&client, loki, candidates, {}, window, context, std::move(sent), std::move(done), {}, 0});
    state->sent(client.queryLokiLabels(loki, window, context, [state](const LokiLabelNames &labels) {
        if (labels.ok) {
            // A selector naming a label Loki does not hold cannot match: not asked.
            for (const ContextPlan::LogCandidate &candidate : std::as_const(state->candidates)) {
                QStringList missing;
                for (const QString &name : candidate.lokiLabels)
                    if (!labels.names.contains(name))
                        missing << name;
                if (!missing.isEmpty())
                    state->unavailable.insert(candidate.selector, missing.join(u", "_s));
            }
        }
        // Without the names (an old Loki), each candidate is asked about.
        askNext(state);
    }));
}

void apply(const Outcome &outcome, ContextPlan::LogQuery &query)
{
    query.tried = outcome.tried;
    if (!outcome.found || outcome.found->selector == query.selector)
        return;
    // None of the label map's labels was on the alert, yet another label finds streams.
    query.problem.clear();
    query.planned = query.selector;
    query.selector = outcome.found->selector;
    query.foundRules = outcome.found->rules;
}

} // namespace LokiStreamDiscovery
