// The Alertmanager API v2 client against Debian's real prometheus-alertmanager on a
// loopback port: alerts listed with their state, silences created from an alert's
// labels (the alert becomes suppressed), listed, expired; the server's 400 verbatim.

#include "HttpTestClient.h"
#include "alertmanager/AlertmanagerApi.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestAlertmanagerApi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_alertmanager;
    quint16 m_port = 0;
    AlertmanagerClient m_client;

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

private slots:
    void initTestCase()
    {
        const QString binary = QStandardPaths::findExecutable(u"prometheus-alertmanager"_s);
        QVERIFY2(!binary.isEmpty(), "install prometheus-alertmanager (tools/test does)");
        QFile config(m_dir.filePath(u"alertmanager.yml"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("route:\n  receiver: nowhere\nreceivers:\n  - name: nowhere\n");
        config.close();
        m_port = freePort();
        m_alertmanager.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_alertmanager.start(binary,
                             {u"--config.file="_s + config.fileName(), u"--storage.path="_s + m_dir.filePath(u"data"_s),
                              u"--web.listen-address=127.0.0.1:%1"_s.arg(m_port), u"--cluster.listen-address="_s,
                              u"--log.level=warn"_s});
        QVERIFY(m_alertmanager.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(HttpTestClient::send(m_port, "GET /-/ready HTTP/1.0\r\n\r\n").status == 200, 20'000);

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
        m_alertmanager.terminate();
        if (!m_alertmanager.waitForFinished(10'000))
            m_alertmanager.kill();
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

        std::optional<QString> expired;
        m_client.expireSilence(endpoint(), id, this, [&](const QString &error) { expired = error; });
        QTRY_VERIFY(expired);
        QVERIFY2(expired->isEmpty(), qPrintable(*expired));
        QTRY_VERIFY_WITH_TIMEOUT(alertNamed(u"DiskFull"_s)->state == u"active"_s, 10'000);
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
};

QTEST_GUILESS_MAIN(TestAlertmanagerApi)
#include "tst_alertmanager_api.moc"
