// alertdeck config check and --config FILE: the effective configuration, and a bad file
// refused with its line numbers.

#include "CliTestSupport.h"
#include "FreePort.h"
#include "HttpTestClient.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestCliConfig : public QObject
{
    Q_OBJECT

private slots:
    void configCheckValidatesAndShowsTheEffectiveConfiguration()
    {
        QTemporaryDir dir;
        const QString good
            = writeFile(dir.filePath(u"relay.ini"_s),
                        "[Listener]\naddress=0.0.0.0:9200\n[DataSources]\nprometheusUrls=http://prom:9090\n");
        const QString key = writeFile(dir.filePath(u"deepseek.key"_s), "sk-test-not-a-real-key\n");
        QVERIFY(!good.isEmpty() && !key.isEmpty());

        AlertDeckProcess check(dir.filePath(u"config"_s));
        check.setEnvironmentVariable(u"ALERTDECK_LISTENER_TOKEN"_s, u"relay-token-42"_s);
        check.start({u"config"_s, u"check"_s, good, u"--secret"_s, u"DEEPSEEK_API_KEY=@"_s + key});
        QVERIFY(check.waitForFinished(30s));
        const QString out = check.standardOutput();
        QCOMPARE(check.exitCode(), 0);
        QVERIFY2(out.contains(u"[Listener]\naddress = 0.0.0.0:9200\n"_s), qPrintable(out));
        QVERIFY2(out.contains(u"bodyLimitMiB = 8  ; default"_s), qPrintable(out));
        QVERIFY2(out.contains(u"prometheusUrls = http://prom:9090\n"_s), qPrintable(out));
        QVERIFY2(out.contains(u"LISTENER_TOKEN = <from env ALERTDECK_LISTENER_TOKEN>"_s), qPrintable(out));
        QVERIFY2(out.contains(u"DEEPSEEK_API_KEY = <from file %1>"_s.arg(key)), qPrintable(out));
        QVERIFY2(out.contains(u"PROMETHEUS_PASSWORD = <missing"_s), qPrintable(out));
        QVERIFY(!out.contains(u"relay-token-42"_s) && !out.contains(u"sk-test"_s)); // values never shown

        const QString bad = writeFile(dir.filePath(u"bad.ini"_s),
                                      "[Listener]\nadress=0.0.0.0:9200\n[DataSources]\nlokiPassword=hunter2\n");
        const RunResult refused = run({u"config"_s, u"check"_s, bad});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"bad.ini:2: Listener/adress: unknown key"_s), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(u"bad.ini:4: DataSources/lokiPassword: secrets do not go in"_s),
                 qPrintable(refused.err));
        QVERIFY(!refused.err.contains(u"hunter2"_s));
    }

    void headlessRunsFromAConfigFileOrNotAtAll()
    {
        QTemporaryDir dir;
        const quint16 port = freeLoopbackPort();
        QVERIFY(port != 0);
        QFile good(dir.filePath(u"relay.ini"_s));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write("[Listener]\naddress=127.0.0.1:" + QByteArray::number(port) + "\n");
        good.close();
        AlertDeckProcess relay(dir.filePath(u"config"_s));
        relay.start({u"--headless"_s, u"--config"_s, good.fileName(), u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(relay.listeningPort() != 0, 20'000);
        QCOMPARE(relay.listeningPort(), port); // the file's address
        QCOMPARE(HttpTestClient::get(port, "/healthz").status, 200);
        QVERIFY(relay.terminateAndWait());
        // The file is read, never rewritten.
        QVERIFY(good.open(QIODevice::ReadOnly));
        QCOMPARE(good.readAll(), "[Listener]\naddress=127.0.0.1:" + QByteArray::number(port) + "\n");
        good.close();

        QFile bad(dir.filePath(u"bad.ini"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("[Listener]\nbodyLimitMiB=lots\n");
        bad.close();
        const RunResult refused = run({u"--headless"_s, u"--config"_s, bad.fileName(), u"--listen"_s, u"127.0.0.1:0"_s,
                                       u"--data-dir"_s, dir.filePath(u"data"_s)});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(u"bad.ini:2: Listener/bodyLimitMiB: \"lots\" is not a whole number"_s),
                 qPrintable(refused.err));
        QVERIFY(refused.err.contains(u"nothing was started"_s));
#ifdef ALERTDECK_WITH_UI
        // The window starts anyway, with the saved settings, and says what is wrong.
        AlertDeckProcess window(dir.filePath(u"config"_s));
        window.start({u"--config"_s, bad.fileName(), u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s,
                      dir.filePath(u"window-data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(window.standardError().contains(u"main window shown"_s), 20'000);
        QVERIFY2(window.standardError().contains(u"bad.ini:2: Listener/bodyLimitMiB"_s),
                 qPrintable(window.standardError()));
        QVERIFY(window.terminateAndWait());
#endif
    }
};

QTEST_GUILESS_MAIN(TestCliConfig)
#include "tst_cli_config.moc"
