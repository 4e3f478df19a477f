#include "cli/AnalyzeCommand.h"

#include "analysis/AnalysisReport.h"
#include "analysis/AnalysisSettings.h"
#include "analysis/ProviderModels.h"
#include "cli/PayloadAlert.h"
#include "context/ContextSettings.h"
#include "core/BuildInfo.h"
#include "core/Profile.h"
#include "secrets/EnvironmentSecretStore.h"
#include "secrets/KeychainSecretStore.h"
#include "settings/AppSettings.h"

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
    m_err << QLatin1String(BuildInfo::executableName) << ": " << message << Qt::endl;
    QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Failure); });
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
    if (!m_options.analyzeBaseUrl.isEmpty())
        settings.request.baseUrl = QUrl(m_options.analyzeBaseUrl);
    if (!m_options.analyzeModel.isEmpty())
        settings.request.model = m_options.analyzeModel;
    // The model ids known for the provider actually asked (the list is per base URL).
    settings.request.knownModels = ProviderModels::known(saved, settings.request.baseUrl);
    m_settings = settings;

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
    m_analysis = std::make_unique<AnalysisService>(&m_context, nullptr, m_secrets.get());
    m_analysis->setSettings(settings);
    connect(m_analysis.get(), &AnalysisService::runGrew, this, &AnalyzeCommand::print);
    connect(m_analysis.get(), &AnalysisService::runChanged, this, &AnalyzeCommand::report);
    connect(m_analysis.get(), &AnalysisService::runFinished, this, &AnalyzeCommand::finish);
    m_key = AlertKey::of(alert);
    m_analysis->analyze(alert);
    if (m_stopRequested) // Ctrl+C while the passwords were read
        m_analysis->stop(m_key);
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
    if (!run || !run->completion || m_options.analyzeJson)
        return;
    const ChatStream &stream = run->completion->stream();
    if (stream.reasoning().size() > m_printedReasoning) {
        m_err << QStringView(stream.reasoning()).mid(m_printedReasoning);
        m_err.flush();
        m_printedReasoning = stream.reasoning().size();
    }
    if (stream.content().size() > m_printedContent) {
        if (m_printedContent == 0 && m_printedReasoning > 0)
            m_err << "\n\n";
        m_out << QStringView(stream.content()).mid(m_printedContent);
        m_out.flush();
        m_printedContent = stream.content().size();
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
    m_err << QLatin1String(BuildInfo::executableName) << ": " << status << Qt::endl;
}

void AnalyzeCommand::finish(const AlertKey &key)
{
    print(key);
    const AnalysisService::Run *run = m_analysis->run(key);
    if (m_printedContent > 0) {
        m_out << Qt::endl;
    }
    // Whatever the outcome: a script reads the error from the object as well.
    if (run && m_options.analyzeJson) {
        m_out << AnalysisReport(AnalysisReport::inputOf(*run)).toJson();
        m_out.flush();
    }
    if (run && run->outcome() == AnalysisOutcome::Finished) {
        if (const auto &usage = run->completion->stream().usage())
            m_err << QLatin1String(BuildInfo::executableName) << ": "
                  << tr("%1 prompt + %2 answer tokens").arg(usage->promptTokens).arg(usage->completionTokens)
                  << Qt::endl;
        QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Ok); });
        return;
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
