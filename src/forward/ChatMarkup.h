#pragma once

#include <QString>

#include <functional>

// Text for chat tools: escaping of data, the analysis's Markdown in each tool's
// dialect, and cutting long Markdown where the cut leaves it well-formed. Alert data and
// the analysis are attacker-controlled: nothing in them may mention anyone, open a tag
// or make a link that is not a safeUrl().
namespace ChatMarkup {

// Slack mrkdwn: & < > become entities (the only escaping Slack has).
QString escapeSlack(QString text);
// Telegram HTML: & < > " become entities.
QString escapeHtml(const QString &text);
// Data shown inside Markdown (label values, names): Markdown's special characters
// get a backslash, so `*prod*` or `a_b_c` stay as they are; a line cannot start a
// heading, list or quote; no link can form; tags and mentions are made inert.
QString escapeMarkdown(const QString &text);

// A zero-width space (U+200B) after every '<' that could open a tag, a mention or an
// autolink (`<at id=all>`, `<@id>`, `<!channel>`, `<font>`, `<javascript:…>`), and after
// every '@' that could start a mention (`@channel`, `@所有人`; not the @ of user@host).
// Parser-independent: no chat tool reads a tag or mention through it, and the text
// looks the same.
QString inertMarkup(const QString &text);
// Only the '@' part of inertMarkup, for text whose '<' is escaped already (HTML).
QString inertMentions(const QString &text);

// The URL as a link may use it: http or https with a host, user info dropped, and every
// character that could end the link in some dialect percent-encoded (spaces, newlines,
// ( ) [ ] < > | " ' ` * @ …). Empty for anything else (javascript:, data:, file:, …).
// Already-encoded URLs stay as they are.
QString safeUrl(const QString &url);

// The analysis in Slack mrkdwn: **bold** → *bold*, *italic* → _italic_, headings
// bold, bullets •, [text](http-url) → <safeUrl|text>; code kept; & < > escaped.
QString toSlack(const QString &markdown);
// The analysis in Telegram's HTML subset (b, i, s, code, pre, a): always balanced;
// links only to a safeUrl(), @names outside code inert.
QString toTelegramHtml(const QString &markdown);
// For Markdown subsets without headings (Feishu lark_md, Teams): headings → bold.
QString headingsToBold(const QString &markdown);

// How a tool's Markdown renderer treats code spans and fenced blocks.
enum class Code {
    Literal, // never reads links, tags or mentions inside code (Mattermost, Discord)
    Untrusted, // may not know code at all (DingTalk, Teams) or is not documented to (Feishu, WeCom)
};
// The analysis for tools that render Markdown: its formatting kept; links and images
// become links only to a safeUrl(), any other link is escaped text; tags, mentions and
// link definitions made inert. With Code::Literal, code that the renderer is sure to read
// as code is left as written (commands stay copyable); everything else is treated as text.
QString safeMarkdown(const QString &markdown, Code code);

// What is appended to an analysis that had to be cut.
QString truncationNote();

// The longest cut of `markdown` that `fits` accepts: at a line end where possible,
// else between words; an open code fence closed, an open ** or ` on the cut line
// closed; truncationNote() appended. The whole text when it fits as it is; empty when
// not even the note fits. `fits` is asked O(log n) times.
QString fit(const QString &markdown, const std::function<bool(const QString &)> &fits);

} // namespace ChatMarkup
