#include "forward/ChatMarkup.h"
#include "forward/ChatTool.h"
#include "forward/tools/ChatTools.h"
#include "forward/tools/MessageLayout.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(DiscordTool)
};

// Discord webhook: a short `content` line and an embed in the severity's colour.
// Mentions in alert text (@everyone in a label) never ping anyone: allowed_mentions
// lets only the configured users and roles be pinged, and the text is made inert too.
class DiscordTool final : public ChatTool
{
public:
    static constexpr qsizetype contentLimit = 2000;
    static constexpr qsizetype titleLimit = 256;
    static constexpr qsizetype descriptionLimit = 4096;
    static constexpr qsizetype fieldNameLimit = 256;
    static constexpr qsizetype fieldValueLimit = 1024;
    static constexpr qsizetype embedLimit = 6000; // all an embed's text together
    static constexpr int maxFields = 25;

    RateLimit rateLimit() const override { return {5, 2s}; }

protected:
    ChatDestination::Type type() const override { return ChatDestination::Type::Discord; }

    void compose(ChatRequest &request, const ForwardMessage &message, const ChatDestination &destination,
                 const ChatTarget &, const QDateTime &) const override
    {
        using ChatMarkup::escapeMarkdown;
        // Embed titles are not Markdown and never mention anyone; inert all the same.
        const QString title = ChatMarkup::inertMarkup(message.title).left(titleLimit);
        QJsonArray fields;
        qsizetype fieldText = 0;
        for (const auto &[name, value] : MessageLayout::facts(message)) {
            if (fields.size() == maxFields)
                break;
            const QString shownName = escapeMarkdown(name).left(fieldNameLimit);
            const QString shown = escapeMarkdown(value).left(fieldValueLimit);
            fields.append(QJsonObject{{u"name"_s, shownName}, {u"value"_s, shown}, {u"inline"_s, true}});
            fieldText += shownName.size() + shown.size();
        }
        QStringList leadParts;
        const QString lead = message.state ? message.summary : message.note;
        if (!lead.isEmpty())
            leadParts << escapeMarkdown(lead);
        QStringList links;
        for (const ForwardMessage::Link &link : message.links)
            if (const QString url = ChatMarkup::safeUrl(link.url); !url.isEmpty())
                links << u"[%1](%2)"_s.arg(escapeMarkdown(link.label), url);
        if (!links.isEmpty())
            leadParts << links.join(u" · "_s);
        const QString alertLead = leadParts.join(u"\n\n"_s);
        // An incident's members under the lead: as many as fit the embed's limits.
        const MessageLayout::MarkdownStyle style{0, u"\n"_s, {}, ChatMarkup::Code::Literal};
        auto fitsEmbed = [&](const QString &description) {
            return description.size() <= descriptionLimit
                && description.size() + title.size() + fieldText <= embedLimit;
        };
        auto leadWith = [&](qsizetype listed) {
            const QString related = MessageLayout::markdownRelated(message, listed, style);
            return alertLead.isEmpty() ? related.trimmed() : alertLead + related;
        };
        const qsizetype listed
            = MessageLayout::relatedThatFit(message, [&](qsizetype count) { return fitsEmbed(leadWith(count)); });
        const QString leadText = leadWith(listed);
        auto descriptionWith = [&](const QString &analysis) {
            if (analysis.isEmpty())
                return leadText;
            return leadText + u"\n\n**%1**\n"_s.arg(escapeMarkdown(MessageLayout::analysisHeading(message)))
                + ChatMarkup::safeMarkdown(analysis, ChatMarkup::Code::Literal);
        };
        const QString analysis
            = ChatMarkup::fit(message.analysis, [&](const QString &cut) { return fitsEmbed(descriptionWith(cut)); });
        request.truncated = analysis != message.analysis;

        QJsonObject embed{{u"title"_s, title},
                          {u"description"_s, descriptionWith(analysis).left(descriptionLimit)},
                          {u"color"_s, message.colour().mid(1).toInt(nullptr, 16)},
                          {u"footer"_s, QJsonObject{{u"text"_s, Text::tr("Sent from AlertDeck")}}}};
        if (!fields.isEmpty())
            embed.insert(u"fields"_s, fields);
        if (message.startsAt.isValid())
            embed.insert(u"timestamp"_s, message.startsAt.toUTC().toString(Qt::ISODate));
        // Only the users (id) and roles (&id) the destination lists may be pinged: they are
        // named in `content` and allowed by id; nothing is parsed from the text.
        static const QRegularExpression userOrRole(u"^&?[0-9]{5,25}$"_s);
        QStringList mentions;
        QJsonArray users;
        QJsonArray roles;
        for (const QString &id : MessageLayout::configuredMentions(destination, userOrRole)) {
            mentions << u"<@%1>"_s.arg(id); // <@&id> for a role
            if (id.startsWith(u'&'))
                roles.append(id.mid(1));
            else
                users.append(id);
        }
        const QString marker = message.marker().isEmpty() ? QString() : message.marker() + u' ';
        const QString mentionText = mentions.isEmpty() ? QString() : u"\n"_s + mentions.join(u' ');
        const QJsonObject body{
            {u"username"_s, u"AlertDeck"_s},
            {u"content"_s,
             (marker + u"**%1**"_s.arg(escapeMarkdown(title))).left(contentLimit - mentionText.size()) + mentionText},
            {u"embeds"_s, QJsonArray{embed}},
            {u"allowed_mentions"_s, QJsonObject{{u"parse"_s, QJsonArray{}}, {u"users"_s, users}, {u"roles"_s, roles}}}};
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
};

} // namespace

const ChatTool &ChatTools::discord()
{
    static const DiscordTool tool;
    return tool;
}
