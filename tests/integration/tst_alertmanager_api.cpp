// The Alertmanager API v2 client against Debian's real prometheus-alertmanager on a
// loopback port: alerts listed with their state, silences created from an alert's
// labels (the alert becomes suppressed), listed, expired; the server's 400 verbatim.

#include "AlertBuilder.h"
#include "ChildProcess.h"
#include "FreePort.h"
#include "HttpTestClient.h"
#include "ResultAssert.h"
#include "StoreReader.h"
#include "alertmanager/Acknowledgements.h"
#include "alertmanager/AlertmanagerApi.h"
#include "alertmanager/AlertmanagerSync.h"
#include "alertmanager/SilenceListModel.h"
#include "model/AlertTableModel.h"
#include "settings/AppSettings.h"
#include "store/StoreService.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAlertmanagerApi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ChildProcess m_alertmanager;
    ChildProcess m_second; // another instance of the same "HA pair" (not clustered: both are posted to)
    quint16 m_port = 0;
    quint16 m_secondPort = 0;
    AlertmanagerClient m_client;

    void startAlertmanager(ChildProcess &process, quint16 port, const QString &name)
    {
        const QString binary = QStandardPaths::findExecutable(u"prometheus-alertmanager"_s);
        QVERIFY2(!binary.isEmpty(), "install prometheus-alertmanager (tools/test does)");
        process.setChannelMode(QProcess::ForwardedErrorChannel);
        process.start(binary,
                      {u"--config.file="_s + m_dir.filePath(u"alertmanager.yml"_s),
                       u"--storage.path="_s + m_dir.filePath(name), u"--web.listen-address=127.0.0.1:%1"_s.arg(port),
                       u"--cluster.listen-address="_s, u"--log.level=warn"_s});
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(HttpTestClient::send(port, "GET /-/ready HTTP/1.0\r\n\r\n").status == 200, 20'000);
    }

    ConnectionCheckRequest endpoint() const { return {QUrl(u"http://127.0.0.1:%1/"_s.arg(m_port))}; }

    AlertmanagerApi::AlertsResult alerts()
    {
        std::optional<AlertmanagerApi::AlertsResult> result;
        m_client.fetchAlerts(endpoint(), this, [&](const AlertmanagerApi::AlertsResult &r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result, 10'000); }();
        return result.value_or(AlertmanagerApi::AlertsResult{});
    }

    std::optional<AlertmanagerAlert> alertNamed(const QString &name)
    {
        for (const AlertmanagerAlert &alert : alerts().alerts)
            if (alert.alert.name == name)
                return alert;
        return std::nullopt;
    }

    QList<Silence> silences()
    {
        std::optional<AlertmanagerApi::SilencesResult> listed;
        m_client.fetchSilences(endpoint(), this, [&](const AlertmanagerApi::SilencesResult &r) { listed = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(listed, 10'000); }();
        return listed ? listed->silences : QList<Silence>{};
    }

    // Active silences with exactly these matchers.
    int activeSilencesWith(const QList<SilenceMatcher> &matchers)
    {
        const QList<Silence> all = silences();
        return int(std::count_if(all.cbegin(), all.cend(), [&matchers](const Silence &silence) {
            return silence.state == u"active"_s && silence.matchers == matchers;
        }));
    }

    void expire(const QString &id)
    {
        std::optional<QString> expired;
        m_client.expireSilence(endpoint(), id, this, [&](const QString &e) { expired = e; });
        QTRY_VERIFY(expired);
        QVERIFY2(expired->isEmpty(), qPrintable(*expired));
    }

    static AcknowledgeCheck checkOf(const QSignalSpy &spy) { return spy.last().first().value<AcknowledgeCheck>(); }

private slots:
    void initTestCase()
    {
        QFile config(m_dir.filePath(u"alertmanager.yml"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("route:\n  receiver: nowhere\nreceivers:\n  - name: nowhere\n");
        config.close();
        m_port = freeLoopbackPort();
        startAlertmanager(m_alertmanager, m_port, u"data"_s);

        // Alerts as Prometheus posts them.
        const QByteArray posted = "[{\"labels\":{\"alertname\":\"DiskFull\",\"instance\":\"db-1:9100\",\"severity\":"
                                  "\"critical\"},\"annotations\":{\"summary\":\"Disk on db-1 is 97% full\"},"
                                  "\"generatorURL\":\"http://prometheus:9090/graph\"},"
                                  "{\"labels\":{\"alertname\":\"HighLoad\",\"instance\":\"web-2:9100\",\"severity\":"
                                  "\"warning\"}}]";
        QCOMPARE(HttpTestClient::postJson(m_port, "/api/v2/alerts", posted).status, 200);
    }

    void cleanupTestCase()
    {
        m_alertmanager.stop();
        m_second.stop();
    }

    void alertsAreListedWithTheirState()
    {
        QTRY_VERIFY_WITH_TIMEOUT(alerts().alerts.size() == 2, 10'000);
        const std::optional<AlertmanagerAlert> disk = alertNamed(u"DiskFull"_s);
        QVERIFY(disk);
        QCOMPARE(disk->state, u"active"_s);
        QCOMPARE(disk->alert.severity, Severity::Critical);
        QCOMPARE(disk->alert.labels.value(u"instance"_s), u"db-1:9100"_s);
        QCOMPARE(disk->alert.summary(), u"Disk on db-1 is 97% full"_s);
        QVERIFY(disk->alert.startsAt.isValid());
        QVERIFY(!disk->alert.fingerprint.isEmpty());
        QVERIFY(disk->silencedBy.isEmpty());
    }

    void aSilenceFromTheLabelsSuppressesTheAlertUntilExpired()
    {
        const std::optional<AlertmanagerAlert> disk = alertNamed(u"DiskFull"_s);
        QVERIFY(disk);
        Silence silence;
        silence.matchers = AlertmanagerApi::matchersFor(disk->alert);
        silence.startsAt = QDateTime::currentDateTimeUtc();
        silence.endsAt = silence.startsAt.addSecs(3600);
        silence.createdBy = u"alertdeck-test"_s;
        silence.comment = u"disk being replaced"_s;
        std::optional<std::pair<QString, QString>> saved;
        m_client.saveSilence(endpoint(), silence, this, [&](const QString &id, const QString &error) {
            saved = std::pair{id, error};
        });
        QTRY_VERIFY(saved);
        QVERIFY2(saved->second.isEmpty(), qPrintable(saved->second));
        const QString id = saved->first;
        QVERIFY(!id.isEmpty());

        QTRY_VERIFY_WITH_TIMEOUT(alertNamed(u"DiskFull"_s)->state == u"suppressed"_s, 10'000);
        QCOMPARE(alertNamed(u"DiskFull"_s)->silencedBy, QStringList{id});
        QCOMPARE(alertNamed(u"HighLoad"_s)->state, u"active"_s); // the other one is untouched

        std::optional<AlertmanagerApi::SilencesResult> listed;
        m_client.fetchSilences(endpoint(), this, [&](const AlertmanagerApi::SilencesResult &r) { listed = r; });
        QTRY_VERIFY(listed);
        QVERIFY(listed->error.isEmpty());
        const auto found = std::find_if(listed->silences.cbegin(), listed->silences.cend(),
                                        [&id](const Silence &s) { return s.id == id; });
        QVERIFY(found != listed->silences.cend());
        QCOMPARE(found->state, u"active"_s);
        QCOMPARE(found->createdBy, u"alertdeck-test"_s);
        QCOMPARE(found->comment, u"disk being replaced"_s);
        QCOMPARE(found->matchers.size(), silence.matchers.size());

        // The Silences view's list: the same endpoint twice (as an HA pair shares
        // silences) gives one row, reported by both.
        SilenceListModel list;
        QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy refreshed(&list, &SilenceListModel::refreshed);
        list.refresh({endpoint(), endpoint()});
        QVERIFY(refreshed.wait(10'000));
        QCOMPARE(refreshed.last().first().toString(), QString());
        QVERIFY(list.rowOf(id) >= 0);
        QCOMPARE(list.at(list.rowOf(id)).instances.size(), 2);
        QCOMPARE(list.index(list.rowOf(id), SilenceListModel::StateColumn).data().toString(), u"active"_s);

        std::optional<QString> expired;
        m_client.expireSilence(endpoint(), id, this, [&](const QString &error) { expired = error; });
        QTRY_VERIFY(expired);
        QVERIFY2(expired->isEmpty(), qPrintable(*expired));
        QTRY_VERIFY_WITH_TIMEOUT(alertNamed(u"DiskFull"_s)->state == u"active"_s, 10'000);
        list.refresh({endpoint()});
        QVERIFY(refreshed.wait(10'000));
        QCOMPARE(list.at(list.rowOf(id)).silence.state, u"expired"_s);
    }

    void syncCatchesUpWithWhatWasMissed()
    {
        // Two Alertmanagers of one "HA pair" hold the same alerts; AlertDeck saw none of them.
        m_secondPort = freeLoopbackPort();
        startAlertmanager(m_second, m_secondPort, u"data-second"_s);
        // As Prometheus posts to both: the same start time.
        const QByteArray startsAt = QDateTime::currentDateTimeUtc().addSecs(-30).toString(Qt::ISODate).toUtf8();
        const QByteArray posted = "[{\"labels\":{\"alertname\":\"SyncMissed\",\"instance\":\"a:1\",\"severity\":"
                                  "\"critical\"},\"startsAt\":\""
            + startsAt
            + "\"},{\"labels\":{\"alertname\":"
              "\"SyncGone\",\"instance\":\"b:1\"},\"startsAt\":\""
            + startsAt + "\"}]";
        for (quint16 port : {m_port, m_secondPort})
            QCOMPARE(HttpTestClient::postJson(port, "/api/v2/alerts", posted).status, 200);

        QTemporaryDir data;
        StoreService store;
        QVERIFY_OK(store.open(data.filePath(u"alerts.sqlite"_s)));
        AlertTableModel table;
        connect(&store, &StoreService::alertsChanged, &table, &AlertTableModel::applyChanges);
        AlertmanagerSync sync(&store, [&table] { return table.alerts(); });
        const ConnectionCheckRequest second{QUrl(u"http://127.0.0.1:%1/"_s.arg(m_secondPort))};
        sync.setEndpoints({endpoint(), second});
        QSignalSpy synced(&sync, &AlertmanagerSync::synced);
        sync.syncNow();
        QVERIFY(synced.wait(10'000));
        QVERIFY2(synced.last().at(2).toString().isEmpty(), qPrintable(synced.last().at(2).toString()));
        auto rowNamed = [&table](const QString &name) {
            for (int row = 0; row < table.rowCount(); ++row)
                if (table.alertAt(row).name == name)
                    return row;
            return -1;
        };
        QTRY_VERIFY(rowNamed(u"SyncMissed"_s) >= 0 && rowNamed(u"SyncGone"_s) >= 0);
        // One row per alert, however many Alertmanagers report it; both are named.
        int missedRows = 0;
        for (int row = 0; row < table.rowCount(); ++row)
            missedRows += table.alertAt(row).name == u"SyncMissed"_s;
        QCOMPARE(missedRows, 1);
        const Alert missed = table.alertAt(rowNamed(u"SyncMissed"_s));
        QCOMPARE(missed.receiver, AlertmanagerSync::syncReceiver);
        QCOMPARE(missed.state, AlertState::Firing);
        QCOMPARE(sync.statuses().value(missed.fingerprint).instances.size(), 2);

        // Silenced in Alertmanager: the table says so after the next sync.
        connect(&sync, &AlertmanagerSync::statusesChanged, &table, [&] { table.setSyncedMutes(sync.mutes()); });
        Silence silence;
        silence.matchers = AlertmanagerApi::matchersFor(missed);
        silence.startsAt = QDateTime::currentDateTimeUtc();
        silence.endsAt = silence.startsAt.addSecs(600);
        silence.createdBy = u"oncall-bob"_s; // in Alertmanager's own UI, say: not through AlertDeck
        silence.comment = u"disk swap"_s;
        std::optional<QString> silenceId;
        m_client.saveSilence(endpoint(), silence, this, [&](const QString &id, const QString &) { silenceId = id; });
        QTRY_VERIFY(silenceId && !silenceId->isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                sync.syncNow();
                synced.wait(5000);
                return table.data(table.index(rowNamed(u"SyncMissed"_s), AlertTableModel::State))
                    .toString()
                    .startsWith(u"silenced"_s); // muted: the State column says how, not "firing"
            }(),
            20'000);
        // Who silenced it and until when, from the silence itself.
        const AlertMute mute = sync.mutes().value(missed.fingerprint);
        QCOMPARE(mute.kind, AlertMute::Kind::Silenced);
        QCOMPARE(mute.by, u"oncall-bob"_s);
        QCOMPARE(mute.comment, u"disk swap"_s);
        QVERIFY2(std::abs(mute.until.secsTo(silence.endsAt)) <= 1, qPrintable(mute.until.toString(Qt::ISODate)));
        const QString state = table.data(table.index(rowNamed(u"SyncMissed"_s), AlertTableModel::State)).toString();
        QVERIFY2(state.contains(u"oncall-bob"_s), qPrintable(state));

        // A second sync changes nothing: no duplicates.
        const int rows = table.rowCount();
        sync.syncNow();
        QVERIFY(synced.wait(10'000));
        QCOMPARE(synced.last().at(0).toInt(), 0);
        QCOMPARE(table.rowCount(), rows);

        // Resolved while AlertDeck was away: gone from both Alertmanagers.
        const QByteArray resolved = "[{\"labels\":{\"alertname\":\"SyncGone\",\"instance\":\"b:1\"},\"endsAt\":\""
            + QDateTime::currentDateTimeUtc().addSecs(-5).toString(Qt::ISODate).toUtf8() + "\"}]";
        for (quint16 port : {m_port, m_secondPort})
            QCOMPARE(HttpTestClient::postJson(port, "/api/v2/alerts", resolved).status, 200);
        sync.syncNow();
        QVERIFY(synced.wait(10'000));
        QCOMPARE(synced.last().at(1).toInt(), 1);
        QTRY_COMPARE(table.alertAt(rowNamed(u"SyncGone"_s)).state, AlertState::Resolved);
        QCOMPARE(table.alertAt(rowNamed(u"SyncGone"_s)).receiver, AlertmanagerSync::offlineReceiver);

        // One Alertmanager down: said, and nothing is resolved on its account.
        QVERIFY(m_second.terminateAndWait(std::chrono::seconds(10)));
        sync.syncNow();
        QVERIFY(synced.wait(10'000));
        QVERIFY(synced.last().at(2).toString().contains(u"127.0.0.1:%1"_s.arg(m_secondPort)));
        QCOMPARE(synced.last().at(1).toInt(), 0);
        QCOMPARE(table.alertAt(rowNamed(u"SyncMissed"_s)).state, AlertState::Firing);
    }

    void acknowledgementSilencesAndExtendsWhileFiring()
    {
        const std::optional<AlertmanagerAlert> load = alertNamed(u"HighLoad"_s);
        QVERIFY(load);
        bool stillFiring = true;
        Acknowledgements acks([&stillFiring](const QString &) { return stillFiring; });
        QSignalSpy acknowledged(&acks, &Acknowledgements::acknowledged);
        QSignalSpy heldBack(&acks, &Acknowledgements::heldBack);
        acks.acknowledge(load->alert, endpoint(), u"oncall-anna"_s);
        QVERIFY(acknowledged.wait(10'000));
        QCOMPARE(heldBack.size(), 0); // its labels select only it: no question
        const QString id = acknowledged.first().at(1).toString();
        QTRY_VERIFY_WITH_TIMEOUT(alertNamed(u"HighLoad"_s)->state == u"suppressed"_s, 10'000);

        auto silenceWith = [this](const QString &silenceId) {
            std::optional<AlertmanagerApi::SilencesResult> listed;
            m_client.fetchSilences(endpoint(), this, [&](const AlertmanagerApi::SilencesResult &r) { listed = r; });
            [&] { QTRY_VERIFY(listed); }();
            for (const Silence &silence : listed->silences)
                if (silence.id == silenceId)
                    return silence;
            return Silence{};
        };
        const Silence first = silenceWith(id);
        QCOMPARE(first.comment, u"ack"_s);
        QCOMPARE(first.createdBy, u"oncall-anna"_s);
        // Alertmanager moves a start just past to its own now: a second or so less.
        QVERIFY(first.startsAt.secsTo(first.endsAt) > 15 * 60 - 10 && first.startsAt.secsTo(first.endsAt) <= 15 * 60);

        // Still firing, near its end (everything is, with a lead of an hour): extended.
        QSignalSpy extended(&acks, &Acknowledgements::extended);
        acks.extendDue(std::chrono::hours(1));
        QVERIFY(extended.wait(10'000));
        const QString extendedId = extended.first().at(1).toString();
        const Silence longer = silenceWith(extendedId);
        QVERIFY2(longer.endsAt > first.endsAt, qPrintable(longer.endsAt.toString(Qt::ISODateWithMs)));
        QCOMPARE(alertNamed(u"HighLoad"_s)->state, u"suppressed"_s);

        // AlertDeck restarted: the acknowledgement is taken back and extended again.
        Acknowledgements restarted([](const QString &) { return true; });
        QSignalSpy adopted(&restarted, &Acknowledgements::adopted);
        AlertmanagerAlert other = *alertNamed(u"DiskFull"_s); // firing, not acknowledged: left alone
        restarted.adoptFrom(endpoint(), {load->alert, other.alert});
        QVERIFY(adopted.wait(10'000));
        QCOMPARE(adopted.first().first().toInt(), 1);
        QVERIFY(restarted.isAcknowledged(load->alert.fingerprint));
        QVERIFY(!restarted.isAcknowledged(other.alert.fingerprint));
        QSignalSpy extendedAgain(&restarted, &Acknowledgements::extended);
        restarted.extendDue(std::chrono::hours(1));
        QVERIFY(extendedAgain.wait(10'000));

        // Resolved: not extended any more.
        stillFiring = false;
        acks.extendDue(std::chrono::hours(1));
        QVERIFY(!acks.isAcknowledged(load->alert.fingerprint));
        QCOMPARE(extended.size(), 1);
        std::optional<QString> expired;
        m_client.expireSilence(endpoint(), extendedId, this, [&](const QString &e) { expired = e; });
        QTRY_VERIFY(expired);
    }

    // The first test, with the real binary: alerts posted to Alertmanager
    // while AlertDeck was not running are there once it starts; one resolved while it
    // was down is marked resolved at the next start.
    void headlessAlertDeckCatchesUpAtStart()
    {
        QTemporaryDir home;
        AppSettings(home.filePath(u"config/AlertDeck/AlertDeck.conf"_s))
            .setValue(Settings::alertmanagerUrls, QStringList{endpoint().url.toString()});
        const QString store = home.filePath(u"data/alerts.sqlite"_s);
        const QByteArray startsAt = QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate).toUtf8();
        QCOMPARE(HttpTestClient::postJson(m_port, "/api/v2/alerts",
                                          "[{\"labels\":{\"alertname\":\"WhileAway\",\"instance\":\"c:1\","
                                          "\"severity\":\"critical\"},\"startsAt\":\""
                                              + startsAt + "\"}]")
                     .status,
                 200);

        auto runAlertDeck = [&](auto &&whileRunning) {
            ChildProcess alertdeck;
            alertdeck.setEnvironmentVariable(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
            alertdeck.setEnvironmentVariable(u"ALERTDECK_LISTENER_TOKEN"_s, u"catch-up-token"_s);
            alertdeck.setChannelMode(QProcess::ForwardedChannels);
            alertdeck.start(
                QLatin1String(ALERTDECK_BINARY),
                {u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, home.filePath(u"data"_s)});
            QVERIFY(alertdeck.waitForStarted());
            whileRunning();
            QVERIFY(alertdeck.terminateAndWait(std::chrono::seconds(10)));
        };
        auto stored = [&store](const QString &name, const QString &key) {
            const std::optional<QJsonObject> alert = StoreReader::alertNamed(store, name);
            return alert ? alert->value(key).toString() : QString();
        };
        runAlertDeck([&] {
            QTRY_COMPARE_WITH_TIMEOUT(stored(u"WhileAway"_s, u"state"_s), u"firing"_s, 20'000);
            QCOMPARE(stored(u"WhileAway"_s, u"receiver"_s), AlertmanagerSync::syncReceiver);
        });

        // Resolved in Alertmanager while AlertDeck is closed.
        QCOMPARE(HttpTestClient::postJson(
                     m_port, "/api/v2/alerts",
                     "[{\"labels\":{\"alertname\":\"WhileAway\",\"instance\":\"c:1\","
                     "\"severity\":\"critical\"},\"startsAt\":\""
                         + startsAt + "\",\"endsAt\":\""
                         + QDateTime::currentDateTimeUtc().addSecs(-5).toString(Qt::ISODate).toUtf8() + "\"}]")
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(!alertNamed(u"WhileAway"_s), 10'000);
        runAlertDeck([&] {
            QTRY_COMPARE_WITH_TIMEOUT(stored(u"WhileAway"_s, u"state"_s), u"resolved"_s, 20'000);
            QCOMPARE(stored(u"WhileAway"_s, u"receiver"_s), AlertmanagerSync::offlineReceiver);
        });
        const QList<QJsonObject> all = StoreReader::alerts(store);
        QCOMPARE(std::count_if(all.cbegin(), all.cend(),
                               [](const QJsonObject &a) { return a.value(u"name"_s).toString() == u"WhileAway"_s; }),
                 1); // one alert, not one per start
    }

    void badRequestsAreShownVerbatim()
    {
        Silence empty; // no matchers: Alertmanager refuses it and says why
        empty.startsAt = QDateTime::currentDateTimeUtc();
        empty.endsAt = empty.startsAt.addSecs(60);
        empty.createdBy = u"t"_s;
        empty.comment = u"c"_s;
        std::optional<QString> error;
        m_client.saveSilence(endpoint(), empty, this, [&](const QString &, const QString &e) { error = e; });
        QTRY_VERIFY(error);
        QVERIFY2(error->startsWith(u"Alertmanager answered HTTP 422: matchers in body should have at least 1 items"_s),
                 qPrintable(*error));

        Silence backwards; // ends before it starts: a 400 with Alertmanager's words
        backwards.matchers = {{u"alertname"_s, u"DiskFull"_s}};
        backwards.startsAt = QDateTime::currentDateTimeUtc();
        backwards.endsAt = backwards.startsAt.addSecs(-60);
        backwards.createdBy = u"t"_s;
        backwards.comment = u"c"_s;
        error.reset();
        m_client.saveSilence(endpoint(), backwards, this, [&](const QString &, const QString &e) { error = e; });
        QTRY_VERIFY(error);
        QVERIFY2(error->startsWith(u"Alertmanager answered HTTP 400: "_s), qPrintable(*error));
        QVERIFY2(error->contains(u"start"_s, Qt::CaseInsensitive), qPrintable(*error));

        std::optional<AlertmanagerApi::AlertsResult> unreachable;
        m_client.fetchAlerts({QUrl(u"http://127.0.0.1:1/"_s)}, this,
                             [&](const AlertmanagerApi::AlertsResult &r) { unreachable = r; });
        QTRY_VERIFY(unreachable);
        QVERIFY2(unreachable->error.contains(u"refused"_s), qPrintable(unreachable->error));
    }
    // The case: a stand-in alert labelled only severity="critical" (it reached
    // AlertDeck without going through Alertmanager) while real critical alerts fire.
    // Acknowledge asks Alertmanager first, reports them, and silences nothing until
    // the engineer agrees.
    void acknowledgingAStandInAsksBeforeSilencingEveryCriticalAlert()
    {
        const Alert stray = AlertBuilder(u"0123456789abcdef"_s).label(u"severity"_s, u"critical"_s);
        const QList<AlertmanagerAlert> listed = alerts().alerts;
        const auto criticals = std::count_if(listed.cbegin(), listed.cend(), [](const AlertmanagerAlert &a) {
            return a.alert.labels.value(u"severity"_s) == u"critical"_s;
        });
        QVERIFY(criticals >= 1);
        QVERIFY(alertNamed(u"DiskFull"_s));
        QCOMPARE(alertNamed(u"DiskFull"_s)->state, u"active"_s);

        Acknowledgements acks([](const QString &) { return true; });
        QSignalSpy acknowledged(&acks, &Acknowledgements::acknowledged);
        QSignalSpy heldBack(&acks, &Acknowledgements::heldBack);
        acks.acknowledge(stray, endpoint(), u"oncall-anna"_s);
        QVERIFY(heldBack.wait(10'000));
        const AcknowledgeCheck check = checkOf(heldBack);
        QCOMPARE(check.outcome, AcknowledgeCheck::Outcome::OtherAlertsToo);
        QVERIFY(!check.alertFound);
        QCOMPARE(check.otherCount, int(criticals));
        QVERIFY(std::any_of(check.others.cbegin(), check.others.cend(),
                            [](const Alert &a) { return a.name == u"DiskFull"_s; }));
        // Nothing made until confirmed.
        QCOMPARE(acknowledged.size(), 0);
        QCOMPARE(activeSilencesWith(check.matchers), 0);
        QCOMPARE(alertNamed(u"DiskFull"_s)->state, u"active"_s);
        QVERIFY(!acks.isAcknowledged(stray.fingerprint));

        // "Silence all": made with the matchers that were checked.
        acks.acknowledgeChecked(check, u"oncall-anna"_s);
        QVERIFY(acknowledged.wait(10'000));
        const QString id = acknowledged.last().at(1).toString();
        QCOMPARE(activeSilencesWith({{u"severity"_s, u"critical"_s}}), 1);
        QTRY_VERIFY_WITH_TIMEOUT(alertNamed(u"DiskFull"_s)->silencedBy.contains(id), 10'000);

        // After a restart such an acknowledgement is not taken back: it mutes more than
        // its alert, so it is left to run out.
        Acknowledgements restarted([](const QString &) { return true; });
        QSignalSpy adopted(&restarted, &Acknowledgements::adopted);
        restarted.adoptFrom(endpoint(), {stray, alertNamed(u"DiskFull"_s)->alert});
        QVERIFY(adopted.wait(10'000));
        QCOMPARE(adopted.first().first().toInt(), 0);
        QVERIFY(!restarted.isAcknowledged(stray.fingerprint));
        expire(id);
        QTRY_VERIFY_WITH_TIMEOUT(alertNamed(u"DiskFull"_s)->state == u"active"_s, 10'000);
    }

    // Label values with quotes, backslashes, commas, braces, newlines and URL syntax:
    // Alertmanager's filter selects with them verbatim. Two alerts differ only in one
    // more label: acknowledging the smaller set asks (it selects both); the larger goes
    // ahead without asking and silences only itself.
    void acknowledgeChecksHostileLabelsVerbatim()
    {
        const QString hostile = u"x\", alertname=~\".*\\\n},+&filter=a%3D\"b\"\\"_s;
        QJsonObject small{{u"alertname"_s, u"AckHostile"_s}, {u"note"_s, hostile}};
        QJsonObject large = small;
        large.insert(u"replica"_s, u"b"_s);
        const QByteArray posted
            = QJsonDocument(QJsonArray{QJsonObject{{u"labels"_s, small}}, QJsonObject{{u"labels"_s, large}}})
                  .toJson(QJsonDocument::Compact);
        QCOMPARE(HttpTestClient::postJson(m_port, "/api/v2/alerts", posted).status, 200);
        auto find = [this](bool withReplica) -> std::optional<AlertmanagerAlert> {
            for (const AlertmanagerAlert &alert : alerts().alerts)
                if (alert.alert.name == u"AckHostile"_s && alert.alert.labels.contains(u"replica"_s) == withReplica)
                    return alert;
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(find(false) && find(true), 10'000);
        const Alert smaller = find(false)->alert;
        const Alert larger = find(true)->alert;
        QCOMPARE(smaller.labels.value(u"note"_s), hostile);

        Acknowledgements acks([](const QString &) { return true; });
        QSignalSpy acknowledged(&acks, &Acknowledgements::acknowledged);
        QSignalSpy heldBack(&acks, &Acknowledgements::heldBack);
        acks.acknowledge(smaller, endpoint(), u"oncall-anna"_s);
        QVERIFY(heldBack.wait(10'000));
        const AcknowledgeCheck check = checkOf(heldBack);
        QVERIFY2(check.error.isEmpty(), qPrintable(check.error));
        QCOMPARE(check.outcome, AcknowledgeCheck::Outcome::OtherAlertsToo);
        QVERIFY(check.alertFound);
        QCOMPARE(check.otherCount, 1);
        QCOMPARE(check.others.first().fingerprint, larger.fingerprint);
        QCOMPARE(acknowledged.size(), 0);

        acks.acknowledge(larger, endpoint(), u"oncall-anna"_s);
        QVERIFY(acknowledged.wait(10'000));
        QCOMPARE(heldBack.size(), 1);
        const QString id = acknowledged.last().at(1).toString();
        QTRY_VERIFY_WITH_TIMEOUT(find(true)->silencedBy == QStringList{id}, 10'000);
        QVERIFY(find(false)->silencedBy.isEmpty());
        QCOMPARE(activeSilencesWith(AlertmanagerApi::matchersFor(larger)), 1);
        expire(id);
    }

    // The alert is not in Alertmanager: explained, nothing made. No answer: said, nothing made.
    void acknowledgeOfAnAlertAlertmanagerLacksMakesNothing()
    {
        const Alert gone = AlertBuilder(u"fedcba9876543210"_s)
                               .label(u"alertname"_s, u"NeverPosted"_s)
                               .label(u"instance"_s, u"nowhere:1"_s);
        Acknowledgements acks([](const QString &) { return true; });
        QSignalSpy acknowledged(&acks, &Acknowledgements::acknowledged);
        QSignalSpy heldBack(&acks, &Acknowledgements::heldBack);
        acks.acknowledge(gone, endpoint(), u"oncall-anna"_s);
        QVERIFY(heldBack.wait(10'000));
        QCOMPARE(checkOf(heldBack).outcome, AcknowledgeCheck::Outcome::NotInAlertmanager);
        QCOMPARE(activeSilencesWith(AlertmanagerApi::matchersFor(gone)), 0);

        acks.acknowledge(gone, {QUrl(u"http://127.0.0.1:1/"_s)}, u"oncall-anna"_s);
        QVERIFY(heldBack.wait(10'000));
        QCOMPARE(checkOf(heldBack).outcome, AcknowledgeCheck::Outcome::NotAsked);
        QVERIFY2(checkOf(heldBack).error.contains(u"refused"_s), qPrintable(checkOf(heldBack).error));
        QCOMPARE(acknowledged.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAlertmanagerApi)
#include "tst_alertmanager_api.moc"
