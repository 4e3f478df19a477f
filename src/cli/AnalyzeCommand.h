#pragma once

#include "analysis/AnalysisService.h"
#include "cli/CommandLineOptions.h"
#include "context/ContextService.h"

#include <QObject>
#include <QTextStream>

#include <memory>

class SecretStore;

// `alertdeck analyze`: analyses one alert of a payload file with the same prompt,
// client and error handling as the window. The answer streams to stdout as it
// arrives, the reasoning and progress to stderr; finished() carries the exit
// status (1 with the plain message when the analysis failed or was cut off).
// With --json nothing streams: once the run ends, stdout gets one AnalysisReport
// object (its shape is documented in AnalysisReport.h), whatever the outcome; the
// progress and the failure message still go to stderr, the exit status is the same.
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
    void analyze(const AnalysisService::Settings &settings, const Alert &alert, const ContextService::Sources &sources);
    void print(const AlertKey &key);
    void report(const AlertKey &key);
    void finish(const AlertKey &key);
    void fail(const QString &message);
    // The provider refused the model and no list of its models was known: asks it for
    // them (GET /models, the same key) and prints them before failing.
    void failNamingTheModels(const QString &message);

    CommandLineOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
    ContextService m_context;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AnalysisService> m_analysis;
    AnalysisService::Settings m_settings;
    AlertKey m_key;
    bool m_stopRequested = false;
    qsizetype m_printedContent = 0;
    qsizetype m_printedReasoning = 0;
    QString m_lastStatus;
};
