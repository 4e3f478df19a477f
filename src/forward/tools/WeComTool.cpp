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
    Q_DECLARE_TR_FUNCTIONS(WeComTool)
};

// WeCom's three markdown colours: info (green), comment (grey), warning (orange-red).
QString fontColour(const ForwardMessage &message)
{
    using Tone = ForwardMessage::Tone;
    const Tone tone = message.tone();
    if (tone == Tone::Resolved)
        return u"info"_s;
    return tone == Tone::Critical || tone == Tone::Warning ? u"warning"_s : u"comment"_s;
}

// WeCom group robot: markdown content of at most 4096 bytes; the key is in the URL.
class WeComTool final : public ChatTool
{
public:
    static constexpr qsizetype contentLimit = 4096; // bytes, UTF-8

    RateLimit rateLimit() const override { return {20, 60s}; }

protected:
    ChatDestination::Type type() const override { return ChatDestination::Type::WeCom; }

    void compose(ChatRequest &request, const ForwardMessage &message, const ChatDestination &destination,
                 const ChatTarget &, const QDateTime &) const override
    {
        MessageLayout::MarkdownStyle style;
        style.stateLine = [](const ForwardMessage &m) {
            return u"<font color=\"%1\">**%2**</font>"_s.arg(fontColour(m), ChatMarkup::escapeMarkdown(m.stateText()));
        };
        style.code = ChatMarkup::Code::Untrusted; // <@userid> is not documented to be ignored in code
        // <@userid> notifies; only the userids the destination lists.
        static const QRegularExpression userId(u"^[A-Za-z0-9_.-]{1,64}$"_s);
        QStringList mentions;
        for (const QString &id : MessageLayout::configuredMentions(destination, userId))
            mentions << u"<@%1>"_s.arg(id);
        const QString alertFacts = MessageLayout::markdownFacts(message, style);
        const QString mentionText = mentions.isEmpty() ? QString() : u"\n"_s + mentions.join(u' ');
        // An incident's members: as many as leave the facts within the limit.
        const qsizetype listed = MessageLayout::relatedThatFit(message, [&](qsizetype count) {
            return MessageLayout::utf8Size(alertFacts + MessageLayout::markdownRelated(message, count, style)
                                           + mentionText)
                <= contentLimit;
        });
        const QString facts = alertFacts + MessageLayout::markdownRelated(message, listed, style) + mentionText;
        auto contentWith = [&](const QString &analysis) {
            return facts + MessageLayout::markdownAnalysis(message, analysis, style);
        };
        const QString analysis = ChatMarkup::fit(message.analysis, [&](const QString &cut) {
            return MessageLayout::utf8Size(contentWith(cut)) <= contentLimit;
        });
        request.truncated = analysis != message.analysis;
        // Facts alone over the limit (very long links): cut between characters.
        const QString content = MessageLayout::cutToUtf8Bytes(contentWith(analysis), contentLimit);
        const QJsonObject body{{u"msgtype"_s, u"markdown"_s}, {u"markdown"_s, QJsonObject{{u"content"_s, content}}}};
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    ChatResult judgeSuccessStatus(int, const QByteArray &body) const override
    {
        const int code = QJsonDocument::fromJson(body).object().value(u"errcode"_s).toInt(-1);
        if (code == 0)
            return accepted();
        QString explanation;
        if (code == 93000)
            explanation = Text::tr(" — the robot's key is invalid: copy the webhook URL again");
        else if (code == 45009)
            explanation = Text::tr(" — the robot sends at most 20 messages a minute");
        else if (code == 40058)
            explanation = Text::tr(" — the message is larger than WeCom accepts");
        return refused(u"errcode"_s, code, body, explanation, code == 45009);
    }
};

} // namespace

const ChatTool &ChatTools::weCom()
{
    static const WeComTool tool;
    return tool;
}
