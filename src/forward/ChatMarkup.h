#pragma once

#include "forward/ChatSafety.h"

#include <QString>

#include <functional>

// Text for chat tools: escaping of data, the analysis's Markdown in each tool's
// dialect, and cutting long Markdown where the cut leaves it well-formed. Alert data and
// the analysis are attacker-controlled: nothing in them may mention anyone, open a tag
// or make a link that is not a safeUrl() (the safety helpers are in ChatSafety.h).
namespace ChatMarkup {

// Slack mrkdwn: & < > become entities (the only escaping Slack has).
QString escapeSlack(QString text);
// Telegram HTML: & < > " become entities.
QString escapeHtml(const QString &text);
// Data shown inside Markdown (label values, names): Markdown's special characters
// get a backslash, so `*prod*` or `a_b_c` stay as they are; a line cannot start a
// heading, list or quote; no link can form; tags and mentions are made inert.
QString escapeMarkdown(const QString &text);

// The analysis in Slack mrkdwn: **bold** → *bold*, *italic* → _italic_, headings
// bold, bullets •, [text](http-url) → <safeUrl|text>; code kept; & < > escaped.
QString toSlack(const QString &markdown);
// The analysis in Telegram's HTML subset (b, i, s, code, pre, a): always balanced;
// links only to a safeUrl(), @names outside code inert.
QString toTelegramHtml(const QString &markdown);
// For Markdown subsets without headings (Feishu lark_md, Teams): headings → bold.
QString headingsToBold(const QString &markdown);

// What is appended to an analysis that had to be cut.
QString truncationNote();

// The longest cut of `markdown` that `fits` accepts: at a line end where possible,
// else between words; an open code fence closed, an open ** or ` on the cut line
// closed; truncationNote() appended. The whole text when it fits as it is; empty when
// not even the note fits. `fits` is asked O(log n) times.
QString fit(const QString &markdown, const std::function<bool(const QString &)> &fits);

} // namespace ChatMarkup
