#include "replay/ReplayHttpTarget.h"

#include "net/NetworkFailure.h"
#include "net/OutboundRequest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

ReplayHttpTarget::ReplayHttpTarget(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_network(new QNetworkAccessManager(this))
{ }

QUrl ReplayHttpTarget::urlFor(const ReplayItem &item) const
{
    QUrl url = m_options.url;
    if (url.path().isEmpty() || url.path() == u"/"_s)
        url.setPath(item.path);
    return url;
}

void ReplayHttpTarget::deliver(const ReplayItem &item, std::function<void(const ReplayOutcome &)> done)
{
    QNetworkRequest request = OutboundRequest::create(urlFor(item));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("User-Agent", "AlertDeck-replay");
    if (!m_options.authorization.isEmpty())
        request.setRawHeader("Authorization", m_options.authorization);
    request.setTransferTimeout(int(m_options.timeout.count()));
    QNetworkReply *reply = m_network->post(request, item.body);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = NetworkFailure::httpStatus(*reply);
        if (status == 0) {
            done({false, NetworkFailure::transport(*reply, {})});
            return;
        }
        QString body = QString::fromUtf8(reply->readAll()).simplified();
        if (body.size() > 200)
            body = body.left(200) + u'…';
        const bool ok = status >= 200 && status < 300;
        done({ok, body.isEmpty() ? u"HTTP %1"_s.arg(status) : u"HTTP %1: %2"_s.arg(status).arg(body)});
    });
}
