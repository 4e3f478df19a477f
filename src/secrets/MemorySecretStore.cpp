#include "secrets/MemorySecretStore.h"

void MemorySecretStore::readSecret(const SecretId &id, QObject *context, Callback done)
{
    if (!m_available)
        return answerLater(context, std::move(done), {Status::Unavailable, {}, tr("No keychain (test).")});
    const auto it = m_values.constFind(id);
    answerLater(context, std::move(done),
                it == m_values.cend() ? Result{Status::NotFound, {}, {}} : Result{Status::Ok, *it, {}});
}

void MemorySecretStore::writeSecret(const SecretId &id, const QString &value, QObject *context, Callback done)
{
    if (!m_available)
        return answerLater(context, std::move(done), {Status::Unavailable, {}, tr("No keychain (test).")});
    m_values.insert(id, value);
    answerLater(context, std::move(done), {Status::Ok, {}, {}});
}

void MemorySecretStore::removeSecret(const SecretId &id, QObject *context, Callback done)
{
    if (!m_available)
        return answerLater(context, std::move(done), {Status::Unavailable, {}, tr("No keychain (test).")});
    m_values.remove(id);
    answerLater(context, std::move(done), {Status::Ok, {}, {}});
}

QString MemorySecretStore::description() const
{
    return tr("memory (tests)");
}
