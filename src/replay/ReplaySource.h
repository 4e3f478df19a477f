#pragma once

#include "ingest/PayloadParser.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// One payload to replay, as read from a file or the store.
struct ReplayItem {
    QDateTime receivedAt{}; // invalid: not recorded (pacing falls back to the alerts' start)
    QString path = QStringLiteral("/webhook"); // the endpoint it came to
    QByteArray body;
    QString origin{}; // "alerts.ndjson:12", for reports
    QDateTime alertsStartAt{}; // the earliest start among its alerts: pacing without receive times
};

// A line or file that could not be read, skipped.
struct ReplayProblem {
    QString file;
    int line = 0; // 0: the whole file
    QString message;
    QString text() const; // "alerts.ndjson:12: not JSON (…)"
};

// Reads payloads to replay: a single payload file (any format the listener accepts),
// a JSON array of payloads, NDJSON as `alertdeck history export` writes it (receivedAt,
// source, path, body) or plain NDJSON of payloads, and folders of such files. Bad
// lines are reported and skipped; a file that is not JSON at all is refused. Pure
// apart from reading the files: no parsing of the alerts themselves.
namespace ReplaySource {

struct Result {
    QList<ReplayItem> items; // in time order where times are known, else in file order
    QList<ReplayProblem> problems;
};

// `limits`: what the listener that will take the payloads allows (Listener/
// maxAlertsPerPayload); a payload over them is reported, not replayed.
Result read(const QStringList &paths, const PayloadLimits &limits = {});
// The payloads AlertDeck stored between `since` and `until` (invalid: open-ended),
// only those with an alert matching `matchers` (filter-bar syntax; empty: all).
// Reads the store read-only; call it off the UI thread.
Result fromHistory(const QString &storePath, const QDateTime &since, const QDateTime &until,
                   const QString &matchers = {}, const PayloadLimits &limits = {});
// One file's content (for tests and for reading from memory).
Result readContent(const QByteArray &content, const QString &fileName, const PayloadLimits &limits = {});

} // namespace ReplaySource
