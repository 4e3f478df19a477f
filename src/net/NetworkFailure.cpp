#include "net/NetworkFailure.h"

#include "net/OutboundRequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

QString NetworkFailure::serverMessage(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (const QJsonValue error = object.value(u"error"_s); error.isObject())
        return error.toObject().value(u"message"_s).toString();
    for (const QString &key : {u"error"_s, u"message"_s, u"detail"_s})
        if (object.value(key).isString())
            return object.value(key).toString();
    QString text = QString::fromUtf8(body).simplified();
    if (text.size() > 200)
        text = text.left(200) + u'…';
    return text;
}

QString NetworkFailure::transport(const QNetworkReply &reply, const QStringList &sslProblems)
{
    const QUrl url = reply.url();
    switch (reply.error()) {
    case QNetworkReply::HostNotFoundError: return tr("Host not found (DNS): %1").arg(url.host());
    case QNetworkReply::ConnectionRefusedError:
        return tr("Connection refused by %1:%2: is the service running there?")
            .arg(url.host())
            .arg(url.port(url.scheme() == u"https"_s ? 443 : 80));
    case QNetworkReply::SslHandshakeFailedError:
        return tr("TLS error: %1").arg(sslProblems.isEmpty() ? reply.errorString() : sslProblems.join(u"; "_s));
    case QNetworkReply::InsecureRedirectError:
        return tr("%1 redirected to %2, a different origin (scheme, host or port): AlertDeck does not send "
                  "credentials or data to another origin, so it did not follow. If that server is the "
                  "right one, configure its address directly.")
            .arg(OutboundRequest::origin(url), refusedRedirectOrigin(reply));
    default: return reply.errorString();
    }
}

int NetworkFailure::httpStatus(const QNetworkReply &reply)
{
    if (reply.error() == QNetworkReply::InsecureRedirectError)
        return 0;
    return reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QString NetworkFailure::refusedRedirectOrigin(const QNetworkReply &reply)
{
    if (reply.error() != QNetworkReply::InsecureRedirectError)
        return {};
    // Relative locations ("//host/path" too) are resolved against the URL that answered.
    const QUrl location = reply.url().resolved(reply.header(QNetworkRequest::LocationHeader).toUrl());
    if (!location.isValid() || location.host().isEmpty())
        return tr("another origin");
    return OutboundRequest::origin(location);
}
