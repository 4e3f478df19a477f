#pragma once

#include "analysis/AnalysisService.h"
#include "cli/CommandLineOptions.h"
#include "context/ContextService.h"

#include <QList>
#include <QObject>
#include <QTextStream>

#include <memory>
#include <optional>

class SecretStore;
class StoreService;

// `alertdeck analyze`: analyses one alert of a payload file with the same prompt,
// client and error handling as the window. The answer streams to stdout as it
// arrives, the reasoning and progress to stderr; finished() carries the exit
// status (1 with the plain message when the analysis failed or was cut off).
// With --json nothing streams: once the run ends, stdout gets one AnalysisReport
// object (its shape is documented in AnalysisReport.h), whatever the outcome; the
// progress and the failure message still go to stderr, the exit status is the same.
//
// The model's tool calls (allowed by the saved setting, --tools or --no-tools) are
// listed on stderr as each ends, one line each. With --data-dir the analysis is
// stored there as the window stores it, and the command ends once it is on disk;
// --ask continues the latest analysis stored there for the alert instead (exit 1
// when there is none), and stores the grown conversation back.
class AnalyzeCommand final : public QObject
{
    Q_OBJECT

public:
    AnalyzeCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent = nullptr);
    ~AnalyzeCommand() override;

    // Runs on the event loop; finished() follows.
    void start();
    // Ctrl+C: stops the request; what arrived stays printed.
    void stop();

signals:
    void finished(int exitCode);

private:
    // Opens the store in --data-dir; false when it failed (and said why).
    bool openStore();
    void analyze(const AnalysisService::Settings &settings, const Alert &alert, const ContextService::Sources &sources);
    // --ask: the latest stored analysis of `alert`, continued with the question.
    void askAbout(const Alert &alert, const QList<StoredAnalysis> &stored);
    void print(const AlertKey &key);
    // One line on stderr for each tool step that ended since the last call.
    void printSteps(const AlertKey &key);
    // Ends the reasoning's open line on stderr before a line of its own follows.
    void breakReasoningLine();
    void report(const AlertKey &key);
    void finish(const AlertKey &key);
    void fail(const QString &message);
    // finished(exitCode), once the analysis is stored when a save is under way.
    void end(int exitCode);
    void stored(const StoredAnalysis &analysis, const QString &error);
    // The provider refused the model and no list of its models was known: asks it for
    // them (GET /models, the same key) and prints them before failing.
    void failNamingTheModels(const QString &message);

    CommandLineOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
    ContextService m_context;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<StoreService> m_store; // with --data-dir
    std::unique_ptr<AnalysisService> m_analysis;
    AnalysisService::Settings m_settings;
    AlertKey m_key;
    bool m_stopRequested = false;
    qsizetype m_printedContent = 0;
    qsizetype m_printedReasoning = 0;
    QString m_lastStatus;
    QList<bool> m_stepPrinted; // per step of the question: its end is on stderr
    bool m_reasoningLineOpen = false;
    bool m_storePending = false; // the ended run is being saved: finished() waits for it
    std::optional<int> m_exitCode; // decided while the save was pending
};
