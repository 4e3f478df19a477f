#pragma once

#include "ingest/ListenAddress.h"
#include "logging/LogSetup.h"
#include "secrets/SecretId.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

// What the user asked for on the command line, parsed without needing a
// QCoreApplication (so --help and --version work without a display).
struct CommandLineOptions {
    enum class Action {
        Run,
        ShowHelp,
        ShowVersion,
        UsageError,
        HistoryExport,
        Context,
        Analyze,
        Forward,
        Replay,
        ConfigCheck,
        Report,
        Incidents,
        Similar
    };

    Action action = Action::Run;
    QString error; // for UsageError: what is wrong, in one sentence
    QString helpText; // for ShowHelp

    ListenAddress listen = ListenAddress::defaultAddress();
    bool listenGiven = false;
    QString profile; // empty: the default profile
    QString configFile; // --config FILE, or the file of `config check FILE`
    QString dataDir; // empty: the platform's application data location
    bool headless = false;
    bool demo = false;
    LogSetup::Level logLevel = LogSetup::Level::Info;
    bool logLevelGiven = false;
    std::optional<int> retentionDays; // unset: the saved setting (default 90); 0 keeps everything
    QString tlsCertificateFile; // both set: the listener speaks HTTPS
    QString tlsKeyFile;
    QHash<SecretId, QString> secretFiles; // headless: --secret NAME=@FILE
    QDateTime exportSince; // history export: inclusive, invalid = from the start
    QDateTime exportUntil; // history export: exclusive, invalid = to the end
    // alertdeck context, analyze and forward
    QString contextPayloadFile;
    int contextAlert = 1; // 1-based, in the payload's order
    QString contextPrometheusUrl; // empty: plan only
    QString contextLokiUrl;
    bool contextJson = false;
    // alertdeck analyze (empty: the saved setting)
    QString analyzeBaseUrl;
    QString analyzeModel;
    bool analyzeNoContext = false;
    bool analyzeJson = false; // one AnalysisReport object at the end instead of streamed text
    std::optional<bool> analyzeTools; // --tools / --no-tools; unset: the saved setting
    QString analyzeQuestion; // --ask: a follow-up on the latest analysis stored in --data-dir
    // alertdeck forward
    QString forwardTo; // a destination's name (or id)
    QString forwardAnalysisFile; // empty: no analysis
    bool forwardDryRun = false;
    // alertdeck replay
    QStringList replayInputs; // files and folders
    QString replayUrl;
    double replaySpeed = 1.0; // 0: as fast as possible
    std::optional<int> replayMaxGapSeconds; // longer quiet stretches are shortened
    QString replayTokenVariable; // environment variable with a Bearer token
    QString replayBasicVariable; // environment variable with "user:password" for Basic auth

    // alertdeck report (invalid: the default window)
    QDateTime reportSince;
    QDateTime reportUntil;
    bool reportJson = false; // --format json

    // alertdeck incidents (invalid: the last 24 hours) and similar (its payload and
    // alert are contextPayloadFile and contextAlert)
    QDateTime incidentsSince;
    bool incidentsVerbose = false; // members under each incident
    bool storeJson = false; // --json

    static CommandLineOptions parse(const QStringList &arguments);
    static QString versionText();
};

// Process exit codes, documented in --help.
namespace ExitCode {
inline constexpr int Ok = 0;
inline constexpr int Failure = 1;
inline constexpr int Usage = 2;
} // namespace ExitCode
