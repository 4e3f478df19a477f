#pragma once

#include "forward/ChatMarkup.h"
#include "forward/ForwardMessage.h"
#include "settings/ChatDestination.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <functional>

// The parts of a forwarded alert that several tools lay out alike.
namespace MessageLayout {

// For tools whose messages are Markdown (DingTalk, WeCom, Mattermost, Discord, Feishu).
struct MarkdownStyle {
    int titleLevel = 3; // 0: the tool shows the title itself (card header, embed title)
    QString lineBreak = QStringLiteral("\n"); // DingTalk needs an empty line between lines
    // "**critical** · firing" unless the tool colours it (WeCom's <font>).
    std::function<QString(const ForwardMessage &)> stateLine{};
    ChatMarkup::Code code = ChatMarkup::Code::Untrusted; // how the tool reads code in the analysis
};

// Title, state, summary, times, labels and links, without the analysis.
QString markdownFacts(const ForwardMessage &message, const MarkdownStyle &style);
// "---", "**AI analysis** (model)" and the analysis given (already cut), made safe.
QString markdownAnalysis(const ForwardMessage &message, const QString &analysis, const MarkdownStyle &style);

// An incident's other members (message.related): empty for a single alert. Else an empty
// line, the bold heading "Related alerts (N)", the first `listed` members one a line
// ("• 🔴 **DiskFull on db-01** — critical · firing — summary", each part escaped) and
// "and N more" for the rest.
QString markdownRelated(const ForwardMessage &message, qsizetype listed, const MarkdownStyle &style);
// A member as one line of plain text: "🔴 DiskFull on db-01 — critical · firing — summary".
QString relatedLine(const ForwardMessage::Related &related);
// How many of message.related to list: the most that `fits` accepts (it is asked with
// related.size(), then one fewer…, down to 0, which is returned when nothing else fits).
qsizetype relatedThatFit(const ForwardMessage &message, const std::function<bool(qsizetype listed)> &fits);

// "AI analysis (deepseek-chat)"
QString analysisHeading(const ForwardMessage &message);
// Start and end times, then the labels: name and value pairs, for fact lists.
QList<std::pair<QString, QString>> facts(const ForwardMessage &message);
// For notifications and fallbacks: "🔴 [FIRING] X on Y — summary".
QString oneLine(const ForwardMessage &message);

// The destination's configured mentions (ChatDestination::mentions, comma-separated)
// that are whole ids in the tool's syntax (`validId`); anything else is dropped, so a
// typo never becomes markup. At most 20, each once.
QStringList configuredMentions(const ChatDestination &destination, const QRegularExpression &validId);

qsizetype utf8Size(const QString &text);
qsizetype codePoints(const QString &text);
// At most `bytes` bytes of UTF-8, cut between characters.
QString cutToUtf8Bytes(const QString &text, qsizetype bytes);

} // namespace MessageLayout
