#include "FakeHttpServer.h"
#include "forward/ChatSender.h"
#include "logging/LogSetup.h"
#include "logging/Redaction.h"
#include "net/ConnectionCheck.h"
#include "secrets/MemorySecretStore.h"

#include <QLoggingCategory>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {
QStringList captured;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    captured << message;
}
} // namespace

class TestRedaction : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Redaction::forgetSecretValues(); }

    void patterns_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("authorization header") << u"Authorization: Bearer sk-abc123"_s << u"Authorization: <redacted>"_s;
        QTest::newRow("json header") << u"{\"authorization\":\"Basic dXNlcjpwYXNz\",\"x\":1}"_s
                                     << u"{\"authorization\":\"<redacted>\",\"x\":1}"_s;
        QTest::newRow("bearer alone") << u"sent Bearer eyJhbGciOi.J9x with it"_s << u"sent Bearer <redacted> with it"_s;
        QTest::newRow("plain words stay")
            << u"accepts Basic authentication or Bearer tokens"_s << u"accepts Basic authentication or Bearer tokens"_s;
        QTest::newRow("url password") << u"GET https://ops:hunter22@prom.example:9090/api"_s
                                      << u"GET https://ops:<redacted>@prom.example:9090/api"_s;
        QTest::newRow("dingtalk")
            << u"https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1&sign=xyz%3D"_s
            << u"https://oapi.dingtalk.com/robot/send?access_token=<redacted>&timestamp=1&sign=<redacted>"_s;
        QTest::newRow("wecom") << u"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx"_s
                               << u"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<redacted>"_s;
        QTest::newRow("telegram") << u"POST https://api.telegram.org/bot123456:AAH-x_yz/sendMessage failed"_s
                                  << u"POST https://api.telegram.org/bot<redacted>/sendMessage failed"_s;
        QTest::newRow("slack") << u"https://hooks.slack.com/services/T000/B000/XXXXXXXX: 404"_s
                               << u"https://hooks.slack.com/services/<redacted>: 404"_s;
        QTest::newRow("discord") << u"https://discord.com/api/webhooks/1234567/abcDEF-123_x?wait=true"_s
                                 << u"https://discord.com/api/webhooks/1234567/<redacted>?wait=true"_s;
        QTest::newRow("feishu") << u"https://open.feishu.cn/open-apis/bot/v2/hook/1f2e3d4c-aaaa-bbbb"_s
                                << u"https://open.feishu.cn/open-apis/bot/v2/hook/<redacted>"_s;
        QTest::newRow("teams sig")
            << u"https://x.logic.azure.com/workflows/1/triggers/manual/paths/invoke?api-version=1&sig=Zm9v"_s
            << u"https://x.logic.azure.com/workflows/1/triggers/manual/paths/invoke?api-version=1&sig=<redacted>"_s;
        QTest::newRow("mattermost") << u"https://mm.example/hooks/xo8r3nd9g7b1mq5kz6c4w2a0yt"_s
                                    << u"https://mm.example/hooks/<redacted>"_s;
        QTest::newRow("nothing secret") << u"listening on http://127.0.0.1:9095"_s
                                        << u"listening on http://127.0.0.1:9095"_s;
    }

    void patterns()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(Redaction::redact(text), expected);
    }

    void knownValuesAreScrubbedAnywhere()
    {
        Redaction::addSecretValue(u"marker-7f3a"_s);
        Redaction::addSecretValue(u"abc"_s); // too short to scrub: it would eat ordinary words
        Redaction::addSecretValue(u"marker-7f3a-longer"_s);
        QCOMPARE(Redaction::redact(u"x=marker-7f3a-longer; y=marker-7f3a; abc"_s),
                 u"x=<redacted>; y=<redacted>; abc"_s);
    }

    void logMessagesAreRedacted()
    {
        const QtMessageHandler original = qInstallMessageHandler(capture);
        LogSetup::apply(LogSetup::Level::Info); // installs redaction in front of `capture`
        Redaction::addSecretValue(u"s3cret-value"_s);
        const QLoggingCategory category("alertdeck.test");
        qCWarning(category) << "request failed:"
                            << "Authorization: Bearer abcdef123456"
                            << "and s3cret-value";
        qInstallMessageHandler(original);
        QCOMPARE(captured.size(), 1);
        QVERIFY2(!captured.constFirst().contains(u"abcdef123456"_s)
                     && !captured.constFirst().contains(u"s3cret-value"_s),
                 qPrintable(captured.constFirst()));
        QVERIFY(captured.constFirst().contains(u"request failed"_s));
    }

    // A provider call and a chat message with secrets that the servers echo back:
    // neither the results nor the debug log show them.
    void outboundCallsNeverShowSecrets()
    {
        const QtMessageHandler original = qInstallMessageHandler(capture);
        LogSetup::apply(LogSetup::Level::Debug);
        captured.clear();
        MemorySecretStore secrets;
        secrets.set(Secrets::providerApiKey, u"sk-leak-marker-93"_s);
        QString key;
        secrets.read(Secrets::providerApiKey, this, [&key](const SecretStore::Result &r) { key = r.value; });
        QTRY_VERIFY(!key.isEmpty());

        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route("/models", {401, R"({"error":{"message":"Incorrect API key provided: sk-leak-marker-93"}})"});
        server.route("/hook/tok-leak-marker-94", {404, R"({"message":"no hook /hook/tok-leak-marker-94"})"});
        ConnectionChecker checker;
        ConnectionCheckRequest request{server.url()};
        request.bearerToken = key;
        std::optional<ConnectionCheckResult> provider;
        checker.checkProvider(request, u"m"_s, this, [&](const ConnectionCheckResult &r) { provider = r; });
        QTRY_VERIFY(provider);
        QVERIFY(!provider->ok);

        Redaction::addSecretValue(server.url().toString() + u"/hook/tok-leak-marker-94"_s); // as read from the keychain
        Redaction::addSecretValue(u"tok-leak-marker-94"_s);
        ChatSender sender;
        ChatDestination destination;
        destination.id = u"x"_s;
        destination.type = ChatDestination::Type::Webhook;
        std::optional<ChatResult> chat;
        sender.send(destination.type,
                    ChatTool::of(destination.type)
                        .request(ForwardMessage::plain(u"T"_s, u"B"_s), destination,
                                 {server.url().toString() + u"/hook/tok-leak-marker-94"_s},
                                 QDateTime::currentDateTimeUtc()),
                    this, [&](const ChatResult &r) { chat = r; });
        QTRY_VERIFY(chat);
        QVERIFY(!chat->ok);
        qInstallMessageHandler(original);

        for (const QString &text : QStringList{provider->summary, chat->message} + captured) {
            QVERIFY2(!text.contains(u"leak-marker"_s), qPrintable(text));
        }
        QVERIFY(provider->summary.contains(u"Incorrect API key provided: <redacted>"_s));
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
