#pragma once

#include "secrets/SecretStore.h"

#include <QHash>

// Secrets in memory, for tests: answers like a keychain would (asynchronously) and
// can pretend to be an unavailable one.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    QString description() const override;

    void setAvailable(bool available) { m_available = available; }
    // Direct access for test set-up and checks.
    QHash<SecretId, QString> contents() const { return m_values; }
    void set(const SecretId &id, const QString &value) { m_values.insert(id, value); }

protected:
    void readSecret(const SecretId &id, QObject *context, Callback done) override;
    void writeSecret(const SecretId &id, const QString &value, QObject *context, Callback done) override;
    void removeSecret(const SecretId &id, QObject *context, Callback done) override;

private:
    QHash<SecretId, QString> m_values;
    bool m_available = true;
};
