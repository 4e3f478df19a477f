#include "ingest/ListenerAuthLoader.h"

#include "secrets/SecretStore.h"

#include <memory>

void loadListenerAuth(SecretStore &store, const ListenerAuth &base, QObject *context,
                      std::function<void(const ListenerAuth &, const QStringList &)> done)
{
    struct Pending {
        ListenerAuth auth;
        QStringList problems;
        int outstanding = 0;
        std::function<void(const ListenerAuth &, const QStringList &)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->auth = base;
    pending->done = std::move(done);
    const std::pair<SecretId, QByteArray ListenerAuth::*> fields[] = {
        {Secrets::listenerToken, &ListenerAuth::bearerToken},
        {Secrets::listenerPassword, &ListenerAuth::basicPassword},
        {Secrets::grafanaHmacSecret, &ListenerAuth::grafanaHmacSecret},
    };
    pending->outstanding = int(std::size(fields));
    for (const auto &[id, field] : fields) {
        store.read(id, context, [pending, field](const SecretStore::Result &result) {
            if (result.ok())
                pending->auth.*field = result.value.toUtf8();
            else if (result.status != SecretStore::Status::NotFound && !pending->problems.contains(result.error))
                pending->problems << result.error;
            if (--pending->outstanding == 0 && pending->done)
                pending->done(pending->auth, pending->problems);
        });
    }
}
