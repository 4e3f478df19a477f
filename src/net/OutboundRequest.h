#pragma once

#include <QNetworkRequest>
#include <QString>
#include <QUrl>

// Every request AlertDeck sends to a configured service is made here: they carry
// credentials (an API key, Basic or Bearer auth), a secret URL (chat webhooks) or a
// signed body. Qt's default redirect policy follows a redirect to any other host and
// resends the raw headers and the body there; these requests follow redirects only
// within their origin (scheme, host and port). A redirect elsewhere ends the request
// with QNetworkReply::InsecureRedirectError before anything is sent to the other
// origin: NetworkFailure::httpStatus() then reports no answer and
// NetworkFailure::transport() says where the server pointed.
namespace OutboundRequest {

QNetworkRequest create(const QUrl &url);

// "scheme://host:port" with the scheme's default port spelt out; never the path,
// query or user info, which may hold secrets.
QString origin(const QUrl &url);

} // namespace OutboundRequest
