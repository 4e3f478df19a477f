#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QNetworkReply;

// Why a request to a service failed, in words a person can act on: DNS, refused
// connection, TLS problems, or the server's own message from an error body.
class NetworkFailure final
{
    Q_DECLARE_TR_FUNCTIONS(NetworkFailure)

public:
    // Prometheus/Loki/Alertmanager `error` or `message`, OpenAI-style
    // `error.message`, else the start of the body.
    static QString serverMessage(const QByteArray &body);
    // A reply that got no HTTP answer; `sslProblems` as collected from sslErrors().
    // Also says why a redirect to another origin was not followed (see OutboundRequest).
    static QString transport(const QNetworkReply &reply, const QStringList &sslProblems);
    // The reply's HTTP status, or 0 when there is no answer to judge: none arrived, or
    // the server redirected to another origin and Qt stopped there (the reply still
    // carries that 3xx status, but the request was never answered). transport() says why.
    static int httpStatus(const QNetworkReply &reply);
    // Where a refused redirect pointed, as an origin ("https://host:443"); empty when
    // the reply was not refused a redirect.
    static QString refusedRedirectOrigin(const QNetworkReply &reply);
};
