#include "FakeHttpServer.h"
#include "TestData.h"
#include "context/ContextService.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

Alert nodeAlert(int n)
{
    Alert alert;
    alert.source = u"alertmanager"_s;
    alert.fingerprint = u"fp%1"_s.arg(n);
    alert.name = u"HostDown"_s;
    alert.severity = Severity::Critical;
    alert.labels = {{u"alertname"_s, u"HostDown"_s}, {u"instance"_s, u"host-%1:9100"_s.arg(n)}};
    alert.promQl = u"up == 0"_s;
    alert.startsAt = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
    return alert;
}

const QDateTime now = QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC);

} // namespace

class TestContextService : public QObject
{
    Q_OBJECT

private:
    FakeHttpServer m_prometheus;
    FakeHttpServer m_loki;

    ContextService::Sources sources() const
    {
        ContextService::Sources sources;
        sources.prometheus = {m_prometheus.url()};
        sources.loki = {m_loki.url()};
        return sources;
    }

private slots:
    void init()
    {
        QVERIFY(m_prometheus.listen());
        QVERIFY(m_loki.listen());
        m_prometheus.requests.clear();
        m_loki.requests.clear();
        m_prometheus.route("/api/v1/query_range",
                           {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        m_loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-limited.json"_s)});
    }

    void selectFetchesOnceThenServesTheCache()
    {
        ContextService service;
        service.setSources(sources());
        QSignalSpy updated(&service, &ContextService::contextUpdated);
        const Alert alert = nodeAlert(1);
        service.select(alert, now);
        const QString key = ContextService::keyOf(alert);
        QTRY_VERIFY(service.context(key) && service.context(key)->complete());
        const ContextService::Context *context = service.context(key);
        QCOMPARE(context->queries.size(), 5); // up, and four node panels
        QVERIFY(context->metrics.at(0)->ok);
        QCOMPARE(context->logs->lines.size(), 3);
        QCOMPARE(context->logQuery.selector, u"{host=\"host-1\"}"_s);
        QCOMPARE(m_prometheus.requests.size(), 5);
        QCOMPARE(m_loki.requests.size(), 1);
        QCOMPARE(service.runningRequests(), 0);

        updated.clear();
        service.select(nodeAlert(2), now);
        service.select(alert, now); // back: from the cache, at once
        QCOMPARE(updated.count() >= 1, true);
        QCOMPARE(updated.last().at(0).toString(), key);
        QCOMPARE(service.context(key)->metrics.size(), 5);
    }

    void movingOnCancelsTheOldSelection()
    {
        FakeHttpServer::Response never;
        never.neverAnswer = true;
        m_prometheus.route("/api/v1/query_range", never);
        ContextService service;
        service.setSources(sources());
        service.select(nodeAlert(1), now);
        QTRY_COMPARE(m_prometheus.requests.size(), 5);
        QVERIFY(service.runningRequests() >= 5);
        service.select(nodeAlert(2), now);
        QVERIFY(!service.context(ContextService::keyOf(nodeAlert(1)))); // half-fetched: forgotten
        QTRY_COMPARE(m_prometheus.requests.size(), 10);
        QTRY_COMPARE(service.runningRequests(), 5); // the new selection's metrics; its Loki query answers
    }

    void prefetchIsBoundedAndNewestFirst()
    {
        FakeHttpServer::Response never;
        never.neverAnswer = true;
        m_prometheus.route("/api/v1/query_range", never);
        ContextService service;
        service.setSources(sources());
        for (int i = 0; i < 30; ++i)
            service.prefetch(nodeAlert(i), now);
        // Two alerts at a time; of those waiting only the newest 20 are kept, the newest next.
        QCOMPARE(service.prefetching(),
                 (QStringList{ContextService::keyOf(nodeAlert(0)), ContextService::keyOf(nodeAlert(1))}));
        QCOMPARE(service.queuedPrefetches(), ContextService::maxQueuedPrefetches);
        QCOMPARE(service.queuedKeys().constLast(), ContextService::keyOf(nodeAlert(29)));
        QVERIFY(!service.queuedKeys().contains(ContextService::keyOf(nodeAlert(9))));
        QTRY_VERIFY(!m_prometheus.requests.isEmpty());

        // When those finish, the next newest start.
        m_prometheus.route("/api/v1/query_range",
                           {200, TestData::fixture(u"prometheus/query_range-empty.json"_s)});
        service.setSources(sources()); // drops the hanging ones
        for (int i = 30; i < 33; ++i)
            service.prefetch(nodeAlert(i), now);
        QCOMPARE(service.prefetching().size(), 2);
        QTRY_VERIFY(service.prefetching().isEmpty() && service.queuedPrefetches() == 0);
        QTRY_VERIFY(service.context(ContextService::keyOf(nodeAlert(32))));
        QVERIFY(service.context(ContextService::keyOf(nodeAlert(30)))->complete());
    }

    void editedQueryRunsAgain()
    {
        ContextService service;
        service.setSources(sources());
        const Alert alert = nodeAlert(1);
        const QString key = ContextService::keyOf(alert);
        service.select(alert, now);
        QTRY_VERIFY(service.context(key)->complete());
        service.rerunMetric(key, 0, u"up{job=\"node\"}"_s);
        QVERIFY(!service.context(key)->metrics.at(0).has_value());
        QTRY_VERIFY(service.context(key)->complete());
        QCOMPARE(service.context(key)->queries.at(0).expression, u"up{job=\"node\"}"_s);
        QCOMPARE(QUrlQuery(QString::fromUtf8(m_prometheus.requests.constLast().body))
                     .queryItemValue(u"query"_s, QUrl::FullyDecoded),
                 u"up{job=\"node\"}"_s);
    }

    void userTemplatesAddCharts()
    {
        ContextService service;
        ContextService::Sources withTemplates = sources();
        withTemplates.templates
            = ContextTemplates::parse(
                  u"match alertname=\"HostDown\"\nquery Load = node_load1{instance=\"${labels.instance}\"}\n"_s)
                  .config;
        service.setSources(withTemplates);
        const Alert alert = nodeAlert(7);
        service.select(alert, now);
        const ContextService::Context *context = service.context(ContextService::keyOf(alert));
        QCOMPARE(context->queries.size(), 6);
        QCOMPARE(context->queries.last().title, u"Load"_s);
        QCOMPARE(context->queries.last().expression, u"node_load1{instance=\"host-7:9100\"}"_s);
        QTRY_VERIFY(service.context(ContextService::keyOf(alert))->complete());
    }

    void withoutSourcesSaysWhatIsMissing()
    {
        ContextService service;
        const Alert alert = nodeAlert(1);
        service.select(alert, now);
        const ContextService::Context *context = service.context(ContextService::keyOf(alert));
        QVERIFY(context && context->complete());
        QVERIFY(context->queries.isEmpty());
        QVERIFY(context->logQuery.problem.contains(u"No Loki is configured"_s));
    }
};

QTEST_GUILESS_MAIN(TestContextService)
#include "tst_contextservice.moc"
