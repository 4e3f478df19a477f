// The test support's child-process runner: what the tests that start programs rely on.

#include "ChildProcess.h"

#include <QFileInfo>
#include <QTest>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestChildProcess : public QObject
{
    Q_OBJECT

private slots:
    void runsWithItsEnvironmentAndCollectsBothOutputs()
    {
        ChildProcess shell;
        shell.setEnvironmentVariable(u"CHILD_GREETING"_s, u"héllo"_s);
        shell.start(u"sh"_s, {u"-c"_s, u"echo \"$CHILD_GREETING\"; echo oops >&2; exit 3"_s});
        const ChildProcess::Result result = shell.finish(10s);
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.exitStatus, QProcess::NormalExit);
        QCOMPARE(result.out, u"héllo\n"_s);
        QCOMPARE(result.err, u"oops\n"_s);
    }

    void aChildStillRunningAfterTheTimeoutIsKilled()
    {
        ChildProcess sleeper;
        sleeper.start(u"sleep"_s, {u"30"_s});
        QVERIFY(sleeper.waitForStarted());
        QVERIFY(!sleeper.waitForFinished(100ms));
        const ChildProcess::Result result = sleeper.finish(100ms);
        QCOMPARE(result.exitCode, -1);
        QCOMPARE(result.exitStatus, QProcess::CrashExit);
        QCOMPARE(sleeper.state(), QProcess::NotRunning);
    }

    void stopTermsThenKills()
    {
        ChildProcess polite;
        polite.start(u"sleep"_s, {u"30"_s});
        QVERIFY(polite.waitForStarted());
        QVERIFY(polite.stop(10s)); // sleep ends on SIGTERM
        ChildProcess stubborn;
        stubborn.start(u"sh"_s, {u"-c"_s, u"trap '' TERM; echo ready; exec sleep 30"_s});
        QTRY_COMPARE(stubborn.standardOutput(), u"ready\n"_s);
        QVERIFY(!stubborn.stop(200ms)); // ignores SIGTERM: killed
        QCOMPARE(stubborn.state(), QProcess::NotRunning);
    }

    void theChildIsKilledAndReapedWhenTheRunnerGoes()
    {
        qint64 pid = 0;
        {
            ChildProcess sleeper;
            sleeper.start(u"sleep"_s, {u"30"_s});
            QVERIFY(sleeper.waitForStarted());
            pid = sleeper.process().processId();
            QVERIFY(pid > 0);
            QVERIFY(QFileInfo::exists(u"/proc/%1"_s.arg(pid)));
        }
        // Gone, not a zombie: its /proc entry is removed only once it has been reaped.
        QVERIFY(!QFileInfo::exists(u"/proc/%1"_s.arg(pid)));
    }

    void aProgramThatCannotStartNeverFinishes()
    {
        ChildProcess missing;
        missing.start(u"/nonexistent/alertdeck-test-program"_s, {});
        QVERIFY(!missing.waitForFinished(5s));
        QCOMPARE(missing.finish(1s).exitCode, -1);
    }
};

QTEST_GUILESS_MAIN(TestChildProcess)
#include "tst_childprocess.moc"
