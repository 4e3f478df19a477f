#pragma once

#include "cli/CommandLineOptions.h"
#include "context/ContextClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTextStream>

// `alertdeck context`: plans the metric and log queries for one alert of a payload
// file and, given --prometheus / --loki, fetches them with the same code as the
// window, printing text or JSON. finished() carries the exit status: 1 when a
// service could not be asked or answered with an error.
class ContextCommand final : public QObject
{
    Q_OBJECT

public:
    ContextCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent = nullptr);

    // Runs on the event loop; finished() follows.
    void start();

signals:
    void finished(int exitCode);

private:
    void fetchNextMetric();
    void fetchLogs();
    void finish();
    void fail(const QString &message);

    CommandLineOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
    ContextClient m_client;
    Alert m_alert;
    ContextPlan::Window m_window;
    QList<ContextPlan::MetricQuery> m_metrics;
    ContextPlan::LogQuery m_logs;
    qsizetype m_nextMetric = 0;
    QJsonArray m_jsonMetrics;
    QJsonObject m_jsonLogs;
    bool m_failed = false;
};
