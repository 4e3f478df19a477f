#include "forward/ChatMarkup.h"
#include "forward/ChatTool.h"
#include "forward/tools/ChatTools.h"
#include "forward/tools/MessageLayout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// Adaptive Card container styles and text colours by severity.
std::pair<QString, QString> cardColours(const ForwardMessage &message)
{
    using Tone = ForwardMessage::Tone;
    switch (message.tone()) {
    case Tone::Resolved: return {u"good"_s, u"Good"_s};
    case Tone::Critical: return {u"attention"_s, u"Attention"_s};
    case Tone::Warning: return {u"warning"_s, u"Warning"_s};
    case Tone::Info: return {u"accent"_s, u"Accent"_s};
    case Tone::Plain:
    case Tone::Neutral: break;
    }
    return {u"emphasis"_s, u"Default"_s};
}

QJsonObject textBlock(const QString &text, const QJsonObject &extra = {})
{
    QJsonObject block{{u"type"_s, u"TextBlock"_s}, {u"text"_s, text}, {u"wrap"_s, true}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        block.insert(it.key(), it.value());
    return block;
}

// Microsoft Teams (Workflows webhook): a message with one Adaptive Card.
class TeamsTool final : public ChatTool
{
public:
    static constexpr qsizetype bodyLimit = 28'000; // bytes of the request body

protected:
    ChatDestination::Type type() const override { return ChatDestination::Type::Teams; }

    void compose(ChatRequest &request, const ForwardMessage &message, const ChatDestination &destination,
                 const ChatTarget &, const QDateTime &) const override
    {
        using ChatMarkup::escapeMarkdown;
        const auto [style, colour] = cardColours(message);
        QJsonArray heading{textBlock(escapeMarkdown(message.title),
                                     {{u"weight"_s, u"Bolder"_s}, {u"size"_s, u"Medium"_s}, {u"color"_s, colour}})};
        if (message.state)
            heading.append(textBlock(escapeMarkdown(message.stateText()),
                                     {{u"color"_s, colour}, {u"spacing"_s, u"None"_s}, {u"isSubtle"_s, true}}));
        QJsonArray facts; // Fact.title and Fact.value are Markdown too
        for (const auto &[name, value] : MessageLayout::facts(message))
            facts.append(QJsonObject{{u"title"_s, escapeMarkdown(name)}, {u"value"_s, escapeMarkdown(value)}});
        QJsonArray actions;
        for (const ForwardMessage::Link &link : message.links)
            if (const QString url = ChatMarkup::safeUrl(link.url); !url.isEmpty())
                actions.append(
                    QJsonObject{{u"type"_s, u"Action.OpenUrl"_s}, {u"title"_s, link.label}, {u"url"_s, url}});
        // A card mentions only through its entities: the UPNs the destination lists.
        static const QRegularExpression upn(u"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}$"_s);
        QStringList mentionTexts;
        QJsonArray entities;
        for (const QString &id : MessageLayout::configuredMentions(destination, upn)) {
            const QString text = u"<at>%1</at>"_s.arg(id);
            mentionTexts << text;
            entities.append(QJsonObject{{u"type"_s, u"mention"_s},
                                        {u"text"_s, text},
                                        {u"mentioned"_s, QJsonObject{{u"id"_s, id}, {u"name"_s, id}}}});
        }

        auto bodyWith = [&](const QString &analysis, qsizetype listed) {
            QJsonArray body{QJsonObject{
                {u"type"_s, u"Container"_s}, {u"style"_s, style}, {u"bleed"_s, true}, {u"items"_s, heading}}};
            const QString lead = message.state ? message.summary : message.note;
            if (!lead.isEmpty())
                body.append(textBlock(escapeMarkdown(lead)));
            if (!facts.isEmpty())
                body.append(QJsonObject{{u"type"_s, u"FactSet"_s}, {u"facts"_s, facts}});
            if (message.isIncident()) {
                // An incident's other members: a heading, then one block each.
                body.append(textBlock(escapeMarkdown(message.relatedHeading()), {{u"weight"_s, u"Bolder"_s}}));
                for (const ForwardMessage::Related &related : message.related.mid(0, listed)) {
                    QString line = related.marker() + u' '
                        + u"**%1** — %2"_s.arg(escapeMarkdown(related.heading()), escapeMarkdown(related.stateText()));
                    if (!related.summary.isEmpty())
                        line += u" — "_s + escapeMarkdown(related.summary);
                    body.append(textBlock(line.trimmed(), {{u"spacing"_s, u"Small"_s}}));
                }
                if (const QString more = message.moreRelatedText(listed); !more.isEmpty())
                    body.append(textBlock(escapeMarkdown(more), {{u"spacing"_s, u"Small"_s}, {u"isSubtle"_s, true}}));
            }
            if (!mentionTexts.isEmpty())
                body.append(textBlock(mentionTexts.join(u' ')));
            if (!analysis.isEmpty()) {
                // Adaptive Card Markdown has no code: code in the analysis is text like the rest.
                body.append(textBlock(escapeMarkdown(MessageLayout::analysisHeading(message)),
                                      {{u"weight"_s, u"Bolder"_s}, {u"separator"_s, true}}));
                body.append(textBlock(
                    ChatMarkup::headingsToBold(ChatMarkup::safeMarkdown(analysis, ChatMarkup::Code::Untrusted))));
            }
            QJsonObject card{{u"$schema"_s, u"http://adaptivecards.io/schemas/adaptive-card.json"_s},
                             {u"type"_s, u"AdaptiveCard"_s},
                             {u"version"_s, u"1.4"_s},
                             {u"msteams"_s,
                              entities.isEmpty() ? QJsonObject{{u"width"_s, u"Full"_s}}
                                                 : QJsonObject{{u"width"_s, u"Full"_s}, {u"entities"_s, entities}}},
                             {u"body"_s, body}};
            if (!actions.isEmpty())
                card.insert(u"actions"_s, actions);
            const QJsonObject message{
                {u"type"_s, u"message"_s},
                {u"attachments"_s,
                 QJsonArray{QJsonObject{{u"contentType"_s, u"application/vnd.microsoft.card.adaptive"_s},
                                        {u"content"_s, card}}}}};
            return QJsonDocument(message).toJson(QJsonDocument::Compact);
        };
        const qsizetype listed = MessageLayout::relatedThatFit(
            message, [&](qsizetype count) { return bodyWith({}, count).size() <= bodyLimit; });
        const QString analysis = ChatMarkup::fit(
            message.analysis, [&](const QString &cut) { return bodyWith(cut, listed).size() <= bodyLimit; });
        request.truncated = analysis != message.analysis;
        request.body = bodyWith(analysis, listed);
    }
};

} // namespace

const ChatTool &ChatTools::teams()
{
    static const TeamsTool tool;
    return tool;
}
