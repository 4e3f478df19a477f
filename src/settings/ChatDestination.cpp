#include "settings/ChatDestination.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ChatDestination)
};

const char *const typeKeyNames[]
    = {"slack", "dingtalk", "feishu", "wecom", "teams", "mattermost", "telegram", "discord", "webhook"};

} // namespace

SecretId ChatDestination::targetSecret() const
{
    return targetSecretName.isEmpty() ? SecretId{u"destination-"_s + id, u"target"_s}
                                      : Secrets::named(targetSecretName);
}

SecretId ChatDestination::signingSecret() const
{
    return signingSecretName.isEmpty() ? SecretId{u"destination-"_s + id, u"signing-secret"_s}
                                       : Secrets::named(signingSecretName);
}

QString ChatDestination::typeName(Type type)
{
    switch (type) {
    case Type::Slack: return u"Slack"_s;
    case Type::DingTalk: return Text::tr("DingTalk");
    case Type::Feishu: return Text::tr("Feishu / Lark");
    case Type::WeCom: return Text::tr("WeCom");
    case Type::Teams: return u"Microsoft Teams"_s;
    case Type::Mattermost: return u"Mattermost"_s;
    case Type::Telegram: return u"Telegram"_s;
    case Type::Discord: return u"Discord"_s;
    case Type::Webhook: return Text::tr("Generic webhook");
    }
    return {};
}

QList<ChatDestination::Type> ChatDestination::allTypes()
{
    return {Type::Slack,      Type::DingTalk, Type::Feishu,  Type::WeCom,  Type::Teams,
            Type::Mattermost, Type::Telegram, Type::Discord, Type::Webhook};
}

bool ChatDestination::usesSigningSecret(Type type)
{
    return type == Type::DingTalk || type == Type::Feishu || type == Type::Webhook;
}

QString ChatDestination::targetProblem(Type type, const QString &target)
{
    const QString text = target.trimmed();
    if (type == Type::Telegram) {
        static const QRegularExpression token(u"^\\d+:[A-Za-z0-9_-]{20,}$"_s);
        return token.match(text).hasMatch()
            ? QString()
            : Text::tr("A Telegram bot token looks like 123456789:AAH… (from BotFather).");
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s))
        return Text::tr("Paste the webhook URL the tool gave you (https://…).");
    return {};
}

QString ChatDestination::newId()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(12);
}

namespace ChatDestinations {

QList<ChatDestination> fromJson(const QString &json)
{
    QList<ChatDestination> destinations;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        ChatDestination destination;
        destination.id = object.value(u"id"_s).toString();
        destination.name = object.value(u"name"_s).toString();
        const QByteArray type = object.value(u"type"_s).toString().toLatin1();
        const auto types = ChatDestination::allTypes();
        for (qsizetype i = 0; i < types.size(); ++i)
            if (type == typeKeyNames[i])
                destination.type = types.at(i);
        destination.chatId = object.value(u"chatId"_s).toString();
        destination.mentions = object.value(u"mentions"_s).toString();
        destination.isDefault = object.value(u"default"_s).toBool();
        destination.requirePreview = object.value(u"requirePreview"_s).toBool();
        destination.bodyTemplate = object.value(u"template"_s).toString();
        destination.targetSecretName = object.value(u"secret"_s).toString();
        destination.signingSecretName = object.value(u"signingSecret"_s).toString();
        if (!destination.id.isEmpty())
            destinations.append(destination);
    }
    return destinations;
}

QString typeKey(ChatDestination::Type type)
{
    return QLatin1String(typeKeyNames[int(type)]);
}

QStringList typeKeys()
{
    QStringList keys;
    for (ChatDestination::Type type : ChatDestination::allTypes())
        keys << typeKey(type);
    return keys;
}

QString toJson(const QList<ChatDestination> &destinations)
{
    QJsonArray array;
    for (const ChatDestination &destination : destinations) {
        QJsonObject object{{u"id"_s, destination.id},
                           {u"name"_s, destination.name},
                           {u"type"_s, QLatin1String(typeKeyNames[int(destination.type)])},
                           {u"default"_s, destination.isDefault},
                           {u"requirePreview"_s, destination.requirePreview}};
        if (!destination.chatId.isEmpty())
            object.insert(u"chatId"_s, destination.chatId);
        if (!destination.mentions.isEmpty())
            object.insert(u"mentions"_s, destination.mentions);
        if (!destination.bodyTemplate.isEmpty())
            object.insert(u"template"_s, destination.bodyTemplate);
        if (!destination.targetSecretName.isEmpty())
            object.insert(u"secret"_s, destination.targetSecretName);
        if (!destination.signingSecretName.isEmpty())
            object.insert(u"signingSecret"_s, destination.signingSecretName);
        array.append(object);
    }
    return array.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace ChatDestinations
