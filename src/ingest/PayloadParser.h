#pragma once

#include "model/Alert.h"
#include "model/PayloadFormat.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Bounds on the work one body may cause (the body's size is bounded by the listener).
struct PayloadLimits {
    // Alertmanager and Grafana send one alert group per request, Nightingale one event
    // (or a batch of them): thousands at most in practice.
    static constexpr int defaultMaxAlerts = 10'000;
    int maxAlerts = defaultMaxAlerts; // alerts (or events) in one body
};

// Why a body was refused, worded for the sender's logs and the HTTP answer.
struct PayloadError {
    enum class Kind {
        MalformedJson, // 400: not JSON at all; the message names the byte offset
        InvalidShape, // 422: JSON, but not a webhook AlertDeck knows; names the field
        TooManyAlerts, // 413: more alerts than PayloadLimits::maxAlerts; names both numbers
    };
    Kind kind = Kind::InvalidShape;
    QString message;

    int httpStatus() const
    {
        switch (kind) {
        case Kind::MalformedJson: return 400;
        case Kind::TooManyAlerts: return 413;
        case Kind::InvalidShape: break;
        }
        return 422;
    }
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
// lastUpdate (and its start when a sender omits one). A body with more alerts than
// `limits` allows is refused before any alert is read. Times must lie between
// 1970-01-01 and the end of 9999 (Unix seconds: finite numbers, never "nan" or "inf").
PayloadParseResult parsePayload(const QByteArray &body, PayloadFormat format, const QDateTime &receivedAt,
                                const PayloadLimits &limits = {});

// RFC 3339 with any number of fractional digits (read to the millisecond), in UTC.
// Alertmanager's "0001-01-01T00:00:00Z" (a firing alert's end) and anything
// unparsable give an invalid QDateTime. No range check: parsePayload() does that.
QDateTime parseRfc3339(const QString &text);
// The general reading (regular expressions and QDateTime::fromString) that
// parseRfc3339() leaves the unusual forms to; for tests and the fuzzer, which check that
// both read every text alike.
QDateTime parseRfc3339Generally(const QString &text);
