#include "FakeHttpServer.h"
#include "forward/ChatFormat.h"
#include "forward/ChatSender.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace Qt::StringLiterals;
using Type = ChatDestination::Type;

namespace {

const QDateTime now = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);

ChatDestination destination(Type type)
{
    ChatDestination d;
    d.id = u"abc"_s;
    d.type = type;
    return d;
}

QJsonObject body(const ChatRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

} // namespace

class TestChatFormat : public QObject
{
    Q_OBJECT

private slots:
    void signaturesMatchAnIndependentComputation()
    {
        // Computed with Python's hmac module for the same inputs.
        QCOMPARE(ChatFormat::dingTalkSignature(1700000000000, u"SEC123"_s),
                 QByteArray("lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ="));
        QCOMPARE(ChatFormat::feishuSignature(1700000000, u"SEC123"_s),
                 QByteArray("j/tImR0k8vYXRsYw0+GHVQkV1v/J/8obOuMU7PE/KDo="));
    }

    void slackEscapes()
    {
        const ChatRequest request = ChatFormat::build(
            destination(Type::Slack), {u"https://hooks.slack.com/services/T/B/x"_s}, u"A <b> & c"_s, u"x > y"_s, now);
        QVERIFY(request.error.isEmpty());
        QCOMPARE(body(request).value(u"text"_s).toString(), u"*A &lt;b&gt; &amp; c*\nx &gt; y"_s);
    }

    void dingTalkSignsTheUrlAndMentions()
    {
        ChatDestination d = destination(Type::DingTalk);
        d.mentions = u"138, 139"_s;
        const ChatRequest request = ChatFormat::build(
            d, {u"https://oapi.dingtalk.com/robot/send?access_token=t"_s, u"SEC123"_s}, u"Title"_s, u"Body"_s, now);
        const QUrlQuery query(request.url);
        QCOMPARE(query.queryItemValue(u"access_token"_s), u"t"_s);
        QCOMPARE(query.queryItemValue(u"timestamp"_s), u"1700000000000"_s);
        QCOMPARE(QUrl::fromPercentEncoding(query.queryItemValue(u"sign"_s, QUrl::FullyEncoded).toLatin1()),
                 u"lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ="_s);
        QCOMPARE(body(request).value(u"msgtype"_s).toString(), u"markdown"_s);
        QCOMPARE(body(request).value(u"markdown"_s).toObject().value(u"title"_s).toString(), u"Title"_s);
        QCOMPARE(body(request).value(u"at"_s).toObject().value(u"atMobiles"_s).toArray(),
                 (QJsonArray{u"138"_s, u"139"_s}));
    }

    void feishuSignsTheBody()
    {
        const ChatRequest request = ChatFormat::build(
            destination(Type::Feishu), {u"https://open.feishu.cn/open-apis/bot/v2/hook/x"_s, u"SEC123"_s}, u"T"_s,
            u"B"_s, now);
        QCOMPARE(body(request).value(u"timestamp"_s).toString(), u"1700000000"_s);
        QCOMPARE(body(request).value(u"sign"_s).toString(), u"j/tImR0k8vYXRsYw0+GHVQkV1v/J/8obOuMU7PE/KDo="_s);
        QCOMPARE(body(request).value(u"content"_s).toObject().value(u"text"_s).toString(), u"T\nB"_s);
    }

    void telegramTeamsAndGeneric()
    {
        ChatDestination telegram = destination(Type::Telegram);
        telegram.chatId = u"-100"_s;
        ChatFormat::Where where{u"123:AAH-abcdefghijklmnopqrstuvwx"_s};
        where.telegramApi = u"http://127.0.0.1:1"_s;
        ChatRequest request = ChatFormat::build(telegram, where, u"a<b"_s, u"c&d"_s, now);
        QCOMPARE(request.url, QUrl(u"http://127.0.0.1:1/bot123:AAH-abcdefghijklmnopqrstuvwx/sendMessage"_s));
        QCOMPARE(body(request).value(u"parse_mode"_s).toString(), u"HTML"_s);
        QCOMPARE(body(request).value(u"text"_s).toString(), u"<b>a&lt;b</b>\nc&amp;d"_s);
        QCOMPARE(body(request).value(u"chat_id"_s).toString(), u"-100"_s);

        request = ChatFormat::build(destination(Type::Teams), {u"https://x.logic.azure.com/w?sig=s"_s}, u"T"_s, u"B"_s,
                                    now);
        const QJsonObject attachment = body(request).value(u"attachments"_s).toArray().first().toObject();
        QCOMPARE(attachment.value(u"contentType"_s).toString(), u"application/vnd.microsoft.card.adaptive"_s);
        QCOMPARE(attachment.value(u"content"_s).toObject().value(u"type"_s).toString(), u"AdaptiveCard"_s);

        request
            = ChatFormat::build(destination(Type::Webhook), {u"https://hook.example/x"_s, u"k"_s}, u"T"_s, u"B"_s, now);
        QCOMPARE(request.headers.size(), 1);
        QCOMPARE(request.headers.first().second,
                 "sha256=" + QMessageAuthenticationCode::hash(request.body, "k", QCryptographicHash::Sha256).toHex());

        request = ChatFormat::build(destination(Type::Discord), {u"not a url"_s}, u"T"_s, u"B"_s, now);
        QVERIFY(!request.error.isEmpty());
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
                                       << u"invalid webhook url — the robot's key or token is invalid"_s;
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
        QTest::newRow("telegram refused")
            << Type::Telegram << 400
            << QByteArray(R"({"ok":false,"error_code":400,"description":"Bad Request: chat not found"})") << false
            << u"chat not found"_s;
        QTest::newRow("teams 202") << Type::Teams << 202 << QByteArray() << true << u"HTTP 202"_s;
        QTest::newRow("discord 204") << Type::Discord << 204 << QByteArray() << true << u"HTTP 204"_s;
        QTest::newRow("rate limited") << Type::Discord << 429
                                      << QByteArray(R"({"message":"You are being rate limited."})") << false
                                      << u"try again shortly"_s;
    }

    void judging()
    {
        QFETCH(Type, type);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(QString, messagePart);
        const ChatResult result = ChatFormat::judge(type, status, body);
        QCOMPARE(result.ok, ok);
        QVERIFY2(result.message.contains(messagePart), qPrintable(result.message));
    }

    void senderPostsAndNeverQuotesTheUrl()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route("/services/T/B/secret-part", {200, "ok", "text/plain"});
        ChatSender sender;
        const QString url = server.url().toString() + u"/services/T/B/secret-part"_s;
        std::optional<ChatResult> result;
        sender.send(Type::Slack, ChatFormat::build(destination(Type::Slack), {url}, u"T"_s, u"B"_s, now), this,
                    [&](const ChatResult &r) { result = r; });
        QTRY_VERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->message));
        QCOMPARE(server.requests.constFirst().header("content-type"), QByteArray("application/json; charset=utf-8"));

        result.reset();
        sender.send(
            Type::Slack,
            ChatFormat::build(destination(Type::Slack), {server.url().toString() + u"/gone"_s}, u"T"_s, u"B"_s, now),
            this, [&](const ChatResult &r) { result = r; });
        QTRY_VERIFY(result);
        QVERIFY(!result->ok);
        QVERIFY(!result->message.contains(u"/gone"_s));
    }
};

QTEST_GUILESS_MAIN(TestChatFormat)
#include "tst_chatformat.moc"
