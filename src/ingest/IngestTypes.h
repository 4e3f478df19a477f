#pragma once

#include "ingest/PayloadParser.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// One webhook body as received, before parsing.
struct WebhookDelivery {
    QDateTime receivedAt;
    QString path;
    PayloadFormat format = PayloadFormat::Auto; // from the endpoint
    QByteArray headers; // JSON object, secrets removed
    QByteArray body;
    // False when a Grafana HMAC secret is set and the request is not signed with it:
    // a body detected as Grafana on /webhook is then refused like on /webhook/grafana.
    bool grafanaSignatureValid = true;
};

// The HTTP answer for one delivery.
struct IngestResult {
    int status = 0;
    QByteArray body; // JSON
    QByteArray extraHeaders; // complete header lines ("Retry-After: 5\r\n")
    QString format; // as detected, for accepted payloads
    double commitSeconds = -1; // time of the commit this payload was part of; -1: none
};

// A delivery's answer with the ticket it was posted under (see IngestInbox).
struct IngestOutcome {
    quint64 ticket = 0;
    IngestResult result;
};

Q_DECLARE_METATYPE(WebhookDelivery)
Q_DECLARE_METATYPE(IngestResult)
Q_DECLARE_METATYPE(IngestOutcome)
