#include "cli/CommandLineOptions.h"

#include <QCoreApplication>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCommandLineOptions : public QObject
{
    Q_OBJECT

private:
    static CommandLineOptions parse(QStringList arguments)
    {
        arguments.prepend(u"alertdeck"_s);
        return CommandLineOptions::parse(arguments);
    }

private slots:
    void defaults()
    {
        const CommandLineOptions options = parse({});
        QCOMPARE(options.action, CommandLineOptions::Action::Run);
        QCOMPARE(options.listen.toString(), u"127.0.0.1:9095"_s);
        QVERIFY(!options.listenGiven);
        QVERIFY(options.dataDir.isEmpty());
        QVERIFY(!options.headless);
        QVERIFY(!options.demo);
        QCOMPARE(options.logLevel, LogSetup::Level::Info);
        QVERIFY(!options.retentionDays.has_value());
        QVERIFY(options.tlsCertificateFile.isEmpty());
        QVERIFY(options.tlsKeyFile.isEmpty());
    }

    void allOptions()
    {
        const CommandLineOptions options
            = parse({u"--listen"_s, u"[::1]:8000"_s, u"--data-dir"_s, u"/tmp/x"_s, u"--headless"_s, u"--demo"_s,
                     u"--log-level"_s, u"DEBUG"_s, u"--retention-days"_s, u"0"_s, u"--tls-cert"_s, u"c.pem"_s,
                     u"--tls-key"_s, u"k.pem"_s});
        QCOMPARE(options.action, CommandLineOptions::Action::Run);
        QCOMPARE(options.listen.toString(), u"[::1]:8000"_s);
        QVERIFY(options.listenGiven);
        QCOMPARE(options.dataDir, u"/tmp/x"_s);
        QVERIFY(options.headless);
        QVERIFY(options.demo);
        QCOMPARE(options.logLevel, LogSetup::Level::Debug);
        QCOMPARE(options.retentionDays, 0);
        QCOMPARE(options.tlsCertificateFile, u"c.pem"_s);
        QCOMPARE(options.tlsKeyFile, u"k.pem"_s);
    }

    void equalsSyntax()
    {
        const CommandLineOptions options = parse({u"--listen=127.0.0.1:0"_s});
        QCOMPARE(options.listen.port, quint16(0));
    }

    void help()
    {
        for (const QString &flag : {u"--help"_s, u"-h"_s, u"--help-all"_s}) {
            const CommandLineOptions options = parse({flag});
            QCOMPARE(options.action, CommandLineOptions::Action::ShowHelp);
            for (const char *expected :
                 {"--listen", "--data-dir", "--headless", "--demo", "--log-level", "--version", "Exit status"})
                QVERIFY2(options.helpText.contains(QLatin1String(expected)), expected);
            QVERIFY(options.helpText.startsWith(u"Usage: alertdeck"_s));
        }
    }

    void version()
    {
        QCOMPARE(parse({u"--version"_s}).action, CommandLineOptions::Action::ShowVersion);
        QVERIFY(CommandLineOptions::versionText().startsWith(u"AlertDeck 0."_s));
        QVERIFY(CommandLineOptions::versionText().contains(QLatin1String(qVersion())));
    }

    void secretFiles()
    {
        const CommandLineOptions options = parse({u"--headless"_s, u"--secret"_s, u"LISTENER_TOKEN=@/run/token"_s,
                                                  u"--secret=ALERTDECK_DEEPSEEK_API_KEY=@key file"_s});
        QCOMPARE(options.action, CommandLineOptions::Action::Run);
        QCOMPARE(options.secretFiles.value(Secrets::listenerToken), u"/run/token"_s);
        QCOMPARE(options.secretFiles.value(Secrets::providerApiKey), u"key file"_s);
        QCOMPARE(options.secretFiles.size(), 2);
    }

    // analyze --tools / --no-tools override the saved setting (unset: follow it);
    // --ask carries its question, trimmed.
    void analyzeToolsAndAsk()
    {
        const QStringList analyze{u"analyze"_s, u"--payload"_s, u"p.json"_s};
        QVERIFY(!parse(analyze).analyzeTools);
        QCOMPARE(parse(analyze + QStringList{u"--tools"_s}).analyzeTools, std::optional<bool>(true));
        QCOMPARE(parse(analyze + QStringList{u"--no-tools"_s}).analyzeTools, std::optional<bool>(false));
        const CommandLineOptions asked
            = parse(analyze + QStringList{u"--data-dir"_s, u"/tmp/d"_s, u"--ask"_s, u"  Why now? "_s});
        QCOMPARE(asked.action, CommandLineOptions::Action::Analyze);
        QCOMPARE(asked.analyzeQuestion, u"Why now?"_s);
        QCOMPARE(asked.dataDir, u"/tmp/d"_s);
        QVERIFY(parse({u"--help"_s}).helpText.contains(u"--no-tools"_s));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("bad listen") << QStringList{u"--listen"_s, u"nonsense"_s} << u"--listen:"_s;
        QTest::newRow("listen port out of range")
            << QStringList{u"--listen"_s, u"127.0.0.1:70000"_s} << u"not a valid port"_s;
        QTest::newRow("listen without value") << QStringList{u"--listen"_s} << u"listen"_s;
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
        QTest::newRow("positional") << QStringList{u"extra"_s} << u"Unexpected argument \"extra\""_s;
        QTest::newRow("bad log level") << QStringList{u"--log-level"_s, u"loud"_s} << u"\"loud\" is not one of"_s;
        QTest::newRow("empty data dir") << QStringList{u"--data-dir"_s, u""_s} << u"--data-dir"_s;
        QTest::newRow("negative retention") << QStringList{u"--retention-days"_s, u"-1"_s} << u"--retention-days"_s;
        QTest::newRow("retention not a number")
            << QStringList{u"--retention-days"_s, u"forever"_s} << u"\"forever\" is not a number of days"_s;
        QTest::newRow("certificate without key") << QStringList{u"--tls-cert"_s, u"c.pem"_s} << u"--tls-key"_s;
        QTest::newRow("key without certificate") << QStringList{u"--tls-key"_s, u"k.pem"_s} << u"--tls-cert"_s;
        const QStringList analyze{u"analyze"_s, u"--payload"_s, u"p.json"_s};
        QTest::newRow("tools and no-tools")
            << analyze + QStringList{u"--tools"_s, u"--no-tools"_s} << u"exclude each other"_s;
        QTest::newRow("ask without data dir")
            << analyze + QStringList{u"--ask"_s, u"Why?"_s} << u"--ask continues an analysis stored in --data-dir"_s;
        QTest::newRow("empty question") << analyze + QStringList{u"--data-dir"_s, u"/tmp/d"_s, u"--ask"_s, u" "_s}
                                        << u"the question is empty"_s;
        QTest::newRow("ask for context") << QStringList{u"context"_s, u"--payload"_s, u"p.json"_s, u"--ask"_s, u"q"_s}
                                         << u"--ask only applies to \"analyze\""_s;
        QTest::newRow("tools without analyze") << QStringList{u"--tools"_s} << u"--tools only applies to \"analyze\""_s;
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, messagePart);
        const CommandLineOptions options = parse(arguments);
        QCOMPARE(options.action, CommandLineOptions::Action::UsageError);
        QVERIFY2(options.error.contains(messagePart), qPrintable(options.error));
    }
};

QTEST_GUILESS_MAIN(TestCommandLineOptions)
#include "tst_commandlineoptions.moc"
