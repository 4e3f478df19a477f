#include "analysis/ProviderModels.h"

#include "analysis/ChatCompletion.h"
#include "logging/Redaction.h"
#include "net/ConnectionCheck.h"
#include "net/NetworkFailure.h"
#include "net/OutboundRequest.h"
#include "settings/AppSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSslError>
#include <QTimer>

using namespace Qt::StringLiterals;

QStringList ProviderModels::fallback(const QUrl &baseUrl)
{
    if (CompletionRequest::isDeepSeek(baseUrl))
        return {defaultModel(), u"deepseek-v4-pro"_s};
    return {};
}

bool ProviderModels::isRetired(const QString &id)
{
    const QString trimmed = id.trimmed();
    return trimmed == u"deepseek-chat"_s || trimmed == u"deepseek-reasoner"_s;
}

ProviderModels::Parsed ProviderModels::parse(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (!object.value(u"data"_s).isArray())
        return {{}, tr("The answer is not an OpenAI-compatible model list: is this the right URL?")};
    QStringList ids;
    for (const QJsonValue &entry : object.value(u"data"_s).toArray()) {
        const QString id = entry.toObject().value(u"id"_s).toString().trimmed();
        const bool printable = std::all_of(id.cbegin(), id.cend(), [](QChar c) { return c.isPrint(); });
        if (id.isEmpty() || id.size() > maxIdLength || !printable || ids.contains(id))
            continue;
        ids << id;
        if (ids.size() == maxModels)
            break;
    }
    return {ids, {}};
}

QString ProviderModels::cacheKey(const QUrl &baseUrl)
{
    QUrl key = baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    QString path = key.path();
    while (path.endsWith(u'/'))
        path.chop(1); // "https://host/" and "https://host" are one provider
    key.setPath(path);
    return key.toString(QUrl::FullyEncoded).toLower();
}

QStringList ProviderModels::cachedIn(const QString &cache, const QUrl &baseUrl)
{
    const QString key = cacheKey(baseUrl);
    for (const QJsonValue &entry : QJsonDocument::fromJson(cache.toUtf8()).array()) {
        if (entry.toObject().value(u"base"_s).toString() != key)
            continue;
        QStringList ids;
        for (const QJsonValue &id : entry.toObject().value(u"ids"_s).toArray())
            if (const QString text = id.toString(); !text.isEmpty() && ids.size() < maxModels)
                ids << text.left(maxIdLength);
        return ids;
    }
    return {};
}

QString ProviderModels::withEntry(const QString &cache, const QUrl &baseUrl, const QStringList &ids)
{
    const QString key = cacheKey(baseUrl);
    QJsonArray entries{QJsonObject{{u"base"_s, key}, {u"ids"_s, QJsonArray::fromStringList(ids.mid(0, maxModels))}}};
    for (const QJsonValue &entry : QJsonDocument::fromJson(cache.toUtf8()).array())
        if (entry.toObject().value(u"base"_s).toString() != key && entries.size() < maxCachedProviders)
            entries.append(entry);
    return QString::fromUtf8(QJsonDocument(entries).toJson(QJsonDocument::Compact));
}

QStringList ProviderModels::cached(const AppSettings &settings, const QUrl &baseUrl)
{
    return cachedIn(settings.value(Settings::providerModelCache), baseUrl);
}

void ProviderModels::store(AppSettings &settings, const QUrl &baseUrl, const QStringList &ids)
{
    settings.setValue(Settings::providerModelCache,
                      withEntry(settings.value(Settings::providerModelCache), baseUrl, ids));
}

QStringList ProviderModels::known(const AppSettings &settings, const QUrl &baseUrl)
{
    const QStringList ids = cached(settings, baseUrl);
    return ids.isEmpty() ? fallback(baseUrl) : ids;
}

ProviderModelFetcher::ProviderModelFetcher(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

void ProviderModelFetcher::fetch(const QUrl &baseUrl, const QByteArray &key, std::chrono::milliseconds timeout,
                                 QObject *context, Callback done)
{
    const QUrl url = ConnectionChecker::join(baseUrl, u"/models"_s);
    QPointer<QObject> guard(context);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        QTimer::singleShot(0, this, [guard, done, baseUrl] {
            if (guard)
                done({false,
                      0,
                      {},
                      ProviderModels::tr("\"%1\" is not a provider URL (https://host[/v1])")
                          .arg(baseUrl.toString(QUrl::RemoveUserInfo))});
        });
        return;
    }
    QNetworkRequest request = OutboundRequest::create(url);
    request.setRawHeader("Accept", "application/json");
    for (const auto &[name, value] : CompletionRequest::authHeaders(baseUrl, key))
        request.setRawHeader(name, value);
    request.setTransferTimeout(int(timeout.count()));
    if (!key.isEmpty())
        Redaction::addSecretValue(QString::fromUtf8(key));

    QNetworkReply *reply = m_network->get(request);
    struct State {
        QByteArray body;
        bool tooLarge = false;
        QStringList sslProblems;
    };
    auto state = std::make_shared<State>();
    connect(reply, &QNetworkReply::readyRead, reply, [reply, state] {
        state->body += reply->read(ProviderModels::maxAnswerBytes + 1 - state->body.size());
        if (state->body.size() > ProviderModels::maxAnswerBytes) {
            state->tooLarge = true;
            reply->abort(); // reading on would only download more of it
        }
    });
    connect(reply, &QNetworkReply::sslErrors, reply, [state](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            state->sslProblems << error.errorString();
    });
    const qint64 seconds = std::max<qint64>(1, (timeout.count() + 999) / 1000);
    connect(reply, &QNetworkReply::finished, this, [reply, state, guard, done = std::move(done), url, seconds] {
        reply->deleteLater();
        if (!state->tooLarge)
            state->body += reply->read(ProviderModels::maxAnswerBytes + 1 - state->body.size());
        const int status = NetworkFailure::httpStatus(*reply);
        Answer answer;
        answer.httpStatus = status;
        if (state->tooLarge || state->body.size() > ProviderModels::maxAnswerBytes) {
            answer.error = ProviderModels::tr("The model list is larger than %1 MiB: is this the right URL?")
                               .arg(ProviderModels::maxAnswerBytes >> 20);
        } else if (reply->error() == QNetworkReply::OperationCanceledError
                   || reply->error() == QNetworkReply::TimeoutError) {
            answer.error
                = ProviderModels::tr("No answer from %1 within %n second(s)", nullptr, int(seconds)).arg(url.host());
        } else if (status == 0) {
            answer.error = NetworkFailure::transport(*reply, state->sslProblems);
        } else if (status < 200 || status >= 300) {
            const QString server = NetworkFailure::serverMessage(state->body);
            const QString said = server.isEmpty() ? QString() : u": "_s + server;
            if (status == 401 || status == 403)
                answer.error = ProviderModels::tr("HTTP %1: the API key was refused%2").arg(status).arg(said);
            else if (status == 404)
                answer.error = ProviderModels::tr("HTTP 404: no model list at %1 — check the base URL (many servers "
                                                  "need /v1 at the end)")
                                   .arg(url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
            else
                answer.error = ProviderModels::tr("HTTP %1%2").arg(status).arg(said);
        } else {
            const ProviderModels::Parsed parsed = ProviderModels::parse(state->body);
            answer.ok = parsed.error.isEmpty();
            answer.ids = parsed.ids;
            answer.error = parsed.error;
        }
        // Servers echo what they were sent ("Incorrect API key provided: sk-…").
        answer.error = Redaction::redact(answer.error);
        if (guard && done)
            done(answer);
    });
}
