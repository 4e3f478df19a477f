#pragma once

#include "model/Alert.h"

#include <QByteArray>
#include <QList>
#include <QString>

struct AlertmanagerPayload {
    QString receiver;
    QString groupKey;
    QString externalUrl;
    int truncatedAlerts = 0;
    QList<Alert> alerts;
};

struct AlertmanagerParseResult {
    AlertmanagerPayload payload;
    QString error; // empty on success
    bool ok() const { return error.isEmpty(); }
};

// Parses an Alertmanager webhook body (version "4"). Pure: no I/O, no state.
// Unknown fields are ignored; `lastUpdate` is set to `receivedAt`.
AlertmanagerParseResult parseAlertmanagerPayload(const QByteArray &body, const QDateTime &receivedAt);

// RFC 3339 with up to 9 fractional digits; Alertmanager's "0001-01-01T00:00:00Z"
// (a firing alert's end) and anything unparsable give an invalid QDateTime.
QDateTime parseRfc3339(const QString &text);
