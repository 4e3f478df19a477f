#pragma once

#include "cli/CommandLineOptions.h"

#include <QObject>
#include <QTextStream>

#include <memory>

class ForwardService;
class SecretStore;

// `alertdeck forward`: sends one alert of a payload file (and an analysis from a
// file) to a configured chat destination with the same formatter, client, retries
// and messages as the Forward button; --dry-run prints the message instead.
// finished() carries the exit status (1 with the tool's error when it failed).
class ForwardCommand final : public QObject
{
    Q_OBJECT

public:
    ForwardCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent = nullptr);
    ~ForwardCommand() override;

    // Runs on the event loop; finished() follows.
    void start();

signals:
    void finished(int exitCode);

private:
    void fail(const QString &message);

    CommandLineOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ForwardService> m_forward;
    QString m_lastStatus;
};
