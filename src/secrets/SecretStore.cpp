#include "secrets/SecretStore.h"

#include <QTimer>

void SecretStore::answerLater(QObject *context, Callback done, const Result &result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result] {
        if (done)
            done(result);
    });
}
