#include "analysis/AnalysisService.h"

#include "analysis/EvidenceBuilder.h"
#include "analysis/Hypotheses.h"
#include "context/ContextService.h"
#include "core/Background.h"
#include "logging/LogCategories.h"
#include "secrets/SecretStore.h"
#include "store/AlertHistory.h"

#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

// What a run waits for before its request can be built.
struct AnalysisService::Gathering {
    bool contextReady = false;
    bool occurrencesReady = false;
    bool keyReady = false;
    bool priorsReady = false;
    bool withEvidence = true; // a follow-up without refreshed evidence waits for the key only
    QList<StoredOccurrence> occurrences;
    QList<SeenBefore::Match> priors;
    QString apiKey;
    QTimer contextTimeout;
    QTimer priorsTimeout;
    QMetaObject::Connection contextUpdates;

    bool ready() const { return contextReady && occurrencesReady && keyReady && priorsReady; }
};

// What the running question needs besides what its Run shows.
struct AnalysisService::Loop {
    CompletionRequest request; // the settings and key as the question began; no messages
    int requests = 0; // made for this question
    bool retriedWithoutTools = false;
    QList<ToolCall> calls; // the batch being answered
    QList<std::optional<QString>> results; // their tool messages, in call order
    qsizetype firstStep = 0; // the batch's first step in the turn
};

namespace {

QString joined(const QString &earlier, const QString &later)
{
    if (earlier.isEmpty())
        return later;
    return later.isEmpty() ? earlier : earlier + u"\n\n"_s + later;
}

QString providerKey(const CompletionRequest &request)
{
    return request.baseUrl.toString(QUrl::RemoveUserInfo) + u'\n' + request.model;
}

// A provider's 400/422 about the `tools` field ("does not support tools", "functions are
// not supported"): decided from the status and the provider's own words, never ours.
bool refusesTools(const ChatCompletion &completion)
{
    const int status = completion.httpStatus();
    if (status != 400 && status != 422)
        return false;
    const QString said = completion.serverMessage().toLower();
    return said.contains(u"tool"_s) || said.contains(u"function"_s);
}

const QList<ToolStep> noSteps;
constexpr qsizetype maxQuestionCharacters = 8000;

} // namespace

const QList<ToolStep> &AnalysisService::Run::steps() const
{
    return turns.isEmpty() ? noSteps : turns.last().steps;
}

QString AnalysisService::Run::content() const
{
    const QString earlier = turns.isEmpty() ? QString() : turns.last().answer;
    return completionFolded || !completion ? earlier : joined(earlier, completion->stream().content());
}

QString AnalysisService::Run::reasoning() const
{
    const QString earlier = turns.isEmpty() ? QString() : turns.last().reasoning;
    return completionFolded || !completion ? earlier : joined(earlier, completion->stream().reasoning());
}

bool AnalysisService::Run::runningTools() const
{
    const QList<ToolStep> &list = steps();
    return phase == Phase::Streaming && std::any_of(list.cbegin(), list.cend(), [](const ToolStep &s) {
               return s.state == ToolStep::State::Running;
           });
}

QString AnalysisService::Run::statusText() const
{
    if (stoppedEarly)
        return error;
    if (!error.isEmpty())
        return AnalysisService::tr("Failed: %1").arg(error);
    if (phase == Phase::Gathering)
        return turns.isEmpty() ? AnalysisService::tr("Gathering the alert's metrics, logs and history…")
                               : AnalysisService::tr("Preparing the question…");
    if (stopped)
        return AnalysisService::tr("Stopped; the text received so far is kept");
    if (runningTools()) {
        const QList<ToolStep> &list = steps();
        const auto answered = std::count_if(list.cbegin(), list.cend(),
                                            [](const ToolStep &s) { return s.state != ToolStep::State::Running; });
        return AnalysisService::tr("The model is querying metrics and logs: %1 of %n call(s) answered…", nullptr,
                                   int(list.size()))
            .arg(answered);
    }
    return completion ? completion->statusText() : QString();
}

bool AnalysisService::Run::needsSettings() const
{
    if (setupProblem)
        return true;
    if (!completion || completion->state() != ChatCompletion::State::Failed)
        return false;
    switch (completion->failure()) {
    case ChatCompletion::Failure::InvalidUrl:
    case ChatCompletion::Failure::ModelNotOffered: return true;
    case ChatCompletion::Failure::HttpStatus: {
        const int status = completion->httpStatus();
        return status == 401 || status == 403 || status == 404;
    }
    default: return false;
    }
}

AnalysisOutcome AnalysisService::Run::outcome() const
{
    if (stoppedEarly || stopped)
        return AnalysisOutcome::Stopped;
    if (!error.isEmpty() || !completion)
        return AnalysisOutcome::Failed;
    switch (completion->state()) {
    case ChatCompletion::State::Finished: return AnalysisOutcome::Finished;
    case ChatCompletion::State::CutOff: return AnalysisOutcome::CutOff;
    case ChatCompletion::State::Stopped: return AnalysisOutcome::Stopped;
    default: return AnalysisOutcome::Failed;
    }
}

AnalysisService::AnalysisService(ContextService *context, AlertHistory *history, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_history(history)
    , m_secrets(secrets)
    , m_network(new QNetworkAccessManager(this))
{ }

AnalysisService::~AnalysisService()
{
    for (const auto &run : std::as_const(m_runs))
        if (run->completion)
            run->completion->disconnect(this);
}

void AnalysisService::setSettings(const Settings &settings)
{
    m_settings = settings;
}

const AnalysisService::Run *AnalysisService::run(const AlertKey &key) const
{
    const auto it = m_runs.constFind(key);
    return it == m_runs.cend() ? nullptr : it->get();
}

QList<AlertKey> AnalysisService::runningKeys() const
{
    QList<AlertKey> keys;
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it)
        if (it.value()->isRunning())
            keys << it.key();
    return keys;
}

void AnalysisService::analyze(const Alert &alert, bool automatic)
{
    startRun(alert, automatic, nullptr);
}

void AnalysisService::analyzeIncident(const IncidentSnapshot &incident, bool automatic)
{
    if (incident.members.isEmpty())
        return;
    startRun(incident.primary(), automatic, &incident);
}

void AnalysisService::startRun(const Alert &alert, bool automatic, const IncidentSnapshot *incident)
{
    const AlertKey key = AlertKey::of(alert);
    if (const auto it = m_runs.constFind(key); it != m_runs.cend() && it.value()->isRunning())
        stop(key);
    m_finishedOrder.removeAll(key);
    auto run = std::make_shared<Run>();
    run->key = key;
    run->alert = alert;
    run->automatic = automatic;
    if (incident) {
        run->incidentAnchor = incident->anchor;
        run->related = incident->related().mid(0, maxRelatedAlerts);
        run->relatedTotal = int(incident->members.size()) - 1;
    }
    run->startedAt = QDateTime::currentDateTimeUtc();
    run->model = m_settings.request.model;
    m_runs.insert(key, run);
    qCInfo(lcLlm).noquote() << (automatic ? "automatic" : "manual") << "analysis of" << alert.name << alert.fingerprint
                            << "with" << run->model;
    if (incident)
        qCInfo(lcLlm).noquote() << "  an incident: with" << run->relatedTotal << "related alerts";
    emit runChanged(key);
    gather(*run);
}

void AnalysisService::gather(Run &run, bool withEvidence)
{
    const AlertKey key = run.key;
    auto gathering = std::make_shared<Gathering>();
    gathering->withEvidence = withEvidence;
    m_gathering.insert(key, gathering);
    const Alert alert = run.alert;

    // The metrics and logs, as far as they arrive in time: the alert's, and for an
    // incident those of its worst few other alerts too.
    QList<OccurrenceKey> contextKeys{OccurrenceKey::of(alert)};
    QList<Alert> withContext{alert};
    for (const Alert &member : run.related.mid(0, EvidenceBuilder::Limits{}.relatedWithContext)) {
        contextKeys << OccurrenceKey::of(member);
        withContext << member;
    }
    const ContextService::Sources &sources = m_context ? m_context->sources() : ContextService::Sources{};
    const bool hasSources = m_context && (!sources.prometheus.url.isEmpty() || !sources.loki.url.isEmpty());
    const auto contextArrived = [this, key, gathering] {
        if (gathering->contextReady)
            return;
        gathering->contextReady = true;
        gathering->contextTimeout.stop();
        disconnect(gathering->contextUpdates);
        maybeSend(key);
    };
    const auto allComplete = [this, contextKeys] {
        return std::all_of(contextKeys.cbegin(), contextKeys.cend(), [this](const OccurrenceKey &k) {
            const ContextService::Context *c = m_context->context(k);
            return c && c->complete();
        });
    };
    if (!hasSources || !withEvidence) {
        gathering->contextReady = true;
    } else {
        QList<OccurrenceKey> &held = m_holding[key];
        for (const Alert &each : std::as_const(withContext)) {
            m_context->hold(each);
            held << OccurrenceKey::of(each);
        }
        if (allComplete()) {
            gathering->contextReady = true;
        } else {
            gathering->contextUpdates
                = connect(m_context, &ContextService::contextUpdated, this,
                          [contextKeys, allComplete, contextArrived](const OccurrenceKey &updated) {
                              if (contextKeys.contains(updated) && allComplete())
                                  contextArrived();
                          });
            gathering->contextTimeout.setSingleShot(true);
            connect(&gathering->contextTimeout, &QTimer::timeout, this, contextArrived);
            gathering->contextTimeout.start(m_settings.contextWait);
        }
    }

    // Earlier occurrences from the store (demo alerts are not stored).
    if (m_history && alert.inLiveStore() && withEvidence) {
        m_history->fetchDetails(AlertKey::of(alert), this, [this, key, gathering](const AlertDetails &d) {
            gathering->occurrences = d.occurrences;
            gathering->occurrencesReady = true;
            maybeSend(key);
        });
    } else {
        gathering->occurrencesReady = true;
    }

    // Earlier incidents like this one, with their notes: only as far as the store answers
    // soon; an answer with a problem (or a store that keeps no history) means none.
    if (m_history && withEvidence) {
        const std::weak_ptr<Gathering> weak = gathering;
        const auto priorsArrived = [this, key, weak](const QList<SeenBefore::Match> &priors) {
            const std::shared_ptr<Gathering> g = weak.lock();
            if (!g || g->priorsReady)
                return;
            g->priors = priors;
            g->priorsReady = true;
            g->priorsTimeout.stop();
            maybeSend(key);
        };
        gathering->priorsTimeout.setSingleShot(true);
        connect(&gathering->priorsTimeout, &QTimer::timeout, this, [this, priorsArrived, name = alert.name] {
            qCInfo(lcLlm).noquote() << "no earlier incidents in time for" << name << "- going on without them";
            // Not from within the timer's signal: going on may delete the timer.
            QTimer::singleShot(0, this, [priorsArrived] { priorsArrived({}); });
        });
        gathering->priorsTimeout.start(m_settings.seenBeforeWait);
        m_history->fetchSeenBefore({alert}, this, [priorsArrived](const SeenBefore::Report &report) {
            if (!report.problem.isEmpty())
                qCDebug(lcLlm).noquote() << "no earlier incidents:" << report.problem;
            priorsArrived(report.problem.isEmpty() ? report.matches : QList<SeenBefore::Match>{});
        });
    } else {
        gathering->priorsReady = true;
    }

    // The key: optional (local servers need none).
    m_secrets->read(Secrets::providerApiKey, this, [this, key, gathering](const SecretStore::Result &result) {
        if (result.status != SecretStore::Status::Ok && result.status != SecretStore::Status::NotFound)
            qCWarning(lcLlm).noquote() << "API key:" << result.error << "- sending without one";
        gathering->apiKey = result.value;
        gathering->keyReady = true;
        // No need to wait for the metrics and logs of a request that will not be sent.
        if (const auto run = m_runs.value(key);
            run && run->phase == Run::Phase::Gathering && refuseWithoutKey(*run, result.value))
            return;
        maybeSend(key);
    });
    maybeSend(key);
}

void AnalysisService::maybeSend(const AlertKey &key)
{
    const auto gathering = m_gathering.value(key);
    const auto run = m_runs.value(key);
    if (!gathering || !run || !gathering->ready())
        return;
    m_gathering.remove(key);
    // The evidence is read here, where the context service lives; the prompt (the
    // expression's split, log templates, redaction) is built on a worker thread.
    AnalysisPrompt::Evidence evidence = evidenceFor(run->alert, gathering->occurrences);
    evidence.priors = gathering->priors;
    addRelatedEvidence(evidence, *run);
    if (run->turns.isEmpty())
        return buildPrompt(run, gathering->apiKey, evidence);
    buildFollowUp(run, gathering->apiKey, gathering->withEvidence ? std::optional(evidence) : std::nullopt);
}

void AnalysisService::buildPrompt(const std::shared_ptr<Run> &run, const QString &apiKey,
                                  const AnalysisPrompt::Evidence &evidence)
{
    Background::run(
        this,
        [alert = run->alert, evidence, options = m_settings.prompt, hook = m_promptHook] {
            if (hook)
                hook();
            return AnalysisPrompt::build(alert, evidence, options);
        },
        [this, run, apiKey](const AnalysisPrompt::Result &prompt) {
            // Stopped, or analysed again, while the prompt was being built: nothing to send.
            if (m_runs.value(run->key) != run || run->phase != Run::Phase::Gathering)
                return;
            run->prompt = prompt;
            send(*run, apiKey);
        });
}

// The question as the next user message; with `evidence` (gathered again) the items
// the run does not hold yet are added with new ids and listed after it.
void AnalysisService::buildFollowUp(const std::shared_ptr<Run> &run, const QString &apiKey,
                                    const std::optional<AnalysisPrompt::Evidence> &evidence)
{
    const auto ask = [this, run, apiKey](const QList<EvidenceItem> &added, bool refreshed) {
        ConversationTurn &turn = run->turns.last();
        QString text = turn.question;
        if (!added.isEmpty())
            text += u"\n\nEvidence gathered again now; new items (cite them by id):\n"_s
                + AnalysisPrompt::evidenceBlock(added);
        else if (refreshed)
            text += u"\n\n(The evidence was gathered again now: nothing new.)"_s;
        const ChatMessage question{u"user"_s, text};
        turn.messages << question;
        run->messages << question;
        if (!providerReady(*run, apiKey))
            return;
        beginTurn(*run, apiKey);
    };
    if (!evidence)
        return ask({}, false);
    Background::run(
        this,
        [alert = run->alert, evidence = *evidence, options = m_settings.prompt, hook = m_promptHook] {
            if (hook)
                hook();
            return AnalysisPrompt::build(alert, evidence, options).evidence;
        },
        [this, run, ask](const EvidenceSet &fresh) {
            if (m_runs.value(run->key) != run || run->phase != Run::Phase::Gathering)
                return;
            QSet<QString> held;
            for (const EvidenceItem &item : run->evidence.items())
                held.insert(evidenceKindName(item.kind) + u'\n' + item.text);
            QList<EvidenceItem> items = run->evidence.items();
            const qsizetype before = items.size();
            for (const EvidenceItem &item : fresh.items())
                if (items.size() < EvidenceSet::maxItems
                    && !held.contains(evidenceKindName(item.kind) + u'\n' + item.text))
                    items << item;
            run->evidence = EvidenceSet(std::move(items));
            ask(run->evidence.items().mid(before), true);
        });
}

bool AnalysisService::providerReady(Run &run, const QString &apiKey)
{
    if (m_settings.request.baseUrl.isEmpty()) {
        run.error = tr("No AI provider is set up: add its URL and key in Settings → AI analysis.");
        run.setupProblem = true;
        finishRun(run.key);
        return false;
    }
    return !refuseWithoutKey(run, apiKey);
}

void AnalysisService::send(Run &run, const QString &apiKey)
{
    if (!providerReady(run, apiKey))
        return;
    run.messages = run.prompt.messages;
    run.evidence = run.prompt.evidence;
    run.turns = {ConversationTurn{}};
    beginTurn(run, apiKey);
}

void AnalysisService::beginTurn(Run &run, const QString &apiKey)
{
    auto loop = std::make_shared<Loop>();
    loop->request = m_settings.request;
    loop->request.apiKey = apiKey;
    m_loops.insert(run.key, loop);
    // A fresh call limit for each question; with tools off it offers none and refuses calls.
    const ContextService::Sources noSources;
    const ContextService::Sources &sources = m_context ? m_context->sources() : noSources;
    run.tools
        = std::make_unique<AnalysisTools>(m_settings.tools, AnalysisTools::Sources{sources.prometheus, sources.loki},
                                          run.alert.inLiveStore() ? m_history.data() : nullptr, run.alert);
    if (m_toolClock)
        run.tools->setClock(m_toolClock);
    run.phase = Run::Phase::Streaming;
    request(run);
}

bool AnalysisService::toolsRefusedBy(const CompletionRequest &request) const
{
    return m_noToolProviders.contains(providerKey(request));
}

void AnalysisService::request(Run &run)
{
    const AlertKey key = run.key;
    const auto loop = m_loops.value(key);
    CompletionRequest request = loop->request;
    request.messages = run.messages;
    if (run.tools && !run.tools->limitReached() && !loop->retriedWithoutTools && !toolsRefusedBy(request))
        request.tools = run.tools->definitions();
    run.toolsOffered = !request.tools.isEmpty();
    ++loop->requests;
    // The finished one may be the sender of the signal that led here.
    if (run.completion) {
        run.completion->disconnect(this);
        run.completion.release()->deleteLater();
    }
    run.completion = std::make_unique<ChatCompletion>(m_network);
    run.completionFolded = false;
    ChatCompletion *completion = run.completion.get();
    connect(completion, &ChatCompletion::grew, this, [this, key] { emit runGrew(key); });
    connect(completion, &ChatCompletion::stateChanged, this, [this, key] { emit runChanged(key); });
    connect(completion, &ChatCompletion::finished, this, [this, key] { requestFinished(key); });
    completion->start(request, m_settings.retry);
    emit runChanged(key);
}

void AnalysisService::requestFinished(const AlertKey &key)
{
    const auto run = m_runs.value(key);
    const auto loop = m_loops.value(key);
    if (!run || !loop || run->phase == Run::Phase::Done)
        return;
    const ChatCompletion &completion = *run->completion;
    if (completion.state() == ChatCompletion::State::Failed && run->toolsOffered && !loop->retriedWithoutTools
        && refusesTools(completion)) {
        qCInfo(lcLlm).noquote() << "the provider refuses tools (HTTP" << completion.httpStatus()
                                << "): asking again without them";
        m_noToolProviders.insert(providerKey(loop->request));
        loop->retriedWithoutTools = true;
        return request(*run);
    }
    if (const QList<ToolCall> calls = completion.toolCalls(); !calls.isEmpty()) {
        const ChatMessage assistant = completion.assistantMessage();
        foldCompletion(*run);
        run->messages << assistant;
        run->turns.last().messages << assistant;
        if (loop->requests > m_settings.tools.maxCallsPerRun + extraRequestsPerQuestion) {
            run->error = tr("The model kept asking for tools after its limit of %n call(s); the text so far is kept.",
                            nullptr, m_settings.tools.maxCallsPerRun);
            return finishRun(key);
        }
        return runToolCalls(*run, calls);
    }
    if (loop->request.apiKey.isEmpty() && completion.failure() == ChatCompletion::Failure::HttpStatus
        && completion.httpStatus() == 401)
        run->error = tr("The provider wants an API key and none is set: add it in Settings → AI analysis.");
    if (const QString answer = completion.stream().content(); !answer.isEmpty()) {
        // Its reasoning is not sent back: only a tool-calling turn's is.
        const ChatMessage message{u"assistant"_s, answer};
        run->messages << message;
        run->turns.last().messages << message;
    }
    finishRun(key);
}

void AnalysisService::foldCompletion(Run &run)
{
    if (run.completionFolded || !run.completion || run.turns.isEmpty())
        return;
    ConversationTurn &turn = run.turns.last();
    const ChatStream &stream = run.completion->stream();
    turn.answer = joined(turn.answer, stream.content());
    turn.reasoning = joined(turn.reasoning, stream.reasoning());
    if (const std::optional<TokenUsage> &usage = stream.usage()) {
        run.promptTokens = std::max(0, run.promptTokens) + usage->promptTokens;
        run.completionTokens = std::max(0, run.completionTokens) + usage->completionTokens;
        if (usage->reasoningTokens)
            run.reasoningTokens = std::max(0, run.reasoningTokens) + *usage->reasoningTokens;
    }
    run.completionFolded = true;
}

void AnalysisService::runToolCalls(Run &run, const QList<ToolCall> &calls)
{
    const AlertKey key = run.key;
    const auto loop = m_loops.value(key);
    ConversationTurn &turn = run.turns.last();
    loop->calls = calls;
    loop->results = QList<std::optional<QString>>(calls.size());
    loop->firstStep = turn.steps.size();
    for (const ToolCall &call : calls)
        turn.steps << ToolStep{call.id, call.name, call.arguments};
    emit stepsChanged(key);
    emit runChanged(key);
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const ToolCall &call = calls.at(i);
        run.tools->run({call.id, call.name, call.arguments}, this,
                       [this, key, step = loop->firstStep + i](const AnalysisTools::Outcome &outcome) {
                           toolAnswered(key, step, outcome);
                       });
    }
}

void AnalysisService::toolAnswered(const AlertKey &key, qsizetype stepIndex, const AnalysisTools::Outcome &outcome)
{
    const auto run = m_runs.value(key);
    const auto loop = m_loops.value(key);
    if (!run || !loop || run->phase != Run::Phase::Streaming || stepIndex >= run->turns.last().steps.size())
        return;
    ToolStep &step = run->turns.last().steps[stepIndex];
    step.summary = outcome.summary;
    step.payload = outcome.payload;
    QString text = outcome.text;
    if (outcome.ok()) {
        step.state = ToolStep::State::Done;
        const std::optional<EvidenceItem> item = AnalysisConversation::evidenceFor(outcome);
        if (item && run->evidence.size() < EvidenceSet::maxItems) {
            QList<EvidenceItem> items = run->evidence.items();
            items << *item;
            run->evidence = EvidenceSet(std::move(items));
            step.evidenceId = run->evidence.items().last().id;
            // Not translated: the model reads it.
            text = u"Evidence %1 (cite this result as [%1]).\n"_s.arg(step.evidenceId) + text;
        }
    } else {
        step.state = outcome.problem == AnalysisTools::Problem::SourceFailed ? ToolStep::State::Failed
                                                                             : ToolStep::State::Refused;
    }
    loop->results[stepIndex - loop->firstStep] = text;
    emit stepsChanged(key);
    emit runChanged(key);
    if (std::any_of(loop->results.cbegin(), loop->results.cend(), [](const auto &r) { return !r.has_value(); }))
        return;
    // All answered: one tool message per call, in the order of the calls.
    for (qsizetype i = 0; i < loop->calls.size(); ++i) {
        QString result = *loop->results.at(i);
        if (i == loop->calls.size() - 1 && run->tools->limitReached())
            result += u"\n\nThat was the last tool call allowed for this question: answer now with the evidence you "
                      u"have."_s;
        const ChatMessage message = ChatMessage::toolResult(loop->calls.at(i).id, result);
        run->messages << message;
        run->turns.last().messages << message;
    }
    loop->calls.clear();
    loop->results.clear();
    request(*run);
}

bool AnalysisService::refuseWithoutKey(Run &run, const QString &apiKey)
{
    const QUrl &base = m_settings.request.baseUrl;
    if (!apiKey.isEmpty() || base.isEmpty() || CompletionRequest::isLocal(base))
        return false;
    run.error = tr("No API key is set for %1: add it in Settings → AI analysis. Nothing was sent.").arg(base.host());
    run.setupProblem = true;
    finishRun(run.key);
    return true;
}

void AnalysisService::stop(const AlertKey &key)
{
    const auto run = m_runs.value(key);
    if (!run || !run->isRunning())
        return;
    if (run->phase == Run::Phase::Streaming && run->completion && run->completion->isRunning()) {
        run->completion->stop(); // finished() → requestFinished() → finishRun()
        return;
    }
    if (run->phase == Run::Phase::Streaming) {
        // Between requests: the tool calls are aborted, the next request is not made.
        run->stopped = true;
        finishRun(key);
        return;
    }
    run->error = tr("Stopped before the request was sent.");
    run->stoppedEarly = true;
    finishRun(key);
}

Result<> AnalysisService::canAsk(const QString &question) const
{
    if (question.trimmed().isEmpty())
        return Failure{tr("Type a question to ask.")};
    if (question.size() > maxQuestionCharacters)
        return Failure{tr("The question is %L1 characters long; at most %L2 can be asked.")
                           .arg(question.size())
                           .arg(maxQuestionCharacters)};
    return {};
}

Result<> AnalysisService::ask(const AlertKey &key, const QString &question, bool refreshEvidence)
{
    if (const Result<> checked = canAsk(question); !checked)
        return checked;
    const auto run = m_runs.value(key);
    if (!run || run->turns.isEmpty())
        return Failure{tr("There is no analysis of this alert to ask about: analyse it first.")};
    if (run->isRunning())
        return Failure{tr("The analysis of this alert is still running: wait for it to end, or stop it.")};
    if (run->turns.size() >= AnalysisConversation::maxTurns)
        return Failure{tr("This conversation has reached %n question(s); start a new analysis.", nullptr,
                          AnalysisConversation::maxTurns)};
    beginQuestion(run, question, refreshEvidence);
    return {};
}

Result<> AnalysisService::askAbout(const StoredAnalysis &latest, const Alert &alert, const QString &question)
{
    if (const Result<> checked = canAsk(question); !checked)
        return checked;
    const AlertKey key = AlertKey::of(alert);
    if (const auto running = m_runs.value(key); running && running->isRunning())
        return Failure{tr("The analysis of this alert is still running: wait for it to end, or stop it.")};
    const Result<EvidenceSet> evidence = EvidenceSet::fromJson(latest.evidence);
    if (!evidence)
        return evidence.failure();
    const Result<QList<ConversationTurn>> stored = AnalysisConversation::fromJson(latest.conversation);
    if (!stored)
        return stored.failure();
    QList<ConversationTurn> turns = *stored;
    if (turns.isEmpty()) {
        // Stored before conversations were kept: the analysis is its only turn.
        ConversationTurn first;
        first.answer = latest.content;
        first.reasoning = latest.reasoning;
        first.outcome = latest.outcome;
        first.error = latest.error;
        turns << first;
    }
    if (turns.size() >= AnalysisConversation::maxTurns)
        return Failure{tr("This conversation has reached %n question(s); start a new analysis.", nullptr,
                          AnalysisConversation::maxTurns)};
    auto run = std::make_shared<Run>();
    run->key = key;
    run->alert = alert;
    run->phase = Run::Phase::Done;
    run->startedAt = latest.createdAt.isValid() ? latest.createdAt : QDateTime::currentDateTimeUtc();
    run->model = m_settings.request.model;
    run->prompt = AnalysisPrompt::fromEvidence(alert, *evidence, m_settings.prompt);
    run->evidence = *evidence;
    run->turns = turns;
    run->messages = run->prompt.messages + AnalysisConversation::messages(turns);
    run->stored = latest;
    run->promptTokens = latest.promptTokens;
    run->completionTokens = latest.completionTokens;
    m_runs.insert(key, run);
    beginQuestion(run, question, false);
    return {};
}

void AnalysisService::beginQuestion(const std::shared_ptr<Run> &run, const QString &question, bool refreshEvidence)
{
    m_finishedOrder.removeAll(run->key);
    ConversationTurn turn;
    turn.question = question.trimmed();
    run->turns << turn;
    run->phase = Run::Phase::Gathering;
    run->stopped = false;
    run->stoppedEarly = false;
    run->error.clear();
    run->setupProblem = false;
    run->hypothesesProblem.clear();
    run->completionFolded = true; // the completion there is the last question's
    qCInfo(lcLlm).noquote() << "follow-up question" << run->turns.size() - 1 << "about" << run->alert.fingerprint
                            << (refreshEvidence ? "with the evidence gathered again" : "");
    emit runChanged(run->key);
    emit stepsChanged(run->key);
    gather(*run, refreshEvidence);
}

void AnalysisService::finishRun(const AlertKey &key)
{
    const auto run = m_runs.value(key);
    if (!run || run->phase == Run::Phase::Done)
        return;
    if (const auto gathering = m_gathering.take(key))
        disconnect(gathering->contextUpdates);
    if (m_context)
        for (const OccurrenceKey &held : m_holding.take(key))
            m_context->release(held);
    m_loops.remove(key);
    if (run->tools)
        run->tools->stop(); // no answer arrives after the end
    if (!run->turns.isEmpty()) {
        foldCompletion(*run);
        ConversationTurn &turn = run->turns.last();
        bool stepStopped = false;
        for (ToolStep &step : turn.steps) {
            if (step.state != ToolStep::State::Running)
                continue;
            step.state = ToolStep::State::Stopped;
            step.summary = tr("Stopped before it was answered");
            stepStopped = true;
        }
        if (stepStopped)
            emit stepsChanged(key);
        turn.outcome = run->outcome();
        turn.error = !run->error.isEmpty() ? run->error : run->completion ? run->completion->error() : QString();
        const Hypotheses::Parsed hypotheses = Hypotheses::parse(turn.answer, &run->evidence);
        QStringList problems = hypotheses.problems;
        if (hypotheses.found && !hypotheses.complete)
            problems << tr("The hypotheses block is not closed; the answer is shown without the board.");
        run->hypothesesProblem = problems.join(u' ');
    }
    run->phase = Run::Phase::Done;
    qCInfo(lcLlm).noquote() << "analysis of" << run->alert.fingerprint << analysisOutcomeName(run->outcome())
                            << (run->completion ? run->completion->error() : run->error);
    m_finishedOrder << key;
    emit runChanged(key);
    emit runFinished(key);
    store(run);
    forgetOldRuns();
}

void AnalysisService::store(const std::shared_ptr<Run> &run)
{
    if (m_saving.contains(run.get())) {
        // The analysis is still being saved: this follow-up updates it once it has its id.
        m_storeAgain.insert(run.get());
        return;
    }
    StoredAnalysis analysis = run->stored.value_or(StoredAnalysis{});
    if (!run->stored) {
        analysis.source = run->alert.source;
        analysis.fingerprint = run->alert.fingerprint;
        analysis.occurrenceStartsAt = run->alert.startsAt;
        analysis.createdAt = run->startedAt;
        analysis.durationMs = run->startedAt.msecsTo(QDateTime::currentDateTimeUtc());
        analysis.model = run->model;
        analysis.promptHash = run->prompt.messages.isEmpty() ? QString() : run->prompt.hash(run->model);
        analysis.automatic = run->automatic;
    }
    // The analysis itself is the first turn; the follow-ups live in the conversation.
    if (run->turns.isEmpty()) {
        analysis.outcome = run->outcome();
        analysis.error = run->error;
    } else {
        const ConversationTurn &first = run->turns.first();
        analysis.outcome = first.outcome;
        analysis.error = first.error;
        analysis.content = first.answer;
        analysis.reasoning = first.reasoning;
        analysis.conversation = AnalysisConversation::toJson(run->turns);
    }
    analysis.promptTokens = run->promptTokens;
    analysis.completionTokens = run->completionTokens;
    // Frozen with the answer: an old analysis opens with exactly the evidence it saw,
    // the tool results and refreshed items included.
    if (!run->evidence.isEmpty())
        analysis.evidence = run->evidence.toJson();
    // The latest answer's hypotheses (a follow-up may have revised them).
    for (auto turn = run->turns.crbegin(); turn != run->turns.crend(); ++turn) {
        if (const QList<Hypothesis> hypotheses = Hypotheses::parse(turn->answer).hypotheses; !hypotheses.isEmpty()) {
            analysis.hypotheses = Hypotheses::toJson(hypotheses);
            break;
        }
    }
    // A failure without any text is shown, not kept: the History lists answers.
    if (!run->stored && analysis.content.isEmpty() && analysis.reasoning.isEmpty())
        return;
    if (!m_history || !run->alert.inLiveStore()) {
        run->stored = analysis;
        emit analysisStored(analysis, {});
        return;
    }
    m_saving.insert(run.get());
    m_history->saveAnalysis(
        analysis, this,
        [this, weak = std::weak_ptr<Run>(run), raw = run.get()](const StoredAnalysis &saved, const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcLlm).noquote() << "could not store the analysis:" << error;
            m_saving.remove(raw);
            const std::shared_ptr<Run> run = weak.lock();
            if (run && error.isEmpty())
                run->stored = saved;
            emit analysisStored(saved, error);
            if (m_storeAgain.remove(raw) && run && !run->isRunning())
                store(run);
        });
}

void AnalysisService::forgetOldRuns()
{
    while (m_finishedOrder.size() > keptFinishedRuns) {
        const AlertKey key = m_finishedOrder.takeFirst();
        if (const auto run = m_runs.value(key); run && !run->isRunning())
            m_runs.remove(key);
    }
}

AnalysisPrompt::Evidence AnalysisService::evidenceFor(const Alert &alert,
                                                      const QList<StoredOccurrence> &occurrences) const
{
    AnalysisPrompt::Evidence evidence;
    evidence.occurrences = occurrences;
    if (m_silenceLookup)
        evidence.silences = m_silenceLookup(alert);
    const ContextService::Sources noSources;
    const ContextService::Sources &sources = m_context ? m_context->sources() : noSources;
    if (sources.prometheus.url.isEmpty())
        evidence.metricsUnavailable = tr("Prometheus is not set up in AlertDeck, so there are no metrics.");
    if (sources.loki.url.isEmpty())
        evidence.logsUnavailable = tr("Loki is not set up in AlertDeck, so there are no log lines.");
    const ContextService::Context *context = m_context ? m_context->context(OccurrenceKey::of(alert)) : nullptr;
    if (!context)
        return evidence;
    evidence.window = context->window;
    evidence.queries = context->queries;
    for (const std::optional<MetricResult> &metric : context->metrics) {
        MetricResult result = metric.value_or(MetricResult{});
        if (!metric)
            result.error = tr("did not arrive in time");
        evidence.metrics << result;
    }
    if (!context->logQuery.problem.isEmpty() && evidence.logsUnavailable.isEmpty())
        evidence.logsUnavailable = context->logQuery.problem;
    else if (!context->logs)
        evidence.logsUnavailable = tr("The log lines did not arrive in time.");
    else if (!context->logs->ok)
        evidence.logsUnavailable = tr("Loki answered with an error: %1").arg(context->logs->error);
    else if (context->logs->lines.isEmpty())
        evidence.logsUnavailable = tr("Loki has no matching lines in the window.");
    else
        evidence.logs = context->logs->lines;
    return evidence;
}

void AnalysisService::addRelatedEvidence(AnalysisPrompt::Evidence &evidence, const Run &run) const
{
    evidence.relatedTotal = run.relatedTotal;
    const int withContext = EvidenceBuilder::Limits{}.relatedWithContext;
    for (qsizetype i = 0; i < run.related.size(); ++i) {
        AnalysisPrompt::Evidence::Member member{run.related.at(i)};
        if (i < withContext) {
            const AnalysisPrompt::Evidence own = evidenceFor(member.alert, {});
            member.queries = own.queries;
            member.metrics = own.metrics;
            member.logs = own.logs;
        }
        evidence.related << member;
    }
}

AnalysisPrompt::Result AnalysisService::preview(const Alert &alert, const QList<StoredOccurrence> &occurrences,
                                                const AnalysisPrompt::Options &options) const
{
    return AnalysisPrompt::build(alert, evidenceFor(alert, occurrences), options);
}

void AnalysisService::handleAlertChanges(const QList<AlertChange> &changes)
{
    if (!m_settings.autoRule)
        return;
    for (const AlertChange &change : changes) {
        if (!change.startedFiring() || !m_settings.autoRule->matches(change.alert))
            continue;
        std::optional<IncidentSnapshot> incident;
        if (m_settings.autoTarget == RuleTarget::Incident && m_incidentLookup)
            incident = m_incidentLookup(change.alert);
        if (incident)
            startAutomaticIncident(change.alert, *incident);
        else
            startAutomatic(change.alert);
    }
}

void AnalysisService::startAutomaticIncident(const Alert &trigger, const IncidentSnapshot &incident)
{
    if (m_autoIncidents.contains(incident.anchor))
        return; // one analysis per incident, however many of its alerts match
    if (!m_autoStarts.tryTake(m_settings.autoPerHour)) {
        qCInfo(lcLlm).noquote() << "automatic analysis of the incident of" << trigger.fingerprint
                                << "held back: limit of" << m_settings.autoPerHour << "per hour reached";
        emit autoAnalysisLimited(trigger);
        return;
    }
    m_autoIncidents.insert(incident.anchor);
    // A storm's alerts arrive over seconds: the analysis waits for the rest to join.
    QTimer::singleShot(m_settings.incidentSettle, this, [this, trigger, first = incident] {
        std::optional<IncidentSnapshot> now = m_incidentLookup ? m_incidentLookup(trigger) : std::nullopt;
        const IncidentSnapshot incident = now.value_or(first);
        m_autoIncidents.insert(incident.anchor);
        const Alert &primary = incident.primary();
        if (!m_history || !primary.inLiveStore())
            return analyzeIncident(incident, true);
        // Across restarts: an incident whose worst alert was analysed automatically is not again.
        m_history->fetchAnalyses(AlertKey::of(primary), this, [this, incident](const QList<StoredAnalysis> &stored) {
            const QDateTime startsAt = incident.primary().startsAt;
            const bool done = std::any_of(stored.cbegin(), stored.cend(), [&startsAt](const StoredAnalysis &a) {
                return a.automatic && a.occurrenceStartsAt == startsAt;
            });
            if (done) {
                m_autoStarts.giveBack();
                return;
            }
            analyzeIncident(incident, true);
        });
    });
}

int AnalysisService::automaticRunsThisHour() const
{
    return m_autoStarts.takenInLastHour();
}

void AnalysisService::startAutomatic(const Alert &alert)
{
    const OccurrenceKey occurrence = OccurrenceKey::of(alert);
    if (m_autoOccurrences.contains(occurrence))
        return;
    if (!m_autoStarts.tryTake(m_settings.autoPerHour)) {
        qCInfo(lcLlm).noquote() << "automatic analysis of" << alert.fingerprint << "held back: limit of"
                                << m_settings.autoPerHour << "per hour reached";
        emit autoAnalysisLimited(alert);
        return;
    }
    m_autoOccurrences.insert(occurrence);
    if (!m_history || !alert.inLiveStore())
        return analyze(alert, true);
    // Across restarts: an occurrence analysed automatically before is not analysed again.
    m_history->fetchAnalyses(AlertKey::of(alert), this, [this, alert](const QList<StoredAnalysis> &stored) {
        const bool done = std::any_of(stored.cbegin(), stored.cend(), [&alert](const StoredAnalysis &analysis) {
            return analysis.automatic && analysis.occurrenceStartsAt == alert.startsAt;
        });
        if (done) {
            m_autoStarts.giveBack();
            return;
        }
        analyze(alert, true);
    });
}
