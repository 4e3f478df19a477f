#pragma once

#include <QString>

// What makes attacker-controlled text (alert data, the analysis) safe in a chat message:
// tags and mentions made inert, links only to safe URLs. Part of ChatMarkup (the same
// namespace); ChatMarkup.h includes this header.
namespace ChatMarkup {

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

} // namespace ChatMarkup
