// The analysis tools against a real Prometheus (Debian's package, on loopback,
// scraping itself every second) and a local stand-in for Loki's API: the model's calls
// come back with real series and Prometheus's own error messages, and the limits the
// tools enforce agree with what Prometheus accepts.

#include "FakeHttpServer.h"
#include "SelfScrapingPrometheus.h"
#include "TestData.h"
#include "analysis/AnalysisTools.h"
#include "context/ContextClient.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Problem = AnalysisTools::Problem;

class TestAnalysisToolsPrometheus : public QObject
{
    Q_OBJECT

    SelfScrapingPrometheus m_prometheus;
    quint16 m_port = 0;
    FakeHttpServer m_loki;

    std::unique_ptr<AnalysisTools> tools()
    {
        AnalysisTools::Sources sources;
        sources.prometheus.url = m_prometheus.url();
        sources.loki.url = m_loki.url();
        Alert alert;
        alert.source = u"alertmanager"_s;
        alert.fingerprint = u"self-up"_s;
        return std::make_unique<AnalysisTools>(AnalysisTools::Settings{}, sources, nullptr, alert);
    }

    AnalysisTools::Outcome call(AnalysisTools &tools, const QString &name, const QString &arguments)
    {
        std::optional<AnalysisTools::Outcome> outcome;
        const bool accepted = tools.run({u"call"_s, name, arguments}, this,
                                        [&outcome](const AnalysisTools::Outcome &result) { outcome = result; });
        [&] {
            QVERIFY(accepted);
            QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20'000);
        }();
        return outcome.value_or(AnalysisTools::Outcome{});
    }

private slots:
    void initTestCase()
    {
        const QString problem = m_prometheus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_port = m_prometheus.port();
        // A few scrapes, so a range has more than one point.
        const QDateTime firstData = m_prometheus.firstData();
        QTRY_VERIFY_WITH_TIMEOUT(firstData.secsTo(QDateTime::currentDateTimeUtc()) >= 3, 10'000);

        QVERIFY(m_loki.listen());
        m_loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-streams.json"_s)});
    }

    void queryPrometheusReturnsRealSeries()
    {
        auto runner = tools();
        const AnalysisTools::Outcome outcome
            = call(*runner, u"query_prometheus"_s, u"{\"query\": \"up{job=\\\"self\\\"}\", \"start\": \"-5m\"}"_s);
        QVERIFY2(outcome.ok(), qPrintable(outcome.text));
        const MetricResult &metrics = std::get<MetricResult>(outcome.payload);
        QCOMPARE(metrics.series.size(), 1);
        QCOMPARE(metrics.series.constFirst().labels.value(u"job"_s), u"self"_s);
        QVERIFY(!metrics.series.constFirst().samples.isEmpty());
        QCOMPARE(metrics.series.constFirst().samples.constLast().value, 1.0);
        QVERIFY2(outcome.text.contains(u"\"job\":\"self\""_s) && outcome.text.contains(u"\"last\":1"_s),
                 qPrintable(outcome.text));
    }

    void prometheusErrorsReachTheModel()
    {
        auto runner = tools();
        const AnalysisTools::Outcome outcome = call(*runner, u"query_prometheus"_s, u"{\"query\": \"up{\"}"_s);
        QCOMPARE(outcome.problem, Problem::SourceFailed);
        // Prometheus's own words, so the model can fix its expression.
        QVERIFY2(outcome.text.startsWith(u"query_prometheus failed, asking the configured Prometheus: \"bad_data: "_s)
                     && outcome.text.contains(u"parse error"_s),
                 qPrintable(outcome.text));
    }

    void theLongestAcceptedRangeAndStepSuitPrometheus()
    {
        // 24 h at the smallest step the tools accept (8 s: 10,801 points) is within
        // Prometheus's 11,000; one second less would be refused before asking.
        auto runner = tools();
        AnalysisTools::Outcome outcome
            = call(*runner, u"query_prometheus"_s, u"{\"query\": \"up\", \"start\": \"-24h\", \"step\": \"8s\"}"_s);
        QVERIFY2(outcome.ok(), qPrintable(outcome.text));
        outcome = call(*runner, u"query_prometheus"_s, u"{\"query\": \"up\", \"start\": \"-24h\", \"step\": \"7s\"}"_s);
        QCOMPARE(outcome.problem, Problem::BadArguments);
        QVERIFY2(outcome.text.contains(u"Use a step of at least 8 s"_s), qPrintable(outcome.text));
    }

    void listSeriesFindsTheScrapedSeries()
    {
        auto runner = tools();
        const AnalysisTools::Outcome outcome
            = call(*runner, u"list_series"_s, u"{\"match\": \"{__name__=~\\\"up|scrape_duration_seconds\\\"}\"}"_s);
        QVERIFY2(outcome.ok(), qPrintable(outcome.text));
        const QList<LabelMap> series = std::get<ContextClient::SeriesList>(outcome.payload).series;
        QCOMPARE(series.size(), 2);
        QVERIFY(outcome.text.contains(
            u"{\"__name__\":\"up\",\"instance\":\"127.0.0.1:%1\",\"job\":\"self\"}"_s.arg(m_port)));
    }

    void refusedCallsNameWhatWasWrong()
    {
        auto runner = tools();
        AnalysisTools::Outcome outcome
            = call(*runner, u"query_prometheus"_s, u"{\"query\": \"up\", \"start\": \"-30d\"}"_s);
        QCOMPARE(outcome.problem, Problem::BadArguments);
        QVERIFY2(outcome.text.contains(u"is 30 d long; at most 24 h can be asked for at once"_s),
                 qPrintable(outcome.text));
        outcome = call(*runner, u"list_series"_s,
                       u"{\"match\": \"up\", \"url\": \"http://127.0.0.1:%1\"}"_s.arg(m_loki.port()));
        QCOMPARE(outcome.problem, Problem::BadArguments);
        QVERIFY2(outcome.text.contains(u"no host or URL can be chosen"_s), qPrintable(outcome.text));
        QVERIFY(m_loki.requests.isEmpty());
    }

    void queryLokiAgainstTheStandIn()
    {
        auto runner = tools();
        const AnalysisTools::Outcome outcome
            = call(*runner, u"query_loki"_s, u"{\"query\": \"{service=\\\"checkout\\\"}\", \"start\": \"-10m\"}"_s);
        QVERIFY2(outcome.ok(), qPrintable(outcome.text));
        QVERIFY(!std::get<LogResult>(outcome.payload).lines.isEmpty());
        QCOMPARE(m_loki.requests.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisToolsPrometheus)
#include "tst_analysistools_prometheus.moc"
