#pragma once

#include "cli/CommandLineOptions.h"

#include <QObject>
#include <QTextStream>

#include <memory>

class ReplayHttpTarget;
class ReplayPlayer;

// `alertdeck replay FILE|DIR... --to URL`: posts the payloads to another listener at
// their original pacing (or faster), one line per payload, then a summary. The exit
// status is 1 when a payload was refused or an input line could not be read.
class ReplayCommand final : public QObject
{
    Q_OBJECT

public:
    ReplayCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent = nullptr);
    ~ReplayCommand() override;

    // Runs on the event loop; finished() follows.
    void start();
    // Ctrl+C: stops after the payload in flight; the summary says how far it got.
    void stop();

signals:
    void finished(int exitCode);

private:
    void summarise();

    CommandLineOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<ReplayHttpTarget> m_target;
    std::unique_ptr<ReplayPlayer> m_player;
    int m_skipped = 0;
    QStringList m_failures;
};
