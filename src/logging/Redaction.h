#pragma once

#include <QString>

// Keeps credentials out of everything AlertDeck writes for people: logs, error
// messages, crash output. Two layers: patterns that look like credentials in HTTP
// and chat-tool URLs, and the exact values of the secrets this process has loaded.
namespace Redaction {

inline constexpr auto marker = "<redacted>";

// `text` with credentials replaced by <redacted>: Authorization / Bearer / Basic
// values, URL user passwords, query parameters such as access_token, key, sign,
// sig, token, secret and password, Telegram bot tokens and the secret path parts
// of Slack, Discord, Feishu/Lark and Mattermost webhook URLs; then every value
// registered with addSecretValue().
QString redact(const QString &text);

// Remembers a secret's value for redact() for the rest of the run (values shorter
// than 4 characters are too common to scrub). Thread-safe.
void addSecretValue(const QString &value);
// Tests only.
void forgetSecretValues();

// A Qt message handler that redacts every message before the previous handler
// writes it. Installed by LogSetup::apply().
void installMessageHandler();

} // namespace Redaction
