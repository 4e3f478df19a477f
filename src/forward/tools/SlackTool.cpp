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
    Q_DECLARE_TR_FUNCTIONS(SlackTool)
};

QJsonObject mrkdwn(const QString &text)
{
    return {{u"type"_s, u"mrkdwn"_s}, {u"text"_s, text}};
}

QJsonObject section(const QString &text)
{
    return {{u"type"_s, u"section"_s}, {u"text"_s, mrkdwn(text)}};
}

// Slack reads mentions only in <…>, which escaping keeps out of the data: these are the
// destination's own, users (U…, W…), user groups (S…) or here / channel / everyone.
QString mentionLine(const ChatDestination &destination)
{
    static const QRegularExpression id(u"^([UWS][A-Z0-9]{2,20}|here|channel|everyone)$"_s);
    QStringList mentions;
    for (const QString &mention : MessageLayout::configuredMentions(destination, id)) {
        if (mention.front().isLower())
            mentions << u"<!%1>"_s.arg(mention);
        else if (mention.startsWith(u'S'))
            mentions << u"<!subteam^%1>"_s.arg(mention);
        else
            mentions << u"<@%1>"_s.arg(mention);
    }
    return mentions.isEmpty() ? QString() : u"\n"_s + mentions.join(u' ');
}

// An incident's other members as one mrkdwn section: "*Related alerts (11)*", a line
// each, "and N more"; as many as keep the section within `limit` characters.
QString relatedSection(const ForwardMessage &message, qsizetype limit)
{
    using ChatMarkup::escapeSlack;
    auto sectionWith = [&message](qsizetype listed) {
        QStringList lines{u"*%1*"_s.arg(escapeSlack(message.relatedHeading()))};
        for (const ForwardMessage::Related &related : message.related.mid(0, listed)) {
            QString line = u"• "_s + (related.marker().isEmpty() ? QString() : related.marker() + u' ')
                + u"*%1* — %2"_s.arg(escapeSlack(related.heading()), escapeSlack(related.stateText()));
            if (!related.summary.isEmpty())
                line += u" — "_s + escapeSlack(related.summary);
            lines << line;
        }
        if (const QString more = message.moreRelatedText(listed); !more.isEmpty())
            lines << u"_%1_"_s.arg(escapeSlack(more));
        return lines.join(u'\n');
    };
    return sectionWith(
        MessageLayout::relatedThatFit(message, [&](qsizetype listed) { return sectionWith(listed).size() <= limit; }));
}

// Slack incoming webhook: a notification `text` and Block Kit `blocks` in mrkdwn.
class SlackTool final : public ChatTool
{
public:
    static constexpr int sectionLimit = 3000; // characters of a section's text
    static constexpr int headerLimit = 150;
    static constexpr int fieldLimit = 2000;
    static constexpr int maxFields = 10;

    RateLimit rateLimit() const override { return {1, 1s}; }

protected:
    ChatDestination::Type type() const override { return ChatDestination::Type::Slack; }

    void compose(ChatRequest &request, const ForwardMessage &message, const ChatDestination &destination,
                 const ChatTarget &, const QDateTime &) const override
    {
        using ChatMarkup::escapeSlack;
        const QString mentions = mentionLine(destination);
        QJsonArray blocks;
        // plain_text is not parsed; inert all the same, in case a client ever does.
        const QString heading = ChatMarkup::inertMarkup(
            message.marker().isEmpty() ? message.title : message.marker() + u' ' + message.title);
        blocks.append(QJsonObject{
            {u"type"_s, u"header"_s},
            {u"text"_s, QJsonObject{{u"type"_s, u"plain_text"_s}, {u"text"_s, heading.left(headerLimit)}}}});
        if (!message.state) {
            blocks.append(section(escapeSlack(message.note).left(sectionLimit - mentions.size()) + mentions));
        } else {
            QString lead = u"*%1*"_s.arg(escapeSlack(message.stateText()));
            if (!message.summary.isEmpty())
                lead += u'\n' + escapeSlack(message.summary);
            blocks.append(section(lead.left(sectionLimit - mentions.size()) + mentions));
            QJsonArray fields;
            for (const auto &[name, value] : MessageLayout::facts(message))
                if (fields.size() < maxFields)
                    fields.append(mrkdwn(u"*%1*\n%2"_s.arg(escapeSlack(name), escapeSlack(value)).left(fieldLimit)));
            if (!fields.isEmpty())
                blocks.append(QJsonObject{{u"type"_s, u"section"_s}, {u"fields"_s, fields}});
            QStringList links;
            for (const ForwardMessage::Link &link : message.links)
                if (const QString url = ChatMarkup::safeUrl(link.url); !url.isEmpty())
                    links << u"<%1|%2>"_s.arg(escapeSlack(url), escapeSlack(link.label));
            if (!links.isEmpty())
                blocks.append(section(links.join(u" · "_s).left(sectionLimit)));
            if (message.isIncident())
                blocks.append(section(relatedSection(message, sectionLimit)));
        }
        if (!message.analysis.isEmpty()) {
            const QString heading = u"*%1*\n"_s.arg(escapeSlack(MessageLayout::analysisHeading(message)));
            const QString analysis = ChatMarkup::fit(message.analysis, [&heading](const QString &cut) {
                return (heading + ChatMarkup::toSlack(cut)).size() <= sectionLimit;
            });
            request.truncated = analysis != message.analysis;
            if (!analysis.isEmpty()) {
                blocks.append(QJsonObject{{u"type"_s, u"divider"_s}});
                blocks.append(section(heading + ChatMarkup::toSlack(analysis)));
            }
        }
        blocks.append(QJsonObject{{u"type"_s, u"context"_s},
                                  {u"elements"_s, QJsonArray{mrkdwn(Text::tr("Sent from AlertDeck"))}}});
        const QJsonObject body{{u"text"_s, escapeSlack(MessageLayout::oneLine(message))}, {u"blocks"_s, blocks}};
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    ChatResult judgeSuccessStatus(int, const QByteArray &body) const override
    {
        if (body.trimmed() == "ok" || body.trimmed().isEmpty()
            || QJsonDocument::fromJson(body).object().value(u"ok"_s).toBool())
            return accepted();
        return {false, Text::tr("%1 answered: %2").arg(name(), toolWords(body))};
    }
};

} // namespace

const ChatTool &ChatTools::slack()
{
    static const SlackTool tool;
    return tool;
}
