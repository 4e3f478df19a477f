#include "context/ContextClient.h"

#include "logging/Redaction.h"
#include "net/NetworkFailure.h"
#include "net/OutboundRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

ContextClient::ContextClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

ContextClient::RequestId
ContextClient::send(const ConnectionCheckRequest &endpoint, const QUrl &url, const QByteArray *formBody,
                    QObject *context, std::function<void(RequestId, int, const QByteArray &, const QString &)> done)
{
    QNetworkRequest request = OutboundRequest::create(url);
    request.setRawHeader("Accept", "application/json");
    endpoint.authorize(request);
    QNetworkReply *reply;
    if (formBody) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
        reply = m_network->post(request, *formBody);
    } else {
        reply = m_network->get(request);
    }
    const RequestId id = m_nextId++;
    m_replies.insert(id, reply);
    auto timedOut = std::make_shared<bool>(false);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(endpoint.timeout);
    auto tooLarge = std::make_shared<bool>(false);
    if (const qint64 limit = m_maxResponseBytes; limit > 0) {
        connect(reply, &QNetworkReply::downloadProgress, reply, [reply, tooLarge, limit](qint64 received) {
            if (received > limit && !*tooLarge) {
                *tooLarge = true;
                reply->abort();
            }
        });
    }
    QPointer<QObject> guard(context);
    const qint64 seconds = std::max<qint64>(1, (endpoint.timeout.count() + 999) / 1000);
    connect(reply, &QNetworkReply::finished, this,
            [this, id, reply, guard, done = std::move(done), timedOut, tooLarge, seconds, limit = m_maxResponseBytes] {
                reply->deleteLater();
                const bool cancelled = !m_replies.contains(id);
                m_replies.remove(id);
                if (cancelled || !guard)
                    return;
                const int status = NetworkFailure::httpStatus(*reply);
                QString failure;
                if (*timedOut)
                    failure = tr("no answer within %1 s").arg(seconds);
                else if (*tooLarge)
                    failure = tr("the answer is larger than %L1 MiB and was not read").arg(limit / (1024 * 1024));
                else if (status == 0)
                    failure = Redaction::redact(NetworkFailure::transport(*reply, {}));
                done(id, status, reply->readAll(), failure);
            });
    return id;
}

void ContextClient::cancel(RequestId id)
{
    m_parsing.remove(id);
    if (const QPointer<QNetworkReply> reply = m_replies.take(id); reply)
        reply->abort();
}

ContextClient::RequestId ContextClient::queryMetrics(const ConnectionCheckRequest &endpoint, const QString &query,
                                                     const ContextPlan::Window &window, QObject *context,
                                                     std::function<void(const MetricResult &)> done)
{
    const QByteArray body = "query=" + QUrl::toPercentEncoding(query)
        + "&start=" + QByteArray::number(window.start.toSecsSinceEpoch()) + "&end="
        + QByteArray::number(window.end.toSecsSinceEpoch()) + "&step=" + QByteArray::number(window.stepSeconds);
    return send(endpoint, ConnectionChecker::join(endpoint.url, u"/api/v1/query_range"_s), &body, context,
                [this, guard = QPointer<QObject>(context),
                 done = std::move(done)](RequestId id, int status, const QByteArray &response, const QString &failure) {
                    if (!failure.isEmpty()) {
                        MetricResult result;
                        result.errorType = u"network"_s;
                        result.error = failure;
                        done(result);
                        return;
                    }
                    parseAway<MetricResult>(
                        id, guard, [status, response] { return ContextResponse::parsePrometheus(status, response); },
                        done);
                });
}

ContextClient::RequestId ContextClient::queryInstant(const ConnectionCheckRequest &endpoint, const QString &query,
                                                     const QDateTime &time, QObject *context,
                                                     std::function<void(const InstantResult &)> done)
{
    // Milliseconds: the instant is the alert's own, not rounded to a second.
    const QByteArray body = "query=" + QUrl::toPercentEncoding(query)
        + "&time=" + QByteArray::number(double(time.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
    return send(endpoint, ConnectionChecker::join(endpoint.url, u"/api/v1/query"_s), &body, context,
                [this, guard = QPointer<QObject>(context), time,
                 done = std::move(done)](RequestId id, int status, const QByteArray &response, const QString &failure) {
                    if (!failure.isEmpty()) {
                        InstantResult result;
                        result.at = time;
                        result.error = failure;
                        done(result);
                        return;
                    }
                    parseAway<InstantResult>(
                        id, guard,
                        [status, response, time] {
                            InstantResult result = InstantValues::parse(status, response);
                            result.at = time;
                            return result;
                        },
                        done);
                });
}

ContextClient::RequestId ContextClient::queryLogs(const ConnectionCheckRequest &endpoint, const QString &logQl,
                                                  const ContextPlan::Window &window, int limit, QObject *context,
                                                  std::function<void(const LogResult &)> done)
{
    QUrl url = ConnectionChecker::join(endpoint.url, u"/loki/api/v1/query_range"_s);
    // Encoded by hand: LogQL is full of characters ('+', '|', '"', '=') that a form
    // or query parser would read differently.
    const QByteArray query = "query=" + QUrl::toPercentEncoding(logQl)
        + "&start=" + QByteArray::number(window.start.toMSecsSinceEpoch() * 1'000'000)
        + "&end=" + QByteArray::number(window.end.toMSecsSinceEpoch() * 1'000'000)
        + "&limit=" + QByteArray::number(limit) + "&direction=backward";
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return send(endpoint, url, nullptr, context,
                [this, guard = QPointer<QObject>(context),
                 done = std::move(done)](RequestId id, int status, const QByteArray &response, const QString &failure) {
                    if (!failure.isEmpty()) {
                        LogResult result;
                        result.error = failure;
                        done(result);
                        return;
                    }
                    parseAway<LogResult>(
                        id, guard, [status, response] { return ContextResponse::parseLoki(status, response); }, done);
                });
}

namespace {

QByteArray windowQuery(const ContextPlan::Window &window)
{
    return "start=" + QByteArray::number(window.start.toMSecsSinceEpoch() * 1'000'000)
        + "&end=" + QByteArray::number(window.end.toMSecsSinceEpoch() * 1'000'000);
}

} // namespace

ContextClient::RequestId
ContextClient::sendBounded(const ConnectionCheckRequest &endpoint, const QString &path, const QByteArray &query,
                           QObject *context,
                           std::function<void(RequestId, int, const QByteArray &, const QString &, bool)> done)
{
    QUrl url = ConnectionChecker::join(endpoint.url, path);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    // Set when the answer was cut off: the HTTP status it came with.
    auto cutOff = std::make_shared<std::optional<int>>();
    const RequestId id = send(
        endpoint, url, nullptr, context,
        [cutOff, done = std::move(done)](RequestId id, int status, const QByteArray &body, const QString &failure) {
            if (*cutOff)
                done(id, **cutOff, {}, {}, true);
            else
                done(id, status, body, failure, false);
        });
    if (const QPointer<QNetworkReply> reply = m_replies.value(id)) {
        connect(reply, &QNetworkReply::downloadProgress, reply, [reply = reply.data(), cutOff](qint64 received) {
            if (received > maxLokiDiscoveryBytes && !*cutOff) {
                *cutOff = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                reply->abort();
            }
        });
    }
    return id;
}

ContextClient::RequestId ContextClient::queryLokiLabels(const ConnectionCheckRequest &endpoint,
                                                        const ContextPlan::Window &window, QObject *context,
                                                        std::function<void(const LokiLabelNames &)> done)
{
    return sendBounded(
        endpoint, u"/loki/api/v1/labels"_s, windowQuery(window), context,
        [this, guard = QPointer<QObject>(context), done = std::move(done)](
            RequestId id, int status, const QByteArray &body, const QString &failure, bool tooLarge) {
            if (tooLarge || !failure.isEmpty()) {
                LokiLabelNames result;
                result.error = tooLarge
                    ? tr("the list of label names is larger than %L1 KiB").arg(maxLokiDiscoveryBytes / 1024)
                    : failure;
                done(result);
                return;
            }
            parseAway<LokiLabelNames>(
                id, guard, [status, body] { return ContextResponse::parseLokiLabels(status, body); }, done);
        });
}

ContextClient::RequestId ContextClient::queryLokiSeries(const ConnectionCheckRequest &endpoint, const QString &selector,
                                                        const ContextPlan::Window &window, QObject *context,
                                                        std::function<void(const LokiSeries &)> done)
{
    const QByteArray query = "match%5B%5D=" + QUrl::toPercentEncoding(selector) + '&' + windowQuery(window);
    return sendBounded(endpoint, u"/loki/api/v1/series"_s, query, context,
                       [this, guard = QPointer<QObject>(context), done = std::move(done)](
                           RequestId id, int status, const QByteArray &body, const QString &failure, bool tooLarge) {
                           if (tooLarge) {
                               // Only a selector that matches streams gets an answer this large.
                               LokiSeries result;
                               result.ok = status >= 200 && status < 300;
                               result.more = result.ok;
                               if (!result.ok)
                                   result.error = tr("HTTP %1").arg(status);
                               done(result);
                               return;
                           }
                           if (!failure.isEmpty()) {
                               LokiSeries result;
                               result.error = failure;
                               done(result);
                               return;
                           }
                           parseAway<LokiSeries>(
                               id, guard, [status, body] { return ContextResponse::parseLokiSeries(status, body); },
                               done);
                       });
}

ContextClient::SeriesList ContextClient::parsePrometheusSeries(int httpStatus, const QByteArray &body)
{
    SeriesList result;
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !object.contains(u"status"_s)) {
        const QString text = QString::fromUtf8(body.left(500)).trimmed();
        result.error = httpStatus >= 200 && httpStatus < 300
            ? tr("the answer is not Prometheus's API (HTTP %1)").arg(httpStatus)
            : tr("HTTP %1: %2").arg(httpStatus).arg(text);
        return result;
    }
    if (object.value(u"status"_s).toString() != u"success"_s) {
        result.error = object.value(u"error"_s).toString();
        return result;
    }
    for (const QJsonValue &entry : object.value(u"data"_s).toArray()) {
        if (result.series.size() >= maxSeriesListed) {
            result.more = true;
            break;
        }
        LabelMap labels;
        const QJsonObject labelObject = entry.toObject();
        for (auto it = labelObject.begin(); it != labelObject.end(); ++it)
            labels.insert(it.key(), it.value().toString());
        result.series << labels;
    }
    result.ok = true;
    return result;
}

ContextClient::RequestId ContextClient::queryPrometheusSeries(const ConnectionCheckRequest &endpoint,
                                                              const QString &selector,
                                                              const ContextPlan::Window &window, QObject *context,
                                                              std::function<void(const SeriesList &)> done)
{
    // Prometheus reads start and end as Unix seconds (or RFC 3339), not nanoseconds.
    const QByteArray query = "match%5B%5D=" + QUrl::toPercentEncoding(selector)
        + "&start=" + QByteArray::number(window.start.toSecsSinceEpoch())
        + "&end=" + QByteArray::number(window.end.toSecsSinceEpoch());
    return sendBounded(endpoint, u"/api/v1/series"_s, query, context,
                       [this, guard = QPointer<QObject>(context), done = std::move(done)](
                           RequestId id, int status, const QByteArray &body, const QString &failure, bool tooLarge) {
                           if (tooLarge || !failure.isEmpty()) {
                               SeriesList result;
                               result.ok = tooLarge && status >= 200 && status < 300;
                               result.more = result.ok;
                               if (!result.ok)
                                   result.error = tooLarge ? tr("HTTP %1").arg(status) : failure;
                               done(result);
                               return;
                           }
                           parseAway<SeriesList>(
                               id, guard, [status, body] { return parsePrometheusSeries(status, body); }, done);
                       });
}
