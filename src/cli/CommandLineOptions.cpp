#include "cli/CommandLineOptions.h"

#include "core/BuildInfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "CommandLineOptions" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(CommandLineOptions)
};

} // namespace

QString CommandLineOptions::versionText()
{
    return u"%1 %2 (Qt %3)"_s.arg(QLatin1String(BuildInfo::applicationName), QLatin1String(BuildInfo::version),
                                  QLatin1String(qVersion()));
}

CommandLineOptions CommandLineOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("AlertDeck: an operator console for on-call engineers.\n"
                 "Receives Alertmanager, Grafana and Nightingale webhooks and shows them live.\n\n"
                 "Exit status: 0 success, 1 runtime failure, 2 invalid command line."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption listenOption(
        u"listen"_s,
        Text::tr("Webhook listener address (default 127.0.0.1:%1; port 0 picks a free port).")
            .arg(BuildInfo::defaultListenPort),
        Text::tr("HOST:PORT"));
    const QCommandLineOption dataDirOption(
        u"data-dir"_s, Text::tr("Directory for the alert store (default: the user's application data folder)."),
        Text::tr("DIR"));
    const QCommandLineOption headlessOption(
        u"headless"_s,
        Text::tr("Run without a window: listener and store only; logs to stderr; stops on SIGINT/SIGTERM."));
    const QCommandLineOption demoOption(u"demo"_s, Text::tr("Load the bundled sample alerts (marked as demo data)."));
    const QCommandLineOption logLevelOption(
        u"log-level"_s,
        Text::tr("Least severe messages to log: %1 (default info). QT_LOGGING_RULES overrides it.")
            .arg(LogSetup::levelNames().join(u", "_s)),
        Text::tr("LEVEL"));
    parser.addOptions({listenOption, dataDirOption, headlessOption, demoOption, logLevelOption});

    CommandLineOptions options;
    auto usageError = [&options](const QString &message) {
        options.action = Action::UsageError;
        options.error = message;
        return options;
    };

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    // --help-all would list Qt's GUI options; they are not AlertDeck's to document.
    if (parser.isSet(helpOption) || parser.isSet(u"help-all"_s)) {
        options.action = Action::ShowHelp;
        // "Usage: <argv[0]> [options]": parsed before QCoreApplication exists, the parser
        // does not know argv[0], so name the command the way users type it.
        QString help = parser.helpText();
        const QString usage = u"Usage: "_s;
        if (help.startsWith(usage))
            help.replace(usage.size(), help.indexOf(u' ', usage.size()) - usage.size(),
                         QLatin1String(BuildInfo::executableName));
        options.helpText = help;
        return options;
    }
    if (parser.isSet(versionOption)) {
        options.action = Action::ShowVersion;
        return options;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            Text::tr("Unexpected argument \"%1\"; see --help.").arg(parser.positionalArguments().constFirst()));

    if (parser.isSet(listenOption)) {
        const ListenAddressParseResult listen = parseListenAddress(parser.value(listenOption));
        if (!listen.ok())
            return usageError(Text::tr("--listen: %1").arg(listen.error));
        options.listen = listen.address;
        options.listenGiven = true;
    }
    if (parser.isSet(dataDirOption)) {
        options.dataDir = parser.value(dataDirOption);
        if (options.dataDir.trimmed().isEmpty())
            return usageError(Text::tr("--data-dir: the directory name is empty."));
    }
    if (parser.isSet(logLevelOption)) {
        const auto level = LogSetup::parseLevel(parser.value(logLevelOption));
        if (!level)
            return usageError(Text::tr("--log-level: \"%1\" is not one of %2.")
                                  .arg(parser.value(logLevelOption), LogSetup::levelNames().join(u", "_s)));
        options.logLevel = *level;
    }
    options.headless = parser.isSet(headlessOption);
    options.demo = parser.isSet(demoOption);
    return options;
}
