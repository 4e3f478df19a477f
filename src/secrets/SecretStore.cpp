#include "secrets/SecretStore.h"

#include "logging/Redaction.h"

#include <QTimer>

void SecretStore::answerLater(QObject *context, Callback done, const Result &result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result] {
        if (done)
            done(result);
    });
}

void SecretStore::read(const SecretId &id, QObject *context, Callback done)
{
    readSecret(id, context, [done = std::move(done)](const Result &result) {
        if (result.ok())
            Redaction::addSecretValue(result.value);
        if (done)
            done(result);
    });
}

void SecretStore::write(const SecretId &id, const QString &value, QObject *context, Callback done)
{
    Redaction::addSecretValue(value);
    writeSecret(id, value, context, std::move(done));
}

void SecretStore::remove(const SecretId &id, QObject *context, Callback done)
{
    removeSecret(id, context, std::move(done));
}
