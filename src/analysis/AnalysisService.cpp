#include "analysis/AnalysisService.h"

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
    QList<StoredOccurrence> occurrences;
    QString apiKey;
    QTimer contextTimeout;
    QMetaObject::Connection contextUpdates;

    bool ready() const { return contextReady && occurrencesReady && keyReady; }
};

QString AnalysisService::Run::statusText() const
{
    if (stoppedEarly)
        return error;
    if (!error.isEmpty())
        return AnalysisService::tr("Failed: %1").arg(error);
    if (phase == Phase::Gathering)
        return AnalysisService::tr("Gathering the alert's metrics, logs and history…");
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
    if (stoppedEarly)
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
    const AlertKey key = AlertKey::of(alert);
    if (const auto it = m_runs.constFind(key); it != m_runs.cend() && it.value()->isRunning())
        stop(key);
    m_finishedOrder.removeAll(key);
    auto run = std::make_shared<Run>();
    run->key = key;
    run->alert = alert;
    run->automatic = automatic;
    run->startedAt = QDateTime::currentDateTimeUtc();
    run->model = m_settings.request.model;
    m_runs.insert(key, run);
    qCInfo(lcLlm).noquote() << (automatic ? "automatic" : "manual") << "analysis of" << alert.name << alert.fingerprint
                            << "with" << run->model;
    emit runChanged(key);
    gather(*run);
}

void AnalysisService::gather(Run &run)
{
    const AlertKey key = run.key;
    auto gathering = std::make_shared<Gathering>();
    m_gathering.insert(key, gathering);
    const Alert alert = run.alert;

    // The metrics and logs, as far as they arrive in time.
    const OccurrenceKey contextKey = OccurrenceKey::of(alert);
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
    if (!hasSources) {
        gathering->contextReady = true;
    } else {
        m_context->hold(alert);
        const ContextService::Context *context = m_context->context(contextKey);
        if (context && context->complete()) {
            gathering->contextReady = true;
        } else {
            gathering->contextUpdates = connect(m_context, &ContextService::contextUpdated, this,
                                                [this, contextKey, contextArrived](const OccurrenceKey &updated) {
                                                    const ContextService::Context *c = m_context->context(contextKey);
                                                    if (updated == contextKey && c && c->complete())
                                                        contextArrived();
                                                });
            gathering->contextTimeout.setSingleShot(true);
            connect(&gathering->contextTimeout, &QTimer::timeout, this, contextArrived);
            gathering->contextTimeout.start(m_settings.contextWait);
        }
    }

    // Earlier occurrences from the store (demo alerts are not stored).
    if (m_history && alert.inLiveStore()) {
        m_history->fetchDetails(AlertKey::of(alert), this, [this, key, gathering](const AlertDetails &d) {
            gathering->occurrences = d.occurrences;
            gathering->occurrencesReady = true;
            maybeSend(key);
        });
    } else {
        gathering->occurrencesReady = true;
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
    buildPrompt(run, gathering->apiKey, evidenceFor(run->alert, gathering->occurrences));
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

void AnalysisService::send(Run &run, const QString &apiKey)
{
    const AlertKey key = run.key;
    if (m_settings.request.baseUrl.isEmpty()) {
        run.error = tr("No AI provider is set up: add its URL and key in Settings → AI analysis.");
        run.setupProblem = true;
        finishRun(key);
        return;
    }
    if (refuseWithoutKey(run, apiKey))
        return;
    CompletionRequest request = m_settings.request;
    request.apiKey = apiKey;
    request.messages = run.prompt.messages;
    run.completion = std::make_unique<ChatCompletion>(m_network);
    run.phase = Run::Phase::Streaming;
    ChatCompletion *completion = run.completion.get();
    connect(completion, &ChatCompletion::grew, this, [this, key] { emit runGrew(key); });
    connect(completion, &ChatCompletion::stateChanged, this, [this, key] { emit runChanged(key); });
    connect(completion, &ChatCompletion::finished, this, [this, key, hadKey = !apiKey.isEmpty()] {
        const auto run = m_runs.value(key);
        if (!hadKey && run && run->completion->failure() == ChatCompletion::Failure::HttpStatus
            && run->completion->httpStatus() == 401)
            run->error = tr("The provider wants an API key and none is set: add it in Settings → AI analysis.");
        finishRun(key);
    });
    completion->start(request, m_settings.retry);
    emit runChanged(key);
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
    if (run->completion) {
        run->completion->stop(); // finished() → finishRun()
        return;
    }
    run->error = tr("Stopped before the request was sent.");
    run->stoppedEarly = true;
    finishRun(key);
}

void AnalysisService::finishRun(const AlertKey &key)
{
    const auto run = m_runs.value(key);
    if (!run || run->phase == Run::Phase::Done)
        return;
    if (const auto gathering = m_gathering.take(key))
        disconnect(gathering->contextUpdates);
    if (m_context)
        m_context->release(OccurrenceKey::of(run->alert));
    run->phase = Run::Phase::Done;
    qCInfo(lcLlm).noquote() << "analysis of" << run->alert.fingerprint << analysisOutcomeName(run->outcome())
                            << (run->completion ? run->completion->error() : run->error);
    m_finishedOrder << key;
    emit runChanged(key);
    emit runFinished(key);
    store(*run);
    forgetOldRuns();
}

void AnalysisService::store(Run &run)
{
    StoredAnalysis analysis;
    analysis.source = run.alert.source;
    analysis.fingerprint = run.alert.fingerprint;
    analysis.occurrenceStartsAt = run.alert.startsAt;
    analysis.createdAt = run.startedAt;
    analysis.durationMs = run.startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    analysis.model = run.model;
    analysis.promptHash = run.prompt.messages.isEmpty() ? QString() : run.prompt.hash(run.model);
    analysis.outcome = run.outcome();
    analysis.automatic = run.automatic;
    if (run.completion) {
        const ChatStream &stream = run.completion->stream();
        analysis.content = stream.content();
        analysis.reasoning = stream.reasoning();
        analysis.error = run.error.isEmpty() ? run.completion->error() : run.error;
        if (const auto &usage = stream.usage()) {
            analysis.promptTokens = usage->promptTokens;
            analysis.completionTokens = usage->completionTokens;
        }
    } else {
        analysis.error = run.error;
    }
    // Frozen with the answer: an old analysis opens with exactly the evidence it saw.
    if (!run.prompt.evidence.isEmpty())
        analysis.evidence = run.prompt.evidence.toJson();
    if (const QList<Hypothesis> hypotheses = Hypotheses::parse(analysis.content).hypotheses; !hypotheses.isEmpty())
        analysis.hypotheses = Hypotheses::toJson(hypotheses);
    // A failure without any text is shown, not kept: the History lists answers.
    if (analysis.content.isEmpty() && analysis.reasoning.isEmpty())
        return;
    if (!m_history || !run.alert.inLiveStore()) {
        run.stored = analysis;
        emit analysisStored(analysis, {});
        return;
    }
    m_history->saveAnalysis(analysis, this, [this, key = run.key](const StoredAnalysis &saved, const QString &error) {
        if (!error.isEmpty())
            qCWarning(lcLlm).noquote() << "could not store the analysis:" << error;
        if (const auto run = m_runs.value(key); run && !run->isRunning())
            run->stored = saved;
        emit analysisStored(saved, error);
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

AnalysisPrompt::Result AnalysisService::preview(const Alert &alert, const QList<StoredOccurrence> &occurrences,
                                                const AnalysisPrompt::Options &options) const
{
    return AnalysisPrompt::build(alert, evidenceFor(alert, occurrences), options);
}

void AnalysisService::handleAlertChanges(const QList<AlertChange> &changes)
{
    if (!m_settings.autoRule)
        return;
    for (const AlertChange &change : changes)
        if (change.startedFiring() && m_settings.autoRule->matches(change.alert))
            startAutomatic(change.alert);
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
