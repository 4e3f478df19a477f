#include "forward/ChatFormat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ChatFormat)
};

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString escapeSlack(QString text)
{
    return text.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
}

QJsonObject adaptiveCard(const QString &title, const QString &text)
{
    const QJsonObject card{
        {u"$schema"_s, u"http://adaptivecards.io/schemas/adaptive-card.json"_s},
        {u"type"_s, u"AdaptiveCard"_s},
        {u"version"_s, u"1.4"_s},
        {u"body"_s,
         QJsonArray{QJsonObject{{u"type"_s, u"TextBlock"_s},
                                {u"text"_s, title},
                                {u"weight"_s, u"Bolder"_s},
                                {u"size"_s, u"Medium"_s},
                                {u"wrap"_s, true}},
                    QJsonObject{{u"type"_s, u"TextBlock"_s}, {u"text"_s, text}, {u"wrap"_s, true}}}}};
    return {{u"type"_s, u"message"_s},
            {u"attachments"_s,
             QJsonArray{
                 QJsonObject{{u"contentType"_s, u"application/vnd.microsoft.card.adaptive"_s}, {u"content"_s, card}}}}};
}

// The tool's error words from a JSON answer ({"errmsg"}, {"msg"}, {"description"},
// {"message"}), else the start of the body.
QString toolWords(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    for (const QString &key : {u"errmsg"_s, u"msg"_s, u"description"_s, u"message"_s, u"error"_s})
        if (object.value(key).isString() && !object.value(key).toString().isEmpty())
            return object.value(key).toString();
    QString text = QString::fromUtf8(body).simplified();
    return text.size() > 200 ? text.left(200) + u'…' : text;
}

} // namespace

namespace ChatFormat {

QByteArray dingTalkSignature(qint64 timestampMs, const QString &secret)
{
    return QMessageAuthenticationCode::hash(QByteArray::number(timestampMs) + '\n' + secret.toUtf8(), secret.toUtf8(),
                                            QCryptographicHash::Sha256)
        .toBase64();
}

QByteArray feishuSignature(qint64 timestampSeconds, const QString &secret)
{
    return QMessageAuthenticationCode::hash({}, QByteArray::number(timestampSeconds) + '\n' + secret.toUtf8(),
                                            QCryptographicHash::Sha256)
        .toBase64();
}

ChatRequest build(const ChatDestination &destination, const Where &where, const QString &title, const QString &text,
                  const QDateTime &now)
{
    using Type = ChatDestination::Type;
    ChatRequest request;
    if (const QString problem = ChatDestination::targetProblem(destination.type, where.target); !problem.isEmpty()) {
        request.error = problem;
        return request;
    }
    request.url = destination.type == Type::Telegram
        ? QUrl(where.telegramApi + u"/bot"_s + where.target.trimmed() + u"/sendMessage"_s)
        : QUrl(where.target.trimmed());
    switch (destination.type) {
    case Type::Slack:
        request.body = json({{u"text"_s, u"*%1*\n%2"_s.arg(escapeSlack(title), escapeSlack(text))}});
        break;
    case Type::DingTalk: {
        QJsonObject body{
            {u"msgtype"_s, u"markdown"_s},
            {u"markdown"_s, QJsonObject{{u"title"_s, title}, {u"text"_s, u"#### %1\n\n%2"_s.arg(title, text)}}}};
        const QStringList mobiles = destination.mentions.split(u',', Qt::SkipEmptyParts);
        if (!mobiles.isEmpty()) {
            QJsonArray at;
            for (const QString &mobile : mobiles)
                at.append(mobile.trimmed());
            body.insert(u"at"_s, QJsonObject{{u"atMobiles"_s, at}});
        }
        request.body = json(body);
        if (!where.signingSecret.isEmpty()) {
            const qint64 timestamp = now.toMSecsSinceEpoch();
            QUrlQuery query(request.url);
            query.addQueryItem(u"timestamp"_s, QString::number(timestamp));
            query.addQueryItem(u"sign"_s,
                               QString::fromLatin1(QUrl::toPercentEncoding(
                                   QString::fromLatin1(dingTalkSignature(timestamp, where.signingSecret)))));
            request.url.setQuery(query);
        }
        break;
    }
    case Type::Feishu: {
        QJsonObject body{{u"msg_type"_s, u"text"_s}, {u"content"_s, QJsonObject{{u"text"_s, title + u'\n' + text}}}};
        if (!where.signingSecret.isEmpty()) {
            const qint64 timestamp = now.toSecsSinceEpoch();
            body.insert(u"timestamp"_s, QString::number(timestamp));
            body.insert(u"sign"_s, QString::fromLatin1(feishuSignature(timestamp, where.signingSecret)));
        }
        request.body = json(body);
        break;
    }
    case Type::WeCom:
        request.body = json({{u"msgtype"_s, u"markdown"_s},
                             {u"markdown"_s, QJsonObject{{u"content"_s, u"**%1**\n%2"_s.arg(title, text)}}}});
        break;
    case Type::Teams: request.body = json(adaptiveCard(title, text)); break;
    case Type::Mattermost:
        request.body = json({{u"text"_s, u"#### %1\n%2"_s.arg(title, text)}, {u"username"_s, u"AlertDeck"_s}});
        break;
    case Type::Telegram:
        request.body = json({{u"chat_id"_s, destination.chatId},
                             {u"text"_s, u"<b>%1</b>\n%2"_s.arg(title.toHtmlEscaped(), text.toHtmlEscaped())},
                             {u"parse_mode"_s, u"HTML"_s}});
        break;
    case Type::Discord: request.body = json({{u"content"_s, u"**%1**\n%2"_s.arg(title, text)}}); break;
    case Type::Webhook:
        request.body = json({{u"title"_s, title}, {u"text"_s, text}, {u"source"_s, u"alertdeck"_s}});
        if (!where.signingSecret.isEmpty())
            request.headers.append({"X-AlertDeck-Signature",
                                    "sha256="
                                        + QMessageAuthenticationCode::hash(request.body, where.signingSecret.toUtf8(),
                                                                           QCryptographicHash::Sha256)
                                              .toHex()});
        break;
    }
    return request;
}

ChatResult judge(ChatDestination::Type type, int httpStatus, const QByteArray &body)
{
    using Type = ChatDestination::Type;
    const QString name = ChatDestination::typeName(type);
    if (httpStatus < 200 || httpStatus >= 300) {
        QString explanation;
        if (httpStatus == 404 || httpStatus == 410)
            explanation = Text::tr(" — the webhook no longer exists: copy its URL again from %1").arg(name);
        else if (httpStatus == 401 || httpStatus == 403)
            explanation = Text::tr(" — %1 refused the credentials in the URL or token").arg(name);
        else if (httpStatus == 429)
            explanation = Text::tr(" — %1 limits how often it accepts messages; try again shortly").arg(name);
        const QString words = toolWords(body);
        return {false,
                Text::tr("%1 answered HTTP %2%3%4")
                    .arg(name)
                    .arg(httpStatus)
                    .arg(words.isEmpty() ? QString() : u": "_s + words, explanation)};
    }
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    switch (type) {
    case Type::DingTalk:
    case Type::WeCom: {
        const int code = object.value(u"errcode"_s).toInt(-1);
        if (code == 0)
            return {true, Text::tr("%1 accepted the message").arg(name)};
        QString explanation;
        if (type == Type::DingTalk && code == 310000)
            explanation = Text::tr(" — DingTalk rejected the signature or keyword: check the signing secret, the "
                                   "robot's security settings and this machine's clock");
        else if (code == 93000 || code == 300001)
            explanation = Text::tr(" — the robot's key or token is invalid: copy the webhook URL again");
        return {false,
                Text::tr("%1 refused the message (errcode %2): %3%4")
                    .arg(name)
                    .arg(code)
                    .arg(toolWords(body), explanation)};
    }
    case Type::Feishu: {
        const int code
            = object.contains(u"code"_s) ? object.value(u"code"_s).toInt(-1) : object.value(u"StatusCode"_s).toInt(-1);
        if (code == 0)
            return {true, Text::tr("%1 accepted the message").arg(name)};
        const QString explanation = code == 19021 ? Text::tr(" — Feishu rejected the signature: check the signing "
                                                             "secret and this machine's clock")
                                                  : QString();
        return {
            false,
            Text::tr("%1 refused the message (code %2): %3%4").arg(name).arg(code).arg(toolWords(body), explanation)};
    }
    case Type::Telegram:
        if (object.value(u"ok"_s).toBool())
            return {true, Text::tr("%1 accepted the message").arg(name)};
        return {false, Text::tr("%1 refused the message: %2").arg(name, toolWords(body))};
    case Type::Slack:
    case Type::Mattermost:
        if (body.trimmed() == "ok" || body.trimmed().isEmpty() || object.value(u"ok"_s).toBool())
            return {true, Text::tr("%1 accepted the message").arg(name)};
        return {false, Text::tr("%1 answered: %2").arg(name, toolWords(body))};
    case Type::Teams:
    case Type::Discord:
    case Type::Webhook: break;
    }
    return {true, Text::tr("%1 accepted the message (HTTP %2)").arg(name).arg(httpStatus)};
}

} // namespace ChatFormat
