#include "AlertBuilder.h"
#include "AlertOverviewPane.h"
#include "DetailTabs.h"
#include "FakeHttpServer.h"
#include "MetricChart.h"
#include "MetricsPane.h"
#include "ReviewShot.h"
#include "TimeRangePicker.h"
#include "UiResources.h"
#include "context/ContextService.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

// Prometheus: a range answers one sample per step (value: 50 + minutes past the hour
// / 10), an instant answers 93.25 at the start and 12.5 at any other time; both for
// instance 127.0.0.1:9100.
FakeHttpServer::Response rangeAnswer(const HttpRequest &request)
{
    const QUrlQuery form(QString::fromUtf8(request.body));
    const qint64 start = form.queryItemValue(u"start"_s).toLongLong();
    const qint64 end = form.queryItemValue(u"end"_s).toLongLong();
    const qint64 step = std::max<qint64>(1, form.queryItemValue(u"step"_s).toLongLong());
    QJsonArray values;
    for (qint64 t = start; t <= end && values.size() < 11'000; t += step)
        values.append(QJsonArray{double(t), QString::number(50 + (t / 60 % 60) / 10.0)});
    const QJsonObject series{{u"metric"_s, QJsonObject{{u"instance"_s, u"127.0.0.1:9100"_s}}}, {u"values"_s, values}};
    const QJsonObject data{{u"resultType"_s, u"matrix"_s}, {u"result"_s, QJsonArray{series}}};
    return {200, QJsonDocument(QJsonObject{{u"status"_s, u"success"_s}, {u"data"_s, data}}).toJson()};
}

QDateTime startedAt()
{
    static const QDateTime at = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() - 20 * 60, Qt::UTC);
    return at;
}

FakeHttpServer::Response instantAnswer(const HttpRequest &request)
{
    const QUrlQuery form(QString::fromUtf8(request.body));
    const double time = form.queryItemValue(u"time"_s).toDouble();
    const QString value = qint64(time) == startedAt().toSecsSinceEpoch() ? u"93.25"_s : u"12.5"_s;
    const QJsonObject series{{u"metric"_s, QJsonObject{{u"instance"_s, u"127.0.0.1:9100"_s}}},
                             {u"value"_s, QJsonArray{time, value}}};
    const QJsonObject data{{u"resultType"_s, u"vector"_s}, {u"result"_s, QJsonArray{series}}};
    return {200, QJsonDocument(QJsonObject{{u"status"_s, u"success"_s}, {u"data"_s, data}}).toJson()};
}

Alert cpuAlert()
{
    return AlertBuilder(u"cpu1"_s)
        .named(u"HighCPUUsage"_s)
        .label(u"instance"_s, u"127.0.0.1:9100"_s)
        .label(u"job"_s, u"node"_s)
        .promQl(u"100 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[30s])) * 100 > 80"_s)
        .startsAt(startedAt());
}

// The log queries Loki was asked (stream discovery's labels and series requests left out).
QList<HttpRequest> logQueries(const QList<HttpRequest> &requests)
{
    QList<HttpRequest> queries;
    for (const HttpRequest &request : requests)
        if (request.path == "/loki/api/v1/query_range")
            queries.append(request);
    return queries;
}

qint64 lokiStart(const HttpRequest &request)
{
    return QUrlQuery(QString::fromUtf8(request.target.mid(request.target.indexOf('?') + 1)))
               .queryItemValue(u"start"_s)
               .toLongLong()
        / 1'000'000'000;
}

} // namespace

class TestDetailRange : public QObject
{
    Q_OBJECT

    FakeHttpServer m_prometheus;
    FakeHttpServer m_loki;
    std::unique_ptr<ContextService> m_service;
    std::unique_ptr<DetailTabs> m_tabs;

private slots:
    void initTestCase() { UiResources::initialize(); }

    void init()
    {
        QVERIFY(m_prometheus.listen());
        QVERIFY(m_loki.listen());
        m_prometheus.requests.clear();
        m_loki.requests.clear();
        m_prometheus.handle("/api/v1/query_range", rangeAnswer);
        m_prometheus.handle("/api/v1/query", instantAnswer);
        m_loki.route("/loki/api/v1/query_range",
                     {200, R"({"status":"success","data":{"resultType":"streams","result":[]}})"});
        m_service = std::make_unique<ContextService>();
        ContextService::Sources sources;
        sources.prometheus = {m_prometheus.url()};
        sources.loki = {m_loki.url()};
        m_service->setSources(sources);
        m_tabs = std::make_unique<DetailTabs>();
        m_tabs->setContextService(m_service.get());
        m_tabs->resize(1100, 800);
        m_tabs->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_tabs.get()));
    }

    void cleanup()
    {
        m_tabs.reset();
        m_service.reset();
    }

    void theChartsOfAFiringAlertRunToNow()
    {
        m_tabs->setCurrentIndex(DetailTabs::MetricsTab);
        m_tabs->showAlert(cpuAlert());
        QTRY_VERIFY(!m_tabs->metricsPane()->charts().isEmpty() && m_tabs->metricsPane()->charts().first()->hasResult());
        MetricChart *main = m_tabs->metricsPane()->charts().first();
        // 20 minutes after the start, the chart does not stop 10 minutes after it.
        QVERIFY(std::abs(main->shownWindow().end.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(main->shownWindow().start, startedAt().addSecs(-30 * 60));
        QVERIFY(main->message().isEmpty());
        QCOMPARE(main->alertSeriesIndex(), 0);
        review(u"detail-metrics-firing.png"_s);
    }

    void theRangePickerDrivesMetricsAndLogs()
    {
        TimeRangePicker *picker = m_tabs->rangePicker();
        m_tabs->setCurrentIndex(DetailTabs::OverviewTab);
        QVERIFY(!picker->isVisible()); // only where it applies
        m_tabs->setCurrentIndex(DetailTabs::MetricsTab);
        QVERIFY(picker->isVisible());
        m_tabs->showAlert(cpuAlert());
        QTRY_VERIFY(!m_tabs->metricsPane()->charts().isEmpty() && m_tabs->metricsPane()->charts().first()->hasResult()
                    && logQueries(m_loki.requests).size() == 1);

        // "Last 6 hours", picked as a person would.
        QComboBox *choice = picker->choice();
        const int index = choice->findText(u"Last 6 hours"_s);
        QVERIFY(index > 0);
        choice->setCurrentIndex(index);
        emit choice->activated(index);
        QCOMPARE(m_service->range().kind, TimeRange::Kind::Last6Hours);
        MetricChart *main = m_tabs->metricsPane()->charts().first();
        const qint64 sixHoursAgo = QDateTime::currentSecsSinceEpoch() - 6 * 3600;
        QTRY_VERIFY(std::abs(main->shownWindow().start.toSecsSinceEpoch() - sixHoursAgo) < 60);
        QTRY_COMPARE(logQueries(m_loki.requests).size(), 2); // the logs of the same window
        QVERIFY(std::abs(lokiStart(logQueries(m_loki.requests).constLast()) - sixHoursAgo) < 60);

        // Dragged across a chart: a custom range for both tabs; Reset goes back.
        const QDateTime from = startedAt().addSecs(-300);
        const QDateTime to = startedAt().addSecs(300);
        emit m_tabs->metricsPane()->rangeSelected(from, to);
        QCOMPARE(m_service->range(), TimeRange::custom(from, to));
        QCOMPARE(choice->currentText(), TimeRange::custom(from, to).text());
        QTRY_COMPARE(main->shownWindow().start, from);
        QTRY_COMPARE(logQueries(m_loki.requests).size(), 3);
        QCOMPARE(lokiStart(logQueries(m_loki.requests).constLast()), from.toSecsSinceEpoch());
        review(u"detail-metrics-zoomed.png"_s);
        main->findChild<QToolButton *>(u"resetZoom"_s)->click();
        QCOMPARE(m_service->range().kind, TimeRange::Kind::Last6Hours);
        QCOMPARE(choice->currentText(), u"Last 6 hours"_s);

        // Custom, typed in.
        picker->applyCustom(from.addSecs(-600), to);
        QCOMPARE(m_service->range(), TimeRange::custom(from.addSecs(-600), to));
        QTRY_COMPARE(main->shownWindow().start, from.addSecs(-600));
    }

    void theOverviewStatesTheValuesAtTheStartAndTheEnd()
    {
        m_tabs->showAlert(cpuAlert());
        QTRY_VERIFY(m_tabs->overviewPane()->toPlainText().contains(u"Value at start"_s));
        QString text = m_tabs->overviewPane()->toPlainText();
        QVERIFY2(text.contains(u"93.3% at "_s) || text.contains(u"93.2% at "_s), qPrintable(text));
        QVERIFY(!text.contains(u"Value at end"_s)); // still firing

        Alert resolved = cpuAlert();
        resolved.state = AlertState::Resolved;
        resolved.endsAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() - 60, Qt::UTC);
        m_tabs->showAlert(resolved); // the same alert, updated: as the table passes it on
        QTRY_VERIFY(m_tabs->overviewPane()->toPlainText().contains(u"Value at end"_s));
        text = m_tabs->overviewPane()->toPlainText();
        QVERIFY2(text.contains(u"12.5% at "_s), qPrintable(text));
        m_tabs->setCurrentIndex(DetailTabs::OverviewTab);
        review(u"detail-overview-values.png"_s);
    }

private:
    void review(const QString &name)
    {
        QCoreApplication::processEvents();
        saveForReview(m_tabs.get(), name);
    }
};

QTEST_MAIN(TestDetailRange)
#include "tst_detailrange.moc"
