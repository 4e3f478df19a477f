#pragma once

#include "analysis/AnalysisTools.h"
#include "analysis/ChatCompletion.h"
#include "analysis/EvidenceSet.h"
#include "core/Result.h"
#include "store/StoredRecords.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// The conversation of one analysis: the analysis itself and the follow-up questions
// asked about it, each with the tool calls the model made on the way to its answer.
// Stored with the analysis (StoredAnalysis::conversation) as versioned JSON, so a
// stored analysis can be continued later (AnalysisService::askAbout).

// One tool call the model made, as the panel lists it.
struct ToolStep {
    enum class State { Running, Done, Refused, Failed, Stopped };
    QString callId{};
    QString name{}; // as the model wrote it (maybe not a tool AlertDeck has)
    QString argumentsJson{}; // as the model wrote it
    State state = State::Running;
    QString summary{}; // one translated line: what was asked and what came back, or why not
    // The evidence item the result became ("E12"), which the answer may cite; empty when
    // the call was refused or failed (or the evidence list was full).
    QString evidenceId{};
    // What the panel draws: a small chart (MetricResult), a log excerpt (LogResult), a
    // series list or the occurrences. Not stored: an old analysis shows the summary only.
    AnalysisTools::Payload payload{};
};

// "running", "done", "refused", "failed", "stopped" (as stored).
QString toolStepStateName(ToolStep::State state);

// One question and its answer. The first turn of an analysis has no question: it is
// the analysis itself.
struct ConversationTurn {
    QString question{}; // empty: the analysis
    QString answer{}; // the assistant's text of this turn (tool-calling messages' text included)
    QString reasoning{}; // the same for the reasoning (thinking models)
    QList<ToolStep> steps{};
    // The messages this turn added to the conversation, in order: the user's question
    // (with refreshed evidence, when asked for), each assistant message that called tools
    // (with its reasoning) and the tool results, and the final answer (without reasoning).
    QList<ChatMessage> messages{};
    AnalysisOutcome outcome = AnalysisOutcome::Finished;
    QString error{};
};

class AnalysisConversation final
{
    Q_DECLARE_TR_FUNCTIONS(AnalysisConversation)

public:
    static constexpr int formatVersion = 1;
    // Bounds for reading a stored conversation back (and for asking on).
    static constexpr int maxTurns = 50;
    // A question makes at most 23 requests (20 calls, then the few AnalysisService allows
    // a model that calls on regardless) of at most ChatStream::maxToolCalls calls each.
    static constexpr int maxStepsPerTurn = 800;
    static constexpr int maxMessagesPerTurn = 1000;
    static constexpr qsizetype maxTextCharacters = 256 * 1024; // per text
    static constexpr qsizetype maxJsonBytes = 16 * 1024 * 1024;

    // {"version":1,"turns":[{"question","answer","reasoning","outcome","error",
    //   "steps":[{"callId","name","arguments","state","summary","evidenceId"}],
    //   "messages":[{"role","content","reasoning","toolCallId","toolCalls":[{"id","name","arguments"}]}]}]}
    static QByteArray toJson(const QList<ConversationTurn> &turns);
    // An empty input reads as no turns (analyses stored before conversations were kept).
    // Texts are cut to maxTextCharacters; too many turns, messages or steps fail it.
    static Result<QList<ConversationTurn>> fromJson(const QByteArray &json);

    // The messages of `turns` one after another, as a request continues them. A turn
    // without messages (read from an analysis stored before) gives its question and answer.
    static QList<ChatMessage> messages(const QList<ConversationTurn> &turns);

    // The evidence item a successful tool result becomes (its id is set when it is added
    // to a set): a metric series (query_prometheus, list_series), a log group
    // (query_loki) or an occurrence (alert_history), with a one-line text naming the
    // tool, its query and window and what came back. Locator: `field` is
    // "tool:<callId>" (the ToolStep with that callId has the payload), `timeMs`/`endMs`
    // the window asked for. Nothing for a refused or failed call.
    static std::optional<EvidenceItem> evidenceFor(const AnalysisTools::Outcome &outcome);
};
