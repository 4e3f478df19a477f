#pragma once

#include "cli/CommandLineOptions.h"

#include <QObject>
#include <QTextStream>

#include <memory>

class SecretStore;
struct ChatDestination;

// `alertdeck config check FILE`: validates a configuration file (every problem with its
// line and key, exit 1) or prints the effective configuration, defaults included, and
// where each secret would come from: <from env ALERTDECK_X>, <from file PATH>,
// <from keychain> or <missing>. Secret values are never printed.
class ConfigCheckCommand final : public QObject
{
    Q_OBJECT

public:
    ConfigCheckCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent = nullptr);
    ~ConfigCheckCommand() override;

    void start();

signals:
    void finished(int exitCode);

private:
    void printSecrets(const QList<ChatDestination> &destinations);

    CommandLineOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<SecretStore> m_keychain;
};
