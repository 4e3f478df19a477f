// alertdeck --headless as a service manager runs it: data directory, single instance,
// clean stop on SIGTERM, durability across SIGKILL, refusals that say why.

#include "CliTestSupport.h"
#include "FileModes.h"
#include "HttpTestClient.h"
#include "TestData.h"
#include "store/AlertStore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestCliHeadless : public QObject
{
    Q_OBJECT

private slots:
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
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.listeningPort() != 0, 20'000);
        QVERIFY(alertdeck.standardError().contains(dir.filePath(u"data"_s)));

        const HttpTestResponse health = HttpTestClient::get(alertdeck.listeningPort(), "/healthz");
        QCOMPARE(health.status, 200);

        QVERIFY(alertdeck.terminateAndWait()); // SIGTERM
        QCOMPARE(alertdeck.exitStatus(), QProcess::NormalExit);
        QCOMPARE(alertdeck.exitCode(), 0);
        QTRY_VERIFY(alertdeck.standardError().contains(u"stopped cleanly"_s));
    }

    // The listener's threads hand memory to each other on every request; the binary is
    // linked against jemalloc for that (app/MemoryAllocator.h) and says which malloc()
    // actually serves it, found by allocating.
    void theLogNamesTheAllocatorThatServesTheProcess()
    {
        QTemporaryDir dir;
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.listeningPort() != 0, 20'000);
#ifdef ALERTDECK_EXPECT_JEMALLOC
        const QString expected = u"memory allocator: jemalloc 5."_s;
#else
        const QString expected = u"memory allocator: the C library's"_s;
#endif
        QVERIFY2(alertdeck.standardError().contains(expected), qPrintable(alertdeck.standardError()));
        QVERIFY(alertdeck.terminateAndWait());
        QCOMPARE(alertdeck.exitCode(), 0);
    }

    void dataStaysPrivateWhateverTheUmask()
    {
        const LaxUmask lax; // the child inherits it
        QTemporaryDir dir;
        QVERIFY(QDir().mkdir(dir.filePath(u"runtime"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.setEnvironmentVariable(u"XDG_DATA_HOME"_s,
                                         dir.filePath(u"data-home"_s)); // the default data directory
        alertdeck.setEnvironmentVariable(u"XDG_RUNTIME_DIR"_s, dir.filePath(u"runtime"_s)); // the single-instance lock
        alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s});
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.listeningPort() != 0, 20'000);
        QCOMPARE(HttpTestClient::postJson(alertdeck.listeningPort(), "/webhook",
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
        QStringList files = AlertStore::filesOf(store); // the payload journal's too
        files << lock;
        for (const QString &file : std::as_const(files))
            QVERIFY2(fileMode(file) == 0600, qPrintable(u"%1: %2"_s.arg(file).arg(fileMode(file), 0, 8)));

        QVERIFY(alertdeck.terminateAndWait());
        QCOMPARE(alertdeck.exitCode(), 0);
    }

    void oneAlertDeckPerStoreProfilesApart()
    {
        QTemporaryDir dir;
        AlertDeckProcess first(dir.filePath(u"config"_s));
        first.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(first.listeningPort() != 0, 20'000);

        // The same store again: refused, and said why; the first one goes on.
        AlertDeckProcess again(dir.filePath(u"config"_s));
        again.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QVERIFY(again.waitForFinished(20s));
        QCOMPARE(again.exitCode(), 1);
        QTRY_VERIFY2(again.standardError().contains(u"already running"_s), qPrintable(again.standardError()));
        QCOMPARE(HttpTestClient::get(first.listeningPort(), "/healthz").status, 200);

        // A profile has its own settings and store (under the XDG folders) and runs beside it.
        AlertDeckProcess staging(dir.filePath(u"config"_s));
        staging.setEnvironmentVariable(u"XDG_DATA_HOME"_s, dir.filePath(u"share"_s));
        staging.start({u"--headless"_s, u"--profile"_s, u"staging"_s, u"--listen"_s, u"127.0.0.1:0"_s});
        QTRY_VERIFY_WITH_TIMEOUT(staging.listeningPort() != 0, 20'000);
        QVERIFY2(staging.standardError().contains(dir.filePath(u"share/AlertDeck/AlertDeck-staging"_s)),
                 qPrintable(staging.standardError()));
        QCOMPARE(HttpTestClient::get(staging.listeningPort(), "/healthz").status, 200);

        // A crash leaves the lock behind: the next start takes it over.
        first.kill();
        QVERIFY(first.waitForFinished());
        AlertDeckProcess afterCrash(dir.filePath(u"config"_s));
        afterCrash.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(afterCrash.listeningPort() != 0, 20'000);
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
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.listeningPort() != 0, 20'000);
        QVERIFY2(alertdeck.standardError().contains(u"data directory: "_s + chosen),
                 qPrintable(alertdeck.standardError()));
        QVERIFY(QFileInfo::exists(chosen + u"/alerts.sqlite"_s));
        QVERIFY(alertdeck.terminateAndWait());
    }

    void headlessDemoLoadsSamples()
    {
        QTemporaryDir dir;
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.start({u"--headless"_s, u"--demo"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path()});
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.standardError().contains(u"loaded 7 demo alerts"_s), 20'000);
        QVERIFY(alertdeck.terminateAndWait());
        QCOMPARE(alertdeck.exitCode(), 0);
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

    // 200 clients that connect and say nothing, with 128 file descriptors: the
    // listener keeps answering (idle clients make room) and does not spin.
    void headlessKeepsAnsweringWithFewFileDescriptors()
    {
        const QString prlimit = QStandardPaths::findExecutable(u"prlimit"_s);
        QVERIFY2(!prlimit.isEmpty(), "prlimit (util-linux) is needed");
        QTemporaryDir dir;
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.start(prlimit,
                        {u"--nofile=128:128"_s, QLatin1String(ALERTDECK_BINARY), u"--headless"_s, u"--listen"_s,
                         u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.listeningPort() != 0, 20'000);
        const quint16 port = alertdeck.listeningPort();
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
        QCOMPARE(alertdeck.state(), QProcess::Running);
        QVERIFY(alertdeck.terminateAndWait());
    }

    void acknowledgedPayloadsSurviveSigkill()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(u"data"_s);
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir});
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.listeningPort() != 0, 20'000);
        const quint16 port = alertdeck.listeningPort();

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
                    alertdeck.kill(); // SIGKILL: no chance to flush anything
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
        QTRY_COMPARE_WITH_TIMEOUT(alertdeck.state(), QProcess::NotRunning, 10'000);
        QCOMPARE(alertdeck.exitStatus(), QProcess::CrashExit);
        qInfo("%d acknowledged of %d sent before SIGKILL", int(acknowledged.size()), started);

        // Restart on the same store: it opens after the crash, then stop it cleanly.
        AlertDeckProcess restarted(dir.filePath(u"config"_s));
        restarted.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir});
        QTRY_VERIFY_WITH_TIMEOUT(restarted.listeningPort() != 0, 20'000);
        // The listener starts as soon as the store is open; the table fills right after.
        QTRY_VERIFY2_WITH_TIMEOUT(restarted.standardError().contains(u"restored"_s),
                                  qPrintable(restarted.standardError()), 20'000);
        QVERIFY(restarted.terminateAndWait());
        QCOMPARE(restarted.exitCode(), 0);

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
};

QTEST_GUILESS_MAIN(TestCliHeadless)
#include "tst_cli_headless.moc"
