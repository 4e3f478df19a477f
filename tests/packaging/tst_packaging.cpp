// The installation and the packages: the desktop file and the AppStream metainfo pass
// the distributions' validators, `cmake --install` puts every file in its standard
// place, and the .deb (dependencies from dpkg-shlibdeps) extracted into a temporary
// root runs: --version, then --headless answering its health check.

#include "AlertDeckLog.h"
#include "ChildProcess.h"
#include "HttpTestClient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString appId = QStringLiteral(ALERTDECK_APP_ID);

struct Run {
    int exitCode = -1;
    QString output; // stdout and stderr
};

Run run(const QString &program, const QStringList &arguments, const QString &workingDirectory = {})
{
    ChildProcess process;
    process.setChannelMode(QProcess::MergedChannels);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    if (!process.waitForFinished(std::chrono::seconds(240)))
        return {-1, u"timed out: "_s + program}; // killed as `process` goes
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.standardOutput()};
}

// Width and height from a PNG's IHDR chunk.
QSize pngSize(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = file.read(24);
    if (head.size() < 24 || !head.startsWith("\x89PNG\r\n\x1a\n"))
        return {};
    auto big = [&head](int at) {
        return int(quint8(head[at]) << 24 | quint8(head[at + 1]) << 16 | quint8(head[at + 2]) << 8
                   | quint8(head[at + 3]));
    };
    return {big(16), big(20)};
}

QStringList expectedFiles()
{
    QStringList files{u"bin/alertdeck"_s,
                      u"share/alertdeck/translations/alertdeck_zh_CN.qm"_s,
                      u"share/alertdeck/translations/alertdeck_en.qm"_s,
                      u"share/applications/%1.desktop"_s.arg(appId),
                      u"share/metainfo/%1.metainfo.xml"_s.arg(appId),
                      u"share/icons/hicolor/scalable/apps/%1.svg"_s.arg(appId)};
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        files << u"share/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size).arg(appId);
    return files;
}
} // namespace

class TestPackaging : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void desktopFileValidates()
    {
        const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
        QVERIFY2(!validator.isEmpty(), "install desktop-file-utils (tools/test does)");
        const Run result = run(validator, {QStringLiteral(ALERTDECK_SOURCE_DIR "/packaging/") + appId + u".desktop"_s});
        QVERIFY2(result.exitCode == 0 && result.output.trimmed().isEmpty(), qPrintable(result.output));
    }

    void metainfoValidates()
    {
        const QString validator = QStandardPaths::findExecutable(u"appstreamcli"_s);
        QVERIFY2(!validator.isEmpty(), "install appstream (tools/test does)");
        const QString metainfo = QStringLiteral(ALERTDECK_BUILD_DIR "/packaging/") + appId + u".metainfo.xml"_s;
        QVERIFY(QFileInfo::exists(metainfo));
        const Run result = run(validator, {u"validate"_s, u"--no-net"_s, metainfo});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QVERIFY2(result.output.contains(u"Validation was successful"_s), qPrintable(result.output));
        QFile file(metainfo);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("<release version=\"" ALERTDECK_VERSION "\""));
    }

    void installPutsEveryFileInItsPlace()
    {
        const QString prefix = m_dir.filePath(u"install/usr"_s);
        const Run result = run(QStringLiteral(CMAKE_COMMAND_PATH),
                               {u"--install"_s, QStringLiteral(ALERTDECK_BUILD_DIR), u"--prefix"_s, prefix});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        for (const QString &file : expectedFiles())
            QVERIFY2(QFileInfo(prefix + u'/' + file).isFile(), qPrintable(file));
        QVERIFY(QFileInfo(prefix + u"/bin/alertdeck"_s).isExecutable());
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
            QCOMPARE(pngSize(prefix + u"/share/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size).arg(appId)),
                     QSize(size, size));
        // The installed desktop file names the installed icon and binary.
        QFile desktop(prefix + u"/share/applications/%1.desktop"_s.arg(appId));
        QVERIFY(desktop.open(QIODevice::ReadOnly));
        const QByteArray entry = desktop.readAll();
        QVERIFY(entry.contains("\nIcon=" + appId.toUtf8() + "\n"));
        QVERIFY(entry.contains("\nExec=alertdeck\n"));
    }

    void debianPackageExtractsAndRuns()
    {
        const QString out = m_dir.filePath(u"packages"_s);
        const Run packed = run(QStringLiteral(CPACK_COMMAND_PATH),
                               {u"--config"_s, QStringLiteral(ALERTDECK_BUILD_DIR "/CPackConfig.cmake"), u"-G"_s,
                                u"DEB;TGZ"_s, u"-B"_s, out},
                               QStringLiteral(ALERTDECK_BUILD_DIR));
        QVERIFY2(packed.exitCode == 0, qPrintable(packed.output));
        const QStringList debs = QDir(out).entryList({u"alertdeck_*.deb"_s}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        const QString deb = QDir(out).filePath(debs.constFirst());
        QVERIFY2(debs.constFirst().startsWith(u"alertdeck_" ALERTDECK_VERSION "_"_s), qPrintable(debs.constFirst()));

        // Dependencies: found by dpkg-shlibdeps (Qt, QtKeychain, jemalloc), plus the SQLite plug-in.
        const Run depends = run(u"dpkg-deb"_s, {u"--field"_s, deb, u"Depends"_s});
        QCOMPARE(depends.exitCode, 0);
        QStringList required{u"libqt6core6"_s,       u"libqt6network6"_s, u"libqt6sql6"_s, u"libqt6keychain1"_s,
                             u"libqt6sql6-sqlite"_s, u"libqt6svg6"_s,     u"libc6"_s};
#ifdef ALERTDECK_EXPECT_JEMALLOC
        required << u"libjemalloc2"_s;
#endif
        for (const QString &package : std::as_const(required))
            QVERIFY2(depends.output.contains(package), qPrintable(depends.output));

        const QString root = m_dir.filePath(u"root"_s);
        const Run extracted = run(u"dpkg-deb"_s, {u"-x"_s, deb, root});
        QVERIFY2(extracted.exitCode == 0, qPrintable(extracted.output));
        for (const QString &file : expectedFiles())
            QVERIFY2(QFileInfo(root + u"/usr/"_s + file).isFile(), qPrintable(file));
        const QString binary = root + u"/usr/bin/alertdeck"_s;

        const Run version = run(binary, {u"--version"_s});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.output.contains(u"" ALERTDECK_VERSION ""_s), qPrintable(version.output));

        // Headless: listens, and its health check answers.
        ChildProcess headless;
        headless.setEnvironmentVariable(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        headless.start(binary,
                       {u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s)});
        QVERIFY(headless.waitForStarted());
        QTRY_VERIFY2_WITH_TIMEOUT(listeningPort(headless.standardError()) != 0, qPrintable(headless.standardError()),
                                  20'000);
        const quint16 port = listeningPort(headless.standardError());
        const HttpTestResponse health = HttpTestClient::get(port, "/healthz");
        QCOMPARE(health.status, 200);
        QVERIFY(headless.terminateAndWait(std::chrono::seconds(10)));
        QCOMPARE(headless.exitCode(), 0);

        // The tarball holds the same tree.
        const QStringList tarballs = QDir(out).entryList({u"alertdeck-*.tar.gz"_s}, QDir::Files);
        QCOMPARE(tarballs.size(), 1);
        const Run listing = run(u"tar"_s, {u"-tzf"_s, QDir(out).filePath(tarballs.constFirst())});
        QCOMPARE(listing.exitCode, 0);
        QVERIFY2(listing.output.contains(u"/bin/alertdeck"_s), qPrintable(listing.output.left(2000)));
        QVERIFY(listing.output.contains(u"/share/applications/%1.desktop"_s.arg(appId)));
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
