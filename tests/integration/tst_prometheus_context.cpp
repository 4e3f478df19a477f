// The Metrics tab's queries against a real Prometheus (Debian's package, on loopback,
// scraping itself every second): a firing alert's window runs to now and follows it
// asking only for the new points, the expression's value at the alert's start and end
// comes from instant queries, and the day/week-earlier ghost lines are accepted.

#include "SelfScrapingPrometheus.h"
#include "context/ChartData.h"
#include "context/ContextClient.h"
#include "context/ContextService.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestPrometheusContext : public QObject
{
    Q_OBJECT

    SelfScrapingPrometheus m_prometheus;
    quint16 m_port = 0;
    QDateTime m_firstData;

    ConnectionCheckRequest endpoint() const { return {m_prometheus.url()}; }

    Alert selfAlert(const QDateTime &startsAt) const
    {
        Alert alert;
        alert.source = u"alertmanager"_s;
        alert.fingerprint = u"self-up"_s;
        alert.name = u"SelfUp"_s;
        alert.labels
            = {{u"alertname"_s, u"SelfUp"_s}, {u"instance"_s, u"127.0.0.1:%1"_s.arg(m_port)}, {u"job"_s, u"self"_s}};
        alert.promQl = u"up{job=\"self\"} > 0"_s;
        alert.startsAt = startsAt;
        return alert;
    }

private slots:
    void initTestCase()
    {
        const QString problem = m_prometheus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_port = m_prometheus.port();
        m_firstData = m_prometheus.firstData();
    }

    void aFiringAlertsWindowRunsToNowAndFollows()
    {
        ContextService service;
        ContextService::Sources sources;
        sources.prometheus = endpoint();
        service.setSources(sources);
        const Alert alert = selfAlert(m_firstData.addSecs(1));
        const OccurrenceKey key = OccurrenceKey::of(alert);
        // Let a few scrapes follow the start.
        QTRY_VERIFY_WITH_TIMEOUT(m_firstData.secsTo(QDateTime::currentDateTimeUtc()) >= 4, 10'000);
        service.select(alert);
        QTRY_VERIFY_WITH_TIMEOUT(
            service.context(key) && service.context(key)->complete() && service.runningRequests() == 0, 20'000);
        const ContextService::Context *context = service.context(key);
        QVERIFY(std::abs(context->window.end.secsTo(QDateTime::currentDateTimeUtc())) < 10);
        QVERIFY(context->window.following);
        const MetricResult &first = *context->metrics.at(0);
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.series.size(), 1);
        QCOMPARE(ChartData::alertSeries(first.series, alert.labels), 0);
        const qint64 lastBefore = first.series.constFirst().samples.constLast().ms;
        QVERIFY(lastBefore >= alert.startsAt.toMSecsSinceEpoch());

        // The value at the start, asked of Prometheus at that instant.
        QTRY_VERIFY_WITH_TIMEOUT(service.context(key)->valueAtStart, 10'000);
        QVERIFY2(service.context(key)->valueAtStart->ok, qPrintable(service.context(key)->valueAtStart->error));
        QCOMPARE(service.context(key)->valueAtStart->values.constFirst().second, 1.0);

        // Following now: new points appended to the cached ones, on the same grid.
        const int step = context->window.stepSeconds;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto &metric = service.context(key)->metrics.at(0);
                if (service.runningRequests() == 0 && metric && metric->ok && !metric->series.isEmpty()
                    && metric->series.constFirst().samples.constLast().ms > lastBefore)
                    return true;
                service.refresh(); // as the 30-second timer does; nothing while one runs
                return false;
            }(),
            20'000);
        const QList<Sample> samples = service.context(key)->metrics.at(0)->series.constFirst().samples;
        for (qsizetype i = 1; i < samples.size(); ++i)
            QCOMPARE((samples.at(i).ms - samples.at(i - 1).ms) % (step * 1000), 0); // no duplicates, one grid

        // Resolved: the value at the end too.
        Alert resolved = alert;
        resolved.state = AlertState::Resolved;
        resolved.endsAt = QDateTime::currentDateTimeUtc().addSecs(-1);
        service.select(resolved);
        QTRY_VERIFY_WITH_TIMEOUT(service.context(key)->valueAtEnd, 10'000);
        QVERIFY2(service.context(key)->valueAtEnd->ok, qPrintable(service.context(key)->valueAtEnd->error));
        QCOMPARE(service.context(key)->valueAtEnd->values.constFirst().second, 1.0);
        QTRY_VERIFY_WITH_TIMEOUT(service.runningRequests() == 0, 10'000);
        // Up to now, until its end + minutesAfter has passed.
        QVERIFY(service.context(key)->window.end >= resolved.endsAt);

        // A day and a week earlier: Prometheus had nothing, and says so without an error.
        service.setBaseline(key, 0, true);
        QTRY_VERIFY_WITH_TIMEOUT(service.context(key)->baselines.value(0).dayBefore
                                     && service.context(key)->baselines.value(0).weekBefore,
                                 10'000);
        QVERIFY(service.context(key)->baselines.value(0).dayBefore->ok);
        QVERIFY(service.context(key)->baselines.value(0).weekBefore->ok);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusContext)
#include "tst_prometheus_context.moc"
