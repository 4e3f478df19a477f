#pragma once

#include "secrets/SecretId.h"

#include <QList>
#include <QString>

// A chat tool AlertDeck forwards alerts to. What identifies the target and is a
// secret (the webhook URL with its token, a bot token, a signing secret) lives in
// the keychain under the destination's id; the rest is stored in the settings.
struct ChatDestination {
    enum class Type { Slack, DingTalk, Feishu, WeCom, Teams, Mattermost, Telegram, Discord, Webhook };

    QString id; // stable; names the destination's secrets
    QString name;
    Type type = Type::Slack;
    QString chatId{}; // Telegram
    // Whom every message @-mentions, comma-separated, as ids in the tool's own syntax:
    // DingTalk mobile numbers, Feishu open_id/user_id, WeCom userids, Slack member or
    // user-group ids, Teams UPNs, Discord user/&role ids, Mattermost and Telegram
    // usernames. Each tool drops entries it cannot read (MessageLayout::
    // configuredMentions); the generic webhook has none.
    QString mentions{};
    QString bodyTemplate{}; // generic webhook: JSON with {{placeholders}}; empty: the fixed body
    bool isDefault = false;
    bool requirePreview = false;
    // Set by configuration files (secret=NAME): where the secrets come from instead.
    QString targetSecretName{};
    QString signingSecretName{};

    // The webhook URL (Telegram: the bot token).
    SecretId targetSecret() const;
    // DingTalk and Feishu signing secrets, the generic webhook's HMAC key.
    SecretId signingSecret() const;

    static QString typeName(Type type);
    static QList<Type> allTypes();
    static bool usesSigningSecret(Type type);
    // Empty when `target` suits `type` (an https URL; Telegram: a bot token).
    static QString targetProblem(Type type, const QString &target);
    static QString newId();

    friend bool operator==(const ChatDestination &, const ChatDestination &) = default;
};

// The list as stored in Settings::chatDestinations (JSON).
namespace ChatDestinations {
QList<ChatDestination> fromJson(const QString &json);
QString toJson(const QList<ChatDestination> &destinations);
// "dingtalk", as JSON and configuration files write the type; and all of them.
QString typeKey(ChatDestination::Type type);
QStringList typeKeys();
} // namespace ChatDestinations
