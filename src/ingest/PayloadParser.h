#pragma once

#include "model/Alert.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

enum class PayloadFormat { Auto, Alertmanager, Grafana, Nightingale };

QString formatName(PayloadFormat format);
// The format a listener endpoint takes ("/webhook" detects it); none for other paths.
std::optional<PayloadFormat> formatForEndpoint(QByteArrayView path);

// Why a body was refused, worded for the sender's logs and the HTTP answer.
struct PayloadError {
    enum class Kind {
        MalformedJson, // 400: not JSON at all; the message names the byte offset
        InvalidShape, // 422: JSON, but not a webhook AlertDeck knows; names the field
    };
    Kind kind = Kind::InvalidShape;
    QString message;

    int httpStatus() const { return kind == Kind::MalformedJson ? 400 : 422; }
};

struct ParsedPayload {
    PayloadFormat format = PayloadFormat::Auto; // as detected when asked for Auto
    QString receiver;
    QString groupKey;
    QString externalUrl;
    int truncatedAlerts = 0; // alerts Alertmanager left out (max_alerts)
    QList<Alert> alerts;
};

struct PayloadParseResult {
    ParsedPayload payload;
    std::optional<PayloadError> error;
    bool ok() const { return !error.has_value(); }
};

// Parses an Alertmanager (v4), Grafana (v1) or Nightingale webhook body into
// normalised alerts. Pure: no I/O, no state. Unknown fields are ignored; fields the
// alert cannot be understood without are required. `receivedAt` becomes each alert's
// lastUpdate (and its start when a sender omits one).
PayloadParseResult parsePayload(const QByteArray &body, PayloadFormat format, const QDateTime &receivedAt);

// RFC 3339 with up to 9 fractional digits, in UTC. Alertmanager's
// "0001-01-01T00:00:00Z" (a firing alert's end) and anything unparsable give an
// invalid QDateTime.
QDateTime parseRfc3339(const QString &text);
