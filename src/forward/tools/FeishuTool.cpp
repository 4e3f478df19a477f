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
    Q_DECLARE_TR_FUNCTIONS(FeishuTool)
};

QString headerTemplate(const ForwardMessage &message)
{
    using Tone = ForwardMessage::Tone;
    switch (message.tone()) {
    case Tone::Plain:
    case Tone::Info: return u"blue"_s;
    case Tone::Resolved: return u"green"_s;
    case Tone::Critical: return u"red"_s;
    case Tone::Warning: return u"orange"_s;
    case Tone::Neutral: break;
    }
    return u"grey"_s;
}

QJsonObject larkMarkdown(const QString &content)
{
    return {{u"tag"_s, u"div"_s}, {u"text"_s, QJsonObject{{u"tag"_s, u"lark_md"_s}, {u"content"_s, content}}}};
}

// Feishu / Lark custom bot: an interactive card with a coloured header; signed in
// the body when the bot has a secret.
class FeishuTool final : public ChatTool
{
public:
    static constexpr qsizetype bodyLimit = 20'000; // bytes of the request body

    RateLimit rateLimit() const override { return {5, 1s}; }

protected:
    ChatDestination::Type type() const override { return ChatDestination::Type::Feishu; }

    void compose(ChatRequest &request, const ForwardMessage &message, const ChatDestination &destination,
                 const ChatTarget &target, const QDateTime &now) const override
    {
        // lark_md reads <at>, <font>, <link> … tags wherever they are, code included.
        const MessageLayout::MarkdownStyle style{0, u"\n"_s, {}, ChatMarkup::Code::Untrusted};
        // open_id (ou_…), user_id, or "all": only what the destination lists is mentioned.
        static const QRegularExpression userId(u"^[A-Za-z0-9_-]{1,64}$"_s);
        QStringList mentions;
        for (const QString &id : MessageLayout::configuredMentions(destination, userId))
            mentions << u"<at id=%1></at>"_s.arg(id);
        const QString facts = MessageLayout::markdownFacts(message, style)
            + (mentions.isEmpty() ? QString() : u"\n"_s + mentions.join(u' '));
        // An incident's members in a block of their own under the facts.
        auto bodyWith = [&](const QString &analysis, qsizetype listed) {
            QJsonArray elements{larkMarkdown(facts)};
            if (message.isIncident())
                elements.append(larkMarkdown(MessageLayout::markdownRelated(message, listed, style).trimmed()));
            if (!analysis.isEmpty()) {
                elements.append(QJsonObject{{u"tag"_s, u"hr"_s}});
                elements.append(larkMarkdown(
                    u"**%1**\n%2"_s.arg(ChatMarkup::escapeMarkdown(MessageLayout::analysisHeading(message)),
                                        ChatMarkup::headingsToBold(ChatMarkup::safeMarkdown(analysis, style.code)))));
            }
            QJsonArray buttons;
            for (const ForwardMessage::Link &link : message.links)
                if (const QString url = ChatMarkup::safeUrl(link.url); !url.isEmpty())
                    buttons.append(
                        QJsonObject{{u"tag"_s, u"button"_s},
                                    {u"text"_s, QJsonObject{{u"tag"_s, u"plain_text"_s}, {u"content"_s, link.label}}},
                                    {u"url"_s, url},
                                    {u"type"_s, link.key == u"silence"_s ? u"danger"_s : u"default"_s}});
            if (!buttons.isEmpty())
                elements.append(QJsonObject{{u"tag"_s, u"action"_s}, {u"actions"_s, buttons}});
            // plain_text is not parsed; inert all the same, in case a client ever does.
            const QString title = ChatMarkup::inertMarkup(
                message.marker().isEmpty() ? message.title : message.marker() + u' ' + message.title);
            QJsonObject body{
                {u"msg_type"_s, u"interactive"_s},
                {u"card"_s,
                 QJsonObject{
                     {u"config"_s, QJsonObject{{u"wide_screen_mode"_s, true}}},
                     {u"header"_s,
                      QJsonObject{{u"template"_s, headerTemplate(message)},
                                  {u"title"_s, QJsonObject{{u"tag"_s, u"plain_text"_s}, {u"content"_s, title}}}}},
                     {u"elements"_s, elements}}}};
            if (!target.signingSecret.isEmpty()) {
                const qint64 timestamp = now.toSecsSinceEpoch();
                body.insert(u"timestamp"_s, QString::number(timestamp));
                body.insert(u"sign"_s, QString::fromLatin1(ChatSigning::feishu(timestamp, target.signingSecret)));
            }
            return QJsonDocument(body).toJson(QJsonDocument::Compact);
        };
        const qsizetype listed = MessageLayout::relatedThatFit(
            message, [&](qsizetype count) { return bodyWith({}, count).size() <= bodyLimit; });
        const QString analysis = ChatMarkup::fit(
            message.analysis, [&](const QString &cut) { return bodyWith(cut, listed).size() <= bodyLimit; });
        request.truncated = analysis != message.analysis;
        request.body = bodyWith(analysis, listed);
    }

    ChatResult judgeSuccessStatus(int, const QByteArray &body) const override
    {
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        const int code
            = object.contains(u"code"_s) ? object.value(u"code"_s).toInt(-1) : object.value(u"StatusCode"_s).toInt(-1);
        if (code == 0)
            return accepted();
        QString explanation;
        if (code == 19021)
            explanation
                = Text::tr(" — Feishu rejected the signature: check the signing secret and this machine's clock");
        else if (code == 19024)
            explanation = Text::tr(" — the bot only accepts messages from allowed IP addresses");
        else if (code == 11232)
            explanation = Text::tr(" — the bot limits how often it accepts messages");
        return refused(u"code"_s, code, body, explanation, code == 11232);
    }
};

} // namespace

const ChatTool &ChatTools::feishu()
{
    static const FeishuTool tool;
    return tool;
}
