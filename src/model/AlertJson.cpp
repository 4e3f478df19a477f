#include "model/AlertJson.h"

#include "core/JsonText.h"

#include <QJsonArray>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QJsonObject mapToJson(const LabelMap &map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

LabelMap mapFromJson(const QJsonValue &value)
{
    LabelMap map;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

void putText(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

void putTime(QJsonObject &object, const QString &key, const QDateTime &time)
{
    if (time.isValid())
        object.insert(key, time.toUTC().toString(Qt::ISODateWithMs));
}

QDateTime timeFromJson(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace

QJsonObject AlertJson::toJson(const Alert &alert)
{
    QJsonObject object{
        {u"fingerprint"_s, alert.fingerprint},
        {u"source"_s, alert.source},
        {u"state"_s, alert.state == AlertState::Firing ? u"firing"_s : u"resolved"_s},
        {u"severity"_s, alert.severityText},
        {u"name"_s, alert.name},
        {u"labels"_s, mapToJson(alert.labels)},
        {u"annotations"_s, mapToJson(alert.annotations)},
        {u"count"_s, alert.count},
    };
    putTime(object, u"startsAt"_s, alert.startsAt);
    putTime(object, u"endsAt"_s, alert.endsAt);
    putTime(object, u"lastUpdate"_s, alert.lastUpdate);
    putText(object, u"generatorURL"_s, alert.generatorUrl);
    putText(object, u"promQL"_s, alert.promQl);
    putText(object, u"receiver"_s, alert.receiver);
    putText(object, u"groupKey"_s, alert.groupKey);
    putText(object, u"externalURL"_s, alert.externalUrl);
    putText(object, u"silenceURL"_s, alert.silenceUrl);
    putText(object, u"dashboardURL"_s, alert.dashboardUrl);
    putText(object, u"panelURL"_s, alert.panelUrl);
    putText(object, u"imageURL"_s, alert.imageUrl);
    putText(object, u"valueString"_s, alert.valueString);
    if (!alert.values.isEmpty()) {
        QJsonObject values;
        for (auto it = alert.values.begin(); it != alert.values.end(); ++it)
            values.insert(it.key(), it.value());
        object.insert(u"values"_s, values);
    }
    if (alert.demo)
        object.insert(u"demo"_s, true);
    return object;
}

namespace {

// Appends `"key":` after a comma when something came before.
void appendKey(QByteArray &out, const char *key)
{
    if (out.size() > 1)
        out += ',';
    out += '"';
    out += key;
    out += "\":";
}

void appendMap(QByteArray &out, const LabelMap &map)
{
    out += '{';
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it != map.begin())
            out += ',';
        JsonText::appendString(out, it.key());
        out += ':';
        JsonText::appendString(out, it.value());
    }
    out += '}';
}

void appendText(QByteArray &out, const char *key, const QString &value)
{
    if (value.isEmpty())
        return;
    appendKey(out, key);
    JsonText::appendString(out, value);
}

// As QDateTime::toString(Qt::ISODateWithMs) writes a UTC time.
void appendTime(QByteArray &out, const char *key, const QDateTime &time)
{
    if (!time.isValid())
        return;
    appendKey(out, key);
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    char text[40];
    const int length = std::snprintf(text, sizeof text, "\"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\"", date.year(),
                                     date.month(), date.day(), clock.hour(), clock.minute(), clock.second(),
                                     clock.msec());
    out.append(text, length);
}

} // namespace

QByteArray AlertJson::toJsonText(const Alert &alert)
{
    // Keys in the order QJsonDocument writes them (sorted), so both give the same text.
    QByteArray out;
    out.reserve(512);
    out += '{';
    appendKey(out, "annotations");
    appendMap(out, alert.annotations);
    appendKey(out, "count");
    out += QByteArray::number(alert.count);
    appendText(out, "dashboardURL", alert.dashboardUrl);
    if (alert.demo) {
        appendKey(out, "demo");
        out += "true";
    }
    appendTime(out, "endsAt", alert.endsAt);
    appendText(out, "externalURL", alert.externalUrl);
    appendKey(out, "fingerprint");
    JsonText::appendString(out, alert.fingerprint);
    appendText(out, "generatorURL", alert.generatorUrl);
    appendText(out, "groupKey", alert.groupKey);
    appendText(out, "imageURL", alert.imageUrl);
    appendKey(out, "labels");
    appendMap(out, alert.labels);
    appendTime(out, "lastUpdate", alert.lastUpdate);
    appendKey(out, "name");
    JsonText::appendString(out, alert.name);
    appendText(out, "panelURL", alert.panelUrl);
    appendText(out, "promQL", alert.promQl);
    appendText(out, "receiver", alert.receiver);
    appendKey(out, "severity");
    JsonText::appendString(out, alert.severityText);
    appendText(out, "silenceURL", alert.silenceUrl);
    appendKey(out, "source");
    JsonText::appendString(out, alert.source);
    appendTime(out, "startsAt", alert.startsAt);
    appendKey(out, "state");
    out += alert.state == AlertState::Firing ? "\"firing\"" : "\"resolved\"";
    appendText(out, "valueString", alert.valueString);
    if (!alert.values.isEmpty()) {
        appendKey(out, "values");
        out += '{';
        for (auto it = alert.values.begin(); it != alert.values.end(); ++it) {
            if (it != alert.values.begin())
                out += ',';
            JsonText::appendString(out, it.key());
            out += ':';
            JsonText::appendNumber(out, it.value());
        }
        out += '}';
    }
    out += '}';
    return out;
}

Alert AlertJson::fromJson(const QJsonObject &object)
{
    Alert alert;
    alert.fingerprint = object.value(u"fingerprint"_s).toString();
    alert.source = object.value(u"source"_s).toString();
    alert.state = object.value(u"state"_s).toString() == u"resolved"_s ? AlertState::Resolved : AlertState::Firing;
    alert.severityText = object.value(u"severity"_s).toString();
    alert.severity = severityFromText(alert.severityText);
    alert.name = object.value(u"name"_s).toString();
    alert.labels = mapFromJson(object.value(u"labels"_s));
    alert.annotations = mapFromJson(object.value(u"annotations"_s));
    alert.count = object.value(u"count"_s).toInt(1);
    alert.startsAt = timeFromJson(object.value(u"startsAt"_s));
    alert.endsAt = timeFromJson(object.value(u"endsAt"_s));
    alert.lastUpdate = timeFromJson(object.value(u"lastUpdate"_s));
    alert.generatorUrl = object.value(u"generatorURL"_s).toString();
    alert.promQl = object.value(u"promQL"_s).toString();
    alert.receiver = object.value(u"receiver"_s).toString();
    alert.groupKey = object.value(u"groupKey"_s).toString();
    alert.externalUrl = object.value(u"externalURL"_s).toString();
    alert.silenceUrl = object.value(u"silenceURL"_s).toString();
    alert.dashboardUrl = object.value(u"dashboardURL"_s).toString();
    alert.panelUrl = object.value(u"panelURL"_s).toString();
    alert.imageUrl = object.value(u"imageURL"_s).toString();
    alert.valueString = object.value(u"valueString"_s).toString();
    const QJsonObject values = object.value(u"values"_s).toObject();
    for (auto it = values.begin(); it != values.end(); ++it)
        alert.values.insert(it.key(), it.value().toDouble());
    alert.demo = object.value(u"demo"_s).toBool();
    return alert;
}
