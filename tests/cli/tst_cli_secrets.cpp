// The headless listener's HTTPS and credentials: from the environment or --secret files,
// refused when empty, never written anywhere.

#include "CliTestSupport.h"
#include "HttpTestClient.h"
#include "TestData.h"
#include "secrets/SecretId.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestCliSecrets : public QObject
{
    Q_OBJECT

private slots:
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
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.listeningPort() != 0, 20'000);
        QVERIFY2(alertdeck.standardError().contains(u"listening on https://"_s), qPrintable(alertdeck.standardError()));
        const HttpTestResponse health
            = HttpTestClient::sendTls(alertdeck.listeningPort(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                                      QSslCertificate::fromData(TestData::file(u"tls/server.pem"_s)));
        QCOMPARE(health.status, 200);
        QVERIFY(alertdeck.terminateAndWait());
        QCOMPARE(alertdeck.exitCode(), 0);
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
        alertdeck.setEnvironmentVariable(u"ALERTDECK_LISTENER_TOKEN"_s, u"env-token-1"_s);
        alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path()});
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.listeningPort() != 0, 20'000);
        const QByteArray body = R"({"alerts":[]})";
        auto postWith = [&](const QByteArray &authorization) {
            return HttpTestClient::postJson(alertdeck.listeningPort(), "/webhook", body, authorization).status;
        };
        QCOMPARE(postWith({}), 401);
        QCOMPARE(postWith("Authorization: Bearer env-token-1\r\n"), 200);
        QVERIFY(!alertdeck.standardError().contains(u"env-token-1"_s)); // never logged
        QVERIFY(alertdeck.terminateAndWait());
    }

    void headlessSecretsFromFiles()
    {
        QTemporaryDir dir;
        QFile token(dir.filePath(u"token"_s));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("file-token-2\n");
        token.close();
        AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
        alertdeck.setEnvironmentVariable(u"ALERTDECK_LISTENER_TOKEN"_s,
                                         u"env-token-loses"_s); // a file wins over the environment
        alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s),
                         u"--secret"_s, u"LISTENER_TOKEN=@"_s + token.fileName()});
        QTRY_VERIFY_WITH_TIMEOUT(alertdeck.listeningPort() != 0, 20'000);
        auto postWith = [&](const QByteArray &authorization) {
            return HttpTestClient::postJson(alertdeck.listeningPort(), "/webhook", R"({"alerts":[]})", authorization)
                .status;
        };
        QCOMPARE(postWith("Authorization: Bearer env-token-loses\r\n"), 401);
        QCOMPARE(postWith("Authorization: Bearer file-token-2\r\n"), 200);
        QVERIFY(alertdeck.standardError().contains(u"secrets come from environment variables and --secret files"_s));
        QVERIFY(!alertdeck.standardError().contains(u"file-token-2"_s));
        QVERIFY(alertdeck.terminateAndWait());
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
        alertdeck.setEnvironmentVariable(u"ALERTDECK_LISTENER_USER"_s, u"ops"_s);
        alertdeck.start(
            QStringList{u"--headless"_s, u"--listen"_s, u"0.0.0.0:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)}
            + extraArguments);
        QVERIFY(alertdeck.waitForFinished(20s));
        QCOMPARE(alertdeck.exitCode(), 1);
        QVERIFY2(alertdeck.standardError().contains(expected), qPrintable(alertdeck.standardError()));
        QVERIFY(!alertdeck.standardError().contains(u"listening on"_s));
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
            for (auto it = markers.cbegin(); it != markers.cend(); ++it)
                alertdeck.setEnvironmentVariable(it.key(), it.value());
            alertdeck.setEnvironmentVariable(u"ALERTDECK_LISTENER_USER"_s, u"am"_s);
            alertdeck.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir,
                             u"--log-level"_s, u"debug"_s});
            QTRY_VERIFY_WITH_TIMEOUT(alertdeck.listeningPort() != 0, 20'000);
            const quint16 port = alertdeck.listeningPort();
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
            QVERIFY(alertdeck.terminateAndWait());
            const RunResult exported = run({u"history"_s, u"export"_s, u"--data-dir"_s, dataDir});
            QCOMPARE(exported.exitCode, 0);
            QCOMPARE(exported.out.count(u'\n'), 3);

            QStringList places{u"stderr"_s, u"history export"_s};
            QList<QByteArray> contents{alertdeck.standardError().toUtf8(),
                                       exported.out.toUtf8() + exported.err.toUtf8()};
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
};

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_cli_secrets.moc"
