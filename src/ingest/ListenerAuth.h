#pragma once

#include "ingest/HttpRequestParser.h"

#include <QByteArray>
#include <QStringList>

// Who may post to the webhook endpoints. Off (everything empty) by default on
// loopback. Credentials are compared in constant time.
struct ListenerAuth {
    QByteArray bearerToken; // "Authorization: Bearer <token>"; empty: not accepted
    QByteArray basicUser; // "Authorization: Basic …" (Alertmanager basic_auth); empty: not accepted
    QByteArray basicPassword;
    QByteArray grafanaHmacSecret; // non-empty: /webhook/grafana bodies must be signed
    QByteArray grafanaTimestampHeader; // lower-case header name Grafana puts the timestamp in, if any

    // Basic auth counts only with a user AND a password: an empty secret is no secret.
    bool basicConfigured() const { return !basicUser.isEmpty() && !basicPassword.isEmpty(); }
    bool requiresCredentials() const { return !bearerToken.isEmpty() || basicConfigured(); }
    // What is wrong with the configuration, in sentences for a person (a user without
    // a password); empty when nothing is.
    QStringList problems() const;

    enum class Verdict { Allowed, Missing, Invalid };
    Verdict checkCredentials(const HttpRequest &request) const;
    // X-Grafana-Alerting-Signature = hex(HMAC-SHA256(secret, [timestamp ":"] body)).
    bool checkGrafanaSignature(const HttpRequest &request) const;
    // The WWW-Authenticate header lines for a 401, one per accepted scheme.
    QByteArray challengeHeaders() const;
};

// Equal contents, in time that depends only on the lengths.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
