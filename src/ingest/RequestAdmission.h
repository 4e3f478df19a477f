#pragma once

#include "ingest/HttpRequestParser.h"
#include "ingest/ListenerAuth.h"
#include "ingest/PayloadParser.h"

#include <QHostAddress>
#include <QStringList>

#include <optional>

// Decides from a request's head alone whether the listener serves it, so that a
// refusal never costs reading the body: the route and method, and for the webhooks
// credentials and the JSON media type. It also shuts out web browsers: a page the
// engineer opens could otherwise post alerts to 127.0.0.1 (requests carrying Origin,
// or Sec-Fetch-Site: cross-site), or read /metrics after rebinding its own host name
// to 127.0.0.1 (a loopback listener answers only to loopback names and its address).
class RequestAdmission final
{
public:
    enum class Route { Healthz, Metrics, Webhook };
    struct Verdict {
        Route route = Route::Healthz;
        PayloadFormat format = PayloadFormat::Auto; // webhooks: from the endpoint
        std::optional<HttpRequestParser::Error> refusal;
        bool isWebhook() const { return route == Route::Webhook; }
    };

    RequestAdmission() = default;
    RequestAdmission(ListenerAuth auth, const QHostAddress &listenHost, QStringList allowedOrigins);

    Verdict check(const HttpRequest &request) const;

    const ListenerAuth &auth() const { return m_auth; }

    // The host part of a Host header value ("[::1]:9095" → "::1"); empty when malformed.
    static QString hostName(QByteArrayView hostHeader);
    // What is wrong with `origin` as an entry of the allowed origins ("scheme://host[:port]",
    // http or https, nothing after the authority); empty when nothing is.
    static QString originProblem(const QString &origin);
    // True for JSON media types: application/json and application/*+json, any parameters.
    static bool isJsonMediaType(QByteArrayView contentType);

private:
    std::optional<HttpRequestParser::Error> checkBrowserRules(const HttpRequest &request) const;

    ListenerAuth m_auth;
    QHostAddress m_listenHost;
    bool m_loopbackOnly = true;
    QStringList m_allowedOrigins; // lower case, no trailing slash
};
