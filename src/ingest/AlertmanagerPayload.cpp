#include "ingest/AlertmanagerPayload.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

LabelMap toLabelMap(const QJsonValue &value)
{
    LabelMap map;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toVariant().toString());
    return map;
}

// Gives lupdate and tr() the "AlertmanagerPayload" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(AlertmanagerPayload)
};

} // namespace

QDateTime parseRfc3339(const QString &text)
{
    // Qt::ISODateWithMs accepts at most 3 fractional digits: cut the rest off.
    static const QRegularExpression fraction(u"(\\.\\d{3})\\d+"_s);
    QString normalised = text;
    normalised.replace(fraction, u"\\1"_s);
    QDateTime time = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    if (!time.isValid() || time.date().year() <= 1)
        return {};
    return time.toUTC();
}

AlertmanagerParseResult parseAlertmanagerPayload(const QByteArray &body, const QDateTime &receivedAt)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {{}, Text::tr("invalid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString())};
    if (!document.isObject())
        return {{}, Text::tr("the body is not a JSON object")};
    const QJsonObject root = document.object();
    if (!root.value(u"alerts"_s).isArray())
        return {{}, Text::tr("missing field \"alerts\" (an array)")};

    AlertmanagerPayload payload;
    payload.receiver = root.value(u"receiver"_s).toString();
    payload.groupKey = root.value(u"groupKey"_s).toString();
    payload.externalUrl = root.value(u"externalURL"_s).toString();
    payload.truncatedAlerts = root.value(u"truncatedAlerts"_s).toInt();

    const QJsonArray alerts = root.value(u"alerts"_s).toArray();
    for (qsizetype i = 0; i < alerts.size(); ++i) {
        const QJsonObject object = alerts.at(i).toObject();
        Alert alert;
        alert.source = u"alertmanager"_s;
        alert.fingerprint = object.value(u"fingerprint"_s).toString();
        if (alert.fingerprint.isEmpty())
            return {{}, Text::tr("alerts[%1]: missing field \"fingerprint\"").arg(i)};
        alert.state = object.value(u"status"_s).toString() == u"resolved"_s ? AlertState::Resolved : AlertState::Firing;
        alert.labels = toLabelMap(object.value(u"labels"_s));
        alert.annotations = toLabelMap(object.value(u"annotations"_s));
        alert.name = alert.labels.value(u"alertname"_s);
        alert.severityText = alert.labels.value(u"severity"_s);
        alert.severity = severityFromText(alert.severityText);
        alert.startsAt = parseRfc3339(object.value(u"startsAt"_s).toString());
        alert.endsAt = parseRfc3339(object.value(u"endsAt"_s).toString());
        alert.generatorUrl = object.value(u"generatorURL"_s).toString();
        alert.lastUpdate = receivedAt;
        payload.alerts.append(alert);
    }
    return {payload, {}};
}
