// Options every command shares: --version, --help, refused arguments, and messages in the
// user's language.

#include "CliTestSupport.h"
#include "TestData.h"

#include <QProcess>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestCliOptions : public QObject
{
    Q_OBJECT

private slots:
    void version()
    {
        const RunResult result = run({u"--version"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.startsWith(u"AlertDeck 0."_s), qPrintable(result.out));
        QVERIFY(result.out.contains(QLatin1String(qVersion())));
        QVERIFY(result.err.isEmpty());
    }

    void help()
    {
        const RunResult result = run({u"--help"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith(u"Usage: alertdeck"_s));
        for (const char *option : {"--listen", "--data-dir", "--headless", "--demo", "--log-level", "--version"})
            QVERIFY2(result.out.contains(QLatin1String(option)), option);
    }

    void helpAndUsageErrorsFollowTheLocale()
    {
        // The options are parsed before the application (and its translators) exist.
        const RunResult help = run({u"--help"_s}, u"zh_CN.UTF-8"_s);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(u"无窗口运行"_s), qPrintable(help.out));
        QVERIFY(help.out.contains(u"--headless"_s));

        const RunResult refused = run({u"--listen"_s, u"127.0.0.1"_s}, u"zh_CN.UTF-8"_s);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(u"缺少端口"_s), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(u"查看可用选项"_s), qPrintable(refused.err));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("listen without port") << QStringList{u"--listen"_s, u"127.0.0.1"_s} << u"has no port"_s;
        QTest::newRow("listen port too big")
            << QStringList{u"--listen"_s, u"127.0.0.1:99999"_s} << u"not a valid port"_s;
        QTest::newRow("listen hostname") << QStringList{u"--listen"_s, u"alerts.internal:9095"_s}
                                         << u"not an IP address"_s;
        QTest::newRow("listen ipv6 unbracketed") << QStringList{u"--listen"_s, u"::1:9095"_s} << u"[::1]:9095"_s;
        QTest::newRow("listen empty") << QStringList{u"--listen="_s} << u"empty"_s;
        QTest::newRow("unknown option") << QStringList{u"--bogus"_s} << u"bogus"_s;
        QTest::newRow("bad log level") << QStringList{u"--log-level"_s, u"chatty"_s} << u"chatty"_s;
        QTest::newRow("export bad since")
            << QStringList{u"history"_s, u"export"_s, u"--since"_s, u"soon"_s} << u"is not a time"_s;
        QTest::newRow("since without export")
            << QStringList{u"--since"_s, u"2026-11-22"_s} << u"only apply to \"history export\""_s;
        QTest::newRow("unknown command") << QStringList{u"history"_s, u"delete"_s} << u"history delete"_s;
        QTest::newRow("bad profile") << QStringList{u"--profile"_s, u"../etc"_s} << u"is not a profile name"_s;
    }

    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, messagePart);
        const RunResult result = run(arguments);
        QCOMPARE(result.exitStatus, QProcess::NormalExit);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.startsWith(u"alertdeck: "_s) && result.err.contains(messagePart), qPrintable(result.err));
        QVERIFY(result.err.contains(u"--help"_s));
    }

    void messagesFollowTheLocale()
    {
        // The zh_CN catalogue is compiled into the binary and picked by the locale.
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        const QString address = u"127.0.0.1:%1"_s.arg(blocker.serverPort());
        const RunResult result
            = run({u"--headless"_s, u"--listen"_s, address, u"--data-dir"_s, dir.path()}, u"zh_CN.UTF-8"_s);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"端口 %1 已被占用"_s.arg(address)), qPrintable(result.err));
        QVERIFY(result.err.contains(u"请使用 --listen"_s));

        // The English catalogue carries the plural forms.
        const QString payload = TestData::fixturePath(u"alertmanager/firing-single.json"_s);
        const QStringList noSuchAlert{u"context"_s, u"--payload"_s, payload, u"--alert"_s, u"3"_s};
        QVERIFY(run(noSuchAlert, u"en_US.UTF-8"_s).err.contains(u"holds 1 alert; there is no alert 3"_s));
        QVERIFY(run(noSuchAlert, u"zh_CN.UTF-8"_s).err.contains(u"包含 1 条告警；不存在第 3 条"_s));

        // Settings → Appearance → Language overrides the system's.
        QSettings(dir.filePath(u"config/AlertDeck/AlertDeck.conf"_s), QSettings::IniFormat)
            .setValue(u"Appearance/language"_s, u"zh_CN"_s);
        AlertDeckProcess chinese(dir.filePath(u"config"_s));
        chinese.setEnvironmentVariable(u"LC_ALL"_s, u"C.UTF-8"_s);
        chinese.setEnvironmentVariable(u"LANG"_s, u"C.UTF-8"_s);
        chinese.start({u"--headless"_s, u"--listen"_s, address, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QVERIFY(chinese.waitForFinished(20s));
        QCOMPARE(chinese.exitCode(), 1);
        QTRY_VERIFY2(chinese.standardError().contains(u"已被占用"_s), qPrintable(chinese.standardError()));
    }
};

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_cli_options.moc"
