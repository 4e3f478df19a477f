#include "cli/CommandLineOptions.h"

#include "analysis/AnalysisToolArguments.h"
#include "cli/IncidentList.h"
#include "core/BuildInfo.h"
#include "core/Profile.h"
#include "ingest/PayloadParser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "CommandLineOptions" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(CommandLineOptions)
};

// RFC 3339, or a plain date meaning its start (UTC).
QDateTime parseTimeArgument(const QString &text)
{
    const QDateTime time = parseRfc3339(text.trimmed());
    if (time.isValid())
        return time;
    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    return date.isValid() ? date.startOfDay(Qt::UTC) : QDateTime();
}

// The report's times: as history export takes them, or back from now ("12h", "7d", "1h30m").
QDateTime parseReportTime(const QString &text)
{
    if (const std::optional<qint64> back = AnalysisToolArguments::parseDuration(text.trimmed()))
        return QDateTime::currentDateTimeUtc().addSecs(-*back);
    return parseTimeArgument(text);
}

enum class TimeForm { Absolute, OrBackFromNow };
using TimeOptions = QList<std::pair<const QCommandLineOption *, QDateTime *>>;

// Reads each time option that is set into its target: the problem with the first that is
// not a time, or empty.
QString readTimes(const QCommandLineParser &parser, const TimeOptions &times, TimeForm form)
{
    for (const auto &[option, target] : times) {
        if (!parser.isSet(*option))
            continue;
        const QString text = parser.value(*option);
        *target = form == TimeForm::OrBackFromNow ? parseReportTime(text) : parseTimeArgument(text);
        if (target->isValid())
            continue;
        const QString name = option->names().constFirst();
        return form == TimeForm::OrBackFromNow
            ? Text::tr("--%1: \"%2\" is not a time; use RFC 3339 (2026-11-22T10:00:00Z), a "
                       "date (2026-11-22) or a time back from now (12h, 7d).")
                  .arg(name, text)
            : Text::tr("--%1: \"%2\" is not a time; use RFC 3339 (2026-11-22T10:00:00Z) or a "
                       "date (2026-11-22).")
                  .arg(name, text);
    }
    return {};
}

QStringList secretNames()
{
    QStringList names;
    for (const SecretId &id : Secrets::known())
        names << id.shortName();
    return names;
}

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
    const QCommandLineOption profileOption(
        u"profile"_s,
        Text::tr("Run the profile NAME: its own settings, data, keychain entries and default port (letters, digits, "
                 "- and _)."),
        Text::tr("NAME"));
    const QCommandLineOption configOption(
        u"config"_s,
        Text::tr("Take the settings from this INI file (the keys Settings uses; secrets stay out of it). Invalid "
                 "files stop a headless start."),
        Text::tr("FILE"));
    const QCommandLineOption headlessOption(
        u"headless"_s,
        Text::tr("Run without a window: listener and store only; logs to stderr; stops on SIGINT/SIGTERM."));
    const QCommandLineOption demoOption(u"demo"_s, Text::tr("Load the bundled sample alerts (marked as demo data)."));
    const QCommandLineOption logLevelOption(
        u"log-level"_s,
        Text::tr("Least severe messages to log: %1 (default info). QT_LOGGING_RULES overrides it.")
            .arg(LogSetup::levelNames().join(u", "_s)),
        Text::tr("LEVEL"));
    const QCommandLineOption retentionOption(
        u"retention-days"_s,
        Text::tr("Remove resolved alerts and payloads older than DAYS from the store (default 90; 0 keeps "
                 "everything)."),
        Text::tr("DAYS"));
    const QCommandLineOption tlsCertOption(
        u"tls-cert"_s, Text::tr("Serve webhooks over HTTPS with this PEM certificate (chain); needs --tls-key."),
        Text::tr("FILE"));
    const QCommandLineOption tlsKeyOption(u"tls-key"_s, Text::tr("Unencrypted PEM private key for --tls-cert."),
                                          Text::tr("FILE"));
    const QCommandLineOption secretOption(
        u"secret"_s,
        Text::tr("Headless: read a secret from FILE instead of its ALERTDECK_<NAME> environment variable "
                 "(repeatable). NAME is one of %1.")
            .arg(secretNames().join(u", "_s)),
        Text::tr("NAME=@FILE"));
    const QCommandLineOption sinceOption(
        u"since"_s,
        Text::tr("history export: first receive time (RFC 3339 or YYYY-MM-DD); report: the window's start (also 12h, "
                 "7d: back from now; default: the last report, at most 7 days back, else 12h); incidents: the "
                 "earliest start (the same forms; default 24h)."),
        Text::tr("TIME"));
    const QCommandLineOption untilOption(
        u"until"_s,
        Text::tr("history export: receive time to stop before (RFC 3339 or YYYY-MM-DD); report: the window's end "
                 "(default: now)."),
        Text::tr("TIME"));
    const QCommandLineOption payloadOption(
        u"payload"_s,
        Text::tr("context, analyze, forward, similar: a webhook payload file (any format the listener accepts)."),
        Text::tr("FILE"));
    const QCommandLineOption alertOption(
        u"alert"_s, Text::tr("context, analyze, forward, similar: which alert of the payload, from 1 (default 1)."),
        Text::tr("N"));
    const QCommandLineOption prometheusOption(
        u"prometheus"_s, Text::tr("context, analyze: fetch the metric windows from this Prometheus."), Text::tr("URL"));
    const QCommandLineOption lokiOption(u"loki"_s, Text::tr("context, analyze: fetch the log lines from this Loki."),
                                        Text::tr("URL"));
    const QCommandLineOption jsonOption(
        u"json"_s,
        Text::tr("context, analyze, incidents, similar: print JSON instead of text (analyze: one object "
                 "once it ends)."));
    const QCommandLineOption verboseOption(u"verbose"_s, Text::tr("incidents: list each incident's alerts under it."));
    const QCommandLineOption formatOption(u"format"_s, Text::tr("report: md (Markdown, the default) or json."),
                                          Text::tr("FORMAT"));
    const QCommandLineOption baseUrlOption(
        u"base-url"_s, Text::tr("analyze: the OpenAI-compatible API to ask (default: the saved setting)."),
        Text::tr("URL"));
    const QCommandLineOption modelOption(u"model"_s, Text::tr("analyze: the model (default: the saved setting)."),
                                         Text::tr("NAME"));
    const QCommandLineOption noContextOption(u"no-context"_s,
                                             Text::tr("analyze: send the alert alone, without metrics and logs."));
    const QCommandLineOption toolsOption(
        u"tools"_s,
        Text::tr("analyze: let the model query Prometheus and Loki itself (read-only tools), whatever the saved "
                 "setting says; each call is listed on stderr. Default: the saved setting (on unless turned off)."));
    const QCommandLineOption noToolsOption(
        u"no-tools"_s, Text::tr("analyze: no tool calls, whatever the saved setting says: one request, one answer."));
    const QCommandLineOption askOption(
        u"ask"_s,
        Text::tr("analyze: ask a follow-up question about the latest analysis of the alert stored in --data-dir "
                 "(which it needs) and print the new answer; the conversation is stored back. Exit status 1 when "
                 "there is no stored analysis to continue."),
        Text::tr("QUESTION"));
    const QCommandLineOption toOption(u"to"_s, Text::tr("forward: the chat destination, by its name in Settings."),
                                      Text::tr("NAME"));
    const QCommandLineOption analysisOption(
        u"analysis"_s, Text::tr("forward: a Markdown file to send as the alert's analysis."), Text::tr("FILE"));
    const QCommandLineOption dryRunOption(u"dry-run"_s, Text::tr("forward: print the message instead of sending it."));
    const QCommandLineOption speedOption(
        u"speed"_s, Text::tr("replay: how much faster than it happened (1, 10, 60, 600…; default 1)."), Text::tr("N"));
    const QCommandLineOption maxOption(u"max"_s, Text::tr("replay: as fast as possible."));
    const QCommandLineOption maxGapOption(
        u"max-gap"_s, Text::tr("replay: shorten quiet stretches longer than this many seconds to it."),
        Text::tr("SECONDS"));
    const QCommandLineOption tokenEnvOption(
        u"token-env"_s, Text::tr("replay: send \"Authorization: Bearer\" with the token in this environment variable."),
        Text::tr("VAR"));
    const QCommandLineOption basicEnvOption(
        u"basic-env"_s, Text::tr("replay: send Basic auth with \"user:password\" from this environment variable."),
        Text::tr("VAR"));
    parser.addOptions({profileOption, configOption});
    parser.addOptions(
        {basicEnvOption,   listenOption, dataDirOption, headlessOption, demoOption,   logLevelOption,  retentionOption,
         tlsCertOption,    tlsKeyOption, secretOption,  sinceOption,    untilOption,  payloadOption,   alertOption,
         prometheusOption, lokiOption,   jsonOption,    baseUrlOption,  modelOption,  noContextOption, toOption,
         analysisOption,   dryRunOption, speedOption,   maxOption,      maxGapOption, tokenEnvOption,  toolsOption,
         noToolsOption,    askOption,    formatOption,  verboseOption});
    parser.addPositionalArgument(
        u"context"_s,
        Text::tr("Print the metric and log queries planned for an alert of --payload, and what Prometheus and Loki "
                 "answer, then exit."),
        u"[context]"_s);
    parser.addPositionalArgument(
        u"analyze"_s,
        Text::tr("Stream the AI analysis of an alert of --payload to stdout (reasoning to stderr) and exit; the key "
                 "comes from ALERTDECK_DEEPSEEK_API_KEY or the keychain. With --json, print one JSON object at the "
                 "end instead: answer, reasoning, model, outcome, error, evidence [{id, kind, text}], citations [{id, "
                 "count, valid, kind, text}], claims {claims, cited, unsupported, invalid_citations, "
                 "unsupported_sentences}, hypotheses, hypotheses_problems, top_hypothesis, tool_steps [{call_id, "
                 "name, arguments, state, summary, evidence_id}], usage {prompt_tokens, completion_tokens, "
                 "total_tokens, reasoning_tokens}. With --data-dir DIR the analysis is stored there, and --ask "
                 "continues it."),
        u"[analyze]"_s);
    parser.addPositionalArgument(
        u"forward"_s,
        Text::tr("Send an alert of --payload (with --analysis) to the chat destination --to, as the Forward button "
                 "does, and exit; --dry-run prints the message instead."),
        u"[forward]"_s);
    parser.addPositionalArgument(
        u"replay"_s,
        Text::tr("Post the payloads of FILE|DIR... (single payloads, JSON arrays, NDJSON as history export writes "
                 "it) to the listener at --to URL at their original pacing, and exit."),
        u"[replay FILE|DIR...]"_s);
    parser.addPositionalArgument(
        u"report"_s,
        Text::tr("Print the handover report of --data-dir for the window --since to --until (open alerts, counts, "
                 "notes, analyses, noisiest rules, times to acknowledge and resolve) and exit."),
        u"[report]"_s);
    parser.addPositionalArgument(
        u"incidents"_s,
        Text::tr("List the incidents of --data-dir that started since --since, newest first (at most %1): title, "
                 "worst severity, state, alerts, shared scope; --verbose adds their alerts, --json prints one object "
                 "{since, total, truncated, incidents [{anchor, title, severity, state, started_at, member_count, "
                 "scope, members [...]}]}. Alerts stored before AlertDeck grouped incidents belong to none and are "
                 "left out. Reads only: works while AlertDeck runs.")
            .arg(IncidentList::maxIncidents),
        u"[incidents]"_s);
    parser.addPositionalArgument(
        u"similar"_s,
        Text::tr("Print what the store in --data-dir has seen before of an alert of --payload: how often it fired in "
                 "the last 30 days (new, rare, occasional, frequent), how long it usually lasted, and up to 5 earlier "
                 "occurrences that match, with the reason, resolution note and analysis (--json: one object). Reads "
                 "only, with the word index the running AlertDeck has built so far."),
        u"[similar]"_s);
    parser.addPositionalArgument(
        u"history export"_s, Text::tr("Write the stored webhook payloads of --data-dir as NDJSON to stdout and exit."),
        u"[history export]"_s);

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
    const QStringList positional = parser.positionalArguments();
    options.configFile = parser.value(configOption);
    if (positional.size() == 3 && positional.at(0) == u"config"_s && positional.at(1) == u"check"_s) {
        options.action = Action::ConfigCheck;
        options.configFile = positional.at(2);
    } else if (positional.size() >= 1 && positional.at(0) == u"config"_s) {
        return usageError(Text::tr("Use \"config check FILE\"."));
    } else if (positional == QStringList{u"history"_s, u"export"_s}) {
        options.action = Action::HistoryExport;
        if (const QString problem
            = readTimes(parser, {{&sinceOption, &options.exportSince}, {&untilOption, &options.exportUntil}},
                        TimeForm::Absolute);
            !problem.isEmpty())
            return usageError(problem);
    } else if (positional == QStringList{u"context"_s} || positional == QStringList{u"analyze"_s}
               || positional == QStringList{u"forward"_s}) {
        options.action = positional.constFirst() == u"context"_s ? Action::Context
            : positional.constFirst() == u"analyze"_s            ? Action::Analyze
                                                                 : Action::Forward;
        if (!parser.isSet(payloadOption))
            return usageError(Text::tr("%1 needs --payload FILE.").arg(positional.constFirst()));
        options.contextPayloadFile = parser.value(payloadOption);
        if (parser.isSet(alertOption)) {
            bool ok = false;
            options.contextAlert = parser.value(alertOption).toInt(&ok);
            if (!ok || options.contextAlert < 1)
                return usageError(
                    Text::tr("--alert: \"%1\" is not an alert number (1, 2, …).").arg(parser.value(alertOption)));
        }
        for (const auto &[option, target] :
             {std::pair{&prometheusOption, &options.contextPrometheusUrl},
              std::pair{&lokiOption, &options.contextLokiUrl}, std::pair{&baseUrlOption, &options.analyzeBaseUrl}}) {
            if (!parser.isSet(*option))
                continue;
            const QUrl url(parser.value(*option), QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
                return usageError(Text::tr("--%1: \"%2\" is not an http(s) URL.")
                                      .arg(option->names().constFirst(), parser.value(*option)));
            *target = parser.value(*option);
        }
        options.analyzeModel = parser.value(modelOption).trimmed();
        options.analyzeNoContext = parser.isSet(noContextOption);
        if (parser.isSet(modelOption) && options.analyzeModel.isEmpty())
            return usageError(Text::tr("--model: the model name is empty."));
        const bool analyze = options.action == Action::Analyze;
        for (const QCommandLineOption *option : {&baseUrlOption, &modelOption, &noContextOption})
            if (!analyze && parser.isSet(*option))
                return usageError(Text::tr("--%1 only applies to \"analyze\".").arg(option->names().constFirst()));
        options.contextJson = !analyze && parser.isSet(jsonOption);
        options.analyzeJson = analyze && parser.isSet(jsonOption);
        if (options.analyzeNoContext && (parser.isSet(prometheusOption) || parser.isSet(lokiOption)))
            return usageError(Text::tr("--no-context leaves metrics and logs out: drop --prometheus and --loki."));
        if (parser.isSet(toolsOption) && parser.isSet(noToolsOption))
            return usageError(Text::tr("--tools and --no-tools exclude each other."));
        if (parser.isSet(toolsOption) || parser.isSet(noToolsOption))
            options.analyzeTools = parser.isSet(toolsOption);
        if (analyze && parser.isSet(askOption)) {
            options.analyzeQuestion = parser.value(askOption).trimmed();
            if (options.analyzeQuestion.isEmpty())
                return usageError(Text::tr("--ask: the question is empty."));
            if (!parser.isSet(dataDirOption))
                return usageError(Text::tr("--ask continues an analysis stored in --data-dir DIR: give the "
                                           "directory the analysis was stored in."));
        }
        const bool forward = options.action == Action::Forward;
        for (const QCommandLineOption *option : {&toOption, &analysisOption, &dryRunOption})
            if (!forward && parser.isSet(*option))
                return usageError(Text::tr("--%1 only applies to \"forward\".").arg(option->names().constFirst()));
        if (forward) {
            for (const QCommandLineOption *option : {&prometheusOption, &lokiOption, &jsonOption})
                if (parser.isSet(*option))
                    return usageError(
                        Text::tr("--%1 does not apply to \"forward\".").arg(option->names().constFirst()));
            options.forwardTo = parser.value(toOption).trimmed();
            if (options.forwardTo.isEmpty())
                return usageError(Text::tr("forward needs --to NAME: the chat destination as named in Settings."));
            options.forwardAnalysisFile = parser.value(analysisOption);
            options.forwardDryRun = parser.isSet(dryRunOption);
        }
    } else if (!positional.isEmpty() && positional.constFirst() == u"replay"_s) {
        options.action = Action::Replay;
        options.replayInputs = positional.mid(1);
        if (options.replayInputs.isEmpty())
            return usageError(Text::tr("replay needs one or more FILE or DIR to replay."));
        options.replayUrl = parser.value(toOption);
        const QUrl url(options.replayUrl, QUrl::StrictMode);
        if (options.replayUrl.isEmpty())
            return usageError(Text::tr("replay needs --to URL: the listener to post the payloads to."));
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
            return usageError(Text::tr("--to: \"%1\" is not an http(s) URL.").arg(options.replayUrl));
        if (parser.isSet(speedOption) && parser.isSet(maxOption))
            return usageError(Text::tr("--speed and --max exclude each other."));
        if (parser.isSet(speedOption)) {
            bool ok = false;
            options.replaySpeed = parser.value(speedOption).toDouble(&ok);
            if (!ok || options.replaySpeed <= 0)
                return usageError(
                    Text::tr("--speed: \"%1\" is not a positive number (1, 10, 60…).").arg(parser.value(speedOption)));
        }
        if (parser.isSet(maxOption))
            options.replaySpeed = 0;
        if (parser.isSet(maxGapOption)) {
            bool ok = false;
            const int seconds = parser.value(maxGapOption).toInt(&ok);
            if (!ok || seconds < 0)
                return usageError(
                    Text::tr("--max-gap: \"%1\" is not a number of seconds.").arg(parser.value(maxGapOption)));
            options.replayMaxGapSeconds = seconds;
        }
        options.replayTokenVariable = parser.value(tokenEnvOption);
        options.replayBasicVariable = parser.value(basicEnvOption);
        if (parser.isSet(tokenEnvOption) && parser.isSet(basicEnvOption))
            return usageError(Text::tr("--token-env and --basic-env exclude each other."));
        for (const QCommandLineOption *option :
             {&payloadOption, &alertOption, &prometheusOption, &lokiOption, &jsonOption, &baseUrlOption, &modelOption,
              &noContextOption, &analysisOption, &dryRunOption})
            if (parser.isSet(*option))
                return usageError(Text::tr("--%1 does not apply to \"replay\".").arg(option->names().constFirst()));
    } else if (positional == QStringList{u"report"_s}) {
        options.action = Action::Report;
        if (const QString problem
            = readTimes(parser, {{&sinceOption, &options.reportSince}, {&untilOption, &options.reportUntil}},
                        TimeForm::OrBackFromNow);
            !problem.isEmpty())
            return usageError(problem);
        if (options.reportSince.isValid() && options.reportUntil.isValid()
            && options.reportSince >= options.reportUntil)
            return usageError(Text::tr("--since must be before --until."));
        const QString format = parser.value(formatOption).trimmed().toLower();
        if (!format.isEmpty() && format != u"md"_s && format != u"json"_s)
            return usageError(Text::tr("--format: \"%1\" is not md or json.").arg(parser.value(formatOption)));
        options.reportJson = format == u"json"_s;
    } else if (positional == QStringList{u"incidents"_s}) {
        options.action = Action::Incidents;
        if (const QString problem
            = readTimes(parser, {{&sinceOption, &options.incidentsSince}}, TimeForm::OrBackFromNow);
            !problem.isEmpty())
            return usageError(problem);
        if (parser.isSet(untilOption))
            return usageError(Text::tr("--until does not apply to \"incidents\"."));
        options.incidentsVerbose = parser.isSet(verboseOption);
        options.storeJson = parser.isSet(jsonOption);
    } else if (positional == QStringList{u"similar"_s}) {
        options.action = Action::Similar;
        if (!parser.isSet(payloadOption))
            return usageError(Text::tr("similar needs --payload FILE."));
        options.contextPayloadFile = parser.value(payloadOption);
        if (parser.isSet(alertOption)) {
            bool ok = false;
            options.contextAlert = parser.value(alertOption).toInt(&ok);
            if (!ok || options.contextAlert < 1)
                return usageError(
                    Text::tr("--alert: \"%1\" is not an alert number (1, 2, …).").arg(parser.value(alertOption)));
        }
        options.storeJson = parser.isSet(jsonOption);
        for (const QCommandLineOption *option :
             {&sinceOption, &untilOption, &prometheusOption, &lokiOption, &baseUrlOption, &modelOption,
              &noContextOption, &toOption, &analysisOption, &dryRunOption})
            if (parser.isSet(*option))
                return usageError(Text::tr("--%1 does not apply to \"similar\".").arg(option->names().constFirst()));
    } else if (!positional.isEmpty()) {
        return usageError(Text::tr("Unexpected argument \"%1\"; see --help.").arg(positional.join(u' ')));
    } else if (parser.isSet(sinceOption) || parser.isSet(untilOption)) {
        return usageError(
            Text::tr("--since and --until only apply to \"history export\", \"report\" and \"incidents\"."));
    }
    if (options.action != Action::Report && parser.isSet(formatOption))
        return usageError(Text::tr("--format only applies to \"report\"."));
    if (options.action != Action::Replay) {
        for (const QCommandLineOption *option :
             {&speedOption, &maxOption, &maxGapOption, &tokenEnvOption, &basicEnvOption})
            if (parser.isSet(*option))
                return usageError(Text::tr("--%1 only applies to \"replay\".").arg(option->names().constFirst()));
    }
    if (options.action != Action::Analyze) {
        for (const QCommandLineOption *option : {&toolsOption, &noToolsOption, &askOption})
            if (parser.isSet(*option))
                return usageError(Text::tr("--%1 only applies to \"analyze\".").arg(option->names().constFirst()));
    }
    if (options.action != Action::Incidents && parser.isSet(verboseOption))
        return usageError(Text::tr("--verbose only applies to \"incidents\"."));
    if (options.action != Action::Context && options.action != Action::Analyze && options.action != Action::Forward
        && options.action != Action::Replay && options.action != Action::Similar) {
        for (const QCommandLineOption *option :
             {&payloadOption, &alertOption, &prometheusOption, &lokiOption, &jsonOption, &baseUrlOption, &modelOption,
              &noContextOption, &toOption, &analysisOption, &dryRunOption})
            if (parser.isSet(*option) && !(option == &jsonOption && options.action == Action::Incidents))
                return usageError(
                    Text::tr("--%1 only applies to \"context\", \"analyze\", \"forward\" and \"similar\".")
                        .arg(option->names().constFirst()));
    }

    if (parser.isSet(listenOption)) {
        const Result<ListenAddress> listen = parseListenAddress(parser.value(listenOption));
        if (!listen)
            return usageError(Text::tr("--listen: %1").arg(listen.error()));
        options.listen = *listen;
        options.listenGiven = true;
    }
    if (parser.isSet(profileOption)) {
        options.profile = parser.value(profileOption);
        if (!Profile::isValidName(options.profile))
            return usageError(Text::tr("--profile: \"%1\" is not a profile name; use letters, digits, - and _ (at "
                                       "most 32).")
                                  .arg(options.profile));
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
        options.logLevelGiven = true;
    }
    if (parser.isSet(retentionOption)) {
        bool ok = false;
        const int days = parser.value(retentionOption).toInt(&ok);
        if (!ok || days < 0)
            return usageError(Text::tr("--retention-days: \"%1\" is not a number of days (0 or more).")
                                  .arg(parser.value(retentionOption)));
        options.retentionDays = days;
    }
    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption))
        return usageError(Text::tr("--tls-cert and --tls-key go together: give both files or neither."));
    options.tlsCertificateFile = parser.value(tlsCertOption);
    options.tlsKeyFile = parser.value(tlsKeyOption);
    options.headless = parser.isSet(headlessOption);
    for (const QString &assignment : parser.values(secretOption)) {
        const qsizetype equals = assignment.indexOf(u'=');
        const std::optional<SecretId> id = Secrets::byAnyName(assignment.left(equals));
        if (equals < 0 || !id)
            return usageError(
                Text::tr("--secret: \"%1\" does not name a secret; use NAME=@FILE with NAME one of %2.")
                    .arg(assignment.left(equals < 0 ? assignment.size() : equals), secretNames().join(u", "_s)));
        const QString value = assignment.mid(equals + 1);
        // A value typed on the command line is visible to every user (ps, /proc): files only.
        if (!value.startsWith(u'@') || value.size() < 2)
            return usageError(Text::tr("--secret %1: give a file as %1=@/path/to/file; a secret written on the "
                                       "command line would be visible to other users.")
                                  .arg(id->shortName()));
        options.secretFiles.insert(*id, value.mid(1));
    }
    if (!options.secretFiles.isEmpty() && !options.headless && options.action != Action::ConfigCheck
        && options.action != Action::Forward)
        return usageError(Text::tr("--secret applies to --headless; the desktop application keeps secrets in the "
                                   "system keychain (Settings)."));
    options.demo = parser.isSet(demoOption);
    return options;
}
