// The start-up wiring: the listener waits for the store and its credentials, and
// follows saved settings live.

#include "AppServices.h"
#include "HttpTestClient.h"
#include "context/ContextService.h"
#include "context/ContextTemplates.h"
#include "ingest/HttpListener.h"
#include "ingest/IngestService.h"
#include "settings/AppSettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAppServices : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static CommandLineOptions headless()
    {
        CommandLineOptions options = CommandLineOptions::parse({u"alertdeck"_s, u"--headless"_s});
        return options;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("ALERTDECK_LISTENER_TOKEN", "services-token-1");
    }

    void init() { AppSettings().setValue(Settings::listenAddress, u"127.0.0.1:0"_s); }

    void listenerStartsWithStoredCredentialsAndRebindsLive()
    {
        AppServices services(headless(), m_dir.path());
        QSignalSpy ready(&services, &AppServices::readyToListen);
        services.start();
        QVERIFY(ready.wait());
        QVERIFY(services.startListener());
        const quint16 first = services.listener()->boundAddress().port;
        QCOMPARE(HttpTestClient::postJson(first, "/webhook", R"({"alerts":[]})").status, 401);
        QCOMPARE(HttpTestClient::postJson(first, "/webhook", R"({"alerts":[]})",
                                          "Authorization: Bearer services-token-1\r\n")
                     .status,
                 200);

        // Settings saved elsewhere (the dialog): a new body limit and another port.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 second = probe.serverPort();
        probe.close();
        services.settings()->setValue(Settings::listenAddress, u"127.0.0.1:%1"_s.arg(second));
        services.settings()->setValue(Settings::bodyLimitMiB, 1);
        services.reconfigureListener();
        QTRY_COMPARE(services.listener()->boundAddress().port, second);
        QCOMPARE(services.listener()->state(), HttpListener::State::Listening);
        QCOMPARE(HttpTestClient::get(first, "/healthz").status, 0); // the old port is closed
        // (Plain string literals: moc in Qt 6.4 loses track of a raw string that starts with a quote.)
        const QByteArray big = "{\"alerts\":[],\"pad\":\"" + QByteArray(1024 * 1024, 'x') + "\"}";
        QCOMPARE(HttpTestClient::postJson(second, "/webhook", big, "Authorization: Bearer services-token-1\r\n").status,
                 413);
    }

    void contextSourcesFromSettingsAndTheQueriesFile()
    {
        QDir().mkpath(QFileInfo(ContextTemplates::filePath()).absolutePath());
        QFile file(ContextTemplates::filePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("match job=\"node\"\nquery Load = node_load1\nloki instance -> hostname strip-port\n");
        file.close();
        AppSettings settings;
        settings.setValue(Settings::prometheusUrls, QStringList{u"http://prom:9090"_s});
        settings.setValue(Settings::lokiUrl, u"http://loki:3100"_s);
        settings.setValue(Settings::lokiOrgId, u"team-a"_s);
        settings.setValue(Settings::contextMinutesBefore, 45);
        AppServices services(headless(), m_dir.path());
        services.configureContext();
        const ContextService::Sources &sources = services.context()->sources();
        QCOMPARE(sources.prometheus.url, QUrl(u"http://prom:9090"_s));
        QCOMPARE(sources.loki.headers.constFirst().second, QByteArray("team-a"));
        QCOMPARE(sources.window.minutesBefore, 45);
        QCOMPARE(sources.templates.templates.size(), 1);
        QCOMPARE(sources.labelRules.size(), 1);
        QCOMPARE(sources.labelRules.first().lokiLabel, u"hostname"_s);
        QFile::remove(ContextTemplates::filePath());
        settings.setValue(Settings::prometheusUrls, QStringList());
        settings.setValue(Settings::lokiUrl, QString());
    }

    void retentionFollowsTheSetting()
    {
        AppServices services(headless(), m_dir.path());
        QSignalSpy ready(&services, &AppServices::readyToListen);
        services.start();
        QVERIFY(ready.wait());
        services.settings()->setValue(Settings::retentionDays, 7);
        QCOMPARE(services.ingest()->retentionDays(), 7);
    }
};

QTEST_GUILESS_MAIN(TestAppServices)
#include "tst_appservices.moc"
