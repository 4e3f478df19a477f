#include "forward/ChatTool.h"

#include "forward/tools/ChatTools.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMessageAuthenticationCode>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ChatTool)
};

// Longer hints are not waited for: the forward fails and says so.
constexpr std::chrono::milliseconds longestRetryHint{10 * 60 * 1000};

std::optional<std::chrono::milliseconds> retryHint(const QByteArray &header, const QByteArray &body)
{
    bool ok = false;
    const double headerSeconds = header.trimmed().toDouble(&ok);
    if (ok && headerSeconds >= 0)
        return std::chrono::milliseconds(qint64(std::ceil(headerSeconds * 1000)));
    if (!header.trimmed().isEmpty()) {
        const QDateTime when
            = QLocale::c().toDateTime(QString::fromLatin1(header.trimmed()), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
        if (when.isValid()) {
            QDateTime utc = when;
            utc.setTimeSpec(Qt::UTC);
            return std::chrono::milliseconds(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(utc)));
        }
    }
    // Discord: {"retry_after": 1.5}; Telegram: {"parameters": {"retry_after": 3}}.
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    for (const QJsonValue &value :
         {object.value(u"retry_after"_s), object.value(u"parameters"_s).toObject().value(u"retry_after"_s)})
        if (value.isDouble() && value.toDouble() >= 0)
            return std::chrono::milliseconds(qint64(std::ceil(value.toDouble() * 1000)));
    return std::nullopt;
}

} // namespace

const ChatTool &ChatTool::of(ChatDestination::Type type)
{
    using Type = ChatDestination::Type;
    switch (type) {
    case Type::Slack: return ChatTools::slack();
    case Type::DingTalk: return ChatTools::dingTalk();
    case Type::Feishu: return ChatTools::feishu();
    case Type::WeCom: return ChatTools::weCom();
    case Type::Teams: return ChatTools::teams();
    case Type::Mattermost: return ChatTools::mattermost();
    case Type::Telegram: return ChatTools::telegram();
    case Type::Discord: return ChatTools::discord();
    case Type::Webhook: break;
    }
    return ChatTools::webhook();
}

QString ChatTool::name() const
{
    return ChatDestination::typeName(type());
}

ChatRequest ChatTool::request(const ForwardMessage &message, const ChatDestination &destination,
                              const ChatTarget &target, const QDateTime &now) const
{
    ChatRequest request;
    if (const QString problem = ChatDestination::targetProblem(type(), target.target); !problem.isEmpty()) {
        request.error = problem;
        return request;
    }
    request.url = type() == ChatDestination::Type::Telegram
        ? QUrl(target.telegramApi + u"/bot"_s + target.target.trimmed() + u"/sendMessage"_s)
        : QUrl(target.target.trimmed());
    compose(request, message, destination, target, now);
    return request;
}

QString ChatTool::toolWords(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    for (const QString &key : {u"errmsg"_s, u"msg"_s, u"description"_s, u"message"_s, u"error"_s})
        if (object.value(key).isString() && !object.value(key).toString().isEmpty())
            return object.value(key).toString();
    QString text = QString::fromUtf8(body).simplified();
    return text.size() > 200 ? text.left(200) + u'…' : text;
}

ChatResult ChatTool::judge(int httpStatus, const QByteArray &body, const QByteArray &retryAfterHeader) const
{
    if (httpStatus >= 200 && httpStatus < 300)
        return judgeSuccessStatus(httpStatus, body);
    QString explanation;
    if (httpStatus == 404 || httpStatus == 410)
        explanation = Text::tr(" — the webhook no longer exists: copy its URL again from %1").arg(name());
    else if (httpStatus == 401 || httpStatus == 403)
        explanation = Text::tr(" — %1 refused the credentials in the URL or token").arg(name());
    else if (httpStatus == 413)
        explanation = Text::tr(" — the message is larger than %1 accepts").arg(name());
    else if (httpStatus == 429)
        explanation = Text::tr(" — %1 limits how often it accepts messages").arg(name());
    const QString words = toolWords(body);
    ChatResult result{false,
                      Text::tr("%1 answered HTTP %2%3%4")
                          .arg(name())
                          .arg(httpStatus)
                          .arg(words.isEmpty() ? QString() : u": "_s + words, explanation)};
    result.retryable = httpStatus == 429 || httpStatus >= 500;
    if (result.retryable) {
        result.retryAfter = retryHint(retryAfterHeader, body);
        if (result.retryAfter && *result.retryAfter > longestRetryHint)
            result.retryable = false;
    }
    return result;
}

ChatResult ChatTool::judgeSuccessStatus(int httpStatus, const QByteArray &) const
{
    return {true, Text::tr("%1 accepted the message (HTTP %2)").arg(name()).arg(httpStatus)};
}

ChatResult ChatTool::accepted() const
{
    return {true, Text::tr("%1 accepted the message").arg(name())};
}

ChatResult ChatTool::refused(const QString &codeName, int code, const QByteArray &body, const QString &explanation,
                             bool retryable) const
{
    ChatResult result{false,
                      Text::tr("%1 refused the message (%2 %3): %4%5")
                          .arg(name(), codeName)
                          .arg(code)
                          .arg(toolWords(body), explanation)};
    result.retryable = retryable;
    return result;
}

namespace ChatSigning {

QByteArray dingTalk(qint64 timestampMs, const QString &secret)
{
    return QMessageAuthenticationCode::hash(QByteArray::number(timestampMs) + '\n' + secret.toUtf8(), secret.toUtf8(),
                                            QCryptographicHash::Sha256)
        .toBase64();
}

QByteArray feishu(qint64 timestampSeconds, const QString &secret)
{
    return QMessageAuthenticationCode::hash({}, QByteArray::number(timestampSeconds) + '\n' + secret.toUtf8(),
                                            QCryptographicHash::Sha256)
        .toBase64();
}

QByteArray webhook(const QByteArray &body, const QString &secret)
{
    return "sha256=" + QMessageAuthenticationCode::hash(body, secret.toUtf8(), QCryptographicHash::Sha256).toHex();
}

} // namespace ChatSigning
