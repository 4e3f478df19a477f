// AlertDeck start-up: options → logging → application → data directory →
// services → listener → window (or headless loop until SIGINT/SIGTERM).

#include "AppServices.h"
#include "MemoryAllocator.h"
#include "cli/AnalyzeCommand.h"
#include "cli/CommandLineOptions.h"
#include "cli/ConfigCheckCommand.h"
#include "cli/ContextCommand.h"
#include "cli/ForwardCommand.h"
#include "cli/IncidentsCommand.h"
#include "cli/ReplayCommand.h"
#include "cli/ReportCommand.h"
#include "cli/SimilarCommand.h"
#include "config/ConfigFile.h"
#include "core/BuildInfo.h"
#include "core/FileDescriptorLimit.h"
#include "core/Profile.h"
#include "core/SingleInstance.h"
#include "core/TerminationSignalWatcher.h"
#include "core/Translations.h"
#include "ingest/HttpListener.h"
#include "logging/LogCategories.h"
#include "logging/LogSetup.h"
#include "model/IncidentTableModel.h"
#include "settings/AppSettings.h"
#include "store/DataDirectory.h"
#include "store/PayloadExport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <optional>

#ifdef ALERTDECK_WITH_UI
#include "Appearance.h"
#include "MainWindow.h"
#include "PlainMessageBox.h"
#include "SeverityStyle.h"
#include "UiResources.h"

#include <QApplication>
#endif

using namespace Qt::StringLiterals;

namespace {

void printTo(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

// --data-dir, else the directory chosen in Settings, else the platform's default.
QString requestedDataDirectory(const CommandLineOptions &options)
{
    return options.dataDir.isEmpty() ? AppSettings().value(Settings::dataDirectory) : options.dataDir;
}

// The system's language, or the one chosen in Settings → Appearance.
void installTranslations(QCoreApplication &app)
{
    Translations::install(app, AppSettings().value(Settings::uiLanguage));
}

void printError(const QString &message)
{
    printTo(stderr, u"%1: %2\n"_s.arg(QLatin1String(BuildInfo::executableName), message));
}

// --help, or what is wrong with the command line.
void printCommandLineAnswer(const CommandLineOptions &options)
{
    if (options.action == CommandLineOptions::Action::ShowHelp) {
        printTo(stdout, options.helpText);
        return;
    }
    printError(options.error);
    printTo(stderr,
            QCoreApplication::translate("main", "Try '%1 --help' for the options.\n")
                .arg(QLatin1String(BuildInfo::executableName)));
}

// Points this process's settings at a working copy filled from the configuration file.
void useConfiguration(const ConfigFile::Contents &config, const QString &directory)
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, directory);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, directory);
    QSettings settings;
    settings.clear();
    for (auto it = config.values.cbegin(); it != config.values.cend(); ++it)
        settings.setValue(it.key(), it.value());
    settings.sync();
}

QString profileLabel()
{
    return Profile::isDefault() ? QCoreApplication::translate("main", "the default profile")
                                : QCoreApplication::translate("main", "profile \"%1\"").arg(Profile::name());
}

// One AlertDeck per user and profile. Returns the exit code when this start should
// end here (another one runs the profile), nothing when it goes on.
std::optional<int> claimProfile(SingleInstance &instance, bool window)
{
    switch (instance.claim()) {
    case SingleInstance::Claim::Primary: return std::nullopt;
    case SingleInstance::Claim::Failed:
        // Better two instances than none: say it and go on.
        qCWarning(lcApp).noquote() << "cannot make sure only one AlertDeck runs this profile:" << instance.error();
        return std::nullopt;
    case SingleInstance::Claim::Activated:
        if (window) {
            printTo(stdout,
                    QCoreApplication::translate("main",
                                                "AlertDeck is already running (%1): its window was "
                                                "brought to the front.\n")
                        .arg(profileLabel()));
            return ExitCode::Ok;
        }
        break;
    case SingleInstance::Claim::Running: break;
    }
    printError(QCoreApplication::translate("main",
                                           "AlertDeck is already running (%1). Stop it first, or run another "
                                           "profile with --profile NAME.")
                   .arg(profileLabel()));
    return ExitCode::Failure;
}

int runHeadless(int &argc, char **argv, const CommandLineOptions &options)
{
    QCoreApplication app(argc, argv);
    installTranslations(app);
    const Result<QString> dataDir = DataDirectory::prepare(requestedDataDirectory(options));
    if (!dataDir) {
        printError(dataDir.error());
        return ExitCode::Failure;
    }
    SingleInstance instance(Profile::instanceKey(*dataDir));
    if (const std::optional<int> exit = claimProfile(instance, false))
        return *exit;
    QObject::connect(&instance, &SingleInstance::activationRequested, &app, [] {
        qCInfo(lcApp) << "AlertDeck was started again for this profile; it runs headless, without a window";
    });

    AppServices services(options, *dataDir);
    QObject::connect(&services, &AppServices::storeFailed, &app, [](const QString &message) {
        printError(message);
        QCoreApplication::exit(ExitCode::Failure);
    });
    // Headless does not start half-configured: an unreadable --secret file is fatal.
    QObject::connect(&services, &AppServices::secretsProblem, &app, [](const QString &message) {
        printError(message);
        QCoreApplication::exit(ExitCode::Failure);
    });
    // The listener starts once deliveries can be stored and its credentials are read;
    // older alerts keep loading.
    QObject::connect(&services, &AppServices::readyToListen, &app, [&services] {
        if (!services.startListener()) {
            const HttpListener *listener = services.listener();
            printError(listener->state() == HttpListener::State::AddressInUse
                           ? QCoreApplication::translate("main", "%1. Choose another address with --listen HOST:PORT.")
                                 .arg(listener->errorString())
                           : listener->errorString());
            QCoreApplication::exit(ExitCode::Failure);
            return;
        }
        qCInfo(lcApp).noquote() << "AlertDeck" << BuildInfo::version << "running headless, listening on"
                                << services.listener()->boundAddress().toString();
    });
    services.start();

    TerminationSignalWatcher terminationWatcher;
    QObject::connect(&terminationWatcher, &TerminationSignalWatcher::terminationRequested, &app, [](int signalNumber) {
        qCInfo(lcApp) << "signal" << signalNumber << "received, stopping";
        QCoreApplication::quit();
    });
    const int status = app.exec();
    services.listener()->stop();
    if (status == ExitCode::Ok)
        qCInfo(lcApp) << "stopped cleanly";
    return status;
}

int runHistoryExport(int &argc, char **argv, const CommandLineOptions &options)
{
    QCoreApplication app(argc, argv);
    installTranslations(app);
    // Read-only: no data directory is created for an export.
    const QString requested = requestedDataDirectory(options);
    const QString dataDir = requested.isEmpty() ? DataDirectory::defaultPath() : requested;
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly)) {
        printError(out.errorString());
        return ExitCode::Failure;
    }
    const Result<qint64> written = PayloadExport::run(QDir(dataDir).filePath(u"alerts.sqlite"_s),
                                                      {options.exportSince, options.exportUntil}, out);
    out.flush();
    if (!written) {
        printError(written.error());
        return ExitCode::Failure;
    }
    qCInfo(lcReplay) << "exported" << *written << "payloads";
    return ExitCode::Ok;
}

// A command that writes to stdout/stderr and ends by emitting finished(exitCode).
template<typename Command> int runOutputCommand(int &argc, char **argv, const CommandLineOptions &options)
{
    QCoreApplication app(argc, argv);
    installTranslations(app);
    QFile out;
    QFile err;
    if (!out.open(stdout, QIODevice::WriteOnly) || !err.open(stderr, QIODevice::WriteOnly))
        return ExitCode::Failure;
    Command command(options, out, err);
    QObject::connect(&command, &Command::finished, &app, &QCoreApplication::exit);
    std::unique_ptr<TerminationSignalWatcher> terminationWatcher;
    if constexpr (requires { &Command::stop; }) {
        // Ctrl+C stops the request; the text so far stays printed and the exit says so.
        terminationWatcher = std::make_unique<TerminationSignalWatcher>();
        QObject::connect(terminationWatcher.get(), &TerminationSignalWatcher::terminationRequested, &command,
                         &Command::stop);
    }
    // Once the event loop runs: a command that finishes at once must still stop it.
    QMetaObject::invokeMethod(&command, &Command::start, Qt::QueuedConnection);
    return app.exec();
}

#ifdef ALERTDECK_WITH_UI
int runWindow(int &argc, char **argv, const CommandLineOptions &options, const QStringList &configProblems)
{
    QApplication app(argc, argv);
    UiResources::initialize();
    QApplication::setWindowIcon(SeverityStyle::appIcon());
    // Wayland and notification servers find the icon and name through the desktop file.
    QGuiApplication::setDesktopFileName(QLatin1String(BuildInfo::desktopFileName));
    installTranslations(app);
    const Result<QString> dataDir = DataDirectory::prepare(requestedDataDirectory(options));
    if (!dataDir) {
        printError(dataDir.error());
        PlainMessageBox::critical(nullptr, QCoreApplication::translate("main", "AlertDeck cannot start"),
                                  dataDir.error());
        return ExitCode::Failure;
    }
    SingleInstance instance(Profile::instanceKey(*dataDir));
    if (const std::optional<int> exit = claimProfile(instance, true))
        return *exit;

    // The window shows at once; stored alerts fill the table as they are read.
    AppServices services(options, *dataDir);
    Appearance::apply(*services.settings());
    MainWindow window({services.alerts(), services.listener(), services.dataDirectory(), services.demo(),
                       services.store(), services.settings(), services.secrets(), services.storePath(),
                       services.context(), services.analysis(), services.forward(), services.replay(),
                       services.alertmanagerSync(), services.acknowledgements(), services.incidents(), true});
    // Saved settings apply at once: the listener rebinds, the look changes.
    QObject::connect(&window, &MainWindow::settingsSaved, &services, [&services] {
        Appearance::apply(*services.settings());
        services.reconfigureListener();
        services.configureContext();
    });
    QObject::connect(&services, &AppServices::storeFailed, &window, [&window](const QString &message) {
        printError(message);
        PlainMessageBox::critical(&window, QCoreApplication::translate("main", "AlertDeck cannot start"), message);
        QCoreApplication::exit(ExitCode::Failure);
    });
    // Without a keychain the listener runs without credentials (refused off loopback)
    // and the window says why.
    QObject::connect(&services, &AppServices::secretsProblem, &window, &MainWindow::showSecretsProblem);
    // On failure the window shows a banner and a status message.
    QObject::connect(&services, &AppServices::readyToListen, &window, [&services] { services.startListener(); });
    services.start();
    // SIGTERM/SIGINT close the window the way the user would, so its layout is saved.
    TerminationSignalWatcher terminationWatcher;
    QObject::connect(&terminationWatcher, &TerminationSignalWatcher::terminationRequested, &window, &MainWindow::quit);
    // The window may close to the tray: the application ends when it closes for good.
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&window, &MainWindow::closedForGood, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    // Starting AlertDeck again for this profile brings this window to the front.
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, [&window] {
        qCInfo(lcApp) << "started again for this store: bringing the window to the front";
        window.bringToFront();
    });
    window.show();
    qCInfo(lcApp) << "main window shown";
    if (!configProblems.isEmpty()) {
        QMessageBox *problems = PlainMessageBox::create(
            QMessageBox::Warning, QCoreApplication::translate("main", "Configuration file"),
            QCoreApplication::translate("main", "%1 has problems, so AlertDeck runs with its saved settings.")
                .arg(options.configFile),
            &window);
        problems->setDetailedText(configProblems.join(u'\n'));
        PlainMessageBox::setInformativeText(*problems, configProblems.mid(0, 5).join(u'\n'));
        problems->open();
    }
    return app.exec();
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QLatin1String(BuildInfo::applicationName));
    QCoreApplication::setOrganizationName(QLatin1String(BuildInfo::organizationName));
    QCoreApplication::setApplicationVersion(QLatin1String(BuildInfo::version));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    CommandLineOptions options = CommandLineOptions::parse(arguments);
    // Before anything reads settings or data locations: they follow the profile.
    Profile::select(options.profile);
    if (options.action == CommandLineOptions::Action::ShowHelp
        || options.action == CommandLineOptions::Action::UsageError) {
        // Parsing ran before any translator could be installed (the options choose the
        // kind of application); what is printed is worked out again, translated.
        QCoreApplication translating(argc, argv);
        installTranslations(translating);
        options = CommandLineOptions::parse(arguments);
        printCommandLineAnswer(options);
        return options.action == CommandLineOptions::Action::ShowHelp ? ExitCode::Ok : ExitCode::Usage;
    }
    switch (options.action) {
    case CommandLineOptions::Action::ShowVersion:
        printTo(stdout, CommandLineOptions::versionText() + u'\n');
        return ExitCode::Ok;
    case CommandLineOptions::Action::ShowHelp:
    case CommandLineOptions::Action::UsageError: break; // answered above
    case CommandLineOptions::Action::Run:
    case CommandLineOptions::Action::HistoryExport:
    case CommandLineOptions::Action::Context:
    case CommandLineOptions::Action::Analyze:
    case CommandLineOptions::Action::Forward:
    case CommandLineOptions::Action::Replay:
    case CommandLineOptions::Action::ConfigCheck:
    case CommandLineOptions::Action::Report:
    case CommandLineOptions::Action::Incidents:
    case CommandLineOptions::Action::Similar: break;
    }

    // analyze and forward write for people on stderr: only warnings join it unless asked.
    const bool quietByDefault = (options.action == CommandLineOptions::Action::Analyze
                                 || options.action == CommandLineOptions::Action::Forward
                                 || options.action == CommandLineOptions::Action::Replay
                                 || options.action == CommandLineOptions::Action::Report
                                 || options.action == CommandLineOptions::Action::Incidents
                                 || options.action == CommandLineOptions::Action::Similar)
        && !options.logLevelGiven;
    LogSetup::apply(quietByDefault ? LogSetup::Level::Warning : options.logLevel);
    if (options.action == CommandLineOptions::Action::ConfigCheck)
        return runOutputCommand<ConfigCheckCommand>(argc, argv, options);
    // --config: this run's settings come from the file, through a working copy (the
    // file itself is never rewritten). A headless start refuses a file with problems;
    // the window starts with the saved settings and shows them.
    QTemporaryDir configCopy;
    QStringList configProblems;
    if (!options.configFile.isEmpty()) {
        const ConfigFile::Contents config = ConfigFile::read(options.configFile);
        for (const ConfigFile::Problem &problem : config.problems)
            configProblems << problem.toString();
        if (!config.ok() && (options.headless || options.action != CommandLineOptions::Action::Run)) {
            for (const QString &problem : configProblems)
                printError(problem);
            printError(
                QCoreApplication::translate("main", "%1 has problems; nothing was started.").arg(options.configFile));
            return ExitCode::Usage;
        }
        for (const QString &problem : configProblems)
            qCWarning(lcApp).noquote() << problem << "- running with the saved settings";
        if (config.ok()) {
            useConfiguration(config, configCopy.path());
            qCInfo(lcApp).noquote() << "settings from" << QFileInfo(options.configFile).absoluteFilePath();
        }
    }
    if (options.action == CommandLineOptions::Action::HistoryExport)
        return runHistoryExport(argc, argv, options);
    if (options.action == CommandLineOptions::Action::Context)
        return runOutputCommand<ContextCommand>(argc, argv, options);
    if (options.action == CommandLineOptions::Action::Analyze)
        return runOutputCommand<AnalyzeCommand>(argc, argv, options);
    if (options.action == CommandLineOptions::Action::Forward)
        return runOutputCommand<ForwardCommand>(argc, argv, options);
    if (options.action == CommandLineOptions::Action::Replay)
        return runOutputCommand<ReplayCommand>(argc, argv, options);
    if (options.action == CommandLineOptions::Action::Report)
        return runOutputCommand<ReportCommand>(argc, argv, options);
    if (options.action == CommandLineOptions::Action::Incidents)
        return runOutputCommand<IncidentsCommand>(argc, argv, options);
    if (options.action == CommandLineOptions::Action::Similar)
        return runOutputCommand<SimilarCommand>(argc, argv, options);
    // The listener holds a descriptor per client: room for many, within the hard limit.
    const long descriptors = FileDescriptorLimit::raiseSoftLimit();
    qCDebug(lcApp) << "open file limit:" << descriptors;
    qCInfo(lcApp).noquote() << "memory allocator:" << MemoryAllocator::description();
#ifdef ALERTDECK_WITH_UI
    if (!options.headless)
        return runWindow(argc, argv, options, configProblems);
#else
    if (!options.headless)
        qCInfo(lcApp) << "built without a user interface: running headless";
#endif
    return runHeadless(argc, argv, options);
}
