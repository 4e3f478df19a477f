#include "cli/AnalyzeCommand.h"

#include "analysis/AnalysisReport.h"
#include "analysis/AnalysisSettings.h"
#include "analysis/ProviderModels.h"
#include "cli/PayloadAlert.h"
#include "cli/TerminalText.h"
#include "context/ContextSettings.h"
#include "core/BuildInfo.h"
#include "core/Profile.h"
#include "secrets/EnvironmentSecretStore.h"
#include "secrets/KeychainSecretStore.h"
#include "settings/AppSettings.h"
#include "store/DataDirectory.h"
#include "store/StoreService.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QProcessEnvironment>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// ALERTDECK_<SERVICE>_USER / _PASSWORD and ALERTDECK_LOKI_ORG_ID, as `alertdeck context`
// takes them, win over the saved user, password and tenant.
void useEnvironmentCredentials(ConnectionCheckRequest &endpoint, const QString &service)
{
    const ConnectionCheckRequest given = PayloadAlert::endpoint(endpoint.url.toString(), service);
    if (!given.user.isEmpty())
        endpoint.user = given.user;
    if (!given.password.isEmpty())
        endpoint.password = given.password;
    if (!given.headers.isEmpty())
        endpoint.headers = given.headers;
}

// "tool query_loki({…}) → 12 lines [E14]"; a refused, failed or stopped call's summary
// says so itself ("Refused: …").
QString stepLine(const ToolStep &step)
{
    const QString call
        = u"%1(%2)"_s.arg(TerminalText::oneLine(step.name, 64), TerminalText::oneLine(step.argumentsJson, 160));
    const QString summary = TerminalText::oneLine(step.summary, 400);
    return step.evidenceId.isEmpty() ? AnalyzeCommand::tr("tool %1 → %2").arg(call, summary)
                                     : AnalyzeCommand::tr("tool %1 → %2 [%3]").arg(call, summary, step.evidenceId);
}

// Whether AnalysisService stores the ended run (and so emits analysisStored): it keeps
// a run stored before, or one whose analysis has some text (see AnalysisService::store).
bool willBeStored(const AnalysisService::Run &run)
{
    return run.stored
        || (!run.turns.isEmpty() && (!run.turns.first().answer.isEmpty() || !run.turns.first().reasoning.isEmpty()));
}

} // namespace

AnalyzeCommand::AnalyzeCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(&out)
    , m_err(&err)
{ }

AnalyzeCommand::~AnalyzeCommand() = default;

void AnalyzeCommand::fail(const QString &message)
{
    breakReasoningLine();
    m_err << QLatin1String(BuildInfo::executableName) << ": " << message << Qt::endl;
    end(ExitCode::Failure);
}

void AnalyzeCommand::end(int exitCode)
{
    if (m_storePending) {
        m_exitCode = exitCode;
        return;
    }
    QTimer::singleShot(0, this, [this, exitCode] { emit finished(exitCode); });
}

void AnalyzeCommand::stored(const StoredAnalysis &analysis, const QString &error)
{
    if (!m_storePending || analysis.alert() != m_key)
        return;
    m_storePending = false;
    if (!error.isEmpty()) {
        m_err << QLatin1String(BuildInfo::executableName) << ": "
              << tr("Could not store the analysis in %1: %2").arg(QDir::toNativeSeparators(m_options.dataDir), error)
              << Qt::endl;
        m_exitCode = ExitCode::Failure;
    }
    if (m_exitCode)
        end(*m_exitCode);
}

bool AnalyzeCommand::openStore()
{
    if (m_options.dataDir.isEmpty())
        return true;
    // Asking about a stored analysis: a directory without a store has none to continue
    // (and gets no empty store made for nothing).
    const QString file = QDir(m_options.dataDir).filePath(u"alerts.sqlite"_s);
    if (!m_options.analyzeQuestion.isEmpty() && !QFileInfo::exists(file)) {
        fail(tr("No analysis is stored in %1 to continue: run \"analyze --data-dir %1\" first.")
                 .arg(QDir::toNativeSeparators(m_options.dataDir)));
        return false;
    }
    const Result<QString> directory = DataDirectory::prepare(m_options.dataDir);
    if (!directory) {
        fail(directory.error());
        return false;
    }
    m_store = std::make_unique<StoreService>();
    if (const Result<> opened = m_store->open(QDir(*directory).filePath(u"alerts.sqlite"_s)); !opened) {
        fail(opened.error());
        return false;
    }
    return true;
}

void AnalyzeCommand::start()
{
    const PayloadAlert loaded = PayloadAlert::load(m_options.contextPayloadFile, m_options.contextAlert);
    if (!loaded.error.isEmpty())
        return fail(loaded.error);

    // The saved settings, with what the command line overrides.
    const AppSettings saved;
    AnalysisService::Settings settings = AnalysisSettings::load(saved, QLocale().name());
    settings.autoRule.reset();
    if (m_options.analyzeTools)
        settings.tools.enabled = *m_options.analyzeTools;
    if (!m_options.analyzeBaseUrl.isEmpty())
        settings.request.baseUrl = QUrl(m_options.analyzeBaseUrl);
    if (!m_options.analyzeModel.isEmpty())
        settings.request.model = m_options.analyzeModel;
    // The model ids known for the provider actually asked (the list is per base URL).
    settings.request.knownModels = ProviderModels::known(saved, settings.request.baseUrl);
    m_settings = settings;
    if (!openStore())
        return;

    // The environment first (scripts, CI), else the keychain.
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (environment.contains(Secrets::providerApiKey.environmentVariable()))
        m_secrets = std::make_unique<EnvironmentSecretStore>(environment, QHash<SecretId, QString>{});
    else
        m_secrets = std::make_unique<KeychainSecretStore>(Profile::keychainProfile());

    // The window's context sources, with what the command line and the environment override.
    ContextService::Sources sources;
    if (!m_options.analyzeNoContext) {
        const ContextSettings::Result fromSettings = ContextSettings::load(saved);
        for (const QString &warning : fromSettings.warnings)
            m_err << QLatin1String(BuildInfo::executableName) << ": " << warning << Qt::endl;
        sources = fromSettings.sources;
        if (!m_options.contextPrometheusUrl.isEmpty())
            sources.prometheus.url = QUrl(m_options.contextPrometheusUrl);
        if (!m_options.contextLokiUrl.isEmpty())
            sources.loki.url = QUrl(m_options.contextLokiUrl);
        useEnvironmentCredentials(sources.prometheus, u"PROMETHEUS"_s);
        useEnvironmentCredentials(sources.loki, u"LOKI"_s);
    }
    // The passwords come from the secret store unless the environment gave them.
    ContextSettings::readPasswords(*m_secrets, sources, this,
                                   [this, settings, alert = loaded.alert](const ContextService::Sources &complete) {
                                       analyze(settings, alert, complete);
                                   });
}

void AnalyzeCommand::analyze(const AnalysisService::Settings &settings, const Alert &alert,
                             const ContextService::Sources &sources)
{
    m_context.setSources(sources);
    m_analysis = std::make_unique<AnalysisService>(&m_context, m_store.get(), m_secrets.get());
    m_analysis->setSettings(settings);
    connect(m_analysis.get(), &AnalysisService::runGrew, this, &AnalyzeCommand::print);
    connect(m_analysis.get(), &AnalysisService::runChanged, this, &AnalyzeCommand::report);
    connect(m_analysis.get(), &AnalysisService::stepsChanged, this, &AnalyzeCommand::printSteps);
    connect(m_analysis.get(), &AnalysisService::runFinished, this, &AnalyzeCommand::finish);
    connect(m_analysis.get(), &AnalysisService::analysisStored, this, &AnalyzeCommand::stored);
    m_key = AlertKey::of(alert);
    if (!m_options.analyzeQuestion.isEmpty()) {
        if (m_stopRequested)
            return end(ExitCode::Failure);
        m_store->fetchAnalyses(m_key, this,
                               [this, alert](const QList<StoredAnalysis> &stored) { askAbout(alert, stored); });
        return;
    }
    m_analysis->analyze(alert);
    if (m_stopRequested) // Ctrl+C while the passwords were read
        m_analysis->stop(m_key);
}

void AnalyzeCommand::askAbout(const Alert &alert, const QList<StoredAnalysis> &stored)
{
    if (m_stopRequested)
        return end(ExitCode::Failure);
    // Newest first.
    if (stored.isEmpty())
        return fail(tr("No analysis of \"%1\" is stored in %2 to continue: run \"analyze --data-dir %2\" first.")
                        .arg(alert.name, QDir::toNativeSeparators(m_options.dataDir)));
    if (const Result<> asked = m_analysis->askAbout(stored.constFirst(), alert, m_options.analyzeQuestion); !asked)
        fail(asked.error());
}

void AnalyzeCommand::stop()
{
    m_stopRequested = true;
    if (m_analysis && m_key != AlertKey{})
        m_analysis->stop(m_key);
}

void AnalyzeCommand::print(const AlertKey &key)
{
    const AnalysisService::Run *run = m_analysis->run(key);
    // --json: all of it in one object at the end.
    if (!run || m_options.analyzeJson)
        return;
    // All of the question's text: a request that called tools may have said something
    // before, and the answer comes in the request after the tools' results.
    const QString reasoning = run->reasoning();
    if (reasoning.size() > m_printedReasoning) {
        m_err << TerminalText::safe(QStringView(reasoning).mid(m_printedReasoning));
        m_err.flush();
        m_printedReasoning = reasoning.size();
        m_reasoningLineOpen = !reasoning.endsWith(u'\n');
    }
    const QString content = run->content();
    if (content.size() > m_printedContent) {
        if (m_printedContent == 0 && m_printedReasoning > 0) {
            m_err << "\n\n";
            m_reasoningLineOpen = false;
        }
        m_out << TerminalText::safe(QStringView(content).mid(m_printedContent));
        m_out.flush();
        m_printedContent = content.size();
    }
}

void AnalyzeCommand::breakReasoningLine()
{
    if (!m_reasoningLineOpen)
        return;
    m_err << Qt::endl;
    m_reasoningLineOpen = false;
}

void AnalyzeCommand::printSteps(const AlertKey &key)
{
    const AnalysisService::Run *run = m_analysis->run(key);
    if (!run || key != m_key)
        return;
    const QList<ToolStep> &steps = run->steps();
    m_stepPrinted.resize(steps.size(), false);
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (m_stepPrinted.at(i) || steps.at(i).state == ToolStep::State::Running)
            continue;
        m_stepPrinted[i] = true;
        breakReasoningLine();
        m_err << QLatin1String(BuildInfo::executableName) << ": " << stepLine(steps.at(i)) << Qt::endl;
    }
}

// Progress on stderr, once per change: gathering, connecting, retrying in N s…
void AnalyzeCommand::report(const AlertKey &key)
{
    const AnalysisService::Run *run = m_analysis->run(key);
    // The end is reported by finish().
    if (!run || !run->isRunning() || (run->completion && !run->completion->isRunning()))
        return;
    const bool streaming = run->completion && run->completion->state() == ChatCompletion::State::Streaming;
    const QString status = streaming ? QString() : run->statusText();
    if (status.isEmpty() || status == m_lastStatus)
        return;
    m_lastStatus = status;
    breakReasoningLine();
    m_err << QLatin1String(BuildInfo::executableName) << ": " << status << Qt::endl;
}

void AnalyzeCommand::finish(const AlertKey &key)
{
    if (key != m_key)
        return;
    print(key);
    printSteps(key);
    breakReasoningLine();
    const AnalysisService::Run *run = m_analysis->run(key);
    m_storePending = m_store && run && willBeStored(*run);
    if (m_printedContent > 0) {
        m_out << Qt::endl;
    }
    // Whatever the outcome: a script reads the error from the object as well.
    if (run && m_options.analyzeJson) {
        m_out << AnalysisReport(AnalysisReport::inputOf(*run)).toJson();
        m_out.flush();
    }
    if (run && run->outcome() == AnalysisOutcome::Finished) {
        // Over all of the run's requests (a stored conversation's earlier ones included).
        if (run->promptTokens >= 0 && run->completionTokens >= 0) {
            m_err << QLatin1String(BuildInfo::executableName) << ": "
                  << tr("%1 prompt + %2 answer tokens").arg(run->promptTokens).arg(run->completionTokens);
            if (run->reasoningTokens >= 0)
                m_err << ' ' << tr("(%1 of them reasoning)").arg(run->reasoningTokens);
            m_err << Qt::endl;
        }
        return end(ExitCode::Ok);
    }
    if (run && run->completion && run->completion->failure() == ChatCompletion::Failure::ModelNotOffered
        && m_settings.request.knownModels.isEmpty())
        return failNamingTheModels(run->statusText());
    fail(run ? run->statusText() : tr("The analysis did not run."));
}

void AnalyzeCommand::failNamingTheModels(const QString &message)
{
    m_err << QLatin1String(BuildInfo::executableName) << ": " << message << Qt::endl;
    m_secrets->read(Secrets::providerApiKey, this, [this](const SecretStore::Result &key) {
        auto *fetcher = new ProviderModelFetcher(this);
        fetcher->fetch(m_settings.request.baseUrl, key.value.toUtf8(), std::chrono::seconds(30), this,
                       [this, fetcher](const ProviderModelFetcher::Answer &answer) {
                           fetcher->deleteLater();
                           m_err << QLatin1String(BuildInfo::executableName) << ": "
                                 << (answer.ok ? tr("The provider offers: %1").arg(answer.ids.join(u", "_s))
                                               : tr("Could not list the provider's models: %1").arg(answer.error))
                                 << Qt::endl;
                           emit finished(ExitCode::Failure);
                       });
    });
}
