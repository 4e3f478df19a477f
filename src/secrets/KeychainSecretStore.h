#pragma once

#include "secrets/SecretStore.h"

namespace QKeychain {
class Job;
}

// Secrets in the operating system's keychain through QtKeychain: Secret Service
// (GNOME Keyring, KWallet) on Linux, Keychain on macOS, Credential Manager on
// Windows. Never falls back to a plain file.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(const QString &profile, QObject *parent = nullptr);

    QString description() const override;

    // The QtKeychain service name every entry is filed under.
    static constexpr auto serviceName = "alertdeck";

protected:
    void readSecret(const SecretId &id, QObject *context, Callback done) override;
    void writeSecret(const SecretId &id, const QString &value, QObject *context, Callback done) override;
    void removeSecret(const SecretId &id, QObject *context, Callback done) override;

private:
    void run(QKeychain::Job *job, const SecretId &id, QObject *context, Callback done);

    QString m_profile;
};
