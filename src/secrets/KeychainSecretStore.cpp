#include "secrets/KeychainSecretStore.h"

#include "logging/LogCategories.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace {

SecretStore::Result resultOf(const QKeychain::Job &job)
{
    using Status = SecretStore::Status;
    switch (job.error()) {
    case QKeychain::NoError: return {Status::Ok, {}, {}};
    case QKeychain::EntryNotFound: return {Status::NotFound, {}, {}};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {Status::Unavailable,
                {},
                KeychainSecretStore::tr("No system keychain found: install and unlock gnome-keyring or KWallet (%1).")
                    .arg(job.errorString())};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {Status::Failed, {}, KeychainSecretStore::tr("The keychain refused access: %1").arg(job.errorString())};
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError: break;
    }
    // Without a Secret Service on the session bus, libsecret reports a D-Bus error
    // rather than "no backend": that is still "no keychain" to a person.
    const QString message = job.errorString();
    if (message.contains(u"org.freedesktop.secrets"_s) || message.contains(u"D-Bus"_s, Qt::CaseInsensitive)
        || message.contains(u"DBus"_s))
        return {Status::Unavailable,
                {},
                KeychainSecretStore::tr("No system keychain found: install and unlock gnome-keyring or KWallet (%1).")
                    .arg(message)};
    return {Status::Failed, {}, KeychainSecretStore::tr("The keychain failed: %1").arg(message)};
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &profile, QObject *parent)
    : SecretStore(parent)
    , m_profile(profile)
{ }

void KeychainSecretStore::readSecret(const SecretId &id, QObject *context, Callback done)
{
    run(new QKeychain::ReadPasswordJob(QLatin1String(serviceName), this), id, context, std::move(done));
}

void KeychainSecretStore::writeSecret(const SecretId &id, const QString &value, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(QLatin1String(serviceName), this);
    job->setTextData(value);
    run(job, id, context, std::move(done));
}

void KeychainSecretStore::removeSecret(const SecretId &id, QObject *context, Callback done)
{
    run(new QKeychain::DeletePasswordJob(QLatin1String(serviceName), this), id, context, std::move(done));
}

QString KeychainSecretStore::description() const
{
    return tr("the system keychain");
}

void KeychainSecretStore::run(QKeychain::Job *job, const SecretId &id, QObject *context, Callback done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain file
    job->setKey(id.keychainKey(m_profile));
    QPointer<QObject> guard(context);
    const bool deleting = qobject_cast<QKeychain::DeletePasswordJob *>(job) != nullptr;
    connect(job, &QKeychain::Job::finished, this, [guard, done = std::move(done), id, deleting](QKeychain::Job *job) {
        Result result = resultOf(*job);
        if (deleting && result.status == Status::NotFound)
            result = {Status::Ok, {}, {}};
        if (result.ok())
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
                result.value = read->textData();
        if (!result.ok() && result.status != Status::NotFound)
            qCWarning(lcSecrets).noquote() << id.path() << ":" << result.error;
        if (guard && done)
            done(result);
    });
    job->start();
}
