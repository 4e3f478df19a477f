#include "FakeHttpServer.h"
#include "TestData.h"
#include "forward/ChatMarkup.h"
#include "forward/ChatSender.h"
#include "forward/ChatTool.h"
#include "forward/WebhookTemplate.h"
#include "ingest/PayloadParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrlQuery>
#include <QXmlStreamReader>

#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Type = ChatDestination::Type;

namespace {

const QDateTime now = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);

ChatDestination destination(Type type)
{
    ChatDestination d;
    d.id = u"abc"_s;
    d.type = type;
    d.chatId = u"-100"_s;
    return d;
}

QString targetFor(Type type)
{
    switch (type) {
    case Type::Slack: return u"https://hooks.slack.com/services/T/B/x"_s;
    case Type::DingTalk: return u"https://oapi.dingtalk.com/robot/send?access_token=t"_s;
    case Type::Feishu: return u"https://open.feishu.cn/open-apis/bot/v2/hook/x"_s;
    case Type::WeCom: return u"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"_s;
    case Type::Teams: return u"https://x.logic.azure.com/workflows/1/triggers/manual/paths/invoke?sig=s"_s;
    case Type::Mattermost: return u"https://chat.example.com/hooks/abc"_s;
    case Type::Telegram: return u"123:AAH-abcdefghijklmnopqrstuvwx"_s;
    case Type::Discord: return u"https://discord.com/api/webhooks/1/tok"_s;
    case Type::Webhook: return u"https://hook.example/x"_s;
    }
    return {};
}

ChatRequest build(Type type, const ForwardMessage &message, const QString &secret = {})
{
    return ChatTool::of(type).request(message, destination(type), {targetFor(type), secret}, now);
}

QJsonObject body(const ChatRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

Alert fixtureAlert()
{
    const PayloadParseResult parsed
        = parsePayload(TestData::fixture(u"alertmanager/firing-single.json"_s), PayloadFormat::Auto, now);
    Q_ASSERT(parsed.ok());
    return parsed.payload.alerts.constFirst();
}

QString fixtureAnalysis()
{
    return QString::fromUtf8(TestData::fixture(u"llm/deepseek-chat.expected.md"_s));
}

// About 20,000 characters of Markdown with headings, lists, code blocks and Chinese, and
// markup that escaping makes longer (the limits apply to what is sent).
QString longAnalysis()
{
    QString text;
    for (int section = 1; text.size() < 20'000; ++section)
        text
            += u"## 发现 %1 Finding\n\nThe **checkout** service on `db-%1` shows *p99* above the SLO; "
               u"数据库连接池已满，"
               "请检查慢查询。 <at id=all></at> @all\n\n- cause one with [a link](https://example.com/%1)\n- cause two "
               "[x](javascript:alert(1))\n\n"
               "```bash\nkubectl -n shop logs deploy/checkout --since=15m | grep -i error\n```\n\n"_s.arg(section);
    return text;
}

// An incident led by the fixture's alert, with `others` more members: long names and
// long Chinese summaries, "Member-<n>-…" on host-<n>.
IncidentSnapshot largeIncident(int others)
{
    IncidentSnapshot incident;
    incident.members << fixtureAlert();
    for (int i = 2; i <= others + 1; ++i) {
        Alert member;
        member.fingerprint = u"m%1"_s.arg(i);
        member.source = u"alertmanager"_s;
        member.state = i % 3 == 0 ? AlertState::Resolved : AlertState::Firing;
        member.severity = i % 2 == 0 ? Severity::Critical : Severity::Warning;
        member.name = u"Member-%1-"_s.arg(i) + QString(150, u'x');
        member.startsAt = now;
        member.labels = {{u"alertname"_s, member.name}, {u"instance"_s, u"host-%1"_s.arg(i)}};
        member.annotations = {{u"summary"_s, QString(300, QChar(0x78C1))}}; // 磁
        incident.members << member;
    }
    incident.anchor = OccurrenceKey::of(incident.members.first());
    return incident;
}

// The members a message lists, by number.
QSet<int> listedMembers(const QString &text)
{
    QSet<int> numbers;
    static const QRegularExpression member(u"Member-(\\d+)-"_s);
    for (auto it = member.globalMatch(text); it.hasNext();)
        numbers.insert(it.next().captured(1).toInt());
    return numbers;
}

// Telegram rejects HTML whose tags do not match; XML is stricter still.
bool wellFormedHtml(const QString &html)
{
    QXmlStreamReader reader(u"<r>"_s + html + u"</r>"_s);
    while (!reader.atEnd())
        reader.readNext();
    return !reader.hasError();
}

qsizetype telegramVisible(const QString &html)
{
    QString text = html;
    text.remove(QRegularExpression(u"<[^>]*>"_s));
    text.replace(u"&lt;"_s, u"<"_s)
        .replace(u"&gt;"_s, u">"_s)
        .replace(u"&quot;"_s, u"\""_s)
        .replace(u"&amp;"_s, u"&"_s);
    return text.size();
}

} // namespace

class TestChatTools : public QObject
{
    Q_OBJECT

private slots:
    void signaturesMatchAnIndependentComputation()
    {
        // Computed with Python's hmac module for the same inputs.
        QCOMPARE(ChatSigning::dingTalk(1700000000000, u"SEC123"_s),
                 QByteArray("lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ="));
        QCOMPARE(ChatSigning::feishu(1700000000, u"SEC123"_s),
                 QByteArray("j/tImR0k8vYXRsYw0+GHVQkV1v/J/8obOuMU7PE/KDo="));
    }

    void messageFromAnAlert()
    {
        const ForwardMessage message = ForwardMessage::fromAlert(fixtureAlert(), fixtureAnalysis(), u"deepseek-chat"_s,
                                                                 {u"http://am.example:9093"_s});
        QCOMPARE(message.title, u"[FIRING] HighCPUUsage on 127.0.0.1:9100"_s);
        QCOMPARE(message.stateText(), u"warning · firing"_s);
        QCOMPARE(message.summary, u"CPU usage on 127.0.0.1:9100 is 76.2%"_s);
        // The telling labels first; alertname and severity are shown elsewhere.
        QCOMPARE(message.labels.first(), (std::pair{u"instance"_s, u"127.0.0.1:9100"_s}));
        QCOMPARE(message.labels.size(), 4); // instance, job, cluster, team
        QStringList keys;
        for (const ForwardMessage::Link &link : message.links)
            keys << link.key;
        QCOMPARE(keys, (QStringList{u"source"_s, u"runbook"_s, u"silence"_s}));
        const QString silence = message.links.last().url;
        QVERIFY2(silence.contains(u"/#/silences/new?filter="_s), qPrintable(silence));
        QVERIFY(QUrl::fromPercentEncoding(silence.toLatin1()).contains(u"alertname=\"HighCPUUsage\""_s));
    }

    void messageFromAnIncident()
    {
        const IncidentSnapshot incident = largeIncident(12);
        const ForwardMessage message = ForwardMessage::fromIncident(incident, u"## Why"_s, u"m"_s);
        const ForwardMessage alone = ForwardMessage::fromAlert(incident.primary(), u"## Why"_s, u"m"_s);
        QCOMPARE(message.title, alone.title + u" and 12 related"_s);
        QCOMPARE(message.summary, alone.summary);
        QCOMPARE(message.analysis, alone.analysis);
        QCOMPARE(message.relatedCount, 12);
        QCOMPARE(message.related.size(), ForwardMessage::maxRelatedListed); // then "and 2 more"
        QCOMPARE(message.moreRelatedText(message.related.size()), u"and 2 more"_s);
        QCOMPARE(message.relatedHeading(), u"Related alerts (12)"_s);
        const ForwardMessage::Related &first = message.related.first();
        QVERIFY(first.name.startsWith(u"Member-2-"_s));
        QCOMPARE(first.name.size(), ForwardMessage::maxRelatedNameLength + 1); // cut, with …
        QCOMPARE(first.summary.size(), ForwardMessage::maxRelatedSummaryLength + 1);
        QCOMPARE(first.target, u"host-2"_s);
        QCOMPARE(first.stateText(), u"critical · firing"_s);
        QCOMPARE(message.related.at(1).stateText(), u"warning · resolved"_s);
        QCOMPARE(message.related.at(1).marker(), u"✅"_s);

        // A line break in a member's name does not start a new line in the message.
        IncidentSnapshot broken = largeIncident(1);
        broken.members[1].name = u"Disk\n# full"_s;
        QCOMPARE(ForwardMessage::fromIncident(broken).related.first().name, u"Disk # full"_s);
        // An incident of one is its alert.
        broken.members.removeLast();
        QCOMPARE(ForwardMessage::fromIncident(broken).title, alone.title);
        QVERIFY(!ForwardMessage::fromIncident(broken).isIncident());
        QVERIFY(!QString::fromUtf8(build(Type::Slack, ForwardMessage::fromIncident(broken)).body)
                     .contains(u"Related alerts"_s));
    }

    void slackBlocksInMrkdwn()
    {
        const ChatRequest request
            = build(Type::Slack, ForwardMessage::fromAlert(fixtureAlert(), fixtureAnalysis(), u"deepseek-chat"_s));
        QVERIFY(request.error.isEmpty());
        const QJsonObject json = body(request);
        QVERIFY(json.value(u"text"_s).toString().startsWith(u"🟠 [FIRING] HighCPUUsage"_s));
        const QJsonArray blocks = json.value(u"blocks"_s).toArray();
        QCOMPARE(blocks.first().toObject().value(u"type"_s).toString(), u"header"_s);
        QString all;
        for (const QJsonValue &block : blocks)
            all += QString::fromUtf8(QJsonDocument(block.toObject()).toJson());
        QVERIFY(all.contains(u"*instance*\\n127.0.0.1:9100"_s));
        QVERIFY(all.contains(u"<https://runbooks.example.com/node/high-cpu|Runbook>"_s));
        // The analysis in mrkdwn: **bold** became *bold*, the heading bold, code kept.
        QVERIFY2(all.contains(u"*Summary:* `HighCPUUsage`"_s), qPrintable(all));
        QVERIFY(all.contains(u"*AI fault analysis*"_s));
        QVERIFY(all.contains(u"```\\ntop -b -n1"_s));
        QVERIFY(!request.truncated);
    }

    void dingTalkSignsTheUrlAndMentions()
    {
        ChatDestination d = destination(Type::DingTalk);
        d.mentions = u"138, 139"_s;
        const ChatRequest request
            = ChatTool::of(Type::DingTalk)
                  .request(ForwardMessage::fromAlert(fixtureAlert()), d, {targetFor(Type::DingTalk), u"SEC123"_s}, now);
        const QUrlQuery query(request.url);
        QCOMPARE(query.queryItemValue(u"access_token"_s), u"t"_s);
        QCOMPARE(query.queryItemValue(u"timestamp"_s), u"1700000000000"_s);
        QCOMPARE(QUrl::fromPercentEncoding(query.queryItemValue(u"sign"_s, QUrl::FullyEncoded).toLatin1()),
                 u"lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ="_s);
        const QJsonObject json = body(request);
        QCOMPARE(json.value(u"msgtype"_s).toString(), u"markdown"_s);
        const QString text = json.value(u"markdown"_s).toObject().value(u"text"_s).toString();
        QVERIFY2(text.startsWith(u"### 🟠 [FIRING] HighCPUUsage on 127.0.0.1:9100\n\n**warning · firing**"_s),
                 qPrintable(text));
        QVERIFY(text.endsWith(u"@138 @139"_s)); // DingTalk only notifies those named in the text
        QCOMPARE(json.value(u"at"_s).toObject().value(u"atMobiles"_s).toArray(), (QJsonArray{u"138"_s, u"139"_s}));
    }

    void feishuCardSignedInTheBody()
    {
        const ChatRequest request
            = build(Type::Feishu, ForwardMessage::fromAlert(fixtureAlert(), fixtureAnalysis()), u"SEC123"_s);
        const QJsonObject json = body(request);
        QCOMPARE(json.value(u"timestamp"_s).toString(), u"1700000000"_s);
        QCOMPARE(json.value(u"sign"_s).toString(), u"j/tImR0k8vYXRsYw0+GHVQkV1v/J/8obOuMU7PE/KDo="_s);
        QCOMPARE(json.value(u"msg_type"_s).toString(), u"interactive"_s);
        const QJsonObject card = json.value(u"card"_s).toObject();
        QCOMPARE(card.value(u"header"_s).toObject().value(u"template"_s).toString(), u"orange"_s);
        const QJsonArray elements = card.value(u"elements"_s).toArray();
        QCOMPARE(elements.last().toObject().value(u"tag"_s).toString(), u"action"_s);
        // lark_md has no headings: they became bold.
        const QString analysis = elements.at(2).toObject().value(u"text"_s).toObject().value(u"content"_s).toString();
        QVERIFY2(analysis.contains(u"**AI fault analysis**"_s), qPrintable(analysis));
    }

    void weComColoursTheSeverity()
    {
        Alert alert = fixtureAlert();
        alert.severity = Severity::Critical;
        const QString content = body(build(Type::WeCom, ForwardMessage::fromAlert(alert)))
                                    .value(u"markdown"_s)
                                    .toObject()
                                    .value(u"content"_s)
                                    .toString();
        QVERIFY2(content.contains(u"<font color=\"warning\">**critical · firing**</font>"_s), qPrintable(content));
        alert.state = AlertState::Resolved;
        alert.endsAt = now;
        const QString resolved = body(build(Type::WeCom, ForwardMessage::fromAlert(alert)))
                                     .value(u"markdown"_s)
                                     .toObject()
                                     .value(u"content"_s)
                                     .toString();
        QVERIFY(resolved.contains(u"<font color=\"info\">"_s));
        QVERIFY(resolved.contains(u"[RESOLVED]"_s));
        QVERIFY(resolved.contains(u"**Ended:** 2023-11-14 22:13:20 UTC"_s));
        QVERIFY(!resolved.contains(u"Silence"_s)); // nothing to silence any more
    }

    void teamsMattermostTelegramDiscordAndGeneric()
    {
        const ForwardMessage message = ForwardMessage::fromAlert(fixtureAlert(), fixtureAnalysis(), u"m"_s);

        const QJsonObject teams = body(build(Type::Teams, message));
        const QJsonObject attachment = teams.value(u"attachments"_s).toArray().first().toObject();
        QCOMPARE(attachment.value(u"contentType"_s).toString(), u"application/vnd.microsoft.card.adaptive"_s);
        const QJsonObject card = attachment.value(u"content"_s).toObject();
        QCOMPARE(card.value(u"type"_s).toString(), u"AdaptiveCard"_s);
        QCOMPARE(card.value(u"body"_s).toArray().first().toObject().value(u"style"_s).toString(), u"warning"_s);
        QCOMPARE(card.value(u"actions"_s).toArray().size(), 3); // Prometheus, Runbook, Silence

        const QJsonObject mattermost = body(build(Type::Mattermost, message));
        QCOMPARE(mattermost.value(u"attachments"_s).toArray().first().toObject().value(u"color"_s).toString(),
                 u"#F57C00"_s);

        const ChatRequest telegram = ChatTool::of(Type::Telegram)
                                         .request(message, destination(Type::Telegram),
                                                  {targetFor(Type::Telegram), {}, u"http://127.0.0.1:1"_s}, now);
        QCOMPARE(telegram.url, QUrl(u"http://127.0.0.1:1/bot123:AAH-abcdefghijklmnopqrstuvwx/sendMessage"_s));
        QCOMPARE(body(telegram).value(u"parse_mode"_s).toString(), u"HTML"_s);
        QCOMPARE(body(telegram).value(u"chat_id"_s).toString(), u"-100"_s);
        const QString html = body(telegram).value(u"text"_s).toString();
        QVERIFY(html.startsWith(u"🟠 <b>[FIRING] HighCPUUsage on 127.0.0.1:9100</b>"_s));
        QVERIFY(html.contains(u"<pre>top -b -n1 | head -20\n"_s));
        QVERIFY(html.contains(u"<b>Summary:</b> <code>HighCPUUsage</code>"_s));
        QVERIFY2(wellFormedHtml(html), qPrintable(html));

        const QJsonObject discord = body(build(Type::Discord, message));
        const QJsonObject embed = discord.value(u"embeds"_s).toArray().first().toObject();
        QCOMPARE(embed.value(u"color"_s).toInt(), 0xF57C00);
        QCOMPARE(embed.value(u"timestamp"_s).toString(), u"2026-11-22T03:55:59Z"_s);
        QCOMPARE(discord.value(u"allowed_mentions"_s).toObject().value(u"parse"_s).toArray(), QJsonArray());

        const ChatRequest generic = build(Type::Webhook, message, u"k"_s);
        QCOMPARE(generic.headers.size(), 1);
        QCOMPARE(generic.headers.first().second,
                 "sha256=" + QMessageAuthenticationCode::hash(generic.body, "k", QCryptographicHash::Sha256).toHex());
        const QJsonObject alert = body(generic).value(u"alert"_s).toObject();
        QCOMPARE(alert.value(u"labels"_s).toObject().value(u"team"_s).toString(), u"infra"_s);
        QCOMPARE(alert.value(u"state"_s).toString(), u"firing"_s);
        QCOMPARE(body(generic).value(u"analysis"_s).toString(), message.analysis);

        QVERIFY(build(Type::Discord, message).error.isEmpty());
        QVERIFY(!ChatTool::of(Type::Discord)
                     .request(message, destination(Type::Discord), {u"not a url"_s}, now)
                     .error.isEmpty());
    }

    void genericTemplateSubstitutesInsideJson()
    {
        ChatDestination d = destination(Type::Webhook);
        d.bodyTemplate = uR"({"msg": "{{alert.name}} is {{alert.state}} on {{alert.labels.instance}}",
                               "sev": "{{alert.severity}}", "runbook": "{{links.runbook}}",
                               "nested": ["{{analysis}}"]})"_s;
        QVERIFY(WebhookTemplate::problem(d.bodyTemplate).isEmpty());
        Alert alert = fixtureAlert();
        alert.labels.insert(u"instance"_s, u"db \"main\"\n"_s); // must come out escaped, not break the JSON
        const ChatRequest request = ChatTool::of(Type::Webhook)
                                        .request(ForwardMessage::fromAlert(alert, u"a \"quoted\" answer"_s), d,
                                                 {targetFor(Type::Webhook)}, now);
        QVERIFY(request.error.isEmpty());
        const QJsonObject json = body(request);
        QCOMPARE(json.value(u"msg"_s).toString(), u"HighCPUUsage is firing on db \"main\"\n"_s);
        QCOMPARE(json.value(u"sev"_s).toString(), u"warning"_s);
        QCOMPARE(json.value(u"runbook"_s).toString(), u"https://runbooks.example.com/node/high-cpu"_s);
        QCOMPARE(json.value(u"nested"_s).toArray().first().toString(), u"a \"quoted\" answer"_s);

        QVERIFY(WebhookTemplate::problem(u"{\"a\": "_s).contains(u"not valid JSON"_s));
        QVERIFY(WebhookTemplate::problem(u"{\"a\": \"{{alert.nmae}}\"}"_s).contains(u"alert.nmae"_s));
        d.bodyTemplate = u"{\"a\": \"{{nope}}\"}"_s;
        QVERIFY(!ChatTool::of(Type::Webhook)
                     .request(ForwardMessage::fromAlert(alert), d, {targetFor(Type::Webhook)}, now)
                     .error.isEmpty());
    }

    void dataWithMarkupIsEscaped()
    {
        Alert alert = fixtureAlert();
        alert.name = u"Disk <full> & *urgent*"_s;
        alert.labels.insert(u"instance"_s, u"db_1*<prod>&"_s);
        alert.annotations.insert(u"summary"_s, u"_x_ [click](https://evil.example) @everyone"_s);
        const ForwardMessage message = ForwardMessage::fromAlert(alert);

        const QString slack = QString::fromUtf8(build(Type::Slack, message).body);
        QVERIFY2(slack.contains(u"Disk &lt;full&gt; &amp; *urgent*"_s), qPrintable(slack));
        QVERIFY(slack.contains(u"db_1*&lt;prod&gt;&amp;"_s));

        const QString telegram = body(build(Type::Telegram, message)).value(u"text"_s).toString();
        QVERIFY(telegram.contains(u"Disk &lt;full&gt; &amp; *urgent*"_s));
        QVERIFY(wellFormedHtml(telegram));

        for (Type type : {Type::DingTalk, Type::WeCom, Type::Mattermost, Type::Discord}) {
            const QString text = QString::fromUtf8(build(type, message).body);
            // JSON-escaped backslashes; a zero-width space after < so that no tag can start there
            QVERIFY2(text.contains(u"db\\\\_1\\\\*\\\\<\u200Bprod\\\\>&"_s), qPrintable(text));
            QVERIFY2(text.contains(u"[click\\\\](https://evil.example)"_s), qPrintable(text));
        }
    }

    void limitsAreKeptWithLongAnalyses_data()
    {
        QTest::addColumn<Type>("type");
        for (Type type : ChatDestination::allTypes())
            if (type != Type::Webhook)
                QTest::newRow(qPrintable(ChatDestination::typeName(type))) << type;
    }

    void limitsAreKeptWithLongAnalyses()
    {
        QFETCH(Type, type);
        Alert alert = fixtureAlert();
        alert.annotations.insert(u"summary"_s, u"磁盘使用率超过 95%，数据库写入变慢"_s);
        const QString analysis = longAnalysis();
        const ChatRequest request = build(type, ForwardMessage::fromAlert(alert, analysis, u"deepseek-chat"_s));
        QVERIFY(request.error.isEmpty());
        QCOMPARE(request.truncated, type != Type::Teams); // 28 KB hold 20,000 characters
        const QJsonObject json = body(request);
        QVERIFY(!json.isEmpty());
        QString shown; // the analysis text as sent
        switch (type) {
        case Type::Slack: {
            for (const QJsonValue &block : json.value(u"blocks"_s).toArray()) {
                const QString text = block.toObject().value(u"text"_s).toObject().value(u"text"_s).toString();
                QVERIFY(text.size() <= 3000);
                if (text.contains(u"AI analysis"_s))
                    shown = text;
            }
            break;
        }
        case Type::DingTalk:
            shown = json.value(u"markdown"_s).toObject().value(u"text"_s).toString();
            QVERIFY(shown.toUtf8().size() <= 20'000);
            break;
        case Type::WeCom:
            shown = json.value(u"markdown"_s).toObject().value(u"content"_s).toString();
            QVERIFY(shown.toUtf8().size() <= 4096);
            QVERIFY(shown.toUtf8().size() > 3500); // room used, not thrown away
            break;
        case Type::Feishu:
            QVERIFY(request.body.size() <= 20'000);
            shown = QString::fromUtf8(request.body);
            break;
        case Type::Teams:
            QVERIFY(request.body.size() <= 28'000);
            shown = QString::fromUtf8(request.body);
            break;
        case Type::Mattermost:
            shown = json.value(u"attachments"_s).toArray().first().toObject().value(u"text"_s).toString();
            QVERIFY(shown.toUcs4().size() + json.value(u"text"_s).toString().size() <= 16'383);
            break;
        case Type::Telegram:
            shown = json.value(u"text"_s).toString();
            QVERIFY(telegramVisible(shown) <= 4096);
            QVERIFY(telegramVisible(shown) > 3500);
            QVERIFY2(wellFormedHtml(shown), qPrintable(shown.right(300)));
            break;
        case Type::Discord: {
            QVERIFY(json.value(u"content"_s).toString().size() <= 2000);
            const QJsonObject embed = json.value(u"embeds"_s).toArray().first().toObject();
            shown = embed.value(u"description"_s).toString();
            QVERIFY(shown.size() <= 4096);
            qsizetype total = shown.size() + embed.value(u"title"_s).toString().size();
            for (const QJsonValue &field : embed.value(u"fields"_s).toArray())
                total += field.toObject().value(u"name"_s).toString().size()
                    + field.toObject().value(u"value"_s).toString().size();
            QVERIFY(total <= 6000);
            break;
        }
        case Type::Webhook: break;
        }
        QCOMPARE(shown.contains(u"…(truncated, full analysis in AlertDeck)"_s), request.truncated);
        QVERIFY(!shown.contains(u"<at id=all>"_s));
        if (type != Type::Slack && type != Type::Telegram) // neither reads Markdown links
            QVERIFY(!shown.contains(QRegularExpression(u"(?<!\\\\)\\]\\(javascript:"_s)));
        QVERIFY(!shown.contains(QChar::ReplacementCharacter));
        if (type != Type::Telegram && type != Type::Slack)
            QVERIFY2(shown.count(u"```"_s) % 2 == 0, qPrintable(shown.right(300))); // no code block left open
    }

    void incidentsKeepTheLimits_data() { limitsAreKeptWithLongAnalyses_data(); }

    // Twenty-nine long members and a long analysis: each tool lists the members that fit
    // (at most ten), says how many more there are, and keeps its limits.
    void incidentsKeepTheLimits()
    {
        QFETCH(Type, type);
        const ForwardMessage message
            = ForwardMessage::fromIncident(largeIncident(29), longAnalysis(), u"deepseek-chat"_s);
        const ChatRequest request = build(type, message);
        QVERIFY(request.error.isEmpty());
        const QJsonObject json = body(request);
        QVERIFY(!json.isEmpty());
        QVERIFY(request.truncated || type == Type::Teams);
        QString text = QString::fromUtf8(request.body); // the whole body: members are anywhere in it
        switch (type) {
        case Type::Slack:
            for (const QJsonValue &block : json.value(u"blocks"_s).toArray())
                QVERIFY(block.toObject().value(u"text"_s).toObject().value(u"text"_s).toString().size() <= 3000);
            break;
        case Type::DingTalk:
            QVERIFY(json.value(u"markdown"_s).toObject().value(u"text"_s).toString().toUtf8().size() <= 20'000);
            break;
        case Type::WeCom:
            QVERIFY(json.value(u"markdown"_s).toObject().value(u"content"_s).toString().toUtf8().size() <= 4096);
            break;
        case Type::Feishu: QVERIFY(request.body.size() <= 20'000); break;
        case Type::Teams: QVERIFY(request.body.size() <= 28'000); break;
        case Type::Mattermost: {
            const QString attachment
                = json.value(u"attachments"_s).toArray().first().toObject().value(u"text"_s).toString();
            QVERIFY(attachment.toUcs4().size() + json.value(u"text"_s).toString().size() <= 16'383);
            break;
        }
        case Type::Telegram:
            text = json.value(u"text"_s).toString();
            QVERIFY(telegramVisible(text) <= 4096);
            QVERIFY2(wellFormedHtml(text), qPrintable(text.right(300)));
            break;
        case Type::Discord: {
            QVERIFY(json.value(u"content"_s).toString().size() <= 2000);
            const QJsonObject embed = json.value(u"embeds"_s).toArray().first().toObject();
            const QString description = embed.value(u"description"_s).toString();
            QVERIFY(description.size() <= 4096);
            qsizetype total = description.size() + embed.value(u"title"_s).toString().size();
            for (const QJsonValue &field : embed.value(u"fields"_s).toArray())
                total += field.toObject().value(u"name"_s).toString().size()
                    + field.toObject().value(u"value"_s).toString().size();
            QVERIFY(total <= 6000);
            break;
        }
        case Type::Webhook: break;
        }
        QVERIFY(text.contains(u"Related alerts (29)"_s));
        const QSet<int> listed = listedMembers(text);
        QVERIFY2(!listed.isEmpty() && listed.size() <= ForwardMessage::maxRelatedListed,
                 qPrintable(QString::number(listed.size())));
        for (int i = 2; i < 2 + listed.size(); ++i) // the first ones, worst first
            QVERIFY(listed.contains(i));
        QVERIFY2(text.contains(u"and %1 more"_s.arg(29 - listed.size())), qPrintable(text.left(3000)));
        if (type == Type::WeCom) // 4096 bytes: fewer listed
            QVERIFY(listed.size() < ForwardMessage::maxRelatedListed);
        QVERIFY(!text.contains(QChar::ReplacementCharacter));
    }

    void genericTemplateListsTheRelatedAlerts()
    {
        ChatDestination d = destination(Type::Webhook);
        d.bodyTemplate = uR"({"text": "{{title}}: {{related.count}} related
{{related}}",
                               "members": "{{ related.alerts }}", "inline": "x {{related.alerts}}"})"_s;
        QVERIFY2(WebhookTemplate::problem(d.bodyTemplate).isEmpty(),
                 qPrintable(WebhookTemplate::problem(d.bodyTemplate)));
        const ForwardMessage message = ForwardMessage::fromIncident(largeIncident(11));
        const QJsonObject json = body(ChatTool::of(Type::Webhook).request(message, d, {targetFor(Type::Webhook)}, now));
        const QStringList lines = json.value(u"text"_s).toString().split(u'\n');
        QCOMPARE(lines.first(), message.title + u": 11 related"_s);
        QCOMPARE(lines.size(), 1 + 10 + 1); // ten listed, "and 1 more"
        QVERIFY2(lines.at(1).startsWith(u"🔴 Member-2-"_s)
                     && lines.at(1).contains(u" on host-2 — critical · firing — "_s),
                 qPrintable(lines.at(1)));
        QCOMPARE(lines.last(), u"and 1 more"_s);
        const QJsonArray members = json.value(u"members"_s).toArray(); // the array itself
        QCOMPARE(members.size(), 10);
        QCOMPARE(members.at(1).toObject().value(u"state"_s).toString(), u"resolved"_s);
        QCOMPARE(members.at(1).toObject().value(u"severity"_s).toString(), u"warning"_s);
        QCOMPARE(members.at(0).toObject().value(u"target"_s).toString(), u"host-2"_s);
        QCOMPARE(members.at(0).toObject().value(u"startsAt"_s).toString(), u"2023-11-14T22:13:20Z"_s);
        QVERIFY(json.value(u"inline"_s).toString().startsWith(u"x [{"_s)); // inside text: its JSON
        // A single alert: nothing related.
        const QJsonObject single
            = body(ChatTool::of(Type::Webhook)
                       .request(ForwardMessage::fromAlert(fixtureAlert()), d, {targetFor(Type::Webhook)}, now));
        QCOMPARE(single.value(u"members"_s).toArray(), QJsonArray());
        QVERIFY(single.value(u"text"_s).toString().endsWith(u": 0 related\n"_s));
    }

    void markdownDialects()
    {
        QCOMPARE(ChatMarkup::toSlack(u"## Head **x**\n- **bold** and *it* and [l](https://a.b/?q=1&r=2)"_s),
                 u"*Head x*\n• *bold* and _it_ and <https://a.b/?q=1&amp;r=2|l>"_s);
        QCOMPARE(ChatMarkup::toSlack(u"snake_case_name stays, a < b"_s), u"snake_case_name stays, a &lt; b"_s);
        QCOMPARE(ChatMarkup::toTelegramHtml(u"# T\n**b** _i_ ~~s~~ `c<d>`\n```sh\nx < y\n```"_s),
                 u"<b>T</b>\n<b>b</b> <i>i</i> <s>s</s> <code>c&lt;d&gt;</code>\n<pre>x &lt; y</pre>"_s);
        // Bold around a link, and emphasis marks inside a link, stay balanced.
        const QString nested = ChatMarkup::toTelegramHtml(u"**see [the *docs*](https://d.example/a_b_c)** now*"_s);
        QVERIFY2(wellFormedHtml(nested), qPrintable(nested));
        QVERIFY(nested.contains(u"<a href=\"https://d.example/a_b_c\">the *docs*</a>"_s));
        QCOMPARE(ChatMarkup::headingsToBold(u"### A\n```\n# not a heading\n```"_s),
                 u"**A**\n```\n# not a heading\n```"_s);
    }

    void cutsAreMarkdownSafe()
    {
        const QString text = u"First paragraph.\n\n```\ncode line one\ncode line two\ncode line three\n```\n"
                             "Last words here, and a few more of them"_s;
        auto within = [](qsizetype limit) { return [limit](const QString &t) { return t.size() <= limit; }; };
        QCOMPARE(ChatMarkup::fit(text, within(1000)), text);
        QVERIFY(text.size() > 100);
        const QString cut = ChatMarkup::fit(text, within(100));
        QVERIFY2(cut.startsWith(u"First paragraph.\n\n```\ncode line one\ncode line two"_s), qPrintable(cut));
        QVERIFY(cut.contains(u"\n```\n\n…(truncated"_s)); // the open block closed
        QVERIFY(cut.size() <= 100);
        // Chinese without spaces is cut after its punctuation, never inside a character.
        const QString chinese = u"数据库连接池已满。请检查慢查询。然后扩容。"_s;
        const QString short1 = ChatMarkup::fit(chinese, within(ChatMarkup::truncationNote().size() + 12));
        QVERIFY2(short1.startsWith(u"数据库连接池已满。请检查慢查询。"_s) || short1.startsWith(u"数据库连接池已满。"_s),
                 qPrintable(short1));
        // An open ** on a line cut between words is closed.
        const QString bold = ChatMarkup::fit(u"**a very long bold sentence that goes on**"_s, within(60));
        QCOMPARE(bold.count(u"**"_s) % 2, 0);
        QVERIFY(ChatMarkup::fit(text, within(5)).isEmpty());
    }

    void judging_data()
    {
        QTest::addColumn<Type>("type");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("dingtalk ok") << Type::DingTalk << 200 << QByteArray(R"({"errcode":0,"errmsg":"ok"})") << true
                                     << u"accepted"_s;
        QTest::newRow("dingtalk signature")
            << Type::DingTalk << 200 << QByteArray(R"({"errcode":310000,"errmsg":"sign not match"})") << false
            << u"(errcode 310000): sign not match — DingTalk rejected the signature"_s;
        QTest::newRow("wecom bad key") << Type::WeCom << 200
                                       << QByteArray(R"({"errcode":93000,"errmsg":"invalid webhook url"})") << false
                                       << u"invalid webhook url — the robot's key is invalid"_s;
        QTest::newRow("feishu signature")
            << Type::Feishu << 200
            << QByteArray(
                   R"({"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"})")
            << false << u"Feishu rejected the signature"_s;
        QTest::newRow("feishu ok") << Type::Feishu << 200 << QByteArray(R"({"code":0,"msg":"success","data":{}})")
                                   << true << u"accepted"_s;
        QTest::newRow("slack ok") << Type::Slack << 200 << QByteArray("ok") << true << u"accepted"_s;
        QTest::newRow("slack gone") << Type::Slack << 404 << QByteArray("no_service") << false
                                    << u"HTTP 404: no_service — the webhook no longer exists"_s;
        QTest::newRow("mattermost ok") << Type::Mattermost << 200 << QByteArray("ok") << true << u"accepted"_s;
        QTest::newRow("telegram refused")
            << Type::Telegram << 400
            << QByteArray(R"({"ok":false,"error_code":400,"description":"Bad Request: chat not found"})") << false
            << u"chat not found"_s;
        QTest::newRow("teams 202") << Type::Teams << 202 << QByteArray() << true << u"HTTP 202"_s;
        QTest::newRow("discord 204") << Type::Discord << 204 << QByteArray() << true << u"HTTP 204"_s;
        QTest::newRow("rate limited") << Type::Discord << 429
                                      << QByteArray(R"({"message":"You are being rate limited."})") << false
                                      << u"limits how often"_s;
    }

    void judging()
    {
        QFETCH(Type, type);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(QString, messagePart);
        const ChatResult result = ChatTool::of(type).judge(status, body);
        QCOMPARE(result.ok, ok);
        QVERIFY2(result.message.contains(messagePart), qPrintable(result.message));
    }

    void retryHints()
    {
        ChatResult result = ChatTool::of(Type::Slack).judge(429, "rate_limited", "3");
        QVERIFY(result.retryable);
        QCOMPARE(result.retryAfter, std::optional(3000ms));
        result = ChatTool::of(Type::Telegram)
                     .judge(429,
                            "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry "
                            "after 5\",\"parameters\":{\"retry_after\":5}}");
        QCOMPARE(result.retryAfter, std::optional(5000ms));
        result
            = ChatTool::of(Type::Discord).judge(429, R"({"message":"rate limited","retry_after":1.5,"global":false})");
        QCOMPARE(result.retryAfter, std::optional(1500ms));
        result = ChatTool::of(Type::Teams).judge(503, "busy");
        QVERIFY(result.retryable);
        QVERIFY(!result.retryAfter);
        QVERIFY(!ChatTool::of(Type::Teams).judge(400, "bad card").retryable);
        QVERIFY(!ChatTool::of(Type::Slack).judge(429, {}, "3600").retryable); // an hour: fail instead of waiting
        result = ChatTool::of(Type::WeCom).judge(200, R"({"errcode":45009,"errmsg":"api freq out of limit"})");
        QVERIFY(!result.ok);
        QVERIFY(result.retryable);
    }

    void senderPostsAndNeverQuotesTheUrl()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route("/services/T/B/secret-part", {200, "ok", "text/plain"});
        ChatSender sender;
        const QString url = server.url().toString() + u"/services/T/B/secret-part"_s;
        std::optional<ChatResult> result;
        const ForwardMessage message = ForwardMessage::plain(u"T"_s, u"B"_s);
        sender.send(Type::Slack, ChatTool::of(Type::Slack).request(message, destination(Type::Slack), {url}, now), this,
                    [&](const ChatResult &r) { result = r; });
        QTRY_VERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->message));
        QCOMPARE(server.requests.constFirst().header("content-type"), QByteArray("application/json; charset=utf-8"));

        result.reset();
        sender.send(Type::Slack,
                    ChatTool::of(Type::Slack)
                        .request(message, destination(Type::Slack), {server.url().toString() + u"/gone"_s}, now),
                    this, [&](const ChatResult &r) { result = r; });
        QTRY_VERIFY(result);
        QVERIFY(!result->ok);
        QVERIFY(!result->message.contains(u"/gone"_s));
    }
};

QTEST_GUILESS_MAIN(TestChatTools)
#include "tst_chattools.moc"
