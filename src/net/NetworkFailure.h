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
    static QString transport(const QNetworkReply &reply, const QStringList &sslProblems);
};
