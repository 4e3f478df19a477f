#include "secrets/EnvironmentSecretStore.h"

#include <QFile>

EnvironmentSecretStore::EnvironmentSecretStore(const QProcessEnvironment &environment,
                                               const QHash<SecretId, QString> &files, QObject *parent)
    : SecretStore(parent)
    , m_environment(environment)
    , m_files(files)
{ }

SecretStore::Result EnvironmentSecretStore::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {Status::Failed, {}, tr("Cannot read the secret file %1: %2").arg(path, file.errorString())};
    // Secret files are small; a huge one is a mistake (a wrong path), not a secret.
    const QByteArray data = file.read(64 * 1024);
    QString value = QString::fromUtf8(data);
    while (value.endsWith(u'\n') || value.endsWith(u'\r'))
        value.chop(1);
    if (value.isEmpty())
        return {Status::Failed, {}, tr("The secret file %1 is empty; an empty secret is no secret.").arg(path)};
    return {Status::Ok, value, {}};
}

void EnvironmentSecretStore::readSecret(const SecretId &id, QObject *context, Callback done)
{
    if (const auto file = m_files.constFind(id); file != m_files.cend())
        return answerLater(context, std::move(done), readFile(*file));
    const QString variable = id.environmentVariable();
    if (m_environment.contains(variable) && !m_environment.value(variable).isEmpty())
        return answerLater(context, std::move(done), {Status::Ok, m_environment.value(variable), {}});
    answerLater(context, std::move(done), {Status::NotFound, {}, {}});
}

void EnvironmentSecretStore::writeSecret(const SecretId &id, const QString &, QObject *context, Callback done)
{
    answerLater(context, std::move(done),
                {Status::ReadOnly,
                 {},
                 tr("In headless mode secrets come from %1 or --secret %2=@FILE; they cannot be changed here.")
                     .arg(id.environmentVariable(), id.shortName())});
}

void EnvironmentSecretStore::removeSecret(const SecretId &id, QObject *context, Callback done)
{
    writeSecret(id, {}, context, std::move(done));
}

QString EnvironmentSecretStore::description() const
{
    return tr("environment variables and --secret files");
}
