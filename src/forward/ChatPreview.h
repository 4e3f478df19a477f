#pragma once

#include "settings/ChatDestination.h"

#include <QByteArray>
#include <QString>

// How a chat tool will show a message, read back from the exact body it is sent (so the
// preview can never show something the body does not say). Best effort per tool: Slack
// Block Kit mrkdwn, Teams Adaptive Cards, Feishu cards (lark_md), DingTalk / WeCom /
// Mattermost / Discord Markdown, Telegram HTML. The result is CommonMark (GitHub
// dialect, no raw HTML) for a text view to render; the tools' own markup is translated
// and everything else is escaped, so hostile alert text stays text. Linear in the size
// of the body.
namespace ChatPreview {

// Bodies beyond this are not rendered (no tool accepts them anyway).
constexpr qsizetype maxBodyBytes = 512 * 1024;

// The message as the tool shows it; a sentence saying why when it cannot be rendered
// (a generic webhook's own template, a body that is not JSON).
QString markdown(ChatDestination::Type type, const QByteArray &body);

// The parts of the translation, for tests.
QString fromSlackMrkdwn(const QString &mrkdwn);
QString fromTelegramHtml(const QString &html);
// Markdown dialects that keep single line breaks and use a few tags (<font>, <at>).
QString fromToolMarkdown(const QString &markdown, bool lineBreaksAreBreaks);
// Plain text shown as it is.
QString plainText(const QString &text);

} // namespace ChatPreview
