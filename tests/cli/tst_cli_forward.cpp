// alertdeck forward: an alert sent to a chat destination, or printed with --dry-run.

#include "CliTestSupport.h"
#include "FakeHttpServer.h"
#include "TestData.h"
#include "settings/ChatDestination.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestCliForward : public QObject
{
    Q_OBJECT

private slots:
    void forwardSendsOrPrintsTheMessage()
    {
        FakeHttpServer dingTalk;
        QVERIFY(dingTalk.listen());
        dingTalk.route("/robot/send", {200, "{\"errcode\":0,\"errmsg\":\"ok\"}"});
        QTemporaryDir config;
        {
            QSettings saved(config.filePath(u"AlertDeck/AlertDeck.conf"_s), QSettings::IniFormat);
            ChatDestination ops;
            ops.id = u"ops"_s;
            ops.name = u"#ops"_s;
            ops.type = ChatDestination::Type::DingTalk;
            ops.isDefault = true;
            saved.setValue(u"Forwarding/destinations"_s, ChatDestinations::toJson({ops}));
        }
        QFile analysis(config.filePath(u"analysis.md"_s));
        QVERIFY(analysis.open(QIODevice::WriteOnly));
        analysis.write("## Likely cause\n\nA runaway **backup** job.\n");
        analysis.close();
        const QString payload = TestData::fixturePath(u"alertmanager/firing-single.json"_s);

        auto forward = [&](const QStringList &extra) {
            AlertDeckProcess alertdeck(config.path());
            alertdeck.setEnvironmentVariable(u"ALERTDECK_DESTINATION_OPS_TARGET"_s,
                                             dingTalk.url().toString() + u"/robot/send?access_token=tok-cli-4411"_s);
            alertdeck.setEnvironmentVariable(u"ALERTDECK_DESTINATION_OPS_SIGNING_SECRET"_s, u"SEC-cli-5522"_s);
            alertdeck.setEnvironmentVariable(u"LC_ALL"_s, u"C.UTF-8"_s);
            alertdeck.start(QStringList{u"forward"_s, u"--payload"_s, payload} + extra);
            return alertdeck.finish(30s);
        };

        // --dry-run: the message, and where it would go without the token.
        RunResult result = forward({u"--to"_s, u"#OPS"_s, u"--analysis"_s, analysis.fileName(), u"--dry-run"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.startsWith(u"POST http://127.0.0.1:%1/…\n"_s.arg(dingTalk.port())), qPrintable(result.out));
        QVERIFY(result.out.contains(u"\"msgtype\": \"markdown\""_s));
        QVERIFY(result.out.contains(u"A runaway **backup** job."_s));
        QVERIFY(!result.out.contains(u"tok-cli-4411"_s) && !result.err.contains(u"tok-cli-4411"_s));
        QVERIFY(dingTalk.requests.isEmpty());

        // Sent, signed, with the tool's verdict.
        result = forward({u"--to"_s, u"#ops"_s, u"--analysis"_s, analysis.fileName()});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(u"DingTalk accepted the message"_s), qPrintable(result.out + result.err));
        QCOMPARE(dingTalk.requests.size(), 1);
        QVERIFY(dingTalk.requests.first().target.contains("access_token=tok-cli-4411&timestamp="));
        QVERIFY(dingTalk.requests.first().target.contains("&sign="));

        // The tool's error, plainly, and a failing exit.
        dingTalk.route("/robot/send", {200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"});
        result = forward({u"--to"_s, u"#ops"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"sign not match — DingTalk rejected the signature"_s), qPrintable(result.err));
        QVERIFY(!result.err.contains(u"tok-cli-4411"_s));

        result = forward({u"--to"_s, u"#nowhere"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(u"No chat destination is called \"#nowhere\"; there are: #ops."_s));
        QCOMPARE(run({u"forward"_s, u"--payload"_s, payload}).exitCode, 2); // --to missing
        QCOMPARE(run({u"analyze"_s, u"--payload"_s, payload, u"--to"_s, u"#ops"_s}).exitCode, 2);
    }

    // The issue's set-up: destinations in a configuration file, their secrets named there
    // and given by the environment or a --secret file; a headless start takes the file,
    // and alertdeck forward --to NAME reaches the receiver.
    void destinationsFromAConfigFileWithNamedSecrets()
    {
        FakeHttpServer mattermost;
        QVERIFY(mattermost.listen());
        mattermost.route("/hooks/ops", {200, "ok", "text/plain"});
        QTemporaryDir dir;
        QFile config(dir.filePath(u"relay.ini"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[Listener]\naddress=127.0.0.1:0\n"
                     "[Destination.ops]\nname=#ops\ntype=mattermost\ndefault=true\nsecret=MM_OPS\n");
        config.close();

        AlertDeckProcess relay(dir.filePath(u"config"_s));
        relay.setEnvironmentVariable(u"ALERTDECK_SECRET_MM_OPS"_s, mattermost.url().toString() + u"/hooks/ops"_s);
        relay.start({u"--headless"_s, u"--config"_s, config.fileName(), u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(relay.listeningPort() != 0, 20'000);
        QVERIFY(relay.terminateAndWait());

        const QString payload = TestData::fixturePath(u"alertmanager/firing-single.json"_s);
        auto forward = [&](const QStringList &extra, bool withEnvironment) {
            AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
            if (withEnvironment)
                alertdeck.setEnvironmentVariable(u"ALERTDECK_SECRET_MM_OPS"_s,
                                                 mattermost.url().toString() + u"/hooks/ops"_s);
            alertdeck.setEnvironmentVariable(u"LC_ALL"_s, u"C.UTF-8"_s);
            alertdeck.start(QStringList{u"forward"_s, u"--config"_s, config.fileName(), u"--payload"_s, payload,
                                        u"--to"_s, u"#ops"_s}
                            + extra);
            return alertdeck.finish(30s);
        };
        RunResult result = forward({}, true);
        QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
        QCOMPARE(mattermost.requests.size(), 1);
        QCOMPARE(mattermost.requests.first().path, QByteArray("/hooks/ops"));

        // The same secret from a file.
        QFile secret(dir.filePath(u"mm-ops.url"_s));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write((mattermost.url().toString() + u"/hooks/ops\n"_s).toUtf8());
        secret.close();
        result = forward({u"--secret"_s, u"MM_OPS=@"_s + secret.fileName()}, false);
        QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
        QCOMPARE(mattermost.requests.size(), 2);

        // The secret itself written into the file: refused, and not repeated.
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[Destination.ops]\ntype=dingtalk\n"
                     "secret=\"https://oapi.dingtalk.com/robot/send?access_token=tok-file-7788\"\n");
        config.close();
        const RunResult refused = run({u"config"_s, u"check"_s, config.fileName()});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"relay.ini:3: Destination.ops/secret: secret= names a secret"_s),
                 qPrintable(refused.err));
        QVERIFY(refused.err.contains(u"ALERTDECK_SECRET_OPS"_s));
        QVERIFY(!refused.err.contains(u"tok-file-7788"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliForward)
#include "tst_cli_forward.moc"
