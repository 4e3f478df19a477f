// Runs the real alertdeck binary as a child process: what a user or a service
// manager sees (exit codes, messages, clean shutdown).

#include "FakeHttpServer.h"
#include "FileModes.h"
#include "HttpTestClient.h"
#include "TestData.h"
#include "secrets/SecretId.h"
#include "settings/ChatDestination.h"
#include "store/AlertStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct RunResult {
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QString out;
    QString err;
};

// A running alertdeck whose stderr is collected as it arrives.
class AlertDeckProcess
{
public:
    explicit AlertDeckProcess(const QString &configHome)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, configHome); // QSettings of this run stay in the test's folder
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.remove(u"QT_LOGGING_RULES"_s);
        process.setProcessEnvironment(env);
        QObject::connect(&process, &QProcess::readyReadStandardError,
                         [this] { err += QString::fromLocal8Bit(process.readAllStandardError()); });
    }
    ~AlertDeckProcess()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
    }
    void start(const QStringList &arguments) { process.start(QLatin1String(ALERTDECK_BINARY), arguments); }

    QProcess process;
    QString err;
};

RunResult run(const QStringList &arguments, const QString &locale = u"C.UTF-8"_s)
{
    QProcess process;
    process.setProcessEnvironment([&locale] {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"LC_ALL"_s, locale);
        env.insert(u"LANG"_s, locale);
        return env;
    }());
    process.start(QLatin1String(ALERTDECK_BINARY), arguments);
    if (!process.waitForFinished(30'000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitCode(), process.exitStatus(), QString::fromLocal8Bit(process.readAllStandardOutput()),
            QString::fromLocal8Bit(process.readAllStandardError())};
}

// A captured error fixture without its trailing "HTTP <status>" line.
QByteArray errorBody(const QString &fixture)
{
    const QByteArray text = TestData::fixture(fixture).trimmed();
    return text.left(text.lastIndexOf('\n')).trimmed();
}

// Writes `contents` to `path` and returns the path (empty if it could not).
QString writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size() ? path : QString();
}

quint16 listeningPort(const QString &log)
{
    static const QRegularExpression pattern(u"listening on https?://127\\.0\\.0\\.1:(\\d+)"_s);
    return static_cast<quint16>(pattern.match(log).captured(1).toUInt());
}

} // namespace

class TestCli : public QObject
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

    void unwritableDataDirectory()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"not-a-dir"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = dir.filePath(u"not-a-dir/store"_s);
        const RunResult result = run({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, path});
        QCOMPARE(result.exitStatus, QProcess::NormalExit);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(path), qPrintable(result.err));
    }

    void headlessServesAndStopsCleanlyOnSigterm()
    {
        QTemporaryDir dir;
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(alertdeck.err) != 0, 20'000);
        QVERIFY(alertdeck.err.contains(dir.filePath(u"data"_s)));

        const HttpTestResponse health = HttpTestClient::get(listeningPort(alertdeck.err), "/healthz");
        QCOMPARE(health.status, 200);

        alertdeck.process.terminate(); // SIGTERM
        QVERIFY(alertdeck.process.waitForFinished(20'000));
        QCOMPARE(alertdeck.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(alertdeck.process.exitCode(), 0);
        QTRY_VERIFY(alertdeck.err.contains(u"stopped cleanly"_s));
    }

    void dataStaysPrivateWhateverTheUmask()
    {
        const LaxUmask lax; // the child inherits it
        QTemporaryDir dir;
        QVERIFY(QDir().mkdir(dir.filePath(u"runtime"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        QProcessEnvironment env = alertdeck.process.processEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data-home"_s)); // the default data directory
        env.insert(u"XDG_RUNTIME_DIR"_s, dir.filePath(u"runtime"_s)); // the single-instance lock
        alertdeck.process.setProcessEnvironment(env);
        alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(alertdeck.err) != 0, 20'000);
        QCOMPARE(HttpTestClient::postJson(listeningPort(alertdeck.err), "/webhook",
                                          TestData::fixture(u"alertmanager/firing-single.json"_s))
                     .status,
                 200);

        QDirIterator stores(dir.filePath(u"data-home"_s), {u"alerts.sqlite"_s}, QDir::Files,
                            QDirIterator::Subdirectories);
        QVERIFY(stores.hasNext());
        const QString store = stores.next();
        const QString lock = QDir(dir.filePath(u"runtime"_s)).entryInfoList({u"*.lock"_s}).value(0).filePath();
        QVERIFY(!lock.isEmpty());
        QCOMPARE(fileMode(QFileInfo(store).path()), 0700);
        for (const QString &file : {store, store + u"-wal"_s, store + u"-shm"_s, lock})
            QVERIFY2(fileMode(file) == 0600, qPrintable(u"%1: %2"_s.arg(file).arg(fileMode(file), 0, 8)));

        alertdeck.process.terminate();
        QVERIFY(alertdeck.process.waitForFinished(20'000));
        QCOMPARE(alertdeck.process.exitCode(), 0);
    }

    void oneAlertDeckPerStoreProfilesApart()
    {
        QTemporaryDir dir;
        AlertDeckProcess first(dir.filePath(u"config"_s));
        first.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(first.err) != 0, 20'000);

        // The same store again: refused, and said why; the first one goes on.
        AlertDeckProcess again(dir.filePath(u"config"_s));
        QSignalSpy againDone(&again.process, &QProcess::finished);
        again.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QVERIFY(againDone.wait(20'000));
        QCOMPARE(again.process.exitCode(), 1);
        QTRY_VERIFY2(again.err.contains(u"already running"_s), qPrintable(again.err));
        QCOMPARE(HttpTestClient::get(listeningPort(first.err), "/healthz").status, 200);

        // A profile has its own settings and store (under the XDG folders) and runs beside it.
        AlertDeckProcess staging(dir.filePath(u"config"_s));
        QProcessEnvironment env = staging.process.processEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"share"_s));
        staging.process.setProcessEnvironment(env);
        staging.start({u"--headless"_s, u"--profile"_s, u"staging"_s, u"--listen"_s, u"127.0.0.1:0"_s});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(staging.err) != 0, 20'000);
        QVERIFY2(staging.err.contains(dir.filePath(u"share/AlertDeck/AlertDeck-staging"_s)), qPrintable(staging.err));
        QCOMPARE(HttpTestClient::get(listeningPort(staging.err), "/healthz").status, 200);

        // A crash leaves the lock behind: the next start takes it over.
        first.process.kill();
        QVERIFY(first.process.waitForFinished());
        AlertDeckProcess afterCrash(dir.filePath(u"config"_s));
        afterCrash.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(afterCrash.err) != 0, 20'000);
    }

#ifdef ALERTDECK_WITH_UI
    void aSecondWindowStartBringsTheFirstForward()
    {
        QTemporaryDir dir;
        AlertDeckProcess first(dir.filePath(u"config"_s));
        first.start({u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(first.err.contains(u"main window shown"_s), 20'000);
        AlertDeckProcess second(dir.filePath(u"config"_s));
        QSignalSpy done(&second.process, &QProcess::finished);
        second.start({u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QVERIFY(done.wait(20'000));
        QCOMPARE(second.process.exitCode(), 0);
        QVERIFY(QString::fromLocal8Bit(second.process.readAllStandardOutput()).contains(u"brought to the front"_s));
        QTRY_VERIFY_WITH_TIMEOUT(first.err.contains(u"bringing the window to the front"_s), 10'000);
        first.process.terminate();
        QVERIFY(first.process.waitForFinished(20'000));
        QCOMPARE(first.process.exitCode(), 0);
    }
#endif

    void configCheckValidatesAndShowsTheEffectiveConfiguration()
    {
        QTemporaryDir dir;
        const QString good
            = writeFile(dir.filePath(u"relay.ini"_s),
                        "[Listener]\naddress=0.0.0.0:9200\n[DataSources]\nprometheusUrls=http://prom:9090\n");
        const QString key = writeFile(dir.filePath(u"deepseek.key"_s), "sk-test-not-a-real-key\n");
        QVERIFY(!good.isEmpty() && !key.isEmpty());

        AlertDeckProcess check(dir.filePath(u"config"_s));
        QProcessEnvironment env = check.process.processEnvironment();
        env.insert(u"ALERTDECK_LISTENER_TOKEN"_s, u"relay-token-42"_s);
        check.process.setProcessEnvironment(env);
        QSignalSpy done(&check.process, &QProcess::finished);
        check.start({u"config"_s, u"check"_s, good, u"--secret"_s, u"DEEPSEEK_API_KEY=@"_s + key});
        QVERIFY(done.wait(30'000));
        const QString out = QString::fromUtf8(check.process.readAllStandardOutput());
        QCOMPARE(check.process.exitCode(), 0);
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
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QFile good(dir.filePath(u"relay.ini"_s));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write("[Listener]\naddress=127.0.0.1:" + QByteArray::number(port) + "\n");
        good.close();
        AlertDeckProcess relay(dir.filePath(u"config"_s));
        relay.start({u"--headless"_s, u"--config"_s, good.fileName(), u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(relay.err) != 0, 20'000);
        QCOMPARE(listeningPort(relay.err), port); // the file's address
        QCOMPARE(HttpTestClient::get(port, "/healthz").status, 200);
        relay.process.terminate();
        QVERIFY(relay.process.waitForFinished(20'000));
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
        QTRY_VERIFY_WITH_TIMEOUT(window.err.contains(u"main window shown"_s), 20'000);
        QVERIFY2(window.err.contains(u"bad.ini:2: Listener/bodyLimitMiB"_s), qPrintable(window.err));
        window.process.terminate();
        QVERIFY(window.process.waitForFinished(20'000));
#endif
    }

    void savedDataDirectoryIsUsedWithoutTheOption()
    {
        QTemporaryDir dir;
        const QString chosen = dir.filePath(u"chosen-store"_s);
        {
            QSettings saved(dir.filePath(u"config/AlertDeck/AlertDeck.conf"_s), QSettings::IniFormat);
            saved.setValue(u"Data/directory"_s, chosen);
        }
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(alertdeck.err) != 0, 20'000);
        QVERIFY2(alertdeck.err.contains(u"data directory: "_s + chosen), qPrintable(alertdeck.err));
        QVERIFY(QFileInfo::exists(chosen + u"/alerts.sqlite"_s));
        alertdeck.process.terminate();
        QVERIFY(alertdeck.process.waitForFinished(20'000));
    }

    void headlessDemoLoadsSamples()
    {
        QTemporaryDir dir;
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.start({u"--headless"_s, u"--demo"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path()});
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.err.contains(u"loaded 7 demo alerts"_s), 20'000);
        alertdeck.process.terminate();
        QVERIFY(alertdeck.process.waitForFinished(20'000));
        QCOMPARE(alertdeck.process.exitCode(), 0);
    }

    void headlessPortInUseExitsWithMessage()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        const QString address = u"127.0.0.1:%1"_s.arg(blocker.serverPort());
        const RunResult result = run({u"--headless"_s, u"--listen"_s, address, u"--data-dir"_s, dir.path()});
        QCOMPARE(result.exitStatus, QProcess::NormalExit);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"Port %1 is in use"_s.arg(address)), qPrintable(result.err));
        QVERIFY(result.err.contains(u"--listen"_s));
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
        QProcessEnvironment env = chinese.process.processEnvironment();
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        chinese.process.setProcessEnvironment(env);
        QSignalSpy done(&chinese.process, &QProcess::finished);
        chinese.start({u"--headless"_s, u"--listen"_s, address, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QVERIFY(done.wait(20'000));
        QCOMPARE(chinese.process.exitCode(), 1);
        QTRY_VERIFY2(chinese.err.contains(u"已被占用"_s), qPrintable(chinese.err));
    }

    void historyExportWritesWhatWasStored()
    {
        QTemporaryDir dir;
        const QByteArray body = TestData::fixture(u"alertmanager/firing-single.json"_s);
        {
            AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
            alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path()});
            QTRY_VERIFY_WITH_TIMEOUT(listeningPort(alertdeck.err) != 0, 20'000);
            QCOMPARE(HttpTestClient::postJson(listeningPort(alertdeck.err), "/webhook", body).status, 200);
            alertdeck.process.terminate();
            QVERIFY(alertdeck.process.waitForFinished(20'000));
        }
        const RunResult result = run({u"history"_s, u"export"_s, u"--data-dir"_s, dir.path()});
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        const QJsonObject line = QJsonDocument::fromJson(lines.constFirst().toUtf8()).object();
        QCOMPARE(line.value(u"body"_s).toString().toUtf8(), body);
        QCOMPARE(line.value(u"source"_s).toString(), u"alertmanager"_s);
        QCOMPARE(line.value(u"path"_s).toString(), u"/webhook"_s);

        const RunResult none
            = run({u"history"_s, u"export"_s, u"--data-dir"_s, dir.path(), u"--since"_s, u"2100-01-01"_s});
        QCOMPARE(none.exitCode, 0);
        QVERIFY(none.out.isEmpty());

        const RunResult missing = run({u"history"_s, u"export"_s, u"--data-dir"_s, dir.filePath(u"nowhere"_s)});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(u"There is no alert store"_s));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"nowhere"_s)));
    }

    void replayToAUrlSummarisesFailures()
    {
        FakeHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.route("/webhook", {200, "{\"status\":\"stored\"}"});
        receiver.queue("/webhook", {200, "{\"status\":\"stored\"}"});
        receiver.queue("/webhook", {500, "{\"error\":\"store unavailable\"}"});
        QTemporaryDir dir;
        const QByteArray body = QJsonDocument::fromJson(TestData::fixture(u"alertmanager/firing-single.json"_s))
                                    .toJson(QJsonDocument::Compact);
        QFile input(dir.filePath(u"drill.ndjson"_s));
        QVERIFY(input.open(QIODevice::WriteOnly));
        for (int second : {0, 1, 2}) {
            input.write(QJsonDocument(QJsonObject{{u"receivedAt"_s, u"2026-11-22T10:00:0%1Z"_s.arg(second)},
                                                  {u"path"_s, u"/webhook"_s},
                                                  {u"body"_s, QString::fromUtf8(body)}})
                            .toJson(QJsonDocument::Compact)
                        + "\n");
        }
        input.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        QProcess process;
        env.insert(u"DRILL_TOKEN"_s, u"tok-drill-31"_s);
        process.setProcessEnvironment(env);
        process.start(QLatin1String(ALERTDECK_BINARY),
                      {u"replay"_s, input.fileName(), u"--to"_s, receiver.url().toString(), u"--max"_s,
                       u"--token-env"_s, u"DRILL_TOKEN"_s});
        QSignalSpy done(&process, &QProcess::finished);
        QVERIFY(done.wait(30'000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(receiver.requests.size(), 3);
        QCOMPARE(receiver.requests.first().header("authorization"), QByteArray("Bearer tok-drill-31"));
        QVERIFY2(out.contains(u"[2/3] 2026-11-22T10:00:01Z "_s + input.fileName() + u":2 /webhook → HTTP 500"_s),
                 qPrintable(out));
        QVERIFY(out.contains(u"Replayed 3 of 3 payloads to "_s + receiver.url().toString()
                             + u": 2 accepted, 1 refused; 0 inputs skipped."_s));
        QVERIFY2(err.contains(u"refused: "_s + input.fileName() + u":2: HTTP 500: {\"error\":\"store unavailable\"}"_s),
                 qPrintable(err));

        // Basic auth from the environment.
        QProcess basic;
        env.insert(u"DRILL_BASIC"_s, u"drill:pw-32"_s);
        basic.setProcessEnvironment(env);
        basic.start(QLatin1String(ALERTDECK_BINARY),
                    {u"replay"_s, input.fileName(), u"--to"_s, receiver.url().toString(), u"--max"_s, u"--basic-env"_s,
                     u"DRILL_BASIC"_s});
        QSignalSpy basicDone(&basic, &QProcess::finished); // the receiver answers from this event loop
        QVERIFY(basicDone.wait(30'000));
        QCOMPARE(basic.exitCode(), 0);
        QCOMPARE(receiver.requests.last().header("authorization"), "Basic " + QByteArray("drill:pw-32").toBase64());

        QCOMPARE(run({u"replay"_s, input.fileName()}).exitCode, 2); // --to missing
        QCOMPARE(run({u"replay"_s, u"--to"_s, receiver.url().toString()}).exitCode, 2); // nothing to replay
        QCOMPARE(
            run({u"replay"_s, input.fileName(), u"--to"_s, receiver.url().toString(), u"--speed"_s, u"0"_s}).exitCode,
            2);
    }

    void exportThenReplayGivesTheSameAlerts()
    {
        // Deliveries into one AlertDeck, exported, replayed into a fresh one: the same alerts, the same states.
        QTemporaryDir first;
        QTemporaryDir second;
        auto startHeadless = [](AlertDeckProcess &alertdeck, const QString &dataDir) {
            alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir});
            QTRY_VERIFY_WITH_TIMEOUT(listeningPort(alertdeck.err) != 0, 20'000);
        };
        {
            AlertDeckProcess alertdeck(first.filePath(u"config"_s));
            startHeadless(alertdeck, first.path());
            const quint16 port = listeningPort(alertdeck.err);
            for (const QString &fixture :
                 {u"alertmanager/firing-single.json"_s, u"grafana/firing.json"_s, u"nightingale/events-batch.json"_s,
                  u"alertmanager/group-mixed-status.json"_s, u"alertmanager/resolved-single.json"_s,
                  u"grafana/resolved.json"_s})
                QCOMPARE(HttpTestClient::postJson(port, "/webhook", TestData::fixture(fixture)).status, 200);
            alertdeck.process.terminate();
            QVERIFY(alertdeck.process.waitForFinished(20'000));
        }
        const RunResult exported = run({u"history"_s, u"export"_s, u"--data-dir"_s, first.path()});
        QCOMPARE(exported.exitCode, 0);
        QFile history(first.filePath(u"history.ndjson"_s));
        QVERIFY(history.open(QIODevice::WriteOnly));
        history.write(exported.out.toUtf8());
        history.close();
        {
            AlertDeckProcess alertdeck(second.filePath(u"config"_s));
            startHeadless(alertdeck, second.path());
            const RunResult replayed = run({u"replay"_s, history.fileName(), u"--to"_s,
                                            u"http://127.0.0.1:%1"_s.arg(listeningPort(alertdeck.err)), u"--max"_s});
            QVERIFY2(replayed.exitCode == 0, qPrintable(replayed.out + replayed.err));
            QVERIFY(replayed.out.contains(u"Replayed 6 of 6 payloads"_s));
            alertdeck.process.terminate();
            QVERIFY(alertdeck.process.waitForFinished(20'000));
        }
        auto alertsIn = [](const QString &dataDir) {
            AlertStore store;
            [&] { QVERIFY(!store.open(QDir(dataDir).filePath(u"alerts.sqlite"_s))); }();
            QStringList described;
            for (const Alert &alert : store.alerts())
                described << u"%1 %2 %3 %4 %5 %6"_s.arg(alert.source, alert.fingerprint, stateName(alert.state),
                                                        alert.startsAt.toString(Qt::ISODateWithMs),
                                                        alert.endsAt.toString(Qt::ISODateWithMs), alert.name);
            described.sort();
            return described;
        };
        const QStringList original = alertsIn(first.path());
        QVERIFY2(original.size() >= 5, qPrintable(original.join(u'\n')));
        QCOMPARE(alertsIn(second.path()), original);
    }

    void networkListenerNeedsCredentials()
    {
        QTemporaryDir dir;
        const RunResult result = run({u"--headless"_s, u"--listen"_s, u"0.0.0.0:0"_s, u"--data-dir"_s, dir.path()});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"requires authentication"_s), qPrintable(result.err));
    }

    void headlessServesHttps()
    {
        QTemporaryDir dir;
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path(), u"--tls-cert"_s,
                         TestData::path(u"tls/server.pem"_s), u"--tls-key"_s, TestData::path(u"tls/server.key"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(alertdeck.err) != 0, 20'000);
        QVERIFY2(alertdeck.err.contains(u"listening on https://"_s), qPrintable(alertdeck.err));
        const HttpTestResponse health
            = HttpTestClient::sendTls(listeningPort(alertdeck.err), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                                      QSslCertificate::fromData(TestData::file(u"tls/server.pem"_s)));
        QCOMPARE(health.status, 200);
        alertdeck.process.terminate();
        QVERIFY(alertdeck.process.waitForFinished(20'000));
        QCOMPARE(alertdeck.process.exitCode(), 0);
    }

    void headlessUnusableTlsKeyExitsWithMessage()
    {
        QTemporaryDir dir;
        const RunResult result
            = run({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path(), u"--tls-cert"_s,
                   TestData::path(u"tls/server.pem"_s), u"--tls-key"_s, TestData::path(u"tls/encrypted.key"_s)});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"HTTPS cannot start"_s), qPrintable(result.err));
        QVERIFY2(result.err.contains(u"passphrase"_s), qPrintable(result.err));
        QVERIFY(!result.err.contains(u"--listen"_s)); // the address is not the problem
    }

    void headlessTokenFromEnvironment()
    {
        QTemporaryDir dir;
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        QProcessEnvironment env = alertdeck.process.processEnvironment();
        env.insert(u"ALERTDECK_LISTENER_TOKEN"_s, u"env-token-1"_s);
        alertdeck.process.setProcessEnvironment(env);
        alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path()});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(alertdeck.err) != 0, 20'000);
        const QByteArray body = R"({"alerts":[]})";
        auto postWith = [&](const QByteArray &authorization) {
            return HttpTestClient::postJson(listeningPort(alertdeck.err), "/webhook", body, authorization).status;
        };
        QCOMPARE(postWith({}), 401);
        QCOMPARE(postWith("Authorization: Bearer env-token-1\r\n"), 200);
        QVERIFY(!alertdeck.err.contains(u"env-token-1"_s)); // never logged
        alertdeck.process.terminate();
        QVERIFY(alertdeck.process.waitForFinished(20'000));
    }

    void headlessSecretsFromFiles()
    {
        QTemporaryDir dir;
        QFile token(dir.filePath(u"token"_s));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("file-token-2\n");
        token.close();
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        QProcessEnvironment env = alertdeck.process.processEnvironment();
        env.insert(u"ALERTDECK_LISTENER_TOKEN"_s, u"env-token-loses"_s); // a file wins over the environment
        alertdeck.process.setProcessEnvironment(env);
        alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s),
                         u"--secret"_s, u"LISTENER_TOKEN=@"_s + token.fileName()});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(alertdeck.err) != 0, 20'000);
        auto postWith = [&](const QByteArray &authorization) {
            return HttpTestClient::postJson(listeningPort(alertdeck.err), "/webhook", R"({"alerts":[]})", authorization)
                .status;
        };
        QCOMPARE(postWith("Authorization: Bearer env-token-loses\r\n"), 401);
        QCOMPARE(postWith("Authorization: Bearer file-token-2\r\n"), 200);
        QVERIFY(alertdeck.err.contains(u"secrets come from environment variables and --secret files"_s));
        QVERIFY(!alertdeck.err.contains(u"file-token-2"_s));
        alertdeck.process.terminate();
        QVERIFY(alertdeck.process.waitForFinished(20'000));
    }

    void headlessUnreadableSecretFileIsFatal()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(u"no-such-token"_s);
        const RunResult result = run({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path(),
                                      u"--secret"_s, u"LISTENER_TOKEN=@"_s + missing});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"Cannot read the secret file %1"_s.arg(missing)), qPrintable(result.err));
        QVERIFY(!result.err.contains(u"listening on"_s)); // never started half-configured
    }

    // An empty secret is no secret: a user name alone, or a password file that is
    // empty, must not pass for authentication on a listener others can reach.
    void headlessRefusesEmptyListenerCredentials_data()
    {
        QTest::addColumn<QStringList>("extraArguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("user alone") << QStringList() << u"\"ops\" has no password"_s;
        QTest::newRow("empty password file")
            << QStringList{u"--secret"_s, u"LISTENER_PASSWORD=@/dev/null"_s} << u"/dev/null is empty"_s;
    }

    void headlessRefusesEmptyListenerCredentials()
    {
        QFETCH(QStringList, extraArguments);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        QProcessEnvironment env = alertdeck.process.processEnvironment();
        env.insert(u"ALERTDECK_LISTENER_USER"_s, u"ops"_s);
        alertdeck.process.setProcessEnvironment(env);
        QSignalSpy done(&alertdeck.process, &QProcess::finished);
        alertdeck.start(
            QStringList{u"--headless"_s, u"--listen"_s, u"0.0.0.0:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)}
            + extraArguments);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20'000);
        QCOMPARE(alertdeck.process.exitCode(), 1);
        QVERIFY2(alertdeck.err.contains(expected), qPrintable(alertdeck.err));
        QVERIFY(!alertdeck.err.contains(u"listening on"_s));
    }

    // 200 clients that connect and say nothing, with 128 file descriptors: the
    // listener keeps answering (idle clients make room) and does not spin.
    void headlessKeepsAnsweringWithFewFileDescriptors()
    {
        const QString prlimit = QStandardPaths::findExecutable(u"prlimit"_s);
        QVERIFY2(!prlimit.isEmpty(), "prlimit (util-linux) is needed");
        QTemporaryDir dir;
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.process.start(prlimit,
                                {u"--nofile=128:128"_s, QLatin1String(ALERTDECK_BINARY), u"--headless"_s, u"--listen"_s,
                                 u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(alertdeck.err) != 0, 20'000);
        const quint16 port = listeningPort(alertdeck.err);
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        int connected = 0;
        for (int i = 0; i < 200; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            connect(idle.back().get(), &QTcpSocket::connected, this, [&connected] { ++connected; });
            idle.back()->connectToHost(QHostAddress::LocalHost, port);
        }
        QTRY_COMPARE(connected, 200); // the older ones are then closed to make room
        for (int i = 0; i < 20; ++i)
            QCOMPARE(HttpTestClient::get(port, "/healthz").status, 200);
        const QByteArray metrics = HttpTestClient::get(port, "/metrics").body;
        QVERIFY2(metrics.contains("alertdeck_listener_connections_dropped_total{reason=\"evicted\"}"),
                 metrics.constData());
        QVERIFY2(!metrics.contains("reason=\"accept_error\""), metrics.constData());
        QCOMPARE(alertdeck.process.state(), QProcess::Running);
        alertdeck.process.terminate();
        QVERIFY(alertdeck.process.waitForFinished(20'000));
    }

    // Every secret set to a unique marker, the listener's auth exercised (accepted and
    // refused, Bearer, Basic and a Grafana signature), debug logging on: no marker may
    // appear in the data directory, the settings, the logs or the exported history.
    void secretsNeverLeak()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(u"data"_s);
        const QString configDir = dir.filePath(u"config"_s);
        QHash<QString, QString> markers;
        for (const SecretId &id : Secrets::known())
            markers.insert(id.environmentVariable(), u"leak-marker-%1-9f3c"_s.arg(id.shortName().toLower()));
        QByteArray grafanaBody;
        {
            AlertDeckProcess alertdeck(configDir);
            QProcessEnvironment env = alertdeck.process.processEnvironment();
            for (auto it = markers.cbegin(); it != markers.cend(); ++it)
                env.insert(it.key(), it.value());
            env.insert(u"ALERTDECK_LISTENER_USER"_s, u"am"_s);
            alertdeck.process.setProcessEnvironment(env);
            alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir,
                             u"--log-level"_s, u"debug"_s});
            QTRY_VERIFY_WITH_TIMEOUT(listeningPort(alertdeck.err) != 0, 20'000);
            const quint16 port = listeningPort(alertdeck.err);
            const QByteArray token = markers.value(u"ALERTDECK_LISTENER_TOKEN"_s).toUtf8();
            const QByteArray password = markers.value(u"ALERTDECK_LISTENER_PASSWORD"_s).toUtf8();
            const QByteArray body = TestData::fixture(u"alertmanager/firing-single.json"_s);
            QCOMPARE(HttpTestClient::postJson(port, "/webhook", body, "Authorization: Bearer " + token + "\r\n").status,
                     200);
            QCOMPARE(HttpTestClient::postJson(port, "/webhook", body,
                                              "Authorization: Basic " + ("am:" + password).toBase64() + "\r\n")
                         .status,
                     200);
            // A client that almost knows the token: refused and logged, without either value.
            QCOMPARE(
                HttpTestClient::postJson(port, "/webhook", body, "Authorization: Bearer " + token + "x\r\n").status,
                401);
            grafanaBody = TestData::fixture(u"grafana/firing.json"_s);
            const QByteArray signature = QMessageAuthenticationCode::hash(
                                             grafanaBody, markers.value(u"ALERTDECK_GRAFANA_HMAC_SECRET"_s).toUtf8(),
                                             QCryptographicHash::Sha256)
                                             .toHex();
            QCOMPARE(HttpTestClient::postJson(port, "/webhook/grafana", grafanaBody,
                                              "Authorization: Bearer " + token
                                                  + "\r\nX-Grafana-Alerting-Signature: " + signature + "\r\n")
                         .status,
                     200);
            QCOMPARE(HttpTestClient::get(port, "/metrics").status, 200);
            alertdeck.process.terminate();
            QVERIFY(alertdeck.process.waitForFinished(20'000));
            const RunResult exported = run({u"history"_s, u"export"_s, u"--data-dir"_s, dataDir});
            QCOMPARE(exported.exitCode, 0);
            QCOMPARE(exported.out.count(u'\n'), 3);

            QStringList places{u"stderr"_s, u"history export"_s};
            QList<QByteArray> contents{alertdeck.err.toUtf8(), exported.out.toUtf8() + exported.err.toUtf8()};
            QDirIterator files(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile file(files.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                places << file.fileName();
                contents << file.readAll();
            }
            QVERIFY(places.size() > 3); // the store (and its WAL) were searched
            for (qsizetype i = 0; i < places.size(); ++i)
                for (const QString &marker : std::as_const(markers)) {
                    QVERIFY2(!contents.at(i).contains(marker.toUtf8()),
                             qPrintable(u"%1 found in %2"_s.arg(marker, places.at(i))));
                    // Nor in base64 (a Basic header written down whole).
                    QVERIFY2(!contents.at(i).contains(("am:" + marker.toUtf8()).toBase64()),
                             qPrintable(u"Basic credentials found in %1"_s.arg(places.at(i))));
                }
        }
    }

    void contextPlansAndFetches()
    {
        FakeHttpServer prometheus;
        QVERIFY(prometheus.listen());
        prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        FakeHttpServer loki;
        QVERIFY(loki.listen());
        loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-limited.json"_s)});
        const QString payload = TestData::fixturePath(u"alertmanager/firing-single.json"_s);
        QVERIFY(QFile::exists(payload));

        // Runs the binary while this test's fake servers keep answering.
        auto runWithServers = [](const QStringList &arguments) {
            AlertDeckProcess alertdeck(QDir::tempPath());
            QString out;
            QObject::connect(&alertdeck.process, &QProcess::readyReadStandardOutput,
                             [&] { out += QString::fromUtf8(alertdeck.process.readAllStandardOutput()); });
            alertdeck.start(arguments);
            QSignalSpy done(&alertdeck.process, &QProcess::finished);
            const bool finished = done.wait(30'000);
            out += QString::fromUtf8(alertdeck.process.readAllStandardOutput());
            return RunResult{finished ? alertdeck.process.exitCode() : -1, alertdeck.process.exitStatus(), out,
                             alertdeck.err};
        };

        // Planned only.
        RunResult result = runWithServers({u"context"_s, u"--payload"_s, payload});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(u"Alert 1 of 1: HighCPUUsage (warning, firing) from alertmanager"_s),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(u"threshold 1"_s));
        QVERIFY(result.out.contains(u"CPU busy %"_s));
        QVERIFY(result.out.contains(u"{host=\"127.0.0.1\"} |~"_s));

        // An expression too long to chart is named as such, not as "no PromQL".
        QTemporaryDir dir;
        QJsonObject longEvent = QJsonDocument::fromJson(TestData::fixture(u"nightingale/event-firing.json"_s)).object();
        longEvent.insert(u"prom_ql"_s, u"a"_s + QString(20'000, u' ') + u"b > 1"_s);
        const QString longPayload
            = writeFile(dir.filePath(u"long.json"_s), QJsonDocument(longEvent).toJson(QJsonDocument::Compact));
        result = runWithServers({u"context"_s, u"--payload"_s, longPayload});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(u"too long to chart"_s) && !result.out.contains(u"has no PromQL"_s),
                 qPrintable(result.out));

        // Fetched from the fake Prometheus and Loki.
        result = runWithServers({u"context"_s, u"--payload"_s, payload, u"--prometheus"_s, prometheus.url().toString(),
                                 u"--loki"_s, loki.url().toString()});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(u"1 series"_s)
                     && result.out.contains(u"{instance=\"127.0.0.1:9100\", job=\"node\"}"_s),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(u"3 line(s)"_s));
        QVERIFY(result.out.contains(u"EXT4-fs warning"_s));
        QCOMPARE(prometheus.requests.size(), 5); // the expression and four node panels

        // JSON for scripts.
        result = runWithServers(
            {u"context"_s, u"--payload"_s, payload, u"--prometheus"_s, prometheus.url().toString(), u"--json"_s});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(json.value(u"alert"_s).toObject().value(u"name"_s).toString(), u"HighCPUUsage"_s);
        QCOMPARE(json.value(u"metrics"_s).toArray().size(), 5);
        QCOMPARE(json.value(u"metrics"_s).toArray().first().toObject().value(u"threshold"_s).toDouble(), 1.0);
        QVERIFY(json.value(u"metrics"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"series"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"points"_s)
                    .toInt()
                > 10);

        // Unreachable or failing services: said plainly, exit 1.
        prometheus.route("/api/v1/query_range", {400, errorBody(u"prometheus/query_range-bad-data.txt"_s)});
        result
            = runWithServers({u"context"_s, u"--payload"_s, payload, u"--prometheus"_s, prometheus.url().toString()});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains(u"Prometheus: bad_data: 1:33: parse error: unclosed left parenthesis"_s),
                 qPrintable(result.out));
        result = runWithServers({u"context"_s, u"--payload"_s, payload, u"--loki"_s, u"http://127.0.0.1:1"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains(u"Loki: Connection refused"_s), qPrintable(result.out));

        result = runWithServers({u"context"_s, u"--payload"_s, payload, u"--alert"_s, u"3"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(u"holds 1 alert(s); there is no alert 3"_s));
        QCOMPARE(run({u"context"_s}).exitCode, 2); // --payload missing
        QCOMPARE(run({u"--payload"_s, payload}).exitCode, 2); // only for context
    }

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
            QProcessEnvironment env = alertdeck.process.processEnvironment();
            env.insert(u"ALERTDECK_DESTINATION_OPS_TARGET"_s,
                       dingTalk.url().toString() + u"/robot/send?access_token=tok-cli-4411"_s);
            env.insert(u"ALERTDECK_DESTINATION_OPS_SIGNING_SECRET"_s, u"SEC-cli-5522"_s);
            env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
            alertdeck.process.setProcessEnvironment(env);
            alertdeck.start(QStringList{u"forward"_s, u"--payload"_s, payload} + extra);
            QSignalSpy done(&alertdeck.process, &QProcess::finished);
            const bool finished = done.wait(30'000);
            alertdeck.err += QString::fromUtf8(alertdeck.process.readAllStandardError());
            return RunResult{finished ? alertdeck.process.exitCode() : -1, alertdeck.process.exitStatus(),
                             QString::fromUtf8(alertdeck.process.readAllStandardOutput()), alertdeck.err};
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
        QProcessEnvironment relayEnv = relay.process.processEnvironment();
        relayEnv.insert(u"ALERTDECK_SECRET_MM_OPS"_s, mattermost.url().toString() + u"/hooks/ops"_s);
        relay.process.setProcessEnvironment(relayEnv);
        relay.start({u"--headless"_s, u"--config"_s, config.fileName(), u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(relay.err) != 0, 20'000);
        relay.process.terminate();
        QVERIFY(relay.process.waitForFinished(20'000));

        const QString payload = TestData::fixturePath(u"alertmanager/firing-single.json"_s);
        auto forward = [&](const QStringList &extra, bool withEnvironment) {
            AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
            QProcessEnvironment env = alertdeck.process.processEnvironment();
            if (withEnvironment)
                env.insert(u"ALERTDECK_SECRET_MM_OPS"_s, mattermost.url().toString() + u"/hooks/ops"_s);
            env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
            alertdeck.process.setProcessEnvironment(env);
            alertdeck.start(QStringList{u"forward"_s, u"--config"_s, config.fileName(), u"--payload"_s, payload,
                                        u"--to"_s, u"#ops"_s}
                            + extra);
            QSignalSpy done(&alertdeck.process, &QProcess::finished);
            const bool finished = done.wait(30'000);
            return RunResult{finished ? alertdeck.process.exitCode() : -1, alertdeck.process.exitStatus(),
                             QString::fromUtf8(alertdeck.process.readAllStandardOutput()),
                             alertdeck.err + QString::fromUtf8(alertdeck.process.readAllStandardError())};
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

    void analyzeStreamsToStdout()
    {
        FakeHttpServer provider;
        QVERIFY(provider.listen());
        FakeHttpServer::Response stream;
        stream.contentType = "text/event-stream";
        for (const QByteArray &event : TestData::fixture(u"llm/deepseek-reasoner.sse"_s).split('\n'))
            if (!event.isEmpty())
                stream.chunks << event + "\n\n";
        provider.route("/v1/chat/completions", stream);
        const QString payload = TestData::fixturePath(u"alertmanager/firing-single.json"_s);
        QTemporaryDir config;

        auto analyze = [&](const QStringList &extra, const QString &key) {
            AlertDeckProcess alertdeck(config.path());
            QProcessEnvironment env = alertdeck.process.processEnvironment();
            env.insert(u"ALERTDECK_DEEPSEEK_API_KEY"_s, key);
            env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
            alertdeck.process.setProcessEnvironment(env);
            QString out;
            QObject::connect(&alertdeck.process, &QProcess::readyReadStandardOutput,
                             [&] { out += QString::fromUtf8(alertdeck.process.readAllStandardOutput()); });
            alertdeck.start(QStringList{u"analyze"_s, u"--payload"_s, payload, u"--base-url"_s,
                                        provider.url().toString() + u"/v1"_s}
                            + extra);
            QSignalSpy done(&alertdeck.process, &QProcess::finished);
            const bool finished = done.wait(30'000);
            out += QString::fromUtf8(alertdeck.process.readAllStandardOutput());
            alertdeck.err += QString::fromUtf8(alertdeck.process.readAllStandardError());
            return RunResult{finished ? alertdeck.process.exitCode() : -1, alertdeck.process.exitStatus(), out,
                             alertdeck.err};
        };

        RunResult result = analyze({u"--model"_s, u"deepseek-reasoner"_s, u"--no-context"_s}, u"sk-cli-test-7788"_s);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QString::fromUtf8(TestData::fixture(u"llm/deepseek-reasoner.expected.md"_s)) + u'\n');
        QVERIFY2(result.err.contains(
                     QString::fromUtf8(TestData::fixture(u"llm/deepseek-reasoner.expected-reasoning.txt"_s))),
                 qPrintable(result.err));
        QVERIFY(result.err.contains(u"prompt + "_s));
        QVERIFY(!result.err.contains(u"sk-cli-test-7788"_s));
        QCOMPARE(provider.requests.size(), 1);
        const HttpRequest &sent = provider.requests.first();
        QCOMPARE(sent.header("authorization"), "Bearer sk-cli-test-7788");
        const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
        QCOMPARE(body.value(u"model"_s).toString(), u"deepseek-reasoner"_s);
        QCOMPARE(body.value(u"stream"_s).toBool(), true);
        QVERIFY(body.value(u"messages"_s)
                    .toArray()
                    .at(1)
                    .toObject()
                    .value(u"content"_s)
                    .toString()
                    .contains(u"\"name\": \"HighCPUUsage\""_s));

        // The same plain message as the window, and a failing exit.
        provider.route("/v1/chat/completions", {401, TestData::fixture(u"llm/error-401.json"_s)});
        result = analyze({u"--no-context"_s}, u"sk-cli-wrong-1234"_s);
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.contains(u"alertdeck: Failed: API key rejected (HTTP 401)"_s), qPrintable(result.err));
        QCOMPARE(result.err.count(u"API key rejected"_s), 1);

        QCOMPARE(run({u"analyze"_s}).exitCode, 2); // --payload missing
        QCOMPARE(run({u"analyze"_s, u"--payload"_s, payload, u"--json"_s}).exitCode, 2);
        QCOMPARE(run({u"context"_s, u"--payload"_s, payload, u"--model"_s, u"m"_s}).exitCode, 2);
        QCOMPARE(run({u"analyze"_s, u"--payload"_s, payload, u"--base-url"_s, u"api.deepseek.com"_s}).exitCode, 2);
    }

    void analyzeDoesNotFollowARedirectToAnotherServer()
    {
        // The configured provider answers with a redirect to another origin (another port).
        FakeHttpServer provider;
        FakeHttpServer elsewhere;
        QVERIFY(provider.listen());
        QVERIFY(elsewhere.listen());
        QUrl target = elsewhere.url();
        target.setPath(u"/v1/chat/completions"_s);
        target.setQuery(u"session=abc123"_s);
        provider.route("/v1/chat/completions", FakeHttpServer::redirect(307, target));
        QTemporaryDir config;
        AlertDeckProcess alertdeck(config.path());
        QProcessEnvironment env = alertdeck.process.processEnvironment();
        env.insert(u"ALERTDECK_DEEPSEEK_API_KEY"_s, u"sk-test-redirect-6655"_s);
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        alertdeck.process.setProcessEnvironment(env);
        alertdeck.start({u"analyze"_s, u"--payload"_s, TestData::fixturePath(u"alertmanager/firing-single.json"_s),
                         u"--no-context"_s, u"--base-url"_s, provider.url().toString() + u"/v1"_s});
        QSignalSpy done(&alertdeck.process, &QProcess::finished);
        QVERIFY(done.wait(30'000));
        alertdeck.err += QString::fromUtf8(alertdeck.process.readAllStandardError());

        QCOMPARE(alertdeck.process.exitCode(), 1);
        QCOMPARE(provider.requests.size(), 1);
        QCOMPARE(provider.requests.first().header("authorization"), "Bearer sk-test-redirect-6655");
        QVERIFY2(elsewhere.requests.isEmpty(),
                 elsewhere.requests.isEmpty() ? "" : elsewhere.requests.first().header("authorization").constData());
        const QString other = u"http://127.0.0.1:%1"_s.arg(elsewhere.port());
        QVERIFY2(alertdeck.err.contains(u"redirected to %1, a different origin"_s.arg(other)),
                 qPrintable(alertdeck.err));
        QVERIFY2(alertdeck.err.contains(u"does not send credentials"_s), qPrintable(alertdeck.err));
        QVERIFY(!alertdeck.err.contains(u"abc123"_s));
        QVERIFY(!alertdeck.err.contains(u"sk-test-redirect-6655"_s));
    }

    void acknowledgedPayloadsSurviveSigkill()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(u"data"_s);
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(alertdeck.err) != 0, 20'000);
        const quint16 port = listeningPort(alertdeck.err);

        // 400 single-alert payloads, 50 in flight at a time; SIGKILL after 150 answers.
        constexpr int total = 400;
        constexpr int inFlight = 50;
        QStringList acknowledged;
        int started = 0;
        int finished = 0;
        bool killed = false;
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        std::function<void()> startNext = [&] {
            if (started >= total || killed)
                return;
            const QString fingerprint = u"%1"_s.arg(started++, 16, 10, QChar(u'0'));
            const QByteArray body
                = QJsonDocument(
                      QJsonObject{{u"version"_s, u"4"_s},
                                  {u"alerts"_s,
                                   QJsonArray{QJsonObject{{u"status"_s, u"firing"_s},
                                                          {u"labels"_s, QJsonObject{{u"alertname"_s, u"Durable"_s}}},
                                                          {u"startsAt"_s, u"2026-11-22T03:00:00Z"_s},
                                                          {u"fingerprint"_s, fingerprint}}}}})
                      .toJson();
            auto socket = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = socket.get();
            auto received = std::make_shared<QByteArray>();
            QObject::connect(raw, &QTcpSocket::connected, raw, [raw, body] {
                raw->write("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: "
                           "close\r\n"
                           "Content-Length: "
                           + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            });
            QObject::connect(raw, &QTcpSocket::readyRead, raw, [raw, received] { *received += raw->readAll(); });
            auto done = std::make_shared<bool>(false);
            auto finish = [&, received, done, fingerprint] {
                if (std::exchange(*done, true))
                    return;
                ++finished;
                if (received->startsWith("HTTP/1.1 200"))
                    acknowledged.append(fingerprint);
                if (acknowledged.size() >= 150 && !killed) {
                    killed = true;
                    alertdeck.process.kill(); // SIGKILL: no chance to flush anything
                }
                startNext();
            };
            QObject::connect(raw, &QTcpSocket::disconnected, raw, finish);
            QObject::connect(raw, &QTcpSocket::errorOccurred, raw, finish);
            raw->connectToHost(QHostAddress::LocalHost, port);
            sockets.push_back(std::move(socket));
        };
        for (int i = 0; i < inFlight; ++i)
            startNext();
        QTRY_VERIFY_WITH_TIMEOUT(killed && finished == started, 60'000);
        QTRY_COMPARE_WITH_TIMEOUT(alertdeck.process.state(), QProcess::NotRunning, 10'000);
        QCOMPARE(alertdeck.process.exitStatus(), QProcess::CrashExit);
        qInfo("%d acknowledged of %d sent before SIGKILL", int(acknowledged.size()), started);

        // Restart on the same store: it opens after the crash, then stop it cleanly.
        AlertDeckProcess restarted(dir.filePath(u"config"_s));
        restarted.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(restarted.err) != 0, 20'000);
        // The listener starts as soon as the store is open; the table fills right after.
        QTRY_VERIFY2_WITH_TIMEOUT(restarted.err.contains(u"restored"_s), qPrintable(restarted.err), 20'000);
        restarted.process.terminate();
        QVERIFY(restarted.process.waitForFinished(20'000));
        QCOMPARE(restarted.process.exitCode(), 0);

        QSet<QString> stored;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            db.setDatabaseName(dataDir + u"/alerts.sqlite"_s);
            QVERIFY(db.open());
            QSqlQuery query(u"SELECT fingerprint FROM alerts"_s, db);
            while (query.next())
                stored.insert(query.value(0).toString());
        }
        QSqlDatabase::removeDatabase(u"check"_s);
        for (const QString &fingerprint : std::as_const(acknowledged))
            QVERIFY2(stored.contains(fingerprint), qPrintable(u"acknowledged but lost: "_s + fingerprint));
    }

    void corruptStoreIsFatalHeadless()
    {
        QTemporaryDir dir;
        QFile store(dir.filePath(u"alerts.sqlite"_s));
        QVERIFY(store.open(QIODevice::WriteOnly));
        store.write(QByteArray(8192, '\x7f'));
        store.close();
        const RunResult result = run({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path()});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(store.fileName()) && result.err.contains(u"left untouched"_s),
                 qPrintable(result.err));
    }

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
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.err.contains(u"main window shown"_s), 20'000);
        // The listener starts once the store is open, after the window is shown.
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.err.contains(u"is in use"_s), 20'000);
        QCOMPARE(alertdeck.process.state(), QProcess::Running);

        alertdeck.process.terminate(); // closes the window like the user would
        QVERIFY(alertdeck.process.waitForFinished(20'000));
        QCOMPARE(alertdeck.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(alertdeck.process.exitCode(), 0);

        // Closing saved the layout for the next run, in the user's config, not the data dir.
        const QSettings saved(dir.filePath(u"config/AlertDeck/AlertDeck.conf"_s), QSettings::IniFormat);
        for (const QString &key : {u"MainWindow/geometry"_s, u"MainWindow/windowState"_s, u"MainWindow/splitter"_s,
                                   u"MainWindow/alertTableHeader"_s})
            QVERIFY2(!saved.value(key).toByteArray().isEmpty(), qPrintable(key));
    }

    // The window's services (AppServices; headless here, the same wiring) and `alertdeck
    // analyze` read the same saved settings into the same context requests: every query,
    // the window, the log limit and filter, the extra charts, the label map and the
    // credentials.
    void analyzeGathersTheSameContextAsTheWindow()
    {
        FakeHttpServer prometheus;
        FakeHttpServer loki;
        FakeHttpServer provider;
        QVERIFY(prometheus.listen() && loki.listen() && provider.listen());
        prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-streams.json"_s)});
        FakeHttpServer::Response stream;
        stream.contentType = "text/event-stream";
        for (const QByteArray &event : TestData::fixture(u"llm/deepseek-chat.sse"_s).split('\n'))
            if (!event.isEmpty())
                stream.chunks << event + "\n\n";
        provider.route("/v1/chat/completions", stream);

        QTemporaryDir dir;
        const QString queries
            = writeFile(dir.filePath(u"queries.txt"_s),
                        "match job=\"node\"\nquery Load = node_load1{instance=\"${labels.instance}\"}\n"
                        "loki instance -> hostname strip-port\n");
        QVERIFY(!queries.isEmpty());
        {
            QSettings saved(dir.filePath(u"config/AlertDeck/AlertDeck.conf"_s), QSettings::IniFormat);
            saved.setValue(u"DataSources/prometheusUrls"_s, QStringList{prometheus.url().toString()});
            saved.setValue(u"DataSources/prometheusUser"_s, u"prom-reader"_s);
            saved.setValue(u"DataSources/lokiUrl"_s, loki.url().toString());
            saved.setValue(u"DataSources/lokiUser"_s, u"loki-reader"_s);
            saved.setValue(u"DataSources/lokiOrgId"_s, u"team-a"_s);
            saved.setValue(u"Context/minutesBefore"_s, 45);
            saved.setValue(u"Context/minutesAfter"_s, 5);
            saved.setValue(u"Context/logLineLimit"_s, 37);
            saved.setValue(u"Context/filterLogLines"_s, false);
            saved.setValue(u"Context/queriesFile"_s, queries);
            saved.setValue(u"Analysis/baseUrl"_s, provider.url().toString() + u"/v1"_s);
        }
        // A critical alert (the window fetches its context as it arrives) that started
        // long enough ago for its window to end before now, in both runs.
        QByteArray payload = TestData::fixture(u"alertmanager/firing-single.json"_s);
        payload.replace("\"severity\":\"warning\"", "\"severity\":\"critical\"");
        payload.replace("2026-11-22T03:55:59.083Z",
                        QDateTime::currentDateTimeUtc().addSecs(-2 * 3600).toString(Qt::ISODateWithMs).toUtf8());
        const QString payloadFile = writeFile(dir.filePath(u"payload.json"_s), payload);
        QVERIFY(!payloadFile.isEmpty());
        const auto withSecrets = [](AlertDeckProcess &alertdeck) {
            QProcessEnvironment env = alertdeck.process.processEnvironment();
            env.insert(u"ALERTDECK_DEEPSEEK_API_KEY"_s, u"sk-cli-context-5511"_s);
            env.insert(u"ALERTDECK_PROMETHEUS_PASSWORD"_s, u"prom-pass-1"_s);
            env.insert(u"ALERTDECK_LOKI_PASSWORD"_s, u"loki-pass-2"_s);
            env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
            alertdeck.process.setProcessEnvironment(env);
        };
        // What Prometheus and Loki were asked, in a stable order.
        const auto received = [&] {
            QStringList requests;
            for (const FakeHttpServer *server : {&prometheus, &loki})
                for (const HttpRequest &request : server->requests)
                    requests << QString::fromUtf8(request.method + ' ' + request.target
                                                  + " authorization=" + request.header("authorization") + " org="
                                                  + request.header("x-scope-orgid") + " body=" + request.body);
            requests.sort();
            return requests;
        };

        AlertDeckProcess analyze(dir.filePath(u"config"_s));
        withSecrets(analyze);
        analyze.start({u"analyze"_s, u"--payload"_s, payloadFile});
        QSignalSpy analyzed(&analyze.process, &QProcess::finished);
        QVERIFY(analyzed.wait(30'000));
        analyze.err += QString::fromUtf8(analyze.process.readAllStandardError());
        QVERIFY2(analyze.process.exitCode() == 0, qPrintable(analyze.err));
        const QStringList cli = received();
        const QString asked = cli.join(u'\n');
        QVERIFY2(asked.contains(u"node_load1"_s), qPrintable(asked)); // the extra chart
        // The label map, and no line filter.
        QVERIFY2(asked.contains(u"query=%7Bhostname%3D%22127.0.0.1%22%7D&"_s), qPrintable(asked));
        QVERIFY2(asked.contains(u"limit=37"_s), qPrintable(asked));
        QVERIFY2(asked.contains(u"authorization=Basic "_s
                                + QString::fromLatin1(QByteArray("prom-reader:prom-pass-1").toBase64())),
                 qPrintable(asked));
        QVERIFY2(asked.contains(u"authorization=Basic "_s
                                + QString::fromLatin1(QByteArray("loki-reader:loki-pass-2").toBase64())
                                + u" org=team-a"_s),
                 qPrintable(asked));
        prometheus.requests.clear();
        loki.requests.clear();

        AlertDeckProcess window(dir.filePath(u"config"_s));
        withSecrets(window);
        window.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(window.err) != 0, 20'000);
        QCOMPARE(HttpTestClient::postJson(listeningPort(window.err), "/webhook", payload).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(received(), cli, 20'000);
        window.process.terminate();
        QVERIFY(window.process.waitForFinished(20'000));
        QCOMPARE(received(), cli); // and nothing else afterwards

        // The command line and the environment override the saved URLs and credentials.
        FakeHttpServer otherPrometheus;
        QVERIFY(otherPrometheus.listen());
        otherPrometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        loki.requests.clear();
        AlertDeckProcess overridden(dir.filePath(u"config"_s));
        withSecrets(overridden);
        QProcessEnvironment env = overridden.process.processEnvironment();
        env.insert(u"ALERTDECK_LOKI_USER"_s, u"env-reader"_s);
        env.insert(u"ALERTDECK_LOKI_PASSWORD"_s, u"env-pass-4"_s);
        env.insert(u"ALERTDECK_LOKI_ORG_ID"_s, u"team-b"_s);
        overridden.process.setProcessEnvironment(env);
        overridden.start(
            {u"analyze"_s, u"--payload"_s, payloadFile, u"--prometheus"_s, otherPrometheus.url().toString()});
        QSignalSpy overriddenDone(&overridden.process, &QProcess::finished);
        QVERIFY(overriddenDone.wait(30'000));
        QCOMPARE(overridden.process.exitCode(), 0);
        QCOMPARE(otherPrometheus.requests.size(), prometheus.requests.size());
        QCOMPARE(otherPrometheus.requests.first().header("authorization"),
                 "Basic " + QByteArray("prom-reader:prom-pass-1").toBase64());
        QCOMPARE(loki.requests.size(), 1);
        QCOMPARE(loki.requests.first().header("authorization"),
                 "Basic " + QByteArray("env-reader:env-pass-4").toBase64());
        QCOMPARE(loki.requests.first().header("x-scope-orgid"), QByteArray("team-b"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
