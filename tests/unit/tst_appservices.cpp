// The start-up wiring: the listener waits for the store and its credentials, and
// follows saved settings live.

#include "AlertBuilder.h"
#include "AppServices.h"
#include "FakeHttpServer.h"
#include "TestDestinations.h"
#include "HttpTestClient.h"
#include "TestData.h"
#include "alertmanager/Acknowledgements.h"
#include "alertmanager/AlertmanagerSync.h"
#include "analysis/AnalysisService.h"
#include "context/ContextService.h"
#include "context/ContextTemplates.h"
#include "forward/ForwardService.h"
#include "ingest/HttpListener.h"
#include "model/AlertTableModel.h"
#include "replay/ReplaySession.h"
#include "settings/AppSettings.h"
#include "settings/ChatDestination.h"
#include "store/StoreService.h"

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

    void init()
    {
        AppSettings().setValue(Settings::listenAddress, u"127.0.0.1:0"_s);
        AppSettings().setValue(Settings::maxAlertsPerPayload, Settings::maxAlertsPerPayload.defaultValue);
        AppSettings().setValue(Settings::allowedOrigins, Settings::allowedOrigins.defaultValue);
    }

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
        services.settings()->setValue(Settings::maxAlertsPerPayload, 1);
        services.settings()->setValue(Settings::allowedOrigins, QStringList{u"https://tools.example.org"_s});
        services.reconfigureListener();
        QTRY_COMPARE(services.listener()->boundAddress().port, second);
        QCOMPARE(services.listener()->state(), HttpListener::State::Listening);
        QCOMPARE(HttpTestClient::get(first, "/healthz").status, 0); // the old port is closed
        // (Plain string literals: moc in Qt 6.4 loses track of a raw string that starts with a quote.)
        const QByteArray big = "{\"alerts\":[],\"pad\":\"" + QByteArray(1024 * 1024, 'x') + "\"}";
        QCOMPARE(HttpTestClient::postJson(second, "/webhook", big, "Authorization: Bearer services-token-1\r\n").status,
                 413);
        const auto twoAlerts = HttpTestClient::postJson(second, "/webhook",
                                                        "{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":\"1\"}},"
                                                        "{\"status\":\"firing\",\"labels\":{\"a\":\"2\"}}]}",
                                                        "Authorization: Bearer services-token-1\r\n");
        QCOMPARE(twoAlerts.status, 413);
        QVERIFY2(twoAlerts.body.contains("the limit is 1 "), twoAlerts.body.constData());
        // Web pages: only the listed origin may post.
        const QByteArray auth = "Authorization: Bearer services-token-1\r\n";
        QCOMPARE(HttpTestClient::postJson(second, "/webhook", R"({"alerts":[]})",
                                          auth + "Origin: https://tools.example.org\r\n")
                     .status,
                 200);
        QCOMPARE(
            HttpTestClient::postJson(second, "/webhook", R"({"alerts":[]})", auth + "Origin: https://evil.example\r\n")
                .status,
            403);
        QCOMPARE(services.replay()->payloadLimits().maxAlerts, 1); // replays meet the same limit
    }

    void savingUnrelatedSettingsKeepsTheListenerBound()
    {
        AppServices services(headless(), m_dir.path());
        QSignalSpy ready(&services, &AppServices::readyToListen);
        services.start();
        QVERIFY(ready.wait());
        QVERIFY(services.startListener());
        const quint16 port = services.listener()->boundAddress().port; // port 0 asked: any free port
        QSignalSpy stateChanges(services.listener(), &HttpListener::stateChanged);

        // A theme change and a new body limit: both apply without a rebind.
        QSignalSpy reconfigured(&services, &AppServices::listenerReconfigured);
        services.settings()->setValue(Settings::theme, u"dark"_s);
        services.settings()->setValue(Settings::bodyLimitMiB, 1);
        services.reconfigureListener();
        QVERIFY(reconfigured.wait());
        QCOMPARE(reconfigured.first().first().toBool(), false); // not restarted
        QVERIFY2(stateChanges.isEmpty(), "the listener was restarted");
        QCOMPARE(services.listener()->boundAddress().port, port);
        QCOMPARE(services.listener()->state(), HttpListener::State::Listening);
        const QByteArray token = "Authorization: Bearer services-token-1\r\n";
        QCOMPARE(HttpTestClient::postJson(port, "/webhook", R"({"alerts":[]})", token).status, 200);
        const QByteArray big = "{\"alerts\":[],\"pad\":\"" + QByteArray(1024 * 1024, 'x') + "\"}";
        QCOMPARE(HttpTestClient::postJson(port, "/webhook", big, token).status, 413);

        // A listener that is not running is started again on save (it may have failed).
        services.listener()->stop();
        stateChanges.clear();
        reconfigured.clear();
        services.reconfigureListener();
        QVERIFY(reconfigured.wait());
        QCOMPARE(reconfigured.first().first().toBool(), true);
        QCOMPARE(services.listener()->state(), HttpListener::State::Listening);
        services.settings()->setValue(Settings::theme, Settings::theme.defaultValue);
        services.settings()->setValue(Settings::bodyLimitMiB, Settings::bodyLimitMiB.defaultValue);
    }

    // An alert's silence (here an acknowledgement made in this console) is part of the
    // evidence an analysis lists.
    void analysesListTheAlertsSilences()
    {
        AppServices services(headless(), m_dir.path());
        const Alert alert = AlertBuilder(u"muted-fp"_s).named(u"DiskFull"_s).state(AlertState::Firing);
        const auto silences = [&services, &alert] {
            const EvidenceSet evidence = services.analysis()->preview(alert, {}, {}).evidence;
            return std::count_if(evidence.items().cbegin(), evidence.items().cend(),
                                 [](const EvidenceItem &item) { return item.kind == EvidenceKind::Silence; });
        };
        QCOMPARE(silences(), 0);
        AlertMute mute;
        mute.kind = AlertMute::Kind::Acknowledged;
        mute.by = u"oncall-alice"_s;
        services.alerts()->setLocalMute(alert.fingerprint, mute);
        QCOMPARE(silences(), 1);
        const EvidenceSet evidence = services.analysis()->preview(alert, {}, {}).evidence;
        QVERIFY(std::any_of(evidence.items().cbegin(), evidence.items().cend(), [](const EvidenceItem &item) {
            return item.kind == EvidenceKind::Silence && item.text.contains(u"acknowledged by \"oncall-alice\""_s);
        }));
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

        // A configuration file may name another queries file.
        QFile other(m_dir.filePath(u"team-queries.txt"_s));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("match job=\"db\"\nquery Connections = pg_stat_activity_count\nquery Locks = pg_locks_count\n");
        other.close();
        settings.setValue(Settings::contextQueriesFile, other.fileName());
        AppServices configured(headless(), m_dir.path());
        configured.configureContext();
        QCOMPARE(configured.context()->sources().templates.templates.size(), 1);
        QCOMPARE(configured.context()->sources().templates.templates.first().queries.size(), 2);
        settings.setValue(Settings::contextQueriesFile, QString());
        settings.setValue(Settings::prometheusUrls, QStringList());
        settings.setValue(Settings::lokiUrl, QString());
    }

    void demoServesItsAlertsMetricsAndLogsWhereNoSourceIsSet()
    {
        AppSettings settings;
        settings.setValue(Settings::prometheusUrls, QStringList());
        settings.setValue(Settings::lokiUrl, QString());
        QTemporaryDir dir;
        AppServices services(CommandLineOptions::parse({u"alertdeck"_s, u"--headless"_s, u"--demo"_s}), dir.path());
        services.start();
        QTRY_VERIFY(!services.context()->sources().prometheus.url.isEmpty());
        const QUrl demo = services.context()->sources().prometheus.url;
        QCOMPARE(demo.host(), u"127.0.0.1"_s);
        QCOMPARE(services.context()->sources().loki.url, demo);

        // A demo alert's context arrives from it: charts with points, log lines.
        const QList<Alert> alerts = services.alerts()->alerts();
        const auto cpu = std::find_if(alerts.cbegin(), alerts.cend(),
                                      [](const Alert &alert) { return alert.name == u"HighCPUUsage"_s; });
        QVERIFY(cpu != alerts.cend());
        services.context()->select(*cpu);
        const OccurrenceKey key = OccurrenceKey::of(*cpu);
        QTRY_VERIFY_WITH_TIMEOUT(services.context()->context(key) && services.context()->context(key)->complete(),
                                 20'000);
        const ContextService::Context *context = services.context()->context(key);
        QVERIFY(context->metrics.at(0)->ok && !context->metrics.at(0)->series.isEmpty());
        QVERIFY(context->logs->ok && !context->logs->lines.isEmpty());

        // A source the user set up is left alone.
        settings.setValue(Settings::prometheusUrls, QStringList{u"http://prom:9090"_s});
        services.configureContext();
        QTRY_COMPARE(services.context()->sources().prometheus.url, QUrl(u"http://prom:9090"_s));
        QCOMPARE(services.context()->sources().loki.url, demo);
        settings.setValue(Settings::prometheusUrls, QStringList());
    }

    void alertmanagerSettingsReachSyncAndAcknowledgements()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/alerts", {200, "[]"});
        alertmanager.route("/api/v2/silences", {200, "[]"});
        AppSettings settings;
        settings.setValue(Settings::alertmanagerUrls, QStringList{alertmanager.url().toString()});
        settings.setValue(Settings::alertmanagerSyncMinutes, 0); // catch-up off
        settings.setValue(Settings::alertmanagerAckMinutes, 30);
        settings.setValue(Settings::alertmanagerAuthor, u"oncall-carla"_s);
        QTemporaryDir dir;
        AppServices services(headless(), dir.path());
        QSignalSpy ready(&services, &AppServices::readyToListen);
        services.start();
        QVERIFY(ready.wait());
        // Silences and Acknowledge still know where Alertmanager is.
        QTRY_COMPARE(services.alertmanagerSync()->endpoints().size(), 1);
        QCOMPARE(services.alertmanagerSync()->endpoints().constFirst().url, alertmanager.url());
        QCOMPARE(services.acknowledgements()->duration(), std::chrono::minutes(30));
        QCOMPARE(Settings::silenceAuthor(*services.settings()), u"oncall-carla"_s);

        // Catch-up on: the first read happens at once.
        QSignalSpy synced(services.alertmanagerSync(), &AlertmanagerSync::synced);
        services.settings()->setValue(Settings::alertmanagerSyncMinutes, 5);
        QVERIFY(synced.wait());
        QCOMPARE(synced.first().at(2).toString(), QString());
        // A sync reads the alerts and the silences (who silenced what).
        const auto pathsFrom = [&alertmanager](int from, int count) {
            QList<QByteArray> paths;
            for (int i = from; i < from + count; ++i)
                paths << alertmanager.requests.at(i).path;
            std::sort(paths.begin(), paths.end());
            return paths;
        };
        QCOMPARE(pathsFrom(0, 2), (QList<QByteArray>{"/api/v2/alerts", "/api/v2/silences"}));
        // The first good sync also takes back acknowledgements from before a restart
        // (the silences, then what each mutes).
        QTRY_COMPARE(alertmanager.requests.size(), 4);
        QCOMPARE(alertmanager.requests.at(2).path, QByteArray("/api/v2/silences"));
        QCOMPARE(alertmanager.requests.at(3).path, QByteArray("/api/v2/alerts"));
        // Back online: at once, not at the next interval.
        services.alertmanagerSync()->networkChanged(QNetworkInformation::Reachability::Disconnected);
        services.alertmanagerSync()->networkChanged(QNetworkInformation::Reachability::Online);
        QVERIFY(synced.wait());
        QCOMPARE(alertmanager.requests.size(), 6); // a sync again; acknowledgements taken back only once

        settings.setValue(Settings::alertmanagerAuthor, QString());
        QCOMPARE(Settings::silenceAuthor(settings), qEnvironmentVariable("USER", u"AlertDeck"_s));
        settings.setValue(Settings::alertmanagerUrls, QStringList());
        settings.setValue(Settings::alertmanagerSyncMinutes, 1);
        settings.setValue(Settings::alertmanagerAckMinutes, 15);
    }

    void replayedAlertsStayApartAndTriggerNothingUnlessAsked()
    {
        FakeHttpServer chat;
        QVERIFY(chat.listen());
        chat.route("/hooks/ops", {200, "ok", "text/plain"});
        qputenv("ALERTDECK_DESTINATION_OPS_TARGET", (chat.url().toString() + u"/hooks/ops"_s).toUtf8());
        const ChatDestination ops = TestDestinations::ops();
        AppSettings settings;
        settings.setValue(Settings::chatDestinations, ChatDestinations::toJson({ops}));
        settings.setValue(Settings::forwardRules, ForwardRules::toJson({{u"severity=~\".+\""_s, u"ops"_s}}));
        QTemporaryDir dir;
        AppServices services(headless(), dir.path());
        QSignalSpy ready(&services, &AppServices::readyToListen);
        services.start();
        QVERIFY(ready.wait());

        ReplayItem item;
        item.body = TestData::fixture(u"alertmanager/firing-single.json"_s);
        item.path = u"/webhook/alertmanager"_s;
        std::optional<ReplayOutcome> outcome;
        services.replay()->deliver(item, [&](const ReplayOutcome &o) { outcome = o; });
        QTRY_VERIFY(outcome);
        QVERIFY2(outcome->ok, qPrintable(outcome->message));
        QTRY_COMPARE(services.alerts()->rowCount(), 1);
        QVERIFY(services.alerts()->alertAt(0).replay);
        QCOMPARE(services.alerts()->data(services.alerts()->index(0, AlertTableModel::Source)).toString(),
                 u"alertmanager (replay)"_s);
        // The rules saw nothing (a forward would have been queued at once), the live store has nothing.
        QVERIFY(!services.forward()->job(1));
        QVERIFY(services.store()->storedAlerts().isEmpty());
        QVERIFY(QFileInfo::exists(dir.filePath(u"replay.sqlite"_s)));

        // Asked for: the forwarding rule sends it, marked as a replay.
        services.replay()->setTriggersRules(true);
        item.body = TestData::fixture(u"grafana/firing.json"_s);
        item.path = u"/webhook/grafana"_s;
        outcome.reset();
        services.replay()->deliver(item, [&](const ReplayOutcome &o) { outcome = o; });
        QTRY_VERIFY(outcome && outcome->ok);
        QTRY_COMPARE(chat.requests.size(), 1);
        QVERIFY2(chat.requests.first().body.contains("[REPLAY] [FIRING]"), chat.requests.first().body.constData());

        // Cleared in one action: the rows go, and so does the session's store.
        const int replayed = services.alerts()->rowCount();
        QVERIFY(replayed >= 2);
        services.replay()->clear();
        QCOMPARE(services.alerts()->rowCount(), 0);
        QVERIFY(!QFileInfo::exists(dir.filePath(u"replay.sqlite"_s)));
        qunsetenv("ALERTDECK_DESTINATION_OPS_TARGET");
        settings.setValue(Settings::chatDestinations, QString());
        settings.setValue(Settings::forwardRules, QString());
    }

    void retentionFollowsTheSetting()
    {
        AppServices services(headless(), m_dir.path());
        QSignalSpy ready(&services, &AppServices::readyToListen);
        services.start();
        QVERIFY(ready.wait());
        services.settings()->setValue(Settings::retentionDays, 7);
        QCOMPARE(services.store()->retentionDays(), 7);
    }
};

QTEST_GUILESS_MAIN(TestAppServices)
#include "tst_appservices.moc"
