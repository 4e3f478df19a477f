#pragma once

#include "secrets/SecretStore.h"

#include <QHash>
#include <QProcessEnvironment>

// Headless secrets: ALERTDECK_<SERVICE>_<NAME> environment variables and files named
// with --secret NAME=@FILE (a file wins over the environment). Read-only.
class EnvironmentSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    EnvironmentSecretStore(const QProcessEnvironment &environment, const QHash<SecretId, QString> &files,
                           QObject *parent = nullptr);

    QString description() const override;
    bool isWritable() const override { return false; }

    // The file's contents without a trailing line break, or the reason it cannot be read.
    static Result readFile(const QString &path);

protected:
    void readSecret(const SecretId &id, QObject *context, Callback done) override;
    void writeSecret(const SecretId &id, const QString &value, QObject *context, Callback done) override;
    void removeSecret(const SecretId &id, QObject *context, Callback done) override;

private:
    QProcessEnvironment m_environment;
    QHash<SecretId, QString> m_files;
};
