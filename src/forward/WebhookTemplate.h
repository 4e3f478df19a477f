#pragma once

#include "forward/ForwardMessage.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// The generic webhook's body: a JSON template whose string values may hold
// placeholders such as {{alert.name}}; values are substituted inside the parsed JSON,
// so they are always escaped correctly. Without a template a fixed body is sent.
// An incident's other members: {{related}} (one line each, "and N more"),
// {{related.count}} (all of them), and a string that is only "{{related.alerts}}"
// becomes a JSON array of {name, state, severity, target, summary, startsAt} (at most
// ForwardMessage::maxRelatedListed); all empty (0, []) for a single alert.
namespace WebhookTemplate {

// The placeholders a template may use, for the editor's help ("alert.labels.NAME").
QStringList placeholders();
// Empty when `text` is usable (empty, or a JSON object or array with known placeholders).
QString problem(const QString &text);

struct Body {
    QByteArray json{};
    QString error{};
};
Body render(const QString &text, const ForwardMessage &message);
// The body without a template.
QByteArray defaultBody(const ForwardMessage &message);
// The message as plain text ({{text}}): one line, the facts, the links, the analysis.
QString plainText(const ForwardMessage &message);

} // namespace WebhookTemplate
