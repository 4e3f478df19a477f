#include "forward/ChatSafety.h"
#include "forward/ChatTool.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using Type = ChatDestination::Type;

// Alert data and the LLM's answer are attacker-controlled: for every chat tool, no mention,
// tag or link that was not AlertDeck's own may survive in the JSON that would be sent.

namespace {

const QDateTime now = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
constexpr QChar zeroWidthSpace(0x200B);

ChatDestination destination(Type type, const QString &mentions = {})
{
    ChatDestination d;
    d.id = u"abc"_s;
    d.type = type;
    d.chatId = u"-100"_s;
    d.mentions = mentions;
    return d;
}

QString targetFor(Type type)
{
    switch (type) {
    case Type::Telegram: return u"123:AAH-abcdefghijklmnopqrstuvwx"_s;
    default: break;
    }
    return u"https://hooks.example.com/x"_s;
}

ChatRequest build(Type type, const ForwardMessage &message, const QString &mentions = {})
{
    return ChatTool::of(type).request(message, destination(type, mentions), {targetFor(type)}, now);
}

const QString runbookBreakingOut = u"http://x/a)b<at id=all></at>"_s;
const QString runbookEncoded = u"http://x/a%29b%3Cat%20id=all%3E%3C/at%3E"_s;

Alert hostileAlert()
{
    Alert alert;
    alert.fingerprint = u"f1"_s;
    alert.source = u"alertmanager"_s;
    alert.state = AlertState::Firing;
    alert.severity = Severity::Critical;
    alert.name = u"Disk<at id=all></at>@all"_s;
    alert.startsAt = now;
    alert.labels = {
        {u"alertname"_s, alert.name},
        {u"instance"_s, u"db-01 <at id=all></at>"_s},
        {u"job"_s, u"<at user_id=\"all\">everyone</at>"_s},
        {u"namespace"_s, u"<@zhangsan> <@!42>"_s},
        {u"pod"_s, u"@channel @here @all"_s},
        {u"container"_s, u"@everyone <@&123> <#456> <!channel> <!here|here>"_s},
        {u"service"_s, u"[x](javascript:alert(1))"_s},
        {u"cluster"_s, u"[ok](http://a/b) ) [evil](http://evil)"_s},
        {u"env"_s, u"<font color=\"red\">red</font> <script>alert(1)</script>"_s},
    };
    alert.annotations = {
        {u"summary"_s, u"# Big heading\n**bold** and __under__ @所有人\n> quoted\n[def]: javascript:alert(9)"_s},
        {u"runbook_url"_s, u"javascript:alert(1)"_s},
        {u"runbook"_s, runbookBreakingOut},
        {u"playbook"_s, u"http://x/ok\n[evil](javascript:alert(2))"_s},
    };
    alert.generatorUrl = u"http://prom/graph?g0.expr=up) [x](javascript:alert(3)"_s;
    alert.dashboardUrl = u"javascript:alert(4)"_s;
    alert.silenceUrl = u"data:text/html,<script>alert(5)</script>"_s;
    return alert;
}

// An incident of twelve: the hostile alert leads; its members' names, targets and
// summaries try mentions, tags, links and new lines that would start markup.
IncidentSnapshot hostileIncident()
{
    IncidentSnapshot incident;
    incident.members << hostileAlert();
    for (int i = 2; i <= 12; ++i) {
        Alert member;
        member.fingerprint = u"m%1"_s.arg(i);
        member.source = u"alertmanager"_s;
        member.state = AlertState::Firing;
        member.severity = Severity::Warning;
        member.name = u"Member%1 <!channel> @here\n# Heading%1"_s.arg(i);
        member.startsAt = now;
        member.labels
            = {{u"alertname"_s, member.name}, {u"instance"_s, u"db-%1 <at id=all></at>\n> member quote"_s.arg(i)}};
        member.annotations = {{u"summary"_s,
                               u"@channel <@U123ABC> <!here|here> [x](javascript:alert(1)) "
                               u"<font color=\"red\">red</font>\n- list @所有人 <@zhangsan>"_s}};
        incident.members << member;
    }
    incident.anchor = OccurrenceKey::of(incident.members.first());
    return incident;
}

const QString codeLine = u"kubectl logs deploy/x | grep @here <at id=all></at>"_s;
const QString inlineCode = u"`@channel in code`"_s;

QString hostileAnswer()
{
    return u"## Findings <at id=all></at>\n"
           "@channel @here @all @everyone look at <@zhangsan> and <@&123> and <#456> <!channel>\n"
           "[x](javascript:alert(1)) and [ok](http://a/b) ) [evil](http://evil) and [see "
           "docs](https://docs.example.com/disk-full)\n"
           "![img](javascript:alert(2)) [data](data:text/html,<script>alert(1)</script>) [t](http://t/x \"title\")\n"
           "<font color=\"red\">red</font> <script>alert(1)</script> <javascript:alert(3)> <!here|here>\n"
           "[ref]: javascript:alert(4)\n"
           "[multi\nline](javascript:alert(5)) and [bad](http://x/a|b>c \"t\")\n"
           "\\`@here` and ``@channel` are not code\n"_s
        + inlineCode + u" is code\n```bash\n"_s + codeLine + u"\n```\n**bold** stays bold"_s;
}

// Every string in the JSON, wherever it is.
void collect(const QJsonValue &value, QStringList &out)
{
    if (value.isString())
        out << value.toString();
    else if (value.isArray())
        for (const QJsonValue &item : value.toArray())
            collect(item, out);
    else if (value.isObject())
        for (const QJsonValue &item : value.toObject())
            collect(item, out);
}

QString allText(const ChatRequest &request)
{
    QStringList strings;
    collect(QJsonDocument::fromJson(request.body).object(), strings);
    return strings.join(u'\n');
}

// Tools whose renderer reads code literally get it as written: take it out before looking.
bool keepsCode(Type type)
{
    return type == Type::Mattermost || type == Type::Discord || type == Type::Telegram;
}

QString withoutCode(QString text, Type type)
{
    static const QRegularExpression telegramCode(u"<(code|pre)>.*?</\\1>"_s,
                                                 QRegularExpression::DotMatchesEverythingOption);
    if (type == Type::Telegram) // code is what its tags say
        text.remove(telegramCode);
    else if (keepsCode(type))
        text.remove(inlineCode).remove(codeLine);
    return text;
}

const QRegularExpression mention(u"(?<![\\p{L}\\p{N}])@(channel|here|all|everyone|zhangsan|所有人)"_s);
// A URL that no dialect's link syntax can end early.
const QRegularExpression safeLink(u"^https?://[^\\s<>()\\[\\]|\"'`*@\\\\{}^]+$"_s);

// The text as people read it: without zero-width spaces, entities or backslash escapes.
QString readable(QString text, Type type)
{
    text.remove(zeroWidthSpace);
    if (type == Type::Slack || type == Type::Telegram)
        return text.replace(u"&lt;"_s, u"<"_s)
            .replace(u"&gt;"_s, u">"_s)
            .replace(u"&quot;"_s, u"\""_s)
            .replace(u"&amp;"_s, u"&"_s);
    static const QRegularExpression backslashEscape(u"\\\\(?=[!-/:-@\\[-`{-~])"_s);
    return text.remove(backslashEscape);
}

bool wellFormedHtml(const QString &html)
{
    QXmlStreamReader reader(u"<r>"_s + html + u"</r>"_s);
    while (!reader.atEnd())
        reader.readNext();
    return !reader.hasError();
}

QStringList matches(const QRegularExpression &pattern, const QString &text, int group = 0)
{
    QStringList result;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        result << it.next().captured(group);
    return result;
}

// What no tool's own markup makes: a tag (or Slack's link/mention form) that can only
// have come from the hostile text.
QRegularExpression foreignTagIn(ChatDestination::Type type)
{
    switch (type) {
    case ChatDestination::Type::Slack: return QRegularExpression(u"<(?!https?://|​)"_s);
    case ChatDestination::Type::Telegram:
        return QRegularExpression(u"<(?!/?(b|i|s|code|pre)>|a href=\"https?://|/a>|\\s)"_s);
    case ChatDestination::Type::WeCom: // its own colour for the state, nothing else
        return QRegularExpression(
            u"<(?!font color=\"warning\">\\*\\*critical · firing\\*\\*</font>)(?!/font>)[^\\s\u200B]"_s);
    default: return QRegularExpression(u"<[^\\s\u200B]"_s);
    }
}

} // namespace

class TestChatInjection : public QObject
{
    Q_OBJECT

private slots:
    void hostileAlertAndAnswer_data()
    {
        QTest::addColumn<Type>("type");
        for (Type type : ChatDestination::allTypes())
            QTest::newRow(qPrintable(ChatDestinations::typeKey(type))) << type;
    }

    void hostileAlertAndAnswer()
    {
        QFETCH(Type, type);
        const ForwardMessage message = ForwardMessage::fromAlert(hostileAlert(), hostileAnswer(), u"m"_s);
        const ChatRequest request = build(type, message);
        QVERIFY2(request.error.isEmpty(), qPrintable(request.error));
        const QJsonObject json = QJsonDocument::fromJson(request.body).object();
        QVERIFY(!json.isEmpty());
        const QString text = allText(request);
        const QString looked = withoutCode(text, type);
        const QString visible = readable(text, type);

        if (type == Type::Webhook) {
            // A generic webhook has no markup: values are data, escaped by JSON. Its links
            // are only http(s), encoded.
            QStringList urls;
            for (const QJsonValue &link : json.value(u"links"_s).toArray())
                urls << link.toObject().value(u"url"_s).toString();
            QVERIFY2(urls.contains(runbookEncoded), qPrintable(urls.join(u' ')));
            for (const QString &url : urls)
                QVERIFY2(safeLink.match(url).hasMatch(), qPrintable(url));
            QCOMPARE(json.value(u"alert"_s).toObject().value(u"labels"_s).toObject().value(u"pod"_s).toString(),
                     u"@channel @here @all"_s);
            QCOMPARE(json.value(u"analysis"_s).toString(), message.analysis);
            return;
        }

        // No mention survives, and no tag or autolink other than the tool's own markup.
        QVERIFY2(!mention.match(type == Type::Slack ? QString() : looked).hasMatch(),
                 qPrintable(mention.match(looked).captured(0) + u" in "_s + looked));
        const QRegularExpression foreignTag = foreignTagIn(type);
        if (type == Type::Telegram)
            QVERIFY(wellFormedHtml(json.value(u"text"_s).toString()));
        if (type == Type::WeCom)
            QCOMPARE(text.count(u"<font color=\"warning\">"_s), 1);
        const QRegularExpressionMatch tag = foreignTag.match(looked);
        QVERIFY2(!tag.hasMatch(), qPrintable(looked.mid(std::max<qsizetype>(0, tag.capturedStart() - 40), 80)));

        // Every link goes to http(s) and cannot end early; the breaking-out runbook is one,
        // encoded, and the answer's http link is kept.
        QStringList urls;
        switch (type) {
        case Type::Slack: urls = matches(QRegularExpression(u"<([^|>]*)\\|"_s), text, 1); break;
        case Type::Telegram: urls = matches(QRegularExpression(u"href=\"([^\"]*)\""_s), text, 1); break;
        default:
            urls = matches(QRegularExpression(u"(?<!\\\\)\\]\\(([^)]*)\\)"_s), text, 1);
            for (const QJsonValue &value :
                 {json.value(u"card"_s).toObject().value(u"elements"_s), json.value(u"attachments"_s)}) {
                const QString elements = QString::fromUtf8(QJsonDocument(value.toArray()).toJson());
                urls << matches(QRegularExpression(u"\"url\": \"([^\"]*)\""_s), elements, 1);
            }
            break;
        }
        QVERIFY2(urls.contains(runbookEncoded), qPrintable(urls.join(u'\n')));
        QVERIFY2(urls.contains(u"https://docs.example.com/disk-full"_s), qPrintable(urls.join(u'\n')));
        for (const QString &url : urls) // javascript:, data: and the like are never links
            QVERIFY2(safeLink.match(url).hasMatch(), qPrintable(url));

        // What was said is still there to read.
        for (const QString &words : {u"<at id=all></at>"_s, u"@channel @here @all"_s, u"<@zhangsan>"_s,
                                     u"kubectl logs deploy/x | grep @here"_s, u"Findings"_s, u"alert(1)"_s})
            QVERIFY2(visible.contains(words), qPrintable(words));
        if (type == Type::Mattermost || type == Type::Discord) { // copyable as written
            QVERIFY(text.contains(codeLine));
            QVERIFY(text.contains(inlineCode));
        }

        // Markdown in the data is shown, not obeyed.
        if (type != Type::Slack && type != Type::Telegram) {
            QVERIFY2(text.contains(u"\\# Big heading"_s), qPrintable(text));
            QVERIFY(!QRegularExpression(u"(^|\\n)# Big"_s).match(text).hasMatch());
            QVERIFY(text.contains(u"\\*\\*bold\\*\\* and \\_\\_under\\_\\_"_s));
            QVERIFY(text.contains(u"[def\\]: javascript"_s)); // not a link definition
            QVERIFY(text.contains(u"**bold** stays bold"_s)); // the answer's own Markdown is kept
        }
    }

    void hostileIncidentMembers_data() { hostileAlertAndAnswer_data(); }

    // An incident's members are data like the alert's labels: made as inert in each tool,
    // listed under "Related alerts (N)", each on one line of its own.
    void hostileIncidentMembers()
    {
        QFETCH(Type, type);
        const ForwardMessage message = ForwardMessage::fromIncident(hostileIncident());
        const ChatRequest request = build(type, message);
        QVERIFY2(request.error.isEmpty(), qPrintable(request.error));
        const QJsonObject json = QJsonDocument::fromJson(request.body).object();
        QVERIFY(!json.isEmpty());
        const QString text = allText(request);
        const QString visible = readable(text, type);

        if (type == Type::Webhook) { // data, escaped by JSON only
            const QJsonArray related = json.value(u"related"_s).toArray();
            QCOMPARE(related.size(), ForwardMessage::maxRelatedListed);
            QCOMPARE(json.value(u"relatedCount"_s).toInt(), 11);
            // One line each: a new line in a name or target is a space.
            QCOMPARE(related.first().toObject().value(u"name"_s).toString(), u"Member2 <!channel> @here # Heading2"_s);
            QCOMPARE(related.first().toObject().value(u"target"_s).toString(),
                     u"db-2 <at id=all></at> > member quote"_s);
            return;
        }

        QVERIFY2(visible.contains(u"Related alerts (11)"_s), qPrintable(visible));
        QVERIFY2(visible.contains(u"and 11 related"_s), qPrintable(visible));
        for (int i = 2; i <= 11; ++i) // ten listed
            QVERIFY2(visible.contains(u"Member%1 <!channel> @here # Heading%1"_s.arg(i)), qPrintable(visible));
        QVERIFY(!visible.contains(u"Member12"_s));
        QVERIFY2(visible.contains(u"and 1 more"_s), qPrintable(visible));
        QVERIFY(visible.contains(u"db-3 <at id=all></at> > member quote"_s));
        QVERIFY(visible.contains(u"<@U123ABC> <!here|here>"_s));

        // No mention, tag or link of theirs survives, and no line of theirs starts markup.
        QVERIFY2(!mention.match(type == Type::Slack ? QString() : text).hasMatch(),
                 qPrintable(mention.match(text).captured(0)));
        const QRegularExpression foreignTag = foreignTagIn(type);
        if (type == Type::Telegram)
            QVERIFY(wellFormedHtml(json.value(u"text"_s).toString()));
        const QRegularExpressionMatch tag = foreignTag.match(text);
        QVERIFY2(!tag.hasMatch(), qPrintable(text.mid(std::max<qsizetype>(0, tag.capturedStart() - 40), 80)));
        if (type != Type::Slack && type != Type::Telegram) // neither reads Markdown links
            QVERIFY(!QRegularExpression(u"(?<!\\\\)\\]\\(javascript:"_s).match(text).hasMatch());
        static const QRegularExpression theirLine(u"(^|\\n)\\s*(#+ Heading|> member quote|&gt; member quote|- list)"_s);
        const QRegularExpressionMatch line = theirLine.match(text);
        QVERIFY2(!line.hasMatch(), qPrintable(text.mid(std::max<qsizetype>(0, line.capturedStart() - 60), 120)));
    }

    void discordAndDingTalkSwitchesAreOff()
    {
        const ForwardMessage message = ForwardMessage::fromAlert(hostileAlert(), hostileAnswer());
        const QJsonObject discord = QJsonDocument::fromJson(build(Type::Discord, message).body).object();
        const QJsonObject allowed = discord.value(u"allowed_mentions"_s).toObject();
        QCOMPARE(allowed.value(u"parse"_s).toArray(), QJsonArray());
        QCOMPARE(allowed.value(u"users"_s).toArray(), QJsonArray());
        QCOMPARE(allowed.value(u"roles"_s).toArray(), QJsonArray());
        const QJsonObject dingTalk = QJsonDocument::fromJson(build(Type::DingTalk, message).body).object();
        QCOMPARE(dingTalk.value(u"at"_s).toObject().value(u"isAtAll"_s), QJsonValue(false));
        QCOMPARE(dingTalk.value(u"at"_s).toObject().value(u"atMobiles"_s).toArray(), QJsonArray());
    }

    void configuredMentionsStillMention_data()
    {
        QTest::addColumn<Type>("type");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QStringList>("expected"); // in the text sent
        QTest::addColumn<QStringList>("dropped"); // a configured entry that is not an id of the tool
        QTest::newRow("slack") << Type::Slack << u"U024BE7LH, S0614TZR7, here, <!channel>"_s
                               << QStringList{u"<@U024BE7LH>"_s, u"<!subteam^S0614TZR7>"_s, u"<!here>"_s}
                               << QStringList{u"<!channel>"_s};
        QTest::newRow("dingtalk") << Type::DingTalk << u"13800000000, +86-139-0000-0000, all"_s
                                  << QStringList{u"@13800000000 @+86-139-0000-0000"_s} << QStringList{u"@all"_s};
        QTest::newRow("feishu") << Type::Feishu << u"ou_7d8a6e6df7621556ce0d21922b676706, x></at><at id=all"_s
                                << QStringList{u"<at id=ou_7d8a6e6df7621556ce0d21922b676706></at>"_s}
                                << QStringList{u"<at id=all"_s, u"<at id=x>"_s};
        QTest::newRow("wecom") << Type::WeCom << u"zhangsan, <@lisi>"_s << QStringList{u"<@zhangsan>"_s}
                               << QStringList{u"<@lisi>"_s, u"<@<"_s};
        QTest::newRow("teams") << Type::Teams << u"adele@contoso.com, <at>x</at>"_s
                               << QStringList{u"<at>adele@contoso.com</at>"_s} << QStringList{u"<at>x"_s};
        QTest::newRow("mattermost") << Type::Mattermost << u"oncall, here, @channel"_s
                                    << QStringList{u"@oncall @here"_s} << QStringList{u"@channel"_s};
        QTest::newRow("telegram") << Type::Telegram << u"oncall_bob, x, @everyone"_s << QStringList{u"@oncall_bob"_s}
                                  << QStringList{u"@x"_s, u"@everyone"_s};
        QTest::newRow("discord") << Type::Discord << u"123456789012345678, &987654321098765432, everyone"_s
                                 << QStringList{u"<@123456789012345678> <@&987654321098765432>"_s}
                                 << QStringList{u"@everyone"_s};
    }

    void configuredMentionsStillMention()
    {
        QFETCH(Type, type);
        QFETCH(QString, configured);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, dropped);
        Alert alert = hostileAlert();
        alert.labels.clear();
        alert.annotations.clear();
        alert.name = u"DiskFull"_s;
        const ChatRequest request = build(type, ForwardMessage::fromAlert(alert), configured);
        const QString text = allText(request);
        for (const QString &mentionText : expected)
            QVERIFY2(text.contains(mentionText), qPrintable(mentionText + u" not in "_s + text));
        for (const QString &mentionText : dropped)
            QVERIFY2(!text.contains(mentionText), qPrintable(mentionText + u" in "_s + text));

        const QJsonObject json = QJsonDocument::fromJson(request.body).object();
        if (type == Type::DingTalk) {
            QCOMPARE(json.value(u"at"_s).toObject().value(u"atMobiles"_s).toArray(),
                     (QJsonArray{u"13800000000"_s, u"+86-139-0000-0000"_s}));
            QCOMPARE(json.value(u"at"_s).toObject().value(u"isAtAll"_s), QJsonValue(false));
        } else if (type == Type::Discord) {
            const QJsonObject allowed = json.value(u"allowed_mentions"_s).toObject();
            QCOMPARE(allowed.value(u"parse"_s).toArray(), QJsonArray());
            QCOMPARE(allowed.value(u"users"_s).toArray(), QJsonArray{u"123456789012345678"_s});
            QCOMPARE(allowed.value(u"roles"_s).toArray(), QJsonArray{u"987654321098765432"_s});
        } else if (type == Type::Teams) {
            const QJsonObject card
                = json.value(u"attachments"_s).toArray().first().toObject().value(u"content"_s).toObject();
            const QJsonArray entities = card.value(u"msteams"_s).toObject().value(u"entities"_s).toArray();
            QCOMPARE(entities.size(), 1);
            QCOMPARE(entities.first().toObject().value(u"text"_s).toString(), u"<at>adele@contoso.com</at>"_s);
            QCOMPARE(entities.first().toObject().value(u"mentioned"_s).toObject().value(u"id"_s).toString(),
                     u"adele@contoso.com"_s);
        } else if (type == Type::Mattermost) {
            QVERIFY(json.value(u"text"_s).toString().contains(u"@oncall @here"_s)); // the post, where mentions notify
        }
    }

    void safeUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("safe");
        QTest::newRow("plain") << u"https://a.example/x?y=1&z=2#f"_s << u"https://a.example/x?y=1&z=2#f"_s;
        QTest::newRow("parentheses") << u"https://en.example/wiki/A_(b)"_s << u"https://en.example/wiki/A_%28b%29"_s;
        QTest::newRow("breakers") << u"http://x/a)b]c>d|e\"f'g`h*i@j k"_s
                                  << u"http://x/a%29b%5Dc%3Ed%7Ce%22f%27g%60h%2Ai%40j%20k"_s;
        QTest::newRow("newline") << u"http://x/a\n[evil](javascript:x)"_s
                                 << u"http://x/a%0A%5Bevil%5D%28javascript:x%29"_s;
        QTest::newRow("encoded stays") << u"http://x/a%29b"_s << u"http://x/a%29b"_s;
        QTest::newRow("user info dropped") << u"http://user:pw@x/"_s << u"http://x/"_s;
        QTest::newRow("ipv6") << u"http://[::1]:9093/#/silences"_s << u"http://[::1]:9093/#/silences"_s;
        QTest::newRow("javascript") << u"javascript:alert(1)"_s << QString();
        QTest::newRow("javascript host") << u"javascript://x/%0Aalert(1)"_s << QString();
        QTest::newRow("data") << u"data:text/html,<script>"_s << QString();
        QTest::newRow("file") << u"file:///etc/passwd"_s << QString();
        QTest::newRow("no host") << u"http:///x"_s << QString();
        QTest::newRow("relative") << u"/graph?x"_s << QString();
    }

    void safeUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, safe);
        QCOMPARE(ChatMarkup::safeUrl(url), safe);
        QCOMPARE(ChatMarkup::safeUrl(ChatMarkup::safeUrl(url)), safe); // encoding twice changes nothing
    }

    void inertMarkupKeepsAddressesAndLooks()
    {
        using ChatMarkup::inertMarkup;
        QCOMPARE(inertMarkup(u"mail oncall@example.com, a < b, x <= y"_s), u"mail oncall@example.com, a < b, x <= y"_s);
        QCOMPARE(inertMarkup(u"@all <at id=all>"_s), u"@\u200Ball <\u200Bat id=all>"_s);
        QCOMPARE(inertMarkup(inertMarkup(u"_@here <@1>"_s)), inertMarkup(u"_@here <@1>"_s));
    }
};

QTEST_GUILESS_MAIN(TestChatInjection)
#include "tst_chatinjection.moc"
