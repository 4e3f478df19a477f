#include "AlertBuilder.h"
#include "FakeHttpServer.h"
#include "TestData.h"
#include "context/ContextService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

// A Prometheus that answers a range with one sample per step, valued the sample's
// time in seconds, and an instant with the instant's time: what was asked for shows
// in the answer.
FakeHttpServer::Response gridAnswer(const HttpRequest &request)
{
    const QUrlQuery form(QString::fromUtf8(request.body));
    const qint64 start = form.queryItemValue(u"start"_s).toLongLong();
    const qint64 end = form.queryItemValue(u"end"_s).toLongLong();
    const qint64 step = std::max<qint64>(1, form.queryItemValue(u"step"_s).toLongLong());
    QJsonArray values;
    for (qint64 t = start; t <= end && values.size() < 11'000; t += step)
        values.append(QJsonArray{double(t), QString::number(t)});
    const QJsonObject series{{u"metric"_s, QJsonObject{{u"instance"_s, u"host-1:9100"_s}}}, {u"values"_s, values}};
    const QJsonObject data{{u"resultType"_s, u"matrix"_s}, {u"result"_s, QJsonArray{series}}};
    return {200, QJsonDocument(QJsonObject{{u"status"_s, u"success"_s}, {u"data"_s, data}}).toJson()};
}

FakeHttpServer::Response instantAnswer(const HttpRequest &request)
{
    const QUrlQuery form(QString::fromUtf8(request.body));
    const double time = form.queryItemValue(u"time"_s).toDouble();
    const QJsonObject series{{u"metric"_s, QJsonObject{{u"instance"_s, u"host-1:9100"_s}}},
                             {u"value"_s, QJsonArray{time, QString::number(time, 'f', 0)}}};
    const QJsonObject data{{u"resultType"_s, u"vector"_s}, {u"result"_s, QJsonArray{series}}};
    return {200, QJsonDocument(QJsonObject{{u"status"_s, u"success"_s}, {u"data"_s, data}}).toJson()};
}

QList<qint64> sampleTimes(const ContextService::Context &context)
{
    QList<qint64> times;
    for (const Sample &sample : context.metrics.at(0)->series.value(0).samples)
        times << sample.ms / 1000;
    return times;
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

    // Range queries sent to Prometheus (the instant queries for the values at the
    // alert's start and end are counted apart).
    qsizetype rangeRequests() const
    {
        return std::count_if(m_prometheus.requests.cbegin(), m_prometheus.requests.cend(),
                             [](const HttpRequest &request) { return request.path == "/api/v1/query_range"; });
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
        QCOMPARE(rangeRequests(), 5);
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
        QTRY_COMPARE(rangeRequests(), 5);
        QVERIFY(service.runningRequests() >= 5);
        service.select(nodeAlert(2), now);
        QVERIFY(!service.context(OccurrenceKey::of(nodeAlert(1)))); // half-fetched: forgotten
        QTRY_COMPARE(rangeRequests(), 10);
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
        QCOMPARE(rangeRequests(), 5);
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
        const qsizetype requests = rangeRequests();

        // The first plan comes back late: it is not applied, and fetches nothing.
        gate.release.release();
        settle();
        QCOMPARE(service.context(key)->window.end, alert.startsAt.addSecs(120));
        QVERIFY(service.context(key)->complete());
        QCOMPARE(rangeRequests(), requests);
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
        QCOMPARE(rangeRequests(), 6);
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

    void aFiringAlertsWindowFollowsNowAskingOnlyForNewPoints()
    {
        m_prometheus.handle("/api/v1/query_range", gridAnswer);
        ContextService service;
        service.setSources(sources());
        Alert alert = nodeAlert(1);
        alert.startsAt = now.addSecs(-20 * 60);
        const OccurrenceKey key = OccurrenceKey::of(alert);
        service.select(alert, now);
        QTRY_VERIFY(service.context(key) && service.context(key)->complete());
        const ContextService::Context *context = service.context(key);
        QCOMPARE(context->window.end, now); // up to now, not 10 minutes after the start
        QVERIFY(context->window.following);
        const int step = context->window.stepSeconds;
        const QList<qint64> before = sampleTimes(*context);
        QCOMPARE(before.constLast(), now.toSecsSinceEpoch());
        const quint64 revision = context->revisions.at(0);
        m_prometheus.requests.clear();

        const QDateTime later = now.addSecs(60);
        service.refresh(later);
        // Drawn meanwhile: the cached points stay until the new ones are there.
        QVERIFY(service.context(key)->metrics.at(0).has_value());
        QTRY_VERIFY(service.context(key)->complete() && service.runningRequests() == 0
                    && service.context(key)->revisions.at(0) > revision);
        context = service.context(key);
        QCOMPARE(context->window.end, later);
        // Only the tail was asked for, on the cached points' grid.
        const HttpRequest first = m_prometheus.requests.constFirst();
        const QUrlQuery form(QString::fromUtf8(first.body));
        QCOMPARE(form.queryItemValue(u"start"_s).toLongLong(), now.toSecsSinceEpoch());
        QCOMPARE(form.queryItemValue(u"end"_s).toLongLong(), later.toSecsSinceEpoch());
        const QList<qint64> after = sampleTimes(*context);
        QCOMPARE(after.constFirst(), before.constFirst());
        QCOMPARE(after.constLast(), later.toSecsSinceEpoch());
        QCOMPARE(after.size(), before.size() + 60 / step);
        for (qsizetype i = 1; i < after.size(); ++i)
            QCOMPARE(after.at(i) - after.at(i - 1), qint64(step)); // no duplicates, no holes
        QCOMPARE(logFetches(m_loki), 2); // the logs follow too

        // A resolved alert's window stops following once past its end + minutesAfter.
        alert.state = AlertState::Resolved;
        alert.endsAt = later;
        service.select(alert, later.addSecs(3600));
        QTRY_VERIFY(service.runningRequests() == 0 && service.context(key)->window.end == later.addSecs(600));
        QVERIFY(!service.context(key)->window.following);
        m_prometheus.requests.clear();
        service.refresh(later.addSecs(7200));
        QCOMPARE(service.runningRequests(), 0);
        QVERIFY(m_prometheus.requests.isEmpty());
    }

    void aChosenRangeAppliesToMetricsAndLogs()
    {
        m_prometheus.handle("/api/v1/query_range", gridAnswer);
        ContextService service;
        service.setSources(sources());
        const Alert alert = nodeAlert(1);
        const OccurrenceKey key = OccurrenceKey::of(alert);
        service.select(alert, now);
        QTRY_VERIFY(service.context(key) && service.context(key)->complete());
        m_prometheus.requests.clear();
        m_loki.requests.clear();

        TimeRange range;
        range.kind = TimeRange::Kind::Last6Hours;
        service.setRange(range, now);
        QCOMPARE(service.range(), range);
        const ContextService::Context *context = service.context(key);
        QCOMPARE(context->window.start, now.addSecs(-6 * 3600));
        QVERIFY(context->metrics.at(0).has_value()); // the old chart stays meanwhile
        QTRY_VERIFY(service.runningRequests() == 0 && logFetches(m_loki) == 1);
        context = service.context(key);
        QCOMPARE(sampleTimes(*context).constFirst(), now.addSecs(-6 * 3600).toSecsSinceEpoch());
        QCOMPARE(rangeRequests(), 5);
        const auto logQuery = std::find_if(m_loki.requests.cbegin(), m_loki.requests.cend(),
                                           [](const HttpRequest &r) { return r.path == "/loki/api/v1/query_range"; });
        QVERIFY(logQuery != m_loki.requests.cend());
        const QUrlQuery logs(QString::fromUtf8(logQuery->target.mid(logQuery->target.indexOf('?') + 1)));
        QCOMPARE(logs.queryItemValue(u"start"_s).toLongLong(), now.addSecs(-6 * 3600).toMSecsSinceEpoch() * 1'000'000);

        // Another alert selected later gets the chosen range too.
        const Alert other = nodeAlert(2);
        service.select(other, now);
        QTRY_VERIFY(service.context(OccurrenceKey::of(other)));
        QCOMPARE(service.context(OccurrenceKey::of(other))->window.start, now.addSecs(-6 * 3600));
    }

    void baselinesAreTheSameQueryADayAndAWeekEarlier()
    {
        m_prometheus.handle("/api/v1/query_range", gridAnswer);
        ContextService service;
        service.setSources(sources());
        Alert alert = nodeAlert(1);
        // A hostile expression is sent as it is: the window moves, the text is not rewritten.
        alert.promQl = u"up{job=\"a offset 1d\"} # offset"_s;
        const OccurrenceKey key = OccurrenceKey::of(alert);
        service.select(alert, now);
        QTRY_VERIFY(service.context(key) && service.context(key)->complete() && service.runningRequests() == 0);
        const ContextPlan::Window window = service.context(key)->window;
        m_prometheus.requests.clear();
        service.setBaseline(key, 0, true);
        QTRY_VERIFY(service.runningRequests() == 0 && service.context(key)->baselines.value(0).weekBefore);
        QCOMPARE(m_prometheus.requests.size(), 2);
        QList<qint64> starts;
        for (const HttpRequest &request : std::as_const(m_prometheus.requests)) {
            const QUrlQuery form(QString::fromUtf8(request.body));
            QCOMPARE(form.queryItemValue(u"query"_s, QUrl::FullyDecoded),
                     service.context(key)->queries.at(0).expression);
            starts << form.queryItemValue(u"start"_s).toLongLong();
        }
        std::sort(starts.begin(), starts.end());
        QCOMPARE(starts,
                 (QList<qint64>{window.start.toSecsSinceEpoch() - 7 * 86400, window.start.toSecsSinceEpoch() - 86400}));
        // Moved onto this window's times; the values tell where they came from.
        const ContextService::Context::Baseline baseline = service.context(key)->baselines.value(0);
        const Sample first = baseline.dayBefore->series.constFirst().samples.constFirst();
        QCOMPARE(first.ms, window.start.toMSecsSinceEpoch());
        QCOMPARE(qint64(first.value), window.start.toSecsSinceEpoch() - 86400);
        QCOMPARE(qint64(baseline.weekBefore->series.constFirst().samples.constFirst().value),
                 window.start.toSecsSinceEpoch() - 7 * 86400);

        service.setBaseline(key, 0, false);
        QVERIFY(service.context(key)->baselines.isEmpty());
    }

    void valuesAtTheStartAndTheEndAreQueried()
    {
        m_prometheus.handle("/api/v1/query", instantAnswer);
        ContextService service;
        service.setSources(sources());
        Alert alert = nodeAlert(1);
        const OccurrenceKey key = OccurrenceKey::of(alert);
        service.select(alert, now);
        QTRY_VERIFY(service.context(key) && service.context(key)->valueAtStart);
        const ContextService::Context *context = service.context(key);
        QVERIFY(context->valueAtStart->ok);
        QCOMPARE(context->valueAtStart->values.constFirst().second, double(alert.startsAt.toSecsSinceEpoch()));
        QVERIFY(!context->valueAtEnd); // still firing

        // Resolved while shown: the value at its end is asked for.
        alert.state = AlertState::Resolved;
        alert.endsAt = alert.startsAt.addSecs(900);
        service.select(alert, now);
        QTRY_VERIFY(service.context(key)->valueAtEnd);
        QCOMPARE(service.context(key)->valueAtEnd->values.constFirst().second, double(alert.endsAt.toSecsSinceEpoch()));
        // The alert's own expression, not a companion panel's.
        for (const HttpRequest &request : std::as_const(m_prometheus.requests))
            if (request.path == "/api/v1/query")
                QCOMPARE(QUrlQuery(QString::fromUtf8(request.body)).queryItemValue(u"query"_s, QUrl::FullyDecoded),
                         u"up"_s);
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
        QCOMPARE(rangeRequests(), 4);
        QCOMPARE(m_prometheus.requests.size(), 4); // no value at the start of a query not sent
        for (const HttpRequest &request : std::as_const(m_prometheus.requests))
            QVERIFY(request.body.size() < 2000);
    }
};

QTEST_GUILESS_MAIN(TestContextService)
#include "tst_contextservice.moc"
