#include "cli/PayloadAlert.h"

#include "context/ContextClient.h"
#include "ingest/PayloadParser.h"

#include <QFile>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

PayloadAlert PayloadAlert::load(const QString &file, int number)
{
    PayloadAlert result;
    QFile payload(file);
    if (!payload.open(QIODevice::ReadOnly)) {
        result.error = tr("Cannot read %1: %2").arg(file, payload.errorString());
        return result;
    }
    const PayloadParseResult parsed
        = parsePayload(payload.readAll(), PayloadFormat::Auto, QDateTime::currentDateTimeUtc());
    if (!parsed.ok()) {
        result.error = tr("%1 is not a webhook payload AlertDeck understands: %2").arg(file, parsed.error->message);
        return result;
    }
    const QList<Alert> &alerts = parsed.payload.alerts;
    result.alertsInPayload = int(alerts.size());
    if (number < 1 || number > alerts.size()) {
        result.error
            = tr("%1 holds %n alert(s); there is no alert %2.", nullptr, int(alerts.size())).arg(file).arg(number);
        return result;
    }
    result.alert = alerts.at(number - 1);
    return result;
}

ConnectionCheckRequest PayloadAlert::endpoint(const QString &url, const QString &service)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    ConnectionCheckRequest request{QUrl(url)};
    request.user = environment.value(u"ALERTDECK_%1_USER"_s.arg(service));
    request.password = environment.value(u"ALERTDECK_%1_PASSWORD"_s.arg(service));
    request.timeout = ContextClient::defaultTimeout;
    if (service == u"LOKI"_s && environment.contains(u"ALERTDECK_LOKI_ORG_ID"_s))
        request.headers.append({"X-Scope-OrgID", environment.value(u"ALERTDECK_LOKI_ORG_ID"_s).toUtf8()});
    return request;
}
