#pragma once

#include <QString>

// The folder that holds the alert store. Prepared once at start-up: created if
// missing, then proven writable by writing and removing a probe file (permission
// bits alone say nothing for root or on read-only mounts).
struct DataDirectoryResult {
    QString path; // absolute, cleaned
    QString error; // empty on success; names the path and the reason otherwise
    bool ok() const { return error.isEmpty(); }
};

namespace DataDirectory {
QString defaultPath();
DataDirectoryResult prepare(const QString &requestedPath);
} // namespace DataDirectory
