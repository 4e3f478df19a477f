// alertdeck with its window (offscreen): a second start brings the first forward, a port in
// use does not stop it.

#include "CliTestSupport.h"

#include <QProcess>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestCliWindow : public QObject
{
    Q_OBJECT

private slots:
#ifdef ALERTDECK_WITH_UI
    void aSecondWindowStartBringsTheFirstForward()
    {
        QTemporaryDir dir;
        AlertDeckProcess first(dir.filePath(u"config"_s));
        first.start({u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(first.standardError().contains(u"main window shown"_s), 20'000);
        AlertDeckProcess second(dir.filePath(u"config"_s));
        second.start({u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QVERIFY(second.waitForFinished(20s));
        QCOMPARE(second.exitCode(), 0);
        QVERIFY(second.standardOutput().contains(u"brought to the front"_s));
        QTRY_VERIFY_WITH_TIMEOUT(first.standardError().contains(u"bringing the window to the front"_s), 10'000);
        QVERIFY(first.terminateAndWait());
        QCOMPARE(first.exitCode(), 0);
    }
#endif

    void windowOpensDespitePortInUse()
    {
#ifndef ALERTDECK_WITH_UI
        QSKIP("built without the user interface");
#endif
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.start(
            {u"--listen"_s, u"127.0.0.1:%1"_s.arg(blocker.serverPort()), u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.standardError().contains(u"main window shown"_s), 20'000);
        // The listener starts once the store is open, after the window is shown.
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.standardError().contains(u"is in use"_s), 20'000);
        QCOMPARE(alertdeck.state(), QProcess::Running);

        QVERIFY(alertdeck.terminateAndWait()); // closes the window like the user would
        QCOMPARE(alertdeck.exitStatus(), QProcess::NormalExit);
        QCOMPARE(alertdeck.exitCode(), 0);

        // Closing saved the layout for the next run, in the user's config, not the data dir.
        const QSettings saved(dir.filePath(u"config/AlertDeck/AlertDeck.conf"_s), QSettings::IniFormat);
        for (const QString &key : {u"MainWindow/geometry"_s, u"MainWindow/windowState"_s, u"MainWindow/splitter"_s,
                                   u"MainWindow/alertTableHeader"_s})
            QVERIFY2(!saved.value(key).toByteArray().isEmpty(), qPrintable(key));
    }
};

QTEST_GUILESS_MAIN(TestCliWindow)
#include "tst_cli_window.moc"
