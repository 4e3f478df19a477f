#include "forward/ChatMarkup.h"
#include "forward/ChatTool.h"
#include "forward/tools/ChatTools.h"
#include "forward/tools/MessageLayout.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(DingTalkTool)
};

// DingTalk custom robot: a markdown message, signed in the URL when the robot has a
// secret; the people to @ are named in the text and in `at`.
class DingTalkTool final : public ChatTool
{
public:
    static constexpr qsizetype textLimit = 20'000; // bytes of markdown text

    RateLimit rateLimit() const override { return {20, 60s}; }

protected:
    ChatDestination::Type type() const override { return ChatDestination::Type::DingTalk; }

    void compose(ChatRequest &request, const ForwardMessage &message, const ChatDestination &destination,
                 const ChatTarget &target, const QDateTime &now) const override
    {
        // DingTalk joins single line breaks: every line is a paragraph. Its markdown has no
        // code, so code in the analysis is text like the rest.
        const MessageLayout::MarkdownStyle style{3, u"\n\n"_s, {}, ChatMarkup::Code::Untrusted};
        // Only the robot's `at` list notifies; the text names the same people.
        static const QRegularExpression mobile(u"^\\+?[0-9][0-9-]{2,19}$"_s);
        const QStringList mobiles = MessageLayout::configuredMentions(destination, mobile);
        const QString mentions = mobiles.isEmpty() ? QString() : u"\n\n@"_s + mobiles.join(u" @"_s);
        const QString alertFacts = MessageLayout::markdownFacts(message, style);
        // An incident's members come before the analysis: as many as leave the facts within the limit.
        const qsizetype listed = MessageLayout::relatedThatFit(message, [&](qsizetype count) {
            return MessageLayout::utf8Size(alertFacts + MessageLayout::markdownRelated(message, count, style)
                                           + mentions)
                <= textLimit;
        });
        const QString facts = alertFacts + MessageLayout::markdownRelated(message, listed, style);
        auto textWith = [&](const QString &analysis) {
            return facts + MessageLayout::markdownAnalysis(message, analysis, style) + mentions;
        };
        const QString analysis = ChatMarkup::fit(
            message.analysis, [&](const QString &cut) { return MessageLayout::utf8Size(textWith(cut)) <= textLimit; });
        request.truncated = analysis != message.analysis;

        const QJsonObject body{
            {u"msgtype"_s, u"markdown"_s},
            {u"markdown"_s,
             QJsonObject{{u"title"_s, ChatMarkup::inertMarkup(MessageLayout::oneLine(message).left(64))},
                         {u"text"_s, textWith(analysis)}}},
            {u"at"_s, QJsonObject{{u"atMobiles"_s, QJsonArray::fromStringList(mobiles)}, {u"isAtAll"_s, false}}}};
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        if (!target.signingSecret.isEmpty()) {
            const qint64 timestamp = now.toMSecsSinceEpoch();
            QUrlQuery query(request.url);
            query.addQueryItem(u"timestamp"_s, QString::number(timestamp));
            query.addQueryItem(u"sign"_s,
                               QString::fromLatin1(QUrl::toPercentEncoding(
                                   QString::fromLatin1(ChatSigning::dingTalk(timestamp, target.signingSecret)))));
            request.url.setQuery(query);
        }
    }

    ChatResult judgeSuccessStatus(int, const QByteArray &body) const override
    {
        const int code = QJsonDocument::fromJson(body).object().value(u"errcode"_s).toInt(-1);
        if (code == 0)
            return accepted();
        QString explanation;
        if (code == 310000)
            explanation = Text::tr(" — DingTalk rejected the signature or keyword: check the signing secret, the "
                                   "robot's security settings and this machine's clock");
        else if (code == 300001)
            explanation = Text::tr(" — the robot's token is invalid: copy the webhook URL again");
        else if (code == 130101)
            explanation = Text::tr(" — the robot sends at most 20 messages a minute");
        return refused(u"errcode"_s, code, body, explanation, code == 130101);
    }
};

} // namespace

const ChatTool &ChatTools::dingTalk()
{
    static const DingTalkTool tool;
    return tool;
}
