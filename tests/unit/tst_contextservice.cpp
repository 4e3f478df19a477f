#include "AlertBuilder.h"
#include "FakeHttpServer.h"
#include "TestData.h"
#include "context/ContextService.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QUrlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

Alert nodeAlert(int n)
{
    return AlertBuilder(u"fp%1"_s.arg(n))
        .named(u"HostDown"_s)
        .severity(Severity::Critical)
        .label(u"instance"_s, u"host-%1:9100"_s.arg(n))
        .promQl(u"up == 0"_s)
        .startsAt(QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
}

const QDateTime now = QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC);

// Log lines asked for (stream discovery's labels and series requests come before them).
qsizetype logFetches(const FakeHttpServer &loki)
{
    return std::count_if(loki.requests.cbegin(), loki.requests.cend(),
                         [](const HttpRequest &request) { return request.path == "/loki/api/v1/query_range"; });
}

// Holds the first plan worked out on its worker thread until released, so that a test
// can do things while it is under way; the others go through.
struct PlanGate {
    QSemaphore entered;
    QSemaphore release;
    std::atomic<int> plans = 0;
    std::atomic<QThread *> thread = nullptr;

    std::function<void()> hook()
    {
        return [this] {
            thread = QThread::currentThread();
            if (plans++ == 0) {
                entered.release();
                // Bounded: a broken test fails instead of hanging.
                release.tryAcquire(1, 20'000);
            }
        };
    }
};

// Every plan handed to the pool has come back to the service (or to nobody).
void settle()
{
    QThreadPool::globalInstance()->waitForDone(20'000);
    bool delivered = false;
    QTimer::singleShot(0, [&delivered] { delivered = true; });
    QTRY_VERIFY(delivered);
}

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
    void initTestCase()
    {
        // A held plan must not keep the others waiting for a thread.
        QThreadPool::globalInstance()->setMaxThreadCount(std::max(4, QThreadPool::globalInstance()->maxThreadCount()));
    }

    void init()
    {
        QVERIFY(m_prometheus.listen());
        QVERIFY(m_loki.listen());
        m_prometheus.requests.clear();
        m_loki.requests.clear();
        m_prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        m_loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-limited.json"_s)});
    }

    void selectFetchesOnceThenServesTheCache()
    {
        ContextService service;
        service.setSources(sources());
        QSignalSpy updated(&service, &ContextService::contextUpdated);
        const Alert alert = nodeAlert(1);
        service.select(alert, now);
        const OccurrenceKey key = OccurrenceKey::of(alert);
        QTRY_VERIFY(service.context(key) && service.context(key)->complete());
        const ContextService::Context *context = service.context(key);
        QCOMPARE(context->queries.size(), 5); // up, and four node panels
        QVERIFY(context->metrics.at(0)->ok);
        QCOMPARE(context->logs->lines.size(), 3);
        QCOMPARE(context->logQuery.selector, u"{host=\"host-1\"}"_s);
        QCOMPARE(m_prometheus.requests.size(), 5);
        QCOMPARE(logFetches(m_loki), 1);
        QCOMPARE(service.runningRequests(), 0);

        updated.clear();
        service.select(nodeAlert(2), now);
        service.select(alert, now); // back: from the cache, at once
        QCOMPARE(updated.count() >= 1, true);
        QCOMPARE(updated.last().at(0).value<OccurrenceKey>(), key);
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
        QVERIFY(!service.context(OccurrenceKey::of(nodeAlert(1)))); // half-fetched: forgotten
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
                 (QList<OccurrenceKey>{OccurrenceKey::of(nodeAlert(0)), OccurrenceKey::of(nodeAlert(1))}));
        QCOMPARE(service.queuedPrefetches(), ContextService::maxQueuedPrefetches);
        QCOMPARE(service.queuedKeys().constLast(), OccurrenceKey::of(nodeAlert(29)));
        QVERIFY(!service.queuedKeys().contains(OccurrenceKey::of(nodeAlert(9))));
        QTRY_VERIFY(!m_prometheus.requests.isEmpty());

        // When those finish, the next newest start.
        m_prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-empty.json"_s)});
        service.setSources(sources()); // drops the hanging ones
        for (int i = 30; i < 33; ++i)
            service.prefetch(nodeAlert(i), now);
        QCOMPARE(service.prefetching().size(), 2);
        QTRY_VERIFY(service.prefetching().isEmpty() && service.queuedPrefetches() == 0);
        QTRY_VERIFY(service.context(OccurrenceKey::of(nodeAlert(32))));
        QVERIFY(service.context(OccurrenceKey::of(nodeAlert(30)))->complete());
    }

    void withoutSourcesNothingIsPrefetched()
    {
        ContextService service;
        service.setSources({});
        for (int i = 0; i < 5; ++i)
            service.prefetch(nodeAlert(i), now);
        QVERIFY(service.prefetching().isEmpty());
        QCOMPARE(service.queuedPrefetches(), 0);
        QVERIFY(!service.isPlanning(OccurrenceKey::of(nodeAlert(0))));
        // Opening the alert still says what is missing.
        service.hold(nodeAlert(0), now);
        QTRY_VERIFY(service.context(OccurrenceKey::of(nodeAlert(0))));
    }

    void editedQueryRunsAgain()
    {
        ContextService service;
        service.setSources(sources());
        const Alert alert = nodeAlert(1);
        const OccurrenceKey key = OccurrenceKey::of(alert);
        service.select(alert, now);
        QTRY_VERIFY(service.context(key) && service.context(key)->complete());
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
        QTRY_VERIFY(service.context(OccurrenceKey::of(alert)));
        const ContextService::Context *context = service.context(OccurrenceKey::of(alert));
        QCOMPARE(context->queries.size(), 6);
        QCOMPARE(context->queries.last().title, u"Load"_s);
        QCOMPARE(context->queries.last().expression, u"node_load1{instance=\"host-7:9100\"}"_s);
        QTRY_VERIFY(service.context(OccurrenceKey::of(alert))->complete());
    }

    void withoutSourcesSaysWhatIsMissing()
    {
        ContextService service;
        QSignalSpy updated(&service, &ContextService::contextUpdated);
        const Alert alert = nodeAlert(1);
        service.select(alert, now);
        QTRY_VERIFY(!updated.isEmpty());
        const ContextService::Context *context = service.context(OccurrenceKey::of(alert));
        QVERIFY(context && context->complete());
        QVERIFY(context->queries.isEmpty());
        QVERIFY(context->logQuery.problem.contains(u"No Loki is configured"_s));
    }

    void planIsWorkedOutOffTheCallingThread()
    {
        ContextService service;
        service.setSources(sources());
        PlanGate gate;
        service.setPlanHook(gate.hook());
        QSignalSpy updated(&service, &ContextService::contextUpdated);
        const Alert alert = nodeAlert(1);
        const OccurrenceKey key = OccurrenceKey::of(alert);
        service.select(alert, now);
        // select() came back while the plan is held on its worker: nothing waits for it.
        QVERIFY(gate.entered.tryAcquire(1, 20'000));
        QVERIFY(service.isPlanning(key));
        QVERIFY(!service.context(key));
        QVERIFY(updated.isEmpty());
        QVERIFY(gate.thread.load() && gate.thread.load() != QThread::currentThread());
        QVERIFY(gate.thread.load() != service.thread());
        // Selecting it again while it is planned starts no second plan.
        service.select(alert, now);
        gate.release.release();
        QTRY_VERIFY(service.context(key) && service.context(key)->complete());
        QCOMPARE(gate.plans.load(), 1);
        QCOMPARE(updated.first().at(0).value<OccurrenceKey>(), key);
        QCOMPARE(m_prometheus.requests.size(), 5);
        QCOMPARE(logFetches(m_loki), 1);
    }

    void aPlanOvertakenByANewSelectionIsDropped()
    {
        ContextService service;
        service.setSources(sources());
        PlanGate gate;
        service.setPlanHook(gate.hook());
        const Alert alert = nodeAlert(1);
        const OccurrenceKey key = OccurrenceKey::of(alert);
        // Selected an hour after it started (the window ends 10 min after the start)…
        service.select(alert, alert.startsAt.addSecs(3600));
        QVERIFY(gate.entered.tryAcquire(1, 20'000));
        // …then another alert, and this one again two minutes after its start: a newer plan.
        service.select(nodeAlert(2), now);
        service.select(alert, alert.startsAt.addSecs(120));
        QTRY_VERIFY(service.context(key) && service.context(key)->complete());
        QCOMPARE(service.context(key)->window.end, alert.startsAt.addSecs(120));
        const qsizetype requests = m_prometheus.requests.size();

        // The first plan comes back late: it is not applied, and fetches nothing.
        gate.release.release();
        settle();
        QCOMPARE(service.context(key)->window.end, alert.startsAt.addSecs(120));
        QVERIFY(service.context(key)->complete());
        QCOMPARE(m_prometheus.requests.size(), requests);
        QCOMPARE(service.runningRequests(), 0);
        QCOMPARE(gate.plans.load(), 3);
    }

    void aPlanForOldSourcesIsDropped()
    {
        ContextService service;
        service.setSources(sources());
        PlanGate gate;
        service.setPlanHook(gate.hook());
        const Alert alert = nodeAlert(1);
        const OccurrenceKey key = OccurrenceKey::of(alert);
        service.select(alert, now);
        QVERIFY(gate.entered.tryAcquire(1, 20'000));
        // Reconfigured while the plan is worked out: the new sources add a chart.
        ContextService::Sources withTemplates = sources();
        withTemplates.templates
            = ContextTemplates::parse(u"match alertname=\"HostDown\"\nquery Load = node_load1\n"_s).config;
        service.setSources(withTemplates);
        service.select(alert, now);
        QTRY_VERIFY(service.context(key) && service.context(key)->complete());
        QCOMPARE(service.context(key)->queries.size(), 6);
        gate.release.release();
        settle();
        QCOMPARE(service.context(key)->queries.size(), 6);
        QCOMPARE(m_prometheus.requests.size(), 6);
    }

    void destroyedWhilePlanningIsSafe()
    {
        PlanGate gate;
        {
            ContextService service;
            service.setSources(sources());
            service.setPlanHook(gate.hook());
            service.select(nodeAlert(1), now);
            QVERIFY(gate.entered.tryAcquire(1, 20'000));
        }
        gate.release.release();
        settle();
        QVERIFY(m_prometheus.requests.isEmpty());
    }

    void prefetchesBeingPlannedCountAgainstTheLimit()
    {
        ContextService service;
        service.setSources(sources());
        PlanGate gate;
        service.setPlanHook(gate.hook());
        for (int i = 0; i < 5; ++i)
            service.prefetch(nodeAlert(i), now);
        QVERIFY(gate.entered.tryAcquire(1, 20'000));
        QCOMPARE(service.prefetching().size(), ContextService::maxConcurrentPrefetches);
        QCOMPARE(service.queuedPrefetches(), 3);
        // A prefetch of an alert whose plan is on its way is not queued twice.
        service.prefetch(nodeAlert(0), now);
        QCOMPARE(service.queuedPrefetches(), 3);
        gate.release.release();
        QTRY_VERIFY(service.prefetching().isEmpty() && service.queuedPrefetches() == 0);
        for (int i = 0; i < 5; ++i)
            QVERIFY(service.context(OccurrenceKey::of(nodeAlert(i)))->complete());
        QCOMPARE(gate.plans.load(), 5);
    }

    void tooLongExpressionIsNotSentToPrometheus()
    {
        ContextService service;
        service.setSources(sources());
        Alert alert = nodeAlert(1);
        alert.promQl = u'a' + QString(100'000, u' ') + u'b';
        const OccurrenceKey key = OccurrenceKey::of(alert);
        service.select(alert, now);
        QTRY_VERIFY(service.context(key) && service.context(key)->complete());
        QCOMPARE(service.context(key)->queries.size(), 4); // the node panels only
        QCOMPARE(service.context(key)->notes.size(), 1);
        QVERIFY(service.context(key)->notes.first().startsWith(u"The alert's expression is too long to chart"_s));
        QCOMPARE(m_prometheus.requests.size(), 4);
        for (const HttpRequest &request : std::as_const(m_prometheus.requests))
            QVERIFY(request.body.size() < 2000);
    }
};

QTEST_GUILESS_MAIN(TestContextService)
#include "tst_contextservice.moc"
