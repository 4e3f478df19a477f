// End to end with the real parts: Debian's prometheus and prometheus-alertmanager on
// loopback, a metric this test controls, and alertdeck --headless behind Bearer auth.
// The alert must fire into AlertDeck's store with its PromQL, then resolve.

#include "AlertDeckLog.h"
#include "ChildProcess.h"
#include "FreePort.h"
#include "HttpTestClient.h"
#include "StoreReader.h"
#include "context/ContextClient.h"
#include "net/ConnectionCheck.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

// A scrape target serving one gauge whose value the test sets.
class SwitchTarget : public QTcpServer
{
public:
    int value = 1;

    SwitchTarget()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    const QByteArray body = "# TYPE e2e_switch gauge\ne2e_switch " + QByteArray::number(value) + "\n";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nConnection: close\r\n"
                                  "Content-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
    }
};

struct StoredAlert {
    QString state;
    QString promQl;
    QString name;
    bool found = false;
};

} // namespace

class TestE2eAlertmanager : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SwitchTarget m_target;
    ChildProcess m_alertdeck;
    ChildProcess m_alertmanager;
    ChildProcess m_prometheus;
    quint16 m_prometheusPort = 0;
    quint16 m_alertmanagerPort = 0;

    // The value of a PromQL query, through Prometheus' own HTTP API; NaN if none.
    double queryPrometheus(const QByteArray &promQl) const
    {
        // HTTP/1.0: Go answers without chunked encoding and closes, so the body is plain.
        const HttpTestResponse response = HttpTestClient::send(
            m_prometheusPort,
            "GET /api/v1/query?query=" + QUrl::toPercentEncoding(QString::fromUtf8(promQl)) + " HTTP/1.0\r\n\r\n");
        const QJsonArray result
            = QJsonDocument::fromJson(response.body).object().value(u"data"_s).toObject().value(u"result"_s).toArray();
        if (result.isEmpty())
            return qQNaN();
        return result.at(0).toObject().value(u"value"_s).toArray().at(1).toString().toDouble();
    }

    StoredAlert readAlert(const QString &name) const
    {
        const std::optional<QJsonObject> alert = StoreReader::alertNamed(m_dir.filePath(u"data/alerts.sqlite"_s), name);
        if (!alert)
            return {};
        return {alert->value(u"state"_s).toString(), alert->value(u"promQL"_s).toString(), name, true};
    }

private slots:
    void initTestCase()
    {
        const QString prometheus = QStandardPaths::findExecutable(u"prometheus"_s);
        const QString alertmanager = QStandardPaths::findExecutable(u"prometheus-alertmanager"_s);
        // tools/test installs both; a missing one is a broken setup, not a reason to skip.
        QVERIFY2(!prometheus.isEmpty() && !alertmanager.isEmpty(),
                 "install prometheus and prometheus-alertmanager (tools/test does)");
        QVERIFY(m_target.listen(QHostAddress::LocalHost, 0));

        // 1. AlertDeck, headless, Bearer auth.
        m_alertdeck.setEnvironmentVariable(u"ALERTDECK_LISTENER_TOKEN"_s, u"e2e-token"_s);
        m_alertdeck.setEnvironmentVariable(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        m_alertdeck.start(
            QLatin1String(ALERTDECK_BINARY),
            {u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(listeningPort(m_alertdeck.standardError()) != 0, 20'000);
        const QString alertdeckPort = QString::number(listeningPort(m_alertdeck.standardError()));

        // 2. Alertmanager, sending to AlertDeck within a second.
        m_alertmanagerPort = freeLoopbackPort();
        const quint16 alertmanagerPort = m_alertmanagerPort;
        QVERIFY(writeFile(m_dir.filePath(u"alertmanager.yml"_s),
                          R"(
route:
  receiver: alertdeck
  group_by: ['alertname']
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: alertdeck
    webhook_configs:
      - url: http://127.0.0.1:)"
                              + alertdeckPort.toUtf8() + R"(/webhook/alertmanager
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: e2e-token
)"));
        m_alertmanager.setChannelMode(QProcess::ForwardedErrorChannel);
        m_alertmanager.start(alertmanager,
                             {u"--config.file="_s + m_dir.filePath(u"alertmanager.yml"_s),
                              u"--storage.path="_s + m_dir.filePath(u"am-data"_s),
                              u"--web.listen-address=127.0.0.1:%1"_s.arg(alertmanagerPort),
                              u"--cluster.listen-address="_s, u"--log.level=warn"_s});
        QVERIFY(m_alertmanager.waitForStarted());

        // 3. Prometheus scraping the switch every second and alerting when it is on.
        QVERIFY(writeFile(m_dir.filePath(u"rules.yml"_s), R"(
groups:
  - name: e2e
    interval: 1s
    rules:
      - alert: E2ESwitchOn
        expr: e2e_switch > 0
        labels:
          severity: critical
        annotations:
          summary: "The e2e switch is on"
)"));
        QVERIFY(writeFile(m_dir.filePath(u"prometheus.yml"_s),
                          R"(
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: [')" + m_dir.filePath(u"rules.yml"_s).toUtf8()
                              + R"(']
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['127.0.0.1:)"
                              + QByteArray::number(alertmanagerPort) + R"(']
scrape_configs:
  - job_name: switch
    static_configs:
      - targets: ['127.0.0.1:)"
                              + QByteArray::number(m_target.serverPort()) + R"(']
  - job_name: alertdeck
    static_configs:
      - targets: ['127.0.0.1:)"
                              + alertdeckPort.toUtf8() + R"(']
)"));
        m_prometheus.setChannelMode(QProcess::ForwardedErrorChannel);
        m_prometheusPort = freeLoopbackPort();
        m_prometheus.start(prometheus,
                           {u"--config.file="_s + m_dir.filePath(u"prometheus.yml"_s),
                            u"--storage.tsdb.path="_s + m_dir.filePath(u"prom-data"_s),
                            u"--web.listen-address=127.0.0.1:%1"_s.arg(m_prometheusPort), u"--log.level=warn"_s});
        QVERIFY(m_prometheus.waitForStarted());
    }

    void alertFiresIntoTheStore()
    {
        QTRY_VERIFY_WITH_TIMEOUT(readAlert(u"E2ESwitchOn"_s).found, 90'000);
        const StoredAlert alert = readAlert(u"E2ESwitchOn"_s);
        QCOMPARE(alert.state, u"firing"_s);
        QCOMPARE(alert.promQl, u"e2e_switch > 0"_s); // decoded from Prometheus' generatorURL
        QVERIFY2(!m_alertdeck.standardError().contains(u"e2e-token"_s), "the token must never be logged");
    }

    void alertResolves()
    {
        m_target.value = 0;
        QTRY_COMPARE_WITH_TIMEOUT(readAlert(u"E2ESwitchOn"_s).state, u"resolved"_s, 90'000);
    }

    void metricsAreScrapedByPrometheus()
    {
        // Prometheus itself parses /metrics: the exposition format is right.
        QTRY_VERIFY_WITH_TIMEOUT(queryPrometheus("up{job=\"alertdeck\"}") == 1, 60'000);
        QTRY_VERIFY_WITH_TIMEOUT(
            queryPrometheus("alertdeck_webhook_payloads_accepted_total{format=\"alertmanager\"}") >= 2, 60'000);
        QVERIFY(queryPrometheus("alertdeck_store_commit_seconds_count") >= 2);
    }

    void metricWindowFromTheRealPrometheus()
    {
        // The context client on a real range: the switch Prometheus has been scraping.
        ContextClient client;
        ContextPlan::Window window;
        std::optional<MetricResult> result;
        // Asked again until a few seconds of scrapes (one per second) are in the range.
        auto rangeHasSamples = [&] {
            result.reset();
            const QDateTime now = QDateTime::currentDateTimeUtc();
            window = ContextPlan::Window{now.addSecs(-120), now, 1};
            client.queryMetrics({QUrl(u"http://127.0.0.1:%1"_s.arg(m_prometheusPort))}, u"e2e_switch + 0"_s, window,
                                this, [&](const MetricResult &r) { result = r; });
            return QTest::qWaitFor([&] { return result.has_value(); }, 15'000) && result->ok
                && !result->series.isEmpty() && result->series.first().samples.size() >= 5;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rangeHasSamples(), 30'000);
        QVERIFY2(result && result->ok, result ? qPrintable(result->errorType + u": "_s + result->error) : "no answer");
        QCOMPARE(result->series.first().labels.value(u"job"_s), u"switch"_s);
        // A real error: Prometheus's errorType and message come through.
        std::optional<MetricResult> broken;
        client.queryMetrics({QUrl(u"http://127.0.0.1:%1"_s.arg(m_prometheusPort))}, u"sum(rate(x[5m]"_s, window, this,
                            [&](const MetricResult &r) { broken = r; });
        QTRY_VERIFY_WITH_TIMEOUT(broken, 15'000);
        QVERIFY(!broken->ok);
        QCOMPARE(broken->errorType, u"bad_data"_s);
        QVERIFY2(broken->error.contains(u"parse error"_s), qPrintable(broken->error));
    }

    void testConnectionAgainstTheRealServices()
    {
        // What Settings' "Test connection" buttons report for the real packages.
        ConnectionChecker checker;
        std::optional<ConnectionCheckResult> prometheus;
        std::optional<ConnectionCheckResult> alertmanager;
        checker.checkPrometheus({QUrl(u"http://127.0.0.1:%1"_s.arg(m_prometheusPort))}, this,
                                [&](const ConnectionCheckResult &r) { prometheus = r; });
        checker.checkAlertmanager({QUrl(u"http://127.0.0.1:%1/"_s.arg(m_alertmanagerPort))}, this,
                                  [&](const ConnectionCheckResult &r) { alertmanager = r; });
        QTRY_VERIFY_WITH_TIMEOUT(prometheus && alertmanager, 20'000);
        QVERIFY2(prometheus->ok && prometheus->summary.startsWith(u"Connected: Prometheus 2."_s),
                 qPrintable(prometheus->summary));
        QVERIFY2(alertmanager->ok && alertmanager->summary.startsWith(u"Connected: Alertmanager 0."_s),
                 qPrintable(alertmanager->summary));
        // The wrong service behind a URL is named as such.
        std::optional<ConnectionCheckResult> crossed;
        checker.checkAlertmanager({QUrl(u"http://127.0.0.1:%1"_s.arg(m_prometheusPort))}, this,
                                  [&](const ConnectionCheckResult &r) { crossed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(crossed, 20'000);
        QVERIFY2(!crossed->ok, qPrintable(crossed->summary));
    }

    void cleanupTestCase()
    {
        m_prometheus.stop();
        m_alertmanager.stop();
        m_alertdeck.stop();
        QCOMPARE(m_alertdeck.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestE2eAlertmanager)
#include "tst_e2e_alertmanager.moc"
