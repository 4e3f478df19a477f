#include "forward/ChatSender.h"

#include "logging/Redaction.h"
#include "net/NetworkFailure.h"
#include "net/OutboundRequest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

ChatSender::ChatSender(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

void ChatSender::send(ChatDestination::Type type, const ChatRequest &request, QObject *context,
                      std::function<void(const ChatResult &)> done)
{
    QPointer<QObject> guard(context);
    if (!request.error.isEmpty()) {
        QTimer::singleShot(0, context, [done, error = request.error] { done({false, error}); });
        return;
    }
    // The URL is the secret and the body the message: neither follows a redirect elsewhere.
    QNetworkRequest networkRequest = OutboundRequest::create(request.url);
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json; charset=utf-8"_s);
    networkRequest.setTransferTimeout(timeoutMs);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    QNetworkReply *reply = m_network->post(networkRequest, request.body);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done), type] {
        reply->deleteLater();
        const int status = NetworkFailure::httpStatus(*reply);
        ChatResult result;
        if (status != 0) {
            result = ChatTool::of(type).judge(status, reply->readAll(), reply->rawHeader("Retry-After"));
        } else {
            // Qt's text can quote the URL, which holds the secret: say what happened instead.
            switch (reply->error()) {
            case QNetworkReply::HostNotFoundError:
                result = {false, tr("%1: host not found (DNS)").arg(ChatDestination::typeName(type))};
                break;
            case QNetworkReply::OperationCanceledError:
            case QNetworkReply::TimeoutError:
                result
                    = {false,
                       tr("%1 did not answer within %2 s").arg(ChatDestination::typeName(type)).arg(timeoutMs / 1000)};
                break;
            case QNetworkReply::ConnectionRefusedError:
                result = {false, tr("%1: connection refused").arg(ChatDestination::typeName(type))};
                break;
            case QNetworkReply::SslHandshakeFailedError:
                result = {false, tr("%1: TLS handshake failed").arg(ChatDestination::typeName(type))};
                break;
            case QNetworkReply::InsecureRedirectError:
                result = {false,
                          tr("%1: the webhook redirected to %2, a different origin: AlertDeck does not send "
                             "the message or the webhook's secret there, so nothing was sent. Check the "
                             "webhook URL.")
                              .arg(ChatDestination::typeName(type), NetworkFailure::refusedRedirectOrigin(*reply))};
                break;
            default:
                result
                    = {false, tr("%1: network error %2").arg(ChatDestination::typeName(type)).arg(int(reply->error()))};
                break;
            }
        }
        // A tool may echo the URL or token it was sent.
        result.message = Redaction::redact(result.message);
        if (guard && done)
            done(result);
    });
}
