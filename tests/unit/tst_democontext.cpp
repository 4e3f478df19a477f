#include "context/ContextClient.h"
#include "context/ContextPlan.h"
#include "context/LogLevel.h"
#include "context/LogQlQuery.h"
#include "demo/DemoAlerts.h"
#include "demo/DemoContext.h"
#include "demo/DemoContextServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

// --demo shows charts and logs for its sample alerts from bundled data, through the
// same clients that read a real Prometheus and Loki.
class TestDemoContext : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    QList<Alert> m_alerts = DemoAlerts::load(m_now);
    std::unique_ptr<DemoContextServer> m_server;
    ContextClient m_client;

    Alert alertNamed(const QString &name) const
    {
        for (const Alert &alert : m_alerts)
            if (alert.name == name)
                return alert;
        return {};
    }
    ConnectionCheckRequest endpoint() const { return {m_server->url()}; }

    MetricResult metrics(const QString &query, const ContextPlan::Window &window)
    {
        std::optional<MetricResult> result;
        m_client.queryMetrics(endpoint(), query, window, this, [&result](const MetricResult &r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10'000); }();
        return result.value_or(MetricResult{});
    }
    LogResult logs(const QString &logQl, const ContextPlan::Window &window, int limit = 500)
    {
        std::optional<LogResult> result;
        m_client.queryLogs(endpoint(), logQl, window, limit, this, [&result](const LogResult &r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10'000); }();
        return result.value_or(LogResult{});
    }
    static double maxBetween(const Series &series, const QDateTime &from, const QDateTime &to)
    {
        double most = -1e300;
        for (const Sample &sample : series.samples)
            if (sample.ms >= from.toMSecsSinceEpoch() && sample.ms <= to.toMSecsSinceEpoch())
                most = std::max(most, sample.value);
        return most;
    }
    QByteArray get(const QString &pathAndQuery)
    {
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(
            network.get(QNetworkRequest(m_server->url().resolved(QUrl(pathAndQuery)))));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000); }();
        return reply->readAll();
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(m_alerts.size(), 7);
        m_server = std::make_unique<DemoContextServer>(m_alerts);
        QVERIFY(m_server->start());
        QCOMPARE(m_server->url().host(), u"127.0.0.1"_s);
    }

    void theAlertsChartShowsItsIncidentOnItsOwnInstance()
    {
        const Alert cpu = alertNamed(u"HighCPUUsage"_s);
        const ContextPlan::MetricPlan plan = ContextPlan::metricPlan(cpu);
        QVERIFY(plan.queries.size() >= 2);
        const ContextPlan::Window window = ContextPlan::window(cpu, m_now, {30, 10, 1000});
        const MetricResult result = metrics(plan.queries.at(0).expression, window);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY2(result.series.size() >= 3, "several instances, the alert's among them");
        int found = 0;
        for (const Series &series : result.series) {
            const double before = maxBetween(series, window.start, cpu.startsAt.addSecs(-600));
            const double during = maxBetween(series, cpu.startsAt, window.end);
            if (series.labels.value(u"instance"_s) == u"db-01:9100"_s) {
                ++found;
                QVERIFY2(before < 50 && during > 85, qPrintable(u"%1 → %2"_s.arg(before).arg(during)));
            } else {
                QVERIFY2(during < 50, qPrintable(series.labels.value(u"instance"_s)));
            }
        }
        QCOMPARE(found, 1);

        // The companion panels ask for the alert's instance alone.
        const MetricResult companion = metrics(plan.queries.at(1).expression, window);
        QVERIFY(companion.ok);
        QCOMPARE(companion.series.size(), 1);
        QCOMPARE(companion.series.at(0).labels.value(u"instance"_s), u"db-01:9100"_s);

        // A week earlier (PromQL offset) it was a normal day.
        const MetricResult lastWeek = metrics(plan.queries.at(0).expression + u" offset 1w"_s, window);
        QVERIFY(lastWeek.ok);
        for (const Series &series : lastWeek.series)
            QVERIFY(maxBetween(series, window.start, window.end) < 50);
    }

    void everyAlertHasAChart()
    {
        for (const Alert &alert : std::as_const(m_alerts)) {
            const ContextPlan::MetricPlan plan = ContextPlan::metricPlan(alert);
            QVERIFY2(!plan.queries.isEmpty(), qPrintable(alert.name));
            const MetricResult result = metrics(plan.queries.at(0).expression, ContextPlan::window(alert, m_now));
            QVERIFY2(result.ok && !result.series.isEmpty() && !result.series.at(0).samples.isEmpty(),
                     qPrintable(alert.name));
        }
    }

    void theAlertsLogsShowTheIncident()
    {
        const Alert cpu = alertNamed(u"HighCPUUsage"_s);
        const ContextPlan::LogQuery query = ContextPlan::logQuery(cpu, ContextPlan::defaultLabelRules(), false);
        const ContextPlan::Window window = ContextPlan::window(cpu, m_now, {30, 10, 1000});
        const LogResult all = logs(query.logQl(), window);
        QVERIFY2(all.ok, qPrintable(all.error));
        QVERIFY(all.lines.size() > 20);
        QVERIFY(std::any_of(all.lines.cbegin(), all.lines.cend(),
                            [](const LogLine &l) { return l.line.contains(u"Out of memory: Killed process"_s); }));
        QVERIFY(std::is_sorted(all.lines.cbegin(), all.lines.cend(),
                               [](const LogLine &a, const LogLine &b) { return a.ns < b.ns; }));
        for (const LogLine &line : all.lines)
            QCOMPARE(line.stream.value(u"instance"_s), u"db-01:9100"_s);

        // Loki's line filters apply: only the error-like lines are left.
        const LogResult errors = logs(query.selector + u' ' + LogLevel::errorLineFilter(), window);
        QVERIFY(errors.ok);
        QVERIFY(!errors.lines.isEmpty() && errors.lines.size() < all.lines.size());
        const Result<LogQlQuery> errorLike = LogQlQuery::parse(query.selector + u' ' + LogLevel::errorLineFilter());
        QVERIFY(errorLike);
        for (const LogLine &line : errors.lines)
            QVERIFY2(errorLike->matchesLine(line.line), qPrintable(line.line));

        // The limit keeps the newest lines.
        const LogResult few = logs(query.logQl(), window, 5);
        QCOMPARE(few.lines.size(), 5);
        QCOMPARE(few.lines.last().ns, all.lines.last().ns);
    }

    void lokiSaysWhichLabelsAndStreamsExist()
    {
        const QJsonArray labels
            = QJsonDocument::fromJson(get(u"/loki/api/v1/labels"_s)).object().value(u"data"_s).toArray();
        for (const char *label : {"instance", "job", "host", "pod", "namespace"})
            QVERIFY2(labels.contains(QLatin1String(label)), label);
        const QByteArray match = QUrl::toPercentEncoding(u"{instance=\"db-01:9100\"}"_s);
        const QJsonArray series
            = QJsonDocument::fromJson(get(u"/loki/api/v1/series?match%5B%5D="_s + QString::fromLatin1(match)))
                  .object()
                  .value(u"data"_s)
                  .toArray();
        QCOMPARE(series.size(), 1);
        QCOMPARE(series.at(0).toObject().value(u"job"_s).toString(), u"node"_s);
    }

    void refusesWhatTheRealServersRefuse()
    {
        DemoContext context(m_alerts);
        const DemoContext::Parameters tooFine{
            {u"query"_s, u"up{job=\"api\"}"_s}, {u"start"_s, u"0"_s}, {u"end"_s, u"100000"_s}, {u"step"_s, u"1"_s}};
        const DemoContext::Answer refused = context.answer("/api/v1/query_range", tooFine, m_now);
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.body.contains("11,000 points"));
        const DemoContext::Answer everything
            = context.answer("/loki/api/v1/query_range", {{u"query"_s, u"{job=~\".*\"}"_s}}, m_now);
        QCOMPARE(everything.status, 400);
        QCOMPARE(context.answer("/nowhere", {}, m_now).status, 404);
        // Hostile text in a selector is data, not JSON.
        const DemoContext::Answer odd
            = context.answer("/loki/api/v1/series", {{u"match[]"_s, u"{job=\"\\\"}],\\\"x\"}"_s}}, m_now);
        QCOMPARE(odd.status, 200);
        QVERIFY(!QJsonDocument::fromJson(odd.body).isNull());
    }

    void theSameQuestionGetsTheSameAnswer()
    {
        DemoContext context(m_alerts);
        const DemoContext::Parameters query{{u"query"_s, u"node_cpu_seconds_total"_s},
                                            {u"start"_s, QString::number(m_now.toSecsSinceEpoch() - 3600)},
                                            {u"end"_s, QString::number(m_now.toSecsSinceEpoch())},
                                            {u"step"_s, u"60"_s}};
        QCOMPARE(context.answer("/api/v1/query_range", query, m_now).body,
                 context.answer("/api/v1/query_range", query, m_now).body);
    }
};

QTEST_GUILESS_MAIN(TestDemoContext)
#include "tst_democontext.moc"
