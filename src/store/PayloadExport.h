#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

class QIODevice;

// Writes stored webhook payloads as NDJSON, one object per line:
// {"receivedAt": RFC 3339, "source": format, "path": endpoint, "body": the exact body text}.
// The replay feature reads the same format. Opens the store read-only: it works
// while AlertDeck is running and never creates or changes a store.
namespace PayloadExport {

struct Range {
    QDateTime since; // inclusive; invalid: from the start
    QDateTime until; // exclusive; invalid: to the end
};

// Returns an error message naming the file, or nothing; `written` counts lines.
std::optional<QString> run(const QString &storePath, const Range &range, QIODevice &out, qint64 *written = nullptr);

} // namespace PayloadExport
