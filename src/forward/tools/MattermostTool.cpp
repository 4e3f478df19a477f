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

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(MattermostTool)
};

// Mattermost incoming webhook: Markdown `text` with a coloured attachment.
class MattermostTool final : public ChatTool
{
public:
    static constexpr qsizetype textLimit = 16'383; // characters (runes) of a post

protected:
    ChatDestination::Type type() const override { return ChatDestination::Type::Mattermost; }

    void compose(ChatRequest &request, const ForwardMessage &message, const ChatDestination &destination,
                 const ChatTarget &, const QDateTime &) const override
    {
        // The title as the post; the facts and the analysis in an attachment with the severity's colour.
        // Mattermost reads no mentions in code, so commands in the analysis stay copyable.
        const MessageLayout::MarkdownStyle style{0, u"\n"_s, {}, ChatMarkup::Code::Literal};
        const QString marker = message.marker().isEmpty() ? QString() : message.marker() + u' ';
        // Only mentions in the post notify: the usernames (or channel, here) the destination lists.
        static const QRegularExpression username(u"^[a-z0-9._-]{1,64}$"_s);
        const QStringList mentions = MessageLayout::configuredMentions(destination, username);
        const QString title = u"#### "_s + marker + ChatMarkup::escapeMarkdown(message.title)
            + (mentions.isEmpty() ? QString() : u"\n@"_s + mentions.join(u" @"_s));
        const QString alertFacts = MessageLayout::markdownFacts(message, style);
        const qsizetype listed = MessageLayout::relatedThatFit(message, [&](qsizetype count) {
            return MessageLayout::codePoints(title + alertFacts + MessageLayout::markdownRelated(message, count, style))
                <= textLimit;
        });
        const QString facts = alertFacts + MessageLayout::markdownRelated(message, listed, style);
        auto attachmentWith = [&](const QString &analysis) {
            return facts + MessageLayout::markdownAnalysis(message, analysis, style);
        };
        const QString analysis = ChatMarkup::fit(message.analysis, [&](const QString &cut) {
            return MessageLayout::codePoints(title + attachmentWith(cut)) <= textLimit;
        });
        request.truncated = analysis != message.analysis;
        const QJsonObject body{
            {u"username"_s, u"AlertDeck"_s},
            {u"text"_s, title},
            {u"attachments"_s,
             QJsonArray{QJsonObject{{u"fallback"_s, ChatMarkup::inertMarkup(MessageLayout::oneLine(message))},
                                    {u"color"_s, message.colour()},
                                    {u"text"_s, attachmentWith(analysis)},
                                    {u"footer"_s, Text::tr("Sent from AlertDeck")}}}}};
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    ChatResult judgeSuccessStatus(int, const QByteArray &body) const override
    {
        if (body.trimmed() == "ok" || body.trimmed().isEmpty())
            return accepted();
        return {false, Text::tr("%1 answered: %2").arg(name(), toolWords(body))};
    }
};

} // namespace

const ChatTool &ChatTools::mattermost()
{
    static const MattermostTool tool;
    return tool;
}
