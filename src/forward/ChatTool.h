#pragma once

#include "forward/ForwardMessage.h"
#include "settings/ChatDestination.h"

#include <QDateTime>
#include <QList>
#include <QUrl>

#include <chrono>
#include <optional>

// A message for a chat tool, ready to POST: where, the JSON body, extra headers.
struct ChatRequest {
    QUrl url{};
    QByteArray body{};
    QList<std::pair<QByteArray, QByteArray>> headers{};
    QString error{}; // not empty: nothing can be sent (says why)
    bool truncated = false; // the analysis was cut to the tool's limit
};

// How a chat tool judged a message it was sent.
struct ChatResult {
    bool ok = false;
    QString message{}; // for people: the tool's own words, with an explanation when it failed
    bool retryable = false; // 429 or 5xx: the same message may go again later
    std::optional<std::chrono::milliseconds> retryAfter{}; // the tool's own hint
};

// The secrets a destination needs, as read from the keychain.
struct ChatTarget {
    QString target; // the webhook URL; Telegram: the bot token
    QString signingSecret{}; // DingTalk, Feishu, generic webhook; empty: unsigned
    QString telegramApi = QStringLiteral("https://api.telegram.org"); // tests point it elsewhere
};

// How often a tool accepts messages for one webhook: `count` per `window`.
struct RateLimit {
    int count = 0; // 0: no limit
    std::chrono::milliseconds window{0};
};

// One chat tool: its wire format, size limits, signing and the way it reports
// success (see PROTOCOLS.md). Pure: requests are built and answers judged without I/O.
// One class per tool lives in src/forward/tools.
class ChatTool
{
public:
    virtual ~ChatTool() = default;

    static const ChatTool &of(ChatDestination::Type type);

    // The request for `message`: the target checked, the body in the tool's format
    // and within its limits (a long analysis cut, with a note), signed when there is a secret.
    ChatRequest request(const ForwardMessage &message, const ChatDestination &destination, const ChatTarget &target,
                        const QDateTime &now) const;
    // The tool's answer: HTTP errors first, then the tool's own success rule.
    ChatResult judge(int httpStatus, const QByteArray &body, const QByteArray &retryAfterHeader = {}) const;

    virtual RateLimit rateLimit() const { return {}; }

protected:
    // Fills request.body (and headers, URL query) for a checked target.
    virtual void compose(ChatRequest &request, const ForwardMessage &message, const ChatDestination &destination,
                         const ChatTarget &target, const QDateTime &now) const = 0;
    // Judges a 2xx answer; the default accepts it.
    virtual ChatResult judgeSuccessStatus(int httpStatus, const QByteArray &body) const;

    virtual ChatDestination::Type type() const = 0;
    QString name() const;
    ChatResult accepted() const;
    // A refusal reported in the body ("errcode 310000"): the tool's words, then what to do.
    ChatResult refused(const QString &codeName, int code, const QByteArray &body, const QString &explanation,
                       bool retryable = false) const;
    // The tool's error words from a JSON answer ({"errmsg"}, {"msg"}, {"description"},
    // {"message"}), else the start of the body.
    static QString toolWords(const QByteArray &body);
};

// Signatures the tools check, computed as their documentation says.
namespace ChatSigning {
// DingTalk: base64(HMAC-SHA256(key = secret, message = timestampMs + "\n" + secret)).
QByteArray dingTalk(qint64 timestampMs, const QString &secret);
// Feishu / Lark: base64(HMAC-SHA256(key = timestampSeconds + "\n" + secret, message = "")).
QByteArray feishu(qint64 timestampSeconds, const QString &secret);
// Generic webhook: "sha256=" + hex(HMAC-SHA256(key = secret, message = body)).
QByteArray webhook(const QByteArray &body, const QString &secret);
} // namespace ChatSigning
