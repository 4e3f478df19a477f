#include "ingest/PayloadParser.h"

#include "ingest/LabelFingerprint.h"
#include "ingest/PromQl.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "PayloadParser" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(PayloadParser)
};

// Times a sender can mean: from the Unix epoch to the last second that RFC 3339's
// four-digit year can write. Outside that it is a unit mix-up (milliseconds sent as
// seconds) or garbage, and an integer conversion of it could overflow.
constexpr qint64 latestUnixSeconds = 253'402'300'799; // 9999-12-31T23:59:59Z
// Longer RFC 3339 text is refused unread; "2026-11-22T03:55:59.123456789+05:30" is 35.
constexpr qsizetype maxTimeTextLength = 64;
// How much of a sender's value an error message quotes back.
constexpr qsizetype quotedLength = 64;

// Thrown inside this file only (InvalidShape, TooManyAlerts); parsePayload() returns it.
[[noreturn]] void fail(const QString &message)
{
    throw PayloadError{PayloadError::Kind::InvalidShape, message};
}

// A sender's value as an error message quotes it: the first characters, control
// characters escaped, so that the answer and the log stay short and on one line.
QString excerpt(QStringView text)
{
    qsizetype shown = std::min(text.size(), quotedLength);
    if (shown < text.size() && shown > 0 && text.at(shown - 1).isHighSurrogate())
        --shown; // never half a character
    QString result;
    result.reserve(shown + 1);
    for (const QChar c : text.first(shown)) {
        if (c.category() == QChar::Other_Control)
            result += u"\\u%1"_s.arg(c.unicode(), 4, 16, QChar(u'0'));
        else
            result += c;
    }
    if (shown < text.size())
        result += u'…';
    return result;
}

// Checked before any alert is read: a refused body costs nothing beyond its JSON.
void checkAlertCount(qsizetype count, const PayloadLimits &limits)
{
    if (count > limits.maxAlerts)
        throw PayloadError{
            PayloadError::Kind::TooManyAlerts,
            Text::tr("too many alerts: the payload holds %1 and the limit is %2 per payload (Settings → Listener, "
                     "or Listener/maxAlertsPerPayload in the configuration file)")
                .arg(count)
                .arg(limits.maxAlerts)};
}

QString child(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return Text::tr("null");
    case QJsonValue::Bool: return Text::tr("a boolean");
    case QJsonValue::Double: return Text::tr("a number");
    case QJsonValue::String: return Text::tr("a string");
    case QJsonValue::Array: return Text::tr("an array");
    case QJsonValue::Object: return Text::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return Text::tr("nothing");
}

QJsonObject requireObject(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        fail(Text::tr("%1: expected an object, got %2").arg(path, typeName(value)));
    return value.toObject();
}

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

QString optionalString(const QJsonObject &object, const QString &key, const QString &parent)
{
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return {};
    if (!value.isString())
        fail(Text::tr("%1: expected a string, got %2").arg(child(parent, key), typeName(value)));
    return value.toString();
}

QString requiredString(const QJsonObject &object, const QString &key, const QString &parent)
{
    if (isAbsent(object.value(key)))
        fail(Text::tr("%1: missing").arg(child(parent, key)));
    return optionalString(object, key, parent);
}

// A string, number or boolean as text; none for arrays and objects.
std::optional<QString> scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool: return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Null:
    case QJsonValue::Undefined: return QString();
    case QJsonValue::Array:
    case QJsonValue::Object: break;
    }
    return std::nullopt;
}

QString requireScalarText(const QJsonValue &value, const QString &path)
{
    const std::optional<QString> text = scalarText(value);
    if (!text)
        fail(Text::tr("%1: expected a string, got %2").arg(path, typeName(value)));
    return *text;
}

// A JSON object of name → text (labels, annotations, tags_map). Numbers and booleans
// are written as text; nested objects and arrays are refused.
LabelMap textMap(const QJsonObject &object, const QString &key, const QString &parent, bool required)
{
    const QJsonValue value = object.value(key);
    if (isAbsent(value)) {
        if (required)
            fail(Text::tr("%1: missing").arg(child(parent, key)));
        return {};
    }
    const QString path = child(parent, key);
    const QJsonObject map = requireObject(value, path);
    LabelMap result;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const std::optional<QString> text = scalarText(it.value());
        if (!text) // the key is the sender's: quoted short
            fail(Text::tr("%1: expected a string, got %2").arg(child(path, excerpt(it.key())), typeName(it.value())));
        result.insert(it.key(), *text);
    }
    return result;
}

bool isZeroTime(const QString &text)
{
    return text.startsWith(u"0001-01-01"_s);
}

// An RFC 3339 field: absent or Go's zero time → `fallback` (for an end: none);
// anything else must parse and lie between 1970 and the end of 9999.
QDateTime rfc3339Field(const QJsonObject &object, const QString &key, const QString &parent, const QDateTime &fallback)
{
    const QString text = optionalString(object, key, parent);
    if (text.isEmpty() || isZeroTime(text))
        return fallback;
    const QDateTime time = text.size() <= maxTimeTextLength ? parseRfc3339(text) : QDateTime();
    if (!time.isValid())
        fail(Text::tr("%1: \"%2\" is not an RFC 3339 time").arg(child(parent, key), excerpt(text)));
    const qint64 seconds = time.toSecsSinceEpoch();
    if (seconds < 0 || seconds > latestUnixSeconds)
        fail(Text::tr("%1: \"%2\" is outside the years 1970 to 9999").arg(child(parent, key), excerpt(text)));
    return time;
}

// A Unix-seconds field (number or numeric string); absent or 0 → invalid. The value
// is checked as a double, before it becomes an integer: NaN, infinities and 1e300
// are refused instead of overflowing the conversion.
QDateTime unixSecondsField(const QJsonObject &object, const QString &key, const QString &parent)
{
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return {};
    double seconds = 0;
    if (value.isDouble()) {
        seconds = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        seconds = value.toString().toDouble(&ok);
        // toDouble() reads "nan" and "inf" as numbers; a sender means no time by them.
        if (!ok || !std::isfinite(seconds))
            fail(Text::tr("%1: expected Unix seconds, got \"%2\"").arg(child(parent, key), excerpt(value.toString())));
    } else {
        fail(Text::tr("%1: expected Unix seconds, got %2").arg(child(parent, key), typeName(value)));
    }
    if (!(seconds >= 0 && seconds <= double(latestUnixSeconds))) // also false for NaN
        fail(Text::tr("%1: %2 is outside 0 to %3 Unix seconds (the years 1970 to 9999)")
                 .arg(child(parent, key), QString::number(seconds, 'g', 17))
                 .arg(latestUnixSeconds));
    if (seconds == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(std::llround(seconds * 1000), Qt::UTC);
}

void applySeverity(Alert &alert, const QString &text)
{
    alert.severityText = text;
    alert.severity = severityFromText(text);
}

// --- Alertmanager and Grafana share one envelope -----------------------------

Alert parseEnvelopeAlert(const QJsonValue &value, const QString &path, const ParsedPayload &envelope,
                         const QDateTime &receivedAt)
{
    const QJsonObject object = requireObject(value, path);
    Alert alert;
    alert.source = envelope.format == PayloadFormat::Grafana ? u"grafana"_s : u"alertmanager"_s;

    const QString status = requiredString(object, u"status"_s, path);
    if (status != u"firing"_s && status != u"resolved"_s)
        fail(Text::tr("%1: \"%2\" is neither \"firing\" nor \"resolved\"")
                 .arg(child(path, u"status"_s), excerpt(status)));
    alert.state = status == u"firing"_s ? AlertState::Firing : AlertState::Resolved;

    alert.labels = textMap(object, u"labels"_s, path, true);
    alert.annotations = textMap(object, u"annotations"_s, path, false);
    alert.name = alert.labels.value(u"alertname"_s);
    applySeverity(alert, alert.labels.value(u"severity"_s));
    alert.startsAt = rfc3339Field(object, u"startsAt"_s, path, receivedAt);
    alert.endsAt = rfc3339Field(object, u"endsAt"_s, path, QDateTime());
    alert.fingerprint = optionalString(object, u"fingerprint"_s, path);
    if (alert.fingerprint.isEmpty())
        alert.fingerprint = LabelFingerprint::of(alert.labels);
    alert.generatorUrl = optionalString(object, u"generatorURL"_s, path);
    alert.promQl = PromQl::fromGeneratorUrl(alert.generatorUrl);
    alert.receiver = envelope.receiver;
    alert.groupKey = envelope.groupKey;
    alert.externalUrl = envelope.externalUrl;
    alert.lastUpdate = receivedAt;

    // Grafana's extras; absent in Alertmanager bodies.
    alert.silenceUrl = optionalString(object, u"silenceURL"_s, path);
    alert.dashboardUrl = optionalString(object, u"dashboardURL"_s, path);
    alert.panelUrl = optionalString(object, u"panelURL"_s, path);
    alert.imageUrl = optionalString(object, u"imageURL"_s, path);
    alert.valueString = optionalString(object, u"valueString"_s, path);
    const QJsonValue values = object.value(u"values"_s);
    if (!isAbsent(values)) {
        const QJsonObject map = requireObject(values, child(path, u"values"_s));
        for (auto it = map.begin(); it != map.end(); ++it)
            if (it.value().isDouble())
                alert.values.insert(it.key(), it.value().toDouble());
    }
    return alert;
}

// How many alerts the sender left out (Alertmanager's max_alerts): a count, or absent.
int truncatedAlertsField(const QJsonObject &root)
{
    const QJsonValue value = root.value(u"truncatedAlerts"_s);
    if (isAbsent(value))
        return 0;
    const double count = value.toDouble(-1);
    if (!value.isDouble() || !(count >= 0 && count <= std::numeric_limits<int>::max()) || count != std::floor(count))
        fail(Text::tr("truncatedAlerts: expected a count of 0 or more, got %1")
                 .arg(value.isDouble() ? QString::number(count) : typeName(value)));
    return int(count);
}

ParsedPayload parseEnvelope(const QJsonDocument &document, PayloadFormat format, const QDateTime &receivedAt,
                            const PayloadLimits &limits)
{
    const QJsonObject root = requireObject(
        document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()), Text::tr("the body"));
    ParsedPayload payload;
    payload.format = format;
    payload.receiver = optionalString(root, u"receiver"_s, {});
    payload.groupKey = optionalString(root, u"groupKey"_s, {});
    payload.externalUrl = optionalString(root, u"externalURL"_s, {});
    payload.truncatedAlerts = truncatedAlertsField(root);

    const QJsonValue alerts = root.value(u"alerts"_s);
    if (isAbsent(alerts))
        fail(Text::tr("alerts: missing (an Alertmanager or Grafana webhook has an \"alerts\" array)"));
    if (!alerts.isArray())
        fail(Text::tr("alerts: expected an array, got %1").arg(typeName(alerts)));
    const QJsonArray array = alerts.toArray();
    checkAlertCount(array.size(), limits);
    payload.alerts.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i)
        payload.alerts.append(parseEnvelopeAlert(array.at(i), u"alerts[%1]"_s.arg(i), payload, receivedAt));
    return payload;
}

// --- Nightingale --------------------------------------------------------------

void applyNightingaleSeverity(Alert &alert, const QJsonValue &value, const QString &path)
{
    if (isAbsent(value))
        return applySeverity(alert, {});
    if (!value.isDouble())
        fail(Text::tr("%1: expected a number (1, 2 or 3), got %2").arg(path, typeName(value)));
    switch (value.toInt()) {
    case 1:
        alert.severityText = u"emergency"_s;
        alert.severity = Severity::Critical;
        break;
    case 2:
        alert.severityText = u"warning"_s;
        alert.severity = Severity::Warning;
        break;
    case 3:
        alert.severityText = u"notice"_s;
        alert.severity = Severity::Info;
        break;
    default: // kept and shown as it came
        alert.severityText = QString::number(value.toInt());
        alert.severity = Severity::Other;
    }
}

LabelMap nightingaleLabels(const QJsonObject &object, const QString &path)
{
    LabelMap labels = textMap(object, u"tags_map"_s, path, false);
    if (!labels.isEmpty())
        return labels;
    const QJsonValue tags = object.value(u"tags"_s);
    if (isAbsent(tags))
        return labels;
    if (!tags.isArray())
        fail(Text::tr("%1: expected an array of \"key=value\" strings, got %2")
                 .arg(child(path, u"tags"_s), typeName(tags)));
    const QJsonArray array = tags.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString tag = array.at(i).toString();
        const qsizetype equals = tag.indexOf(u'=');
        if (equals <= 0)
            fail(Text::tr("%1[%2]: expected \"key=value\", got \"%3\"")
                     .arg(child(path, u"tags"_s))
                     .arg(i)
                     .arg(excerpt(tag)));
        labels.insert(tag.left(equals), tag.mid(equals + 1));
    }
    return labels;
}

Alert parseNightingaleEvent(const QJsonValue &value, const QString &path, const QDateTime &receivedAt)
{
    const QJsonObject object = requireObject(value, path);
    Alert alert;
    alert.source = u"nightingale"_s;
    alert.name = requiredString(object, u"rule_name"_s, path);
    alert.labels = nightingaleLabels(object, path);
    if (!alert.labels.contains(u"alertname"_s))
        alert.labels.insert(u"alertname"_s, alert.name);
    const QString ident = optionalString(object, u"target_ident"_s, path);
    if (!ident.isEmpty() && !alert.labels.contains(u"target_ident"_s))
        alert.labels.insert(u"target_ident"_s, ident);
    applyNightingaleSeverity(alert, object.value(u"severity"_s), child(path, u"severity"_s));

    alert.annotations = textMap(object, u"annotations"_s, path, false);
    const QString note = optionalString(object, u"rule_note"_s, path);
    if (!note.isEmpty() && !alert.annotations.contains(u"summary"_s) && !alert.annotations.contains(u"description"_s))
        alert.annotations.insert(u"description"_s, note);
    const QString runbook = optionalString(object, u"runbook_url"_s, path);
    if (!runbook.isEmpty())
        alert.annotations.insert(u"runbook_url"_s, runbook);

    const QJsonValue recovered = object.value(u"is_recovered"_s);
    if (!isAbsent(recovered) && !recovered.isBool())
        fail(Text::tr("%1: expected true or false, got %2").arg(child(path, u"is_recovered"_s), typeName(recovered)));
    alert.state = recovered.toBool() ? AlertState::Resolved : AlertState::Firing;

    alert.startsAt = unixSecondsField(object, u"first_trigger_time"_s, path);
    if (!alert.startsAt.isValid())
        alert.startsAt = unixSecondsField(object, u"trigger_time"_s, path);
    if (!alert.startsAt.isValid())
        alert.startsAt = receivedAt;
    if (alert.state == AlertState::Resolved) {
        alert.endsAt = unixSecondsField(object, u"last_eval_time"_s, path);
        if (!alert.endsAt.isValid())
            alert.endsAt = receivedAt;
    }

    // hash is stable per rule and series; without it, fall back to the label set.
    alert.fingerprint = optionalString(object, u"hash"_s, path);
    if (alert.fingerprint.isEmpty())
        alert.fingerprint = LabelFingerprint::of(alert.labels);
    alert.promQl = optionalString(object, u"prom_ql"_s, path);
    alert.valueString = requireScalarText(object.value(u"trigger_value"_s), child(path, u"trigger_value"_s));
    alert.receiver = optionalString(object, u"group_name"_s, path);
    alert.lastUpdate = receivedAt;
    return alert;
}

ParsedPayload parseNightingale(const QJsonDocument &document, const QDateTime &receivedAt, const PayloadLimits &limits)
{
    ParsedPayload payload;
    payload.format = PayloadFormat::Nightingale;
    if (document.isArray()) { // batch mode
        const QJsonArray events = document.array();
        checkAlertCount(events.size(), limits);
        payload.alerts.reserve(events.size());
        for (qsizetype i = 0; i < events.size(); ++i)
            payload.alerts.append(parseNightingaleEvent(events.at(i), u"[%1]"_s.arg(i), receivedAt));
        return payload;
    }
    const QJsonObject root = document.object();
    if (root.value(u"event"_s).isObject()) // notify-script stdin: {"event": {...}, "tpls": {...}}
        payload.alerts.append(parseNightingaleEvent(root.value(u"event"_s), u"event"_s, receivedAt));
    else
        payload.alerts.append(parseNightingaleEvent(root, {}, receivedAt));
    return payload;
}

// --- Detection ------------------------------------------------------------------

PayloadFormat detectFormat(const QJsonDocument &document)
{
    if (document.isArray())
        return PayloadFormat::Nightingale;
    const QJsonObject root = document.object();
    if (root.contains(u"alerts"_s)) {
        const bool grafana = root.value(u"version"_s).toString() == u"1"_s || root.contains(u"orgId"_s);
        return grafana ? PayloadFormat::Grafana : PayloadFormat::Alertmanager;
    }
    if (root.value(u"event"_s).isObject() || root.contains(u"rule_name"_s))
        return PayloadFormat::Nightingale;
    return PayloadFormat::Auto;
}

// `count` decimal digits at `at`, or -1.
int digitsAt(QStringView text, qsizetype at, qsizetype count)
{
    if (at + count > text.size())
        return -1;
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// The form senders write ("2026-11-22T03:00:00Z", "…00.123456789+02:00"), read without
// regular expressions: this runs for every alert. None for any other form, and for a
// field out of range: the general reading decides those.
std::optional<QDateTime> readCommonRfc3339(QStringView text)
{
    const int year = digitsAt(text, 0, 4), month = digitsAt(text, 5, 2), day = digitsAt(text, 8, 2);
    const int hour = digitsAt(text, 11, 2), minute = digitsAt(text, 14, 2), second = digitsAt(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || text[4] != u'-' || text[7] != u'-'
        || text[10] != u'T' || text[13] != u':' || text[16] != u':')
        return std::nullopt;
    qsizetype at = 19;
    int msecs = 0;
    if (at < text.size() && text[at] == u'.') {
        const qsizetype first = ++at;
        for (int scale = 100; at < text.size() && text[at] >= u'0' && text[at] <= u'9'; ++at, scale /= 10)
            msecs += scale * (text[at].unicode() - u'0'); // to the millisecond, cut like the general reading
        if (at == first)
            return std::nullopt;
    }
    int offsetSeconds = 0;
    if (at + 1 == text.size() && text[at] == u'Z') {
        // UTC
    } else if (at + 6 == text.size() && (text[at] == u'+' || text[at] == u'-') && text[at + 3] == u':') {
        const int hours = digitsAt(text, at + 1, 2), minutes = digitsAt(text, at + 4, 2);
        if (hours < 0 || hours > 14 || minutes < 0 || minutes > 59)
            return std::nullopt;
        offsetSeconds = (text[at] == u'+' ? 1 : -1) * (hours * 3600 + minutes * 60);
    } else {
        return std::nullopt;
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msecs);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC).addSecs(-offsetSeconds);
}

} // namespace

QDateTime parseRfc3339(const QString &text)
{
    if (isZeroTime(text))
        return {};
    if (const std::optional<QDateTime> time = readCommonRfc3339(text))
        return *time;
    return parseRfc3339Generally(text);
}

QDateTime parseRfc3339Generally(const QString &text)
{
    // Qt::ISODateWithMs takes at most 3 fractional digits: cut the rest off.
    static const QRegularExpression fraction(u"(\\.\\d{3})\\d+"_s);
    // RFC 3339 requires an offset; without one Qt would read the host's local time.
    static const QRegularExpression offset(u"(?:[Zz]|[+-]\\d{2}:\\d{2})$"_s);
    if (!offset.match(text).hasMatch())
        return {};
    QString normalised = text;
    normalised.replace(fraction, u"\\1"_s);
    const QDateTime time = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    if (!time.isValid() || isZeroTime(text))
        return {};
    return time.toUTC();
}

PayloadParseResult parsePayload(const QByteArray &body, PayloadFormat format, const QDateTime &receivedAt,
                                const PayloadLimits &limits)
{
    // A UTF-8 byte order mark is legal in JSON files and some senders write one.
    static constexpr QByteArrayView bom("\xEF\xBB\xBF");
    const qsizetype skipped = body.startsWith(bom) ? bom.size() : 0;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(skipped ? body.mid(skipped) : body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return {{},
                PayloadError{PayloadError::Kind::MalformedJson,
                             body.trimmed().isEmpty() ? Text::tr("the body is empty; expected a JSON webhook payload")
                                                      : Text::tr("invalid JSON at byte %1: %2")
                                                            .arg(parseError.offset + skipped)
                                                            .arg(parseError.errorString())}};
    }

    const PayloadFormat detected = format == PayloadFormat::Auto ? detectFormat(document) : format;
    try {
        switch (detected) {
        case PayloadFormat::Alertmanager:
        case PayloadFormat::Grafana: return {parseEnvelope(document, detected, receivedAt, limits), std::nullopt};
        case PayloadFormat::Nightingale: return {parseNightingale(document, receivedAt, limits), std::nullopt};
        case PayloadFormat::Auto: break;
        }
        fail(Text::tr("unrecognised payload: expected an Alertmanager or Grafana webhook (an object with \"alerts\") "
                      "or a Nightingale event (an object with \"rule_name\", or an array of them)"));
    } catch (const PayloadError &error) {
        return {{}, error};
    }
}
