#include "net/OutboundRequest.h"

using namespace Qt::StringLiterals;

QNetworkRequest OutboundRequest::create(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    return request;
}

QString OutboundRequest::origin(const QUrl &url)
{
    QUrl origin;
    origin.setScheme(url.scheme());
    origin.setHost(url.host());
    origin.setPort(url.port(url.scheme() == u"https"_s ? 443 : url.scheme() == u"http"_s ? 80 : -1));
    // A server's Location header can name any host: keep the sentence it goes into short.
    QString text = origin.toString();
    if (text.size() > 200)
        text = text.left(200) + u'…';
    return text;
}
