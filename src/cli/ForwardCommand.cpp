#include "cli/ForwardCommand.h"

#include "cli/PayloadAlert.h"
#include "core/BuildInfo.h"
#include "core/Profile.h"
#include "forward/ForwardService.h"
#include "forward/ForwardSettings.h"
#include "secrets/EnvironmentSecretStore.h"
#include "secrets/KeychainSecretStore.h"
#include "settings/AppSettings.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTimer>

using namespace Qt::StringLiterals;

ForwardCommand::ForwardCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(&out)
    , m_err(&err)
{ }

ForwardCommand::~ForwardCommand() = default;

void ForwardCommand::fail(const QString &message)
{
    m_err << QLatin1String(BuildInfo::executableName) << ": " << message << Qt::endl;
    QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Failure); });
}

void ForwardCommand::start()
{
    const PayloadAlert loaded = PayloadAlert::load(m_options.contextPayloadFile, m_options.contextAlert);
    if (!loaded.error.isEmpty())
        return fail(loaded.error);
    ForwardService::AnalysisText analysis;
    if (!m_options.forwardAnalysisFile.isEmpty()) {
        QFile file(m_options.forwardAnalysisFile);
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read %1: %2").arg(m_options.forwardAnalysisFile, file.errorString()));
        analysis.content = QString::fromUtf8(file.readAll());
    }

    const ForwardService::Settings settings = ForwardSettings::load(AppSettings());
    std::optional<ChatDestination> destination;
    QStringList names;
    for (const ChatDestination &candidate : settings.destinations) {
        names << candidate.name;
        if (candidate.name.compare(m_options.forwardTo, Qt::CaseInsensitive) == 0
            || candidate.id == m_options.forwardTo)
            destination = candidate;
    }
    if (!destination)
        return fail(names.isEmpty() ? tr("No chat destination is set up: add one in Settings → Chat destinations.")
                                    : tr("No chat destination is called \"%1\"; there are: %2.")
                                          .arg(m_options.forwardTo, names.join(u", "_s)));

    // The environment first (scripts, CI), else the keychain.
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (environment.contains(destination->targetSecret().environmentVariable())
        || m_options.secretFiles.contains(destination->targetSecret()))
        m_secrets = std::make_unique<EnvironmentSecretStore>(environment, m_options.secretFiles);
    else
        m_secrets = std::make_unique<KeychainSecretStore>(Profile::keychainProfile());
    m_forward = std::make_unique<ForwardService>(nullptr, m_secrets.get(), nullptr);
    ForwardService::Settings used = settings;
    used.rules.clear();
    m_forward->setSettings(used);

    if (m_options.forwardDryRun) {
        m_forward->preview(
            loaded.alert, destination->id, analysis, this, [this](const ForwardService::Preview &preview) {
                if (preview.request.body.isEmpty())
                    return fail(preview.request.error);
                m_out << "POST " << (preview.shownUrl.isEmpty() ? u"-"_s : preview.shownUrl) << '\n';
                for (const auto &[name, value] : preview.request.headers)
                    m_out << QString::fromLatin1(name) << ": " << QString::fromLatin1(value) << '\n';
                m_out << '\n'
                      << QString::fromUtf8(
                             QJsonDocument::fromJson(preview.request.body).toJson(QJsonDocument::Indented));
                m_out.flush();
                if (preview.request.truncated)
                    m_err << tr("The analysis was cut to fit the tool's size limit.") << Qt::endl;
                if (!preview.warning.isEmpty())
                    m_err << preview.warning << Qt::endl;
                emit finished(ExitCode::Ok);
            });
        return;
    }

    const quint64 id = m_forward->forward(loaded.alert, destination->id, analysis);
    connect(m_forward.get(), &ForwardService::jobChanged, this, [this, id](quint64 changed) {
        const ForwardService::Job *job = m_forward->job(changed);
        if (changed != id || !job || job->isDone())
            return;
        const QString status = m_forward->statusOf(id);
        if (status != m_lastStatus)
            m_err << status << Qt::endl;
        m_lastStatus = status;
    });
    const QString variable = destination->targetSecret().environmentVariable();
    connect(m_forward.get(), &ForwardService::jobFinished, this, [this, id, variable](quint64 done) {
        if (done != id)
            return;
        const ForwardService::Job *job = m_forward->job(id);
        if (!job->result.ok && job->secretsMissing)
            return fail(job->result.message + u' ' + tr("Scripts can set %1 instead.").arg(variable));
        if (!job->result.ok)
            return fail(job->result.message);
        m_out << job->result.message << Qt::endl;
        emit finished(ExitCode::Ok);
    });
}
