// The README's setup script, as a user on another system or a second run sees it.

#include "ChildProcess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Result = ChildProcess::Result;

Result runDeps(const QStringList &arguments, const QString &osRelease = {})
{
    ChildProcess process;
    if (!osRelease.isEmpty())
        process.setEnvironmentVariable(u"ALERTDECK_OS_RELEASE"_s, osRelease);
    process.start(QLatin1String(ALERTDECK_SOURCE_DIR "/tools/deps"), arguments);
    return process.finish(std::chrono::seconds(60));
}

} // namespace

class TestTools : public QObject
{
    Q_OBJECT

private slots:
    void nonDebianSystemGetsThePackageList()
    {
        QTemporaryDir dir;
        const QString osRelease = dir.filePath(u"os-release"_s);
        QFile file(osRelease);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("NAME=\"Fedora Linux\"\nID=fedora\n");
        file.close();

        const Result plain = runDeps({}, osRelease);
        QCOMPARE(plain.exitCode, 1);
        QVERIFY2(plain.err.contains(u"not Debian-based"_s), qPrintable(plain.err));
        QVERIFY(plain.err.contains(u"qt6-base-dev"_s));
        QVERIFY(plain.err.contains(u"qtkeychain-qt6-dev"_s));
        QVERIFY(!plain.err.contains(u"prometheus-alertmanager"_s)); // test-only

        const Result withTests = runDeps({u"--test"_s}, osRelease);
        QCOMPARE(withTests.exitCode, 1);
        QVERIFY(withTests.err.contains(u"prometheus-alertmanager"_s));
        QVERIFY(withTests.err.contains(u"xvfb"_s));
    }

    void quietWhenEverythingIsInstalled()
    {
        // The test command installed everything before building, so this is a second run.
        const Result result = runDeps({u"--test"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.isEmpty() && result.err.isEmpty(), qPrintable(result.out + result.err));
    }
};

QTEST_GUILESS_MAIN(TestTools)
#include "tst_tools.moc"
