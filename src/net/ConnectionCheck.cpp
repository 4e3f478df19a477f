#include "net/ConnectionCheck.h"

#include "logging/Redaction.h"
#include "net/NetworkFailure.h"
#include "net/OutboundRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSslError>
#include <QTimer>

using namespace Qt::StringLiterals;

void ConnectionCheckRequest::authorize(QNetworkRequest &request) const
{
    if (!user.isEmpty())
        request.setRawHeader("Authorization", "Basic " + (user + u':' + password).toUtf8().toBase64());
    else if (!bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearerToken.toUtf8());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
}

namespace {

QString httpFailure(int status, const QByteArray &body)
{
    const QString message = NetworkFailure::serverMessage(body);
    const QString head = ConnectionChecker::tr("HTTP %1").arg(status);
    switch (status) {
    case 401:
    case 403:
        return ConnectionChecker::tr("%1: the credentials were refused%2")
            .arg(head, message.isEmpty() ? QString() : u": "_s + message);
    case 404:
        return ConnectionChecker::tr("%1: nothing there — check the URL (and any path prefix)%2")
            .arg(head, message.isEmpty() ? QString() : u": "_s + message);
    default: return message.isEmpty() ? head : u"%1: %2"_s.arg(head, message);
    }
}

// A 2xx whose body is not the expected API's JSON.
ConnectionCheckResult notThatApi(int status, const QString &service)
{
    return {false, status,
            ConnectionChecker::tr("HTTP %1, but the answer is not %2's API: is this the right URL?")
                .arg(status)
                .arg(service)};
}

} // namespace

ConnectionChecker::ConnectionChecker(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

QUrl ConnectionChecker::join(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

void ConnectionChecker::get(const ConnectionCheckRequest &request, Interpreter interpret, QObject *context,
                            Callback done)
{
    if (!request.url.isValid() || request.url.scheme().isEmpty() || request.url.host().isEmpty()) {
        QTimer::singleShot(0, context, [done, url = request.url] {
            done({false, 0, ConnectionChecker::tr("\"%1\" is not a URL (http://host:port)").arg(url.toString())});
        });
        return;
    }
    QNetworkRequest networkRequest = OutboundRequest::create(request.url);
    networkRequest.setRawHeader("Accept", "application/json");
    request.authorize(networkRequest);

    QNetworkReply *reply = m_network->get(networkRequest);
    auto sslProblems = std::make_shared<QStringList>();
    auto timedOut = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::sslErrors, reply, [sslProblems](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            *sslProblems << error.errorString();
    });
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(request.timeout);
    QPointer<QObject> guard(context);
    const qint64 seconds = std::max<qint64>(1, (request.timeout.count() + 999) / 1000);
    connect(reply, &QNetworkReply::finished, this,
            [reply, guard, done = std::move(done), interpret = std::move(interpret), sslProblems, timedOut, seconds] {
                reply->deleteLater();
                const int status = NetworkFailure::httpStatus(*reply);
                const QByteArray body = reply->readAll();
                ConnectionCheckResult result;
                if (*timedOut) {
                    result = {false, 0, tr("No answer within %n second(s)", nullptr, int(seconds))};
                } else if (status != 0) {
                    result = status >= 200 && status < 300
                        ? interpret(status, body)
                        : ConnectionCheckResult{false, status, httpFailure(status, body)};
                } else {
                    result = {false, 0, NetworkFailure::transport(*reply, *sslProblems)};
                }
                // Servers echo what they were sent ("Incorrect API key provided: sk-…").
                result.summary = Redaction::redact(result.summary);
                if (guard && done)
                    done(result);
            });
}

void ConnectionChecker::checkPrometheus(ConnectionCheckRequest request, QObject *context, Callback done)
{
    request.url = join(request.url, u"/api/v1/status/buildinfo"_s);
    get(
        request,
        [](int status, const QByteArray &body) -> ConnectionCheckResult {
            const QJsonObject object = QJsonDocument::fromJson(body).object();
            if (object.value(u"status"_s).toString() != u"success"_s)
                return notThatApi(status, u"Prometheus"_s);
            return {
                true, status,
                tr("Connected: Prometheus %1").arg(object.value(u"data"_s).toObject().value(u"version"_s).toString())};
        },
        context, std::move(done));
}

void ConnectionChecker::checkLoki(ConnectionCheckRequest request, QObject *context, Callback done,
                                  const LokiSample &sample)
{
    const QUrl base = request.url;
    request.url = join(base, u"/loki/api/v1/labels"_s);
    get(
        request,
        [](int status, const QByteArray &body) -> ConnectionCheckResult {
            const QJsonObject object = QJsonDocument::fromJson(body).object();
            if (object.value(u"status"_s).toString() != u"success"_s)
                return notThatApi(status, u"Loki"_s);
            return {true, status,
                    tr("Connected: Loki answered with %n label name(s)", nullptr,
                       int(object.value(u"data"_s).toArray().size()))};
        },
        context,
        [this, request, base, sample, guard = QPointer<QObject>(context),
         done = std::move(done)](const ConnectionCheckResult &connected) mutable {
            if (!connected.ok || sample.selector.isEmpty() || !guard)
                return done(connected);
            // Then whether a real alert's selector finds streams, as the Logs tab will ask.
            request.url = join(base, u"/loki/api/v1/series"_s);
            request.url.setQuery(u"match%5B%5D="_s + QString::fromLatin1(QUrl::toPercentEncoding(sample.selector))
                                     + u"&start=%1&end=%2"_s.arg(sample.startNs).arg(sample.endNs),
                                 QUrl::StrictMode);
            get(
                request,
                [connected, sample](int, const QByteArray &body) -> ConnectionCheckResult {
                    ConnectionCheckResult result = connected;
                    const QJsonObject object = QJsonDocument::fromJson(body).object();
                    if (object.value(u"status"_s).toString() != u"success"_s)
                        result.warning = tr("Could not ask Loki which streams %1 matches.").arg(sample.selector);
                    else if (object.value(u"data"_s).toArray().isEmpty())
                        result.warning = tr("But %1, the label map's selector for the alert \"%2\", finds no log "
                                            "streams around its start: the Logs tab will ask Loki for other labels "
                                            "and offer to save the one that works.")
                                             .arg(sample.selector, sample.alertName);
                    if (!result.warning.isEmpty())
                        result.summary += u'\n' + result.warning;
                    return result;
                },
                guard,
                [connected, done = std::move(done)](const ConnectionCheckResult &checked) {
                    // A failed sample check does not make a working Loki fail.
                    if (checked.ok) {
                        done(checked);
                    } else {
                        ConnectionCheckResult result = connected;
                        result.warning = checked.summary;
                        result.summary
                            += u'\n' + tr("Could not check a sample alert's streams: %1").arg(checked.summary);
                        done(result);
                    }
                });
        });
}

void ConnectionChecker::checkAlertmanager(ConnectionCheckRequest request, QObject *context, Callback done)
{
    request.url = join(request.url, u"/api/v2/status"_s);
    get(
        request,
        [](int status, const QByteArray &body) -> ConnectionCheckResult {
            const QJsonObject object = QJsonDocument::fromJson(body).object();
            if (!object.contains(u"versionInfo"_s))
                return notThatApi(status, u"Alertmanager"_s);
            const QString version = object.value(u"versionInfo"_s).toObject().value(u"version"_s).toString();
            const QString cluster = object.value(u"cluster"_s).toObject().value(u"status"_s).toString();
            return {true, status,
                    cluster.isEmpty() ? tr("Connected: Alertmanager %1").arg(version)
                                      : tr("Connected: Alertmanager %1 (cluster %2)").arg(version, cluster)};
        },
        context, std::move(done));
}

void ConnectionChecker::checkProvider(ConnectionCheckRequest request, const QString &model, QObject *context,
                                      Callback done)
{
    request.url = join(request.url, u"/models"_s);
    get(
        request,
        [model](int status, const QByteArray &body) -> ConnectionCheckResult {
            const QJsonArray models = QJsonDocument::fromJson(body).object().value(u"data"_s).toArray();
            if (!QJsonDocument::fromJson(body).object().contains(u"data"_s))
                return notThatApi(status, tr("an OpenAI-compatible provider"));
            QStringList ids;
            for (const QJsonValue &entry : models)
                ids << entry.toObject().value(u"id"_s).toString();
            if (model.isEmpty() || ids.contains(model))
                return {true, status,
                        tr("Connected: the key works; %n model(s) offered", nullptr, int(ids.size()))
                            + (model.isEmpty() ? QString() : tr(", including %1").arg(model))};
            return {true, status,
                    tr("Connected: the key works, but the model \"%1\" is not offered (offered: %2)")
                        .arg(model, ids.join(u", "_s))};
        },
        context, std::move(done));
}
