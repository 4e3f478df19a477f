#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QString>

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

// The number of lines written, or why the export failed (naming the file).
Result<qint64> run(const QString &storePath, const Range &range, QIODevice &out);

} // namespace PayloadExport
