#pragma once

#include "ingest/ListenerAuth.h"

#include <QObject>
#include <QStringList>

#include <functional>

class SecretStore;

// Fills the listener's credentials from a SecretStore: the Bearer token, the Basic
// auth password and the Grafana HMAC secret. `base` carries what is not secret (the
// Basic user, Grafana's timestamp header). `done` runs once every read has answered,
// with the problems met (an unavailable keychain, an unreadable --secret file); a
// secret that could not be read is left out.
void loadListenerAuth(SecretStore &store, const ListenerAuth &base, QObject *context,
                      std::function<void(const ListenerAuth &auth, const QStringList &problems)> done);
