#pragma once

#include "core/Result.h"

#include <QString>

// The folder that holds the alert store. Prepared once at start-up: created if
// missing, then proven writable by writing and removing a probe file (permission
// bits alone say nothing for root or on read-only mounts).
//
// What it holds (payloads, analyses) is for its owner only, whatever the umask: a
// directory AlertDeck creates is 0700, and so is the default directory when an
// earlier version left it open to others. A directory the user chose that already
// exists keeps its mode (it is theirs, and may be shared on purpose); the files
// AlertDeck writes into it are 0600 all the same (see restrictToOwner).
namespace DataDirectory {
QString defaultPath();
// The directory's absolute, cleaned path, or why it cannot be used (naming it).
Result<QString> prepare(const QString &requestedPath);

// Creates `filePath` empty with mode 0600 when it does not exist yet (before SQLite
// opens it: SQLite gives its -wal and -shm files the database file's mode). True
// when this call created it.
bool createPrivateFile(const QString &filePath);
// Takes group and other permissions away from `filePath` when it has any; false
// only when that was needed and failed.
bool restrictToOwner(const QString &filePath);
} // namespace DataDirectory
