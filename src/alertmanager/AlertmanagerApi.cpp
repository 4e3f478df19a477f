#include "alertmanager/AlertmanagerApi.h"

#include "ingest/PayloadParser.h"
#include "net/NetworkFailure.h"
#include "net/OutboundRequest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(AlertmanagerApi)
};

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

LabelMap labelsOf(const QJsonValue &value)
{
    LabelMap labels;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

QString apiError(int status, const QByteArray &body)
{
    // Alertmanager's 400s are plain text or {"code", "message"}: shown as they are.
    const QString words = NetworkFailure::serverMessage(body);
    return words.isEmpty() ? Text::tr("Alertmanager answered HTTP %1").arg(status)
                           : Text::tr("Alertmanager answered HTTP %1: %2").arg(status).arg(words);
}

} // namespace

namespace AlertmanagerApi {

AlertsResult parseAlerts(const QByteArray &body)
{
    AlertsResult result;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray()) {
        result.error = Text::tr("Alertmanager's alert list is not a JSON array");
        return result;
    }
    for (const QJsonValue &value : document.array()) {
        const QJsonObject object = value.toObject();
        AlertmanagerAlert item;
        Alert &alert = item.alert;
        alert.source = u"alertmanager"_s;
        alert.fingerprint = object.value(u"fingerprint"_s).toString();
        alert.labels = labelsOf(object.value(u"labels"_s));
        alert.annotations = labelsOf(object.value(u"annotations"_s));
        alert.name = alert.labels.value(u"alertname"_s);
        alert.severityText = alert.labels.value(u"severity"_s);
        alert.severity = severityFromText(alert.severityText);
        alert.startsAt = parseRfc3339(object.value(u"startsAt"_s).toString());
        alert.lastUpdate = parseRfc3339(object.value(u"updatedAt"_s).toString());
        alert.generatorUrl = object.value(u"generatorURL"_s).toString();
        alert.state = AlertState::Firing; // the API lists what is firing now
        const QJsonObject status = object.value(u"status"_s).toObject();
        item.state = status.value(u"state"_s).toString();
        item.silencedBy = strings(status.value(u"silencedBy"_s));
        item.inhibitedBy = strings(status.value(u"inhibitedBy"_s));
        if (alert.fingerprint.isEmpty())
            continue;
        result.alerts.append(item);
    }
    return result;
}

SilencesResult parseSilences(const QByteArray &body)
{
    SilencesResult result;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray()) {
        result.error = Text::tr("Alertmanager's silence list is not a JSON array");
        return result;
    }
    for (const QJsonValue &value : document.array()) {
        const QJsonObject object = value.toObject();
        Silence silence;
        silence.id = object.value(u"id"_s).toString();
        silence.startsAt = parseRfc3339(object.value(u"startsAt"_s).toString());
        silence.endsAt = parseRfc3339(object.value(u"endsAt"_s).toString());
        silence.createdBy = object.value(u"createdBy"_s).toString();
        silence.comment = object.value(u"comment"_s).toString();
        silence.state = object.value(u"status"_s).toObject().value(u"state"_s).toString();
        for (const QJsonValue &matcher : object.value(u"matchers"_s).toArray()) {
            const QJsonObject m = matcher.toObject();
            silence.matchers.append({m.value(u"name"_s).toString(), m.value(u"value"_s).toString(),
                                     m.value(u"isRegex"_s).toBool(), m.value(u"isEqual"_s).toBool(true)});
        }
        result.silences.append(silence);
    }
    return result;
}

QByteArray silenceBody(const Silence &silence)
{
    QJsonArray matchers;
    for (const SilenceMatcher &matcher : silence.matchers)
        matchers.append(QJsonObject{{u"name"_s, matcher.name},
                                    {u"value"_s, matcher.value},
                                    {u"isRegex"_s, matcher.isRegex},
                                    {u"isEqual"_s, matcher.isEqual}});
    QJsonObject body{{u"matchers"_s, matchers},
                     {u"startsAt"_s, silence.startsAt.toUTC().toString(Qt::ISODateWithMs)},
                     {u"endsAt"_s, silence.endsAt.toUTC().toString(Qt::ISODateWithMs)},
                     {u"createdBy"_s, silence.createdBy},
                     {u"comment"_s, silence.comment}};
    if (!silence.id.isEmpty())
        body.insert(u"id"_s, silence.id);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QList<SilenceMatcher> matchersFor(const Alert &alert)
{
    QList<SilenceMatcher> matchers;
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
        matchers.append({it.key(), it.value(), false, true});
    return matchers;
}

bool matches(const QList<SilenceMatcher> &matchers, const LabelMap &labels)
{
    if (matchers.isEmpty())
        return false; // Alertmanager refuses a silence without matchers
    return std::all_of(matchers.cbegin(), matchers.cend(), [&labels](const SilenceMatcher &matcher) {
        const QString value = labels.value(matcher.name); // a missing label matches ""
        bool hit = value == matcher.value;
        if (matcher.isRegex) {
            const QRegularExpression pattern(QRegularExpression::anchoredPattern(matcher.value));
            hit = pattern.isValid() && pattern.match(value).hasMatch();
        }
        return matcher.isEqual ? hit : !hit;
    });
}

QString describe(const QList<SilenceMatcher> &matchers)
{
    QStringList parts;
    for (const SilenceMatcher &matcher : matchers) {
        const QString op
            = matcher.isRegex ? (matcher.isEqual ? u"=~"_s : u"!~"_s) : (matcher.isEqual ? u"="_s : u"!="_s);
        parts << matcher.name + op + u'"' + matcher.value + u'"';
    }
    return parts.join(u", "_s);
}

QString filterMatcher(const SilenceMatcher &matcher)
{
    auto quoted = [](const QString &text) {
        QString out;
        out.reserve(text.size() + 2);
        out += u'"';
        for (const QChar c : text) {
            if (c == u'\\' || c == u'"')
                out += u'\\';
            if (c == u'\n')
                out += u"\\n"_s;
            else
                out += c;
        }
        return out + u'"';
    };
    // A classic label name: [a-zA-Z_][a-zA-Z0-9_]*, unquoted as every Alertmanager reads it.
    static const QRegularExpression plainName(u"^[a-zA-Z_][a-zA-Z0-9_]*$"_s);
    const QString name = plainName.match(matcher.name).hasMatch() ? matcher.name : quoted(matcher.name);
    const QString op = matcher.isRegex ? (matcher.isEqual ? u"=~"_s : u"!~"_s) : (matcher.isEqual ? u"="_s : u"!="_s);
    return name + op + quoted(matcher.value);
}

QByteArray alertsQuery(const QList<SilenceMatcher> &matchers)
{
    QByteArray query = "active=true&silenced=true&inhibited=true&unprocessed=true";
    for (const SilenceMatcher &matcher : matchers)
        query += "&filter=" + QUrl::toPercentEncoding(filterMatcher(matcher));
    return query;
}

} // namespace AlertmanagerApi

AlertmanagerClient::AlertmanagerClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

void AlertmanagerClient::send(const ConnectionCheckRequest &endpoint, const QByteArray &verb, const QString &path,
                              const QByteArray &body, QObject *context,
                              std::function<void(int, const QByteArray &, const QString &)> done)
{
    QUrl url = endpoint.url;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    const qsizetype query = path.indexOf(u'?');
    url.setPath(base + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request = OutboundRequest::create(url);
    request.setTransferTimeout(int(endpoint.timeout.count()));
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    endpoint.authorize(request);
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done)] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = NetworkFailure::httpStatus(*reply);
        if (status == 0)
            return done(0, {}, NetworkFailure::transport(*reply, {}));
        done(status, reply->readAll(), {});
    });
}

void AlertmanagerClient::fetchAlerts(const ConnectionCheckRequest &endpoint, QObject *context,
                                     std::function<void(const AlertmanagerApi::AlertsResult &)> done)
{
    send(endpoint, "GET", u"/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true"_s, {}, context,
         [done = std::move(done)](int status, const QByteArray &body, const QString &transport) {
             if (!transport.isEmpty())
                 return done({{}, transport});
             if (status != 200)
                 return done({{}, apiError(status, body)});
             done(AlertmanagerApi::parseAlerts(body));
         });
}

void AlertmanagerClient::fetchAlertsMatching(const ConnectionCheckRequest &endpoint,
                                             const QList<SilenceMatcher> &matchers, QObject *context,
                                             std::function<void(const AlertmanagerApi::AlertsResult &)> done)
{
    send(endpoint, "GET", u"/api/v2/alerts?"_s + QString::fromLatin1(AlertmanagerApi::alertsQuery(matchers)), {},
         context, [done = std::move(done)](int status, const QByteArray &body, const QString &transport) {
             if (!transport.isEmpty())
                 return done({{}, transport});
             if (status != 200)
                 return done({{}, apiError(status, body)});
             done(AlertmanagerApi::parseAlerts(body));
         });
}

void AlertmanagerClient::fetchSilences(const ConnectionCheckRequest &endpoint, QObject *context,
                                       std::function<void(const AlertmanagerApi::SilencesResult &)> done)
{
    send(endpoint, "GET", u"/api/v2/silences"_s, {}, context,
         [done = std::move(done)](int status, const QByteArray &body, const QString &transport) {
             if (!transport.isEmpty())
                 return done({{}, transport});
             if (status != 200)
                 return done({{}, apiError(status, body)});
             done(AlertmanagerApi::parseSilences(body));
         });
}

void AlertmanagerClient::saveSilence(const ConnectionCheckRequest &endpoint, const Silence &silence, QObject *context,
                                     std::function<void(const QString &, const QString &)> done)
{
    send(endpoint, "POST", u"/api/v2/silences"_s, AlertmanagerApi::silenceBody(silence), context,
         [done = std::move(done)](int status, const QByteArray &body, const QString &transport) {
             if (!transport.isEmpty())
                 return done({}, transport);
             if (status != 200)
                 return done({}, apiError(status, body));
             done(QJsonDocument::fromJson(body).object().value(u"silenceID"_s).toString(), {});
         });
}

void AlertmanagerClient::expireSilence(const ConnectionCheckRequest &endpoint, const QString &id, QObject *context,
                                       std::function<void(const QString &)> done)
{
    send(endpoint, "DELETE", u"/api/v2/silence/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)), {}, context,
         [done = std::move(done)](int status, const QByteArray &body, const QString &transport) {
             if (!transport.isEmpty())
                 return done(transport);
             done(status == 200 ? QString() : apiError(status, body));
         });
}
