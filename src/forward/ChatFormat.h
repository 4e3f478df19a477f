#pragma once

#include "settings/ChatDestination.h"

#include <QDateTime>
#include <QList>
#include <QUrl>

// A message for a chat tool, ready to POST: where, the JSON body, extra headers.
struct ChatRequest {
    QUrl url{};
    QByteArray body{};
    QList<std::pair<QByteArray, QByteArray>> headers{};
    QString error{}; // not empty: nothing can be sent (says why)
};

// How a chat tool judged a message it was sent.
struct ChatResult {
    bool ok = false;
    QString message{}; // for people: the tool's own words, with an explanation when it failed
};

// Each chat tool's wire format, signing and success rule (see PROTOCOLS.md), for a
// simple titled text. Pure: the request is built and the answer judged without I/O.
namespace ChatFormat {

struct Where {
    QString target; // the webhook URL; Telegram: the bot token
    QString signingSecret{}; // DingTalk, Feishu, generic webhook; empty: unsigned
    QString telegramApi = QStringLiteral("https://api.telegram.org"); // tests point it elsewhere
};

ChatRequest build(const ChatDestination &destination, const Where &where, const QString &title, const QString &text,
                  const QDateTime &now);
ChatResult judge(ChatDestination::Type type, int httpStatus, const QByteArray &body);

// DingTalk: base64(HMAC-SHA256(key = secret, message = timestampMs + "\n" + secret)).
QByteArray dingTalkSignature(qint64 timestampMs, const QString &secret);
// Feishu / Lark: base64(HMAC-SHA256(key = timestampSeconds + "\n" + secret, message = "")).
QByteArray feishuSignature(qint64 timestampSeconds, const QString &secret);

} // namespace ChatFormat
