#pragma once

#include "analysis/AnalysisConversation.h"
#include "analysis/AnalysisPrompt.h"
#include "analysis/AnalysisTools.h"
#include "analysis/ChatCompletion.h"
#include "core/HourlyLimit.h"
#include "core/Result.h"
#include "incidents/IncidentSnapshot.h"
#include "incidents/RuleTarget.h"
#include "model/AlertChange.h"
#include "model/AlertFilter.h"
#include "model/AlertKey.h"
#include "model/AlertMute.h"
#include "store/StoredRecords.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>

class ContextService;
class AlertHistory;
class QNetworkAccessManager;
class SecretStore;
struct AlertChange;

// Runs AI analyses of alerts: gathers the evidence (the alert's metrics and logs
// from the context service, its earlier occurrences and earlier incidents like it with
// their notes from the store, its silences),
// reads the API key, builds the prompt and streams the answer. Several alerts can be
// analysed at once; each run goes on when the selection moves and is found again by
// its alert. A finished run is stored with the alert. Auto-analysis rules start runs
// for new firing alerts, within an hourly limit and never twice for the same occurrence.
//
// The model may query metrics and logs itself (Settings::tools): a turn that ends with
// tool calls gets each answered by AnalysisTools (read-only, against the configured
// sources, never blocking), one `tool` message per call, and the request is made again,
// until the model answers, at most Settings::tools.maxCallsPerRun calls per question
// (then one last request without tools). Each successful result becomes new evidence
// (E<n+1>) that the answer can cite. A provider that refuses `tools` (HTTP 400/422
// naming tools or functions) is asked again without them, and not offered them again in
// this session (per base URL and model); it still gets the pre-gathered evidence.
//
// A finished run can be continued with follow-up questions (ask(), askAbout() for a
// stored analysis): the conversation so far is sent again with the question.
class AnalysisService final : public QObject
{
    Q_OBJECT

public:
    struct Settings {
        CompletionRequest request{}; // base URL, model, temperature, max tokens, timeout; no messages, no key
        AnalysisPrompt::Options prompt{};
        RetryPolicy retry{};
        std::optional<AlertFilter> autoRule{}; // none: automatic analysis is off
        int autoPerHour = 10;
        // Incident: one automatic analysis per incident (of all its members), started once
        // the incident has had `incidentSettle` to gather the rest of its alerts.
        RuleTarget autoTarget = RuleTarget::Alert;
        std::chrono::milliseconds incidentSettle{30'000};
        // How long an analysis waits for the alert's metrics and logs before it goes
        // ahead with what has arrived.
        std::chrono::milliseconds contextWait{20'000};
        // How long it waits for earlier incidents like this one ("seen before") from the
        // store; without an answer by then it goes ahead without them.
        std::chrono::milliseconds seenBeforeWait{2'000};
        // The model's read-only tools (Settings → AI analysis): on/off and the calls
        // allowed per question (a follow-up question gets the same number again).
        AnalysisTools::Settings tools{};
    };

    struct Run {
        enum class Phase { Gathering, Streaming, Done };
        AlertKey key;
        Alert alert;
        // An incident's analysis: `alert` is its worst member and these the others,
        // worst first, as they were when it started; none for a single alert's.
        std::optional<OccurrenceKey> incidentAnchor{};
        QList<Alert> related{};
        int relatedTotal = 0; // the incident's other alerts (`related` keeps the worst few)
        Phase phase = Phase::Gathering;
        bool automatic = false;
        bool stoppedEarly = false; // stopped while gathering: nothing was sent
        QDateTime startedAt;
        QString model;
        AnalysisPrompt::Result prompt;
        // The latest request, from the Streaming phase on. A question whose answer needs
        // tools makes several requests, each with its own completion: show content() and
        // reasoning() (all of the question's text), not this completion's stream alone.
        std::unique_ptr<ChatCompletion> completion;
        QString error; // a failure before the request was sent (no provider URL…), or of the tool loop
        bool setupProblem = false; // `error` is fixed in Settings → AI analysis (no URL, no key)
        std::optional<StoredAnalysis> stored; // once saved (and again after each follow-up)

        // The evidence the answers cite: the prompt's items (E1…), then each tool result
        // and each refreshed item in the order they came (E<n+1>…). Stored with the run.
        EvidenceSet evidence;
        // The analysis (a turn without a question), then each follow-up question; the
        // last one is the one running. Its steps are the tool calls made for it.
        QList<ConversationTurn> turns;
        // The conversation as the next request sends it (system, prompt, answers, tool
        // calls and results, follow-ups).
        QList<ChatMessage> messages;
        // The latest question's tools (a fresh call limit per question; with tools off
        // they offer nothing and refuse every call); null before the first request. Its
        // definitions() are offered while callsMade() is under the limit.
        std::unique_ptr<AnalysisTools> tools;
        // The latest request offered tools.
        bool toolsOffered = false;
        // Stopped while tools ran or between requests (see outcome()).
        bool stopped = false;
        // Why the answer's ```hypotheses block could not be read (translated sentences),
        // checked once the answer is complete; empty when it read well or there is none.
        QString hypothesesProblem;
        // Token counts over all of the run's requests (-1: none reported).
        int promptTokens = -1;
        int completionTokens = -1;
        // Of completionTokens, those spent thinking, over the requests of this session
        // that reported them (-1: none did; not stored).
        int reasoningTokens = -1;

        // The tool calls of the latest question, in the order the model made them
        // (Running, then Done/Refused/Failed/Stopped). stepsChanged() says when they change.
        const QList<ToolStep> &steps() const;
        // The latest question's answer and reasoning so far: the text of each of its
        // requests joined (a tool-calling request may say something before its calls).
        QString content() const;
        QString reasoning() const;
        // Whether the model's tool calls are being answered right now.
        bool runningTools() const;
        // Internal: the latest completion's text is in turns.last() already.
        bool completionFolded = false;

        // The run failed for something only Settings → AI analysis can fix: no provider,
        // no key for a remote one, a bad URL, a refused key, a model it does not offer.
        bool needsSettings() const;
        // One line for the panel.
        QString statusText() const;
        // "finished", "cut-off", "failed", "stopped" once Done: of the latest question.
        AnalysisOutcome outcome() const;
        bool isRunning() const { return phase != Phase::Done; }
    };

    static constexpr int keptFinishedRuns = 20;
    // Asked without any tools offered, a model that still calls them gets refusals; a
    // question ends after this many requests more than its tool calls allow.
    static constexpr int extraRequestsPerQuestion = 2;

    AnalysisService(ContextService *context, AlertHistory *history, SecretStore *secrets, QObject *parent = nullptr);
    ~AnalysisService() override;

    void setSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }

    // Analyses `alert` (again): a run already going for it is stopped first.
    void analyze(const Alert &alert, bool automatic = false);
    // Analyses an incident: one run of its worst alert (run(key of incident.primary())) with
    // the others as evidence, worst first, the first few with their own metrics and logs;
    // all within the prompt's budget.
    void analyzeIncident(const IncidentSnapshot &incident, bool automatic = false);
    // An incident's alerts kept with its run (the prompt lists fewer; relatedTotal says how many).
    static constexpr int maxRelatedAlerts = 50;
    // Stops the run: its request, or its running tool calls (their requests are
    // aborted). The run ends "stopped"; the text received so far is kept and stored.
    void stop(const AlertKey &key);
    // Asks a follow-up question about the latest (finished) run of the alert: the
    // conversation so far and `question` are sent with the same evidence, or with the
    // evidence gathered again (`refreshEvidence`: the alert's current metrics, logs,
    // history and silences; items not held yet get new ids). Tools are allowed again
    // within a fresh limit. Streams like analyze() (runChanged, runGrew, stepsChanged,
    // runFinished) and stores the grown conversation with the analysis
    // (analysisStored). Fails (nothing starts) without a finished run, while one
    // runs, for an empty question or when the conversation is full.
    Result<> ask(const AlertKey &key, const QString &question, bool refreshEvidence = false);
    // The same for an analysis stored earlier (the latest one of `alert`, e.g. from the
    // store in another session): its conversation is rebuilt from what was stored (its
    // evidence listed again in place of the original prompt), and becomes the alert's run.
    Result<> askAbout(const StoredAnalysis &latest, const Alert &alert, const QString &question);
    // The latest run for the alert in this session, running or not.
    const Run *run(const AlertKey &key) const;
    QList<AlertKey> runningKeys() const;

    // The prompt that analysing `alert` now with `options` would send, from the
    // evidence at hand (the Settings preview). `occurrences` may be empty. Built on the
    // calling thread: one prompt for one click, from bounded inputs (the expression
    // and the alert's texts are cut, log lines are at most Context/logLineLimit).
    AnalysisPrompt::Result preview(const Alert &alert, const QList<StoredOccurrence> &occurrences,
                                   const AnalysisPrompt::Options &options) const;

    // New and re-firing alerts, for the auto-analysis rule.
    void handleAlertChanges(const QList<AlertChange> &changes);
    // Automatic runs started in the last hour.
    int automaticRunsThisHour() const;

    // The active silences (or inhibitions, acknowledgements) of an alert, for the
    // evidence; unset: none are listed. Called on this object's thread.
    using SilenceLookup = std::function<QList<AlertMute>(const Alert &)>;
    void setSilenceLookup(SilenceLookup lookup) { m_silenceLookup = std::move(lookup); }

    // Where the automatic rule finds an alert's incident (autoTarget Incident); unset: it
    // acts on single alerts.
    void setIncidentLookup(IncidentLookup lookup) { m_incidentLookup = std::move(lookup); }

    // Test hook: runs on the thread that builds each run's prompt, before it does.
    void setPromptHook(std::function<void()> hook) { m_promptHook = std::move(hook); }
    // Test hook: the clock the tools count relative times ("-1h") and limits from.
    void setToolClock(std::function<QDateTime()> now) { m_toolClock = std::move(now); }

signals:
    // A run started, changed phase or status, or ended.
    void runChanged(const AlertKey &key);
    // Its answer or reasoning grew.
    void runGrew(const AlertKey &key);
    // The latest question's tool steps changed: a call began, was answered or stopped.
    // (runChanged is emitted too when the phase or status changes.)
    void stepsChanged(const AlertKey &key);
    void runFinished(const AlertKey &key);
    // The ended run is on disk (or could not be stored: `error`).
    void analysisStored(const StoredAnalysis &analysis, const QString &error);
    // The hourly limit held an automatic analysis back.
    void autoAnalysisLimited(const Alert &alert);

private:
    struct Gathering;
    struct Loop;
    // `withEvidence`: the metrics, logs and occurrences too (else only the key).
    void gather(Run &run, bool withEvidence = true);
    void maybeSend(const AlertKey &key);
    void buildPrompt(const std::shared_ptr<Run> &run, const QString &apiKey, const AnalysisPrompt::Evidence &evidence);
    void buildFollowUp(const std::shared_ptr<Run> &run, const QString &apiKey,
                       const std::optional<AnalysisPrompt::Evidence> &evidence);
    Result<> canAsk(const QString &question) const;
    void beginQuestion(const std::shared_ptr<Run> &run, const QString &question, bool refreshEvidence);
    void send(Run &run, const QString &apiKey);
    // A provider URL is set, and a key when the provider is remote; else the run fails.
    bool providerReady(Run &run, const QString &apiKey);
    // Starts the run's latest question: its tools, then its first request.
    void beginTurn(Run &run, const QString &apiKey);
    void request(Run &run);
    void requestFinished(const AlertKey &key);
    void runToolCalls(Run &run, const QList<ToolCall> &calls);
    void toolAnswered(const AlertKey &key, qsizetype step, const AnalysisTools::Outcome &outcome);
    // The latest completion's text and token counts, added to the running question's.
    void foldCompletion(Run &run);
    bool toolsRefusedBy(const CompletionRequest &request) const;
    // A remote provider without a key: fails the run before anything is sent.
    bool refuseWithoutKey(Run &run, const QString &apiKey);
    void finishRun(const AlertKey &key);
    void store(const std::shared_ptr<Run> &run);
    void forgetOldRuns();
    AnalysisPrompt::Evidence evidenceFor(const Alert &alert, const QList<StoredOccurrence> &occurrences) const;
    // An incident's other alerts, the first few with the metrics and logs at hand.
    void addRelatedEvidence(AnalysisPrompt::Evidence &evidence, const Run &run) const;
    void startRun(const Alert &alert, bool automatic, const IncidentSnapshot *incident);
    void startAutomatic(const Alert &alert);
    void startAutomaticIncident(const Alert &trigger, const IncidentSnapshot &incident);

    ContextService *m_context;
    QPointer<AlertHistory> m_history;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_network;
    Settings m_settings;
    QHash<AlertKey, std::shared_ptr<Run>> m_runs;
    QHash<AlertKey, std::shared_ptr<Gathering>> m_gathering;
    QList<AlertKey> m_finishedOrder; // oldest first
    QSet<OccurrenceKey> m_autoOccurrences; // analysed automatically
    QSet<OccurrenceKey> m_autoIncidents; // anchors of incidents analysed automatically
    IncidentLookup m_incidentLookup;
    HourlyLimit m_autoStarts;
    std::function<void()> m_promptHook;
    std::function<QDateTime()> m_toolClock;
    SilenceLookup m_silenceLookup;
    QHash<AlertKey, std::shared_ptr<Loop>> m_loops; // the running question's request state
    QSet<QString> m_noToolProviders; // base URL + model of providers that refused `tools`
    // Runs holding contexts in the context service (their alert's, an incident's members').
    QHash<AlertKey, QList<OccurrenceKey>> m_holding;
    QSet<const Run *> m_saving; // a save is under way: a follow-up's store waits for its id
    QSet<const Run *> m_storeAgain;
};
