#pragma once

#include "context/ContextService.h"

#include <QStringList>

#include <functional>

class AppSettings;
class QObject;
class SecretStore;

// Settings → Data sources and Context as the context service takes them: the one
// translation the window and `alertdeck analyze` share, so both gather the same evidence.
namespace ContextSettings {

struct Result {
    ContextService::Sources sources;
    // What is wrong with the queries file, one line each ("FILE line 3: …"), for the log.
    QStringList warnings;
};

// The sources as saved, with the extra charts and label map of the queries file. The
// users are set, the passwords left empty (readPasswords fills them in). The file is
// read here, on the caller's thread: only a regular file of at most
// ContextTemplates::maxFileBytes, so a named pipe or a device never holds it up.
Result load(const AppSettings &settings);

// Fills in, from `secrets`, the password of each endpoint that has a URL and a user but
// no password yet, then calls `done`: at once when there is none to read, else later on
// the caller's thread (never when `context` is gone). A password that cannot be read
// stays empty.
void readPasswords(SecretStore &secrets, const ContextService::Sources &sources, QObject *context,
                   std::function<void(const ContextService::Sources &)> done);

} // namespace ContextSettings
