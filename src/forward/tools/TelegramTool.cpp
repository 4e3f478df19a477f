#include "forward/ChatMarkup.h"
#include "forward/ChatTool.h"
#include "forward/tools/ChatTools.h"
#include "forward/tools/MessageLayout.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(TelegramTool)
};

// What Telegram counts against its limit: the text once tags and entities are parsed.
qsizetype visibleLength(const QString &html)
{
    static const QRegularExpression tags(u"<[^>]*>"_s);
    static const QRegularExpression entities(u"&(amp|lt|gt|quot|#39);"_s);
    QString text = html;
    text.remove(tags);
    qsizetype entityExtra = 0;
    for (auto it = entities.globalMatch(text); it.hasNext();)
        entityExtra += it.next().capturedLength() - 1;
    return text.size() - entityExtra;
}

// Telegram Bot API sendMessage: HTML parse mode, at most 4096 characters.
class TelegramTool final : public ChatTool
{
public:
    static constexpr qsizetype textLimit = 4096;

    RateLimit rateLimit() const override { return {20, 60s}; } // per group chat

protected:
    ChatDestination::Type type() const override { return ChatDestination::Type::Telegram; }

    void compose(ChatRequest &request, const ForwardMessage &message, const ChatDestination &destination,
                 const ChatTarget &, const QDateTime &) const override
    {
        using ChatMarkup::escapeHtml;
        // HTML escaping keeps tags out; Telegram still links any @username it sees.
        auto text = [](const QString &data) { return ChatMarkup::inertMentions(escapeHtml(data)); };
        QStringList lines;
        const QString marker = message.marker().isEmpty() ? QString() : message.marker() + u' ';
        lines << marker + u"<b>%1</b>"_s.arg(text(message.title));
        if (!message.state) {
            lines << text(message.note);
        } else {
            lines << u"<i>%1</i>"_s.arg(text(message.stateText()));
            if (!message.summary.isEmpty())
                lines << text(message.summary);
            lines << QString();
            for (const auto &[name, value] : MessageLayout::facts(message))
                lines << u"<b>%1:</b> %2"_s.arg(text(name), text(value));
            QStringList links;
            for (const ForwardMessage::Link &link : message.links)
                if (const QString url = ChatMarkup::safeUrl(link.url); !url.isEmpty())
                    links << u"<a href=\"%1\">%2</a>"_s.arg(escapeHtml(url), text(link.label));
            if (!links.isEmpty())
                lines << QString() << links.join(u" · "_s);
        }
        // The usernames the destination lists are the only mentions.
        static const QRegularExpression username(u"^[A-Za-z][A-Za-z0-9_]{4,31}$"_s);
        const QStringList mentions = MessageLayout::configuredMentions(destination, username);
        const QString mentionText = mentions.isEmpty() ? QString() : u"\n\n@"_s + mentions.join(u" @"_s);
        const QString alertFacts = lines.join(u'\n');
        // An incident's other members: as many as keep the facts within the limit.
        auto relatedWith = [&](qsizetype listed) {
            if (!message.isIncident())
                return QString();
            QStringList related{QString(), u"<b>%1</b>"_s.arg(text(message.relatedHeading()))};
            for (const ForwardMessage::Related &member : message.related.mid(0, listed)) {
                QString line = u"• "_s + (member.marker().isEmpty() ? QString() : member.marker() + u' ')
                    + u"<b>%1</b> — %2"_s.arg(text(member.heading()), text(member.stateText()));
                if (!member.summary.isEmpty())
                    line += u" — "_s + text(member.summary);
                related << line;
            }
            if (const QString more = message.moreRelatedText(listed); !more.isEmpty())
                related << u"<i>%1</i>"_s.arg(text(more));
            return u"\n"_s + related.join(u'\n');
        };
        const qsizetype listed = MessageLayout::relatedThatFit(message, [&](qsizetype count) {
            return visibleLength(alertFacts + relatedWith(count) + mentionText) <= textLimit;
        });
        const QString facts = alertFacts + relatedWith(listed) + mentionText;
        auto textWith = [&](const QString &analysis) {
            if (analysis.isEmpty())
                return facts;
            return facts + u"\n\n<b>%1</b>\n"_s.arg(text(MessageLayout::analysisHeading(message)))
                + ChatMarkup::toTelegramHtml(analysis);
        };
        const QString analysis = ChatMarkup::fit(
            message.analysis, [&](const QString &cut) { return visibleLength(textWith(cut)) <= textLimit; });
        request.truncated = analysis != message.analysis;
        const QJsonObject body{{u"chat_id"_s, destination.chatId},
                               {u"text"_s, textWith(analysis)},
                               {u"parse_mode"_s, u"HTML"_s},
                               {u"link_preview_options"_s, QJsonObject{{u"is_disabled"_s, true}}}};
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    ChatResult judgeSuccessStatus(int, const QByteArray &body) const override
    {
        if (QJsonDocument::fromJson(body).object().value(u"ok"_s).toBool())
            return accepted();
        return {false, Text::tr("%1 refused the message: %2").arg(name(), toolWords(body))};
    }
};

} // namespace

const ChatTool &ChatTools::telegram()
{
    static const TelegramTool tool;
    return tool;
}
