#pragma once

#include "cli/CommandLineOptions.h"

#include <QObject>
#include <QTextStream>

// `alertdeck report`: the handover report of the store in --data-dir (read-only, while
// AlertDeck runs too) for --since to --until, as Markdown or JSON on stdout. Without
// --since: since the last report (at most 7 days back), else the last 12 hours. A long
// window shows its progress on stderr. The command line does not ask Alertmanager:
// the silences section says so. finished() carries the exit status.
class ReportCommand final : public QObject
{
    Q_OBJECT

public:
    ReportCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent = nullptr);

    void start();

signals:
    void finished(int exitCode);

private:
    CommandLineOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
};
