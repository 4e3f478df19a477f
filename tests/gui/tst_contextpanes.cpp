#include "AlertBuilder.h"
#include "AlertOverviewPane.h"
#include "DetailTabs.h"
#include "FakeHttpServer.h"
#include "LogsPane.h"
#include "MetricChart.h"
#include "MetricsPane.h"
#include "ShownText.h"
#include "TestData.h"
#include "UiResources.h"
#include "context/ContextService.h"

#include <QChart>
#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

Alert cpuAlert()
{
    return AlertBuilder(u"cpu1"_s)
        .named(u"HighCPUUsage"_s)
        .label(u"instance"_s, u"127.0.0.1:9100"_s)
        .label(u"job"_s, u"node"_s)
        .promQl(u"100 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[30s])) * 100 > 80"_s)
        .startsAt(QDateTime::fromSecsSinceEpoch(1795319780, Qt::UTC)); // inside the captured fixtures' time range
}

QByteArray manySeries(int count)
{
    QJsonArray result;
    for (int i = 0; i < count; ++i) {
        QJsonArray values;
        for (int t = 0; t < 30; ++t)
            values.append(QJsonArray{1795319700 + t * 10, QString::number(i * 10 + (t % 5))});
        result.append(QJsonObject{{u"metric"_s, QJsonObject{{u"device"_s, u"eth%1"_s.arg(i)}}}, {u"values"_s, values}});
    }
    return QJsonDocument(QJsonObject{{u"status"_s, u"success"_s},
                                     {u"data"_s, QJsonObject{{u"resultType"_s, u"matrix"_s}, {u"result"_s, result}}}})
        .toJson(QJsonDocument::Compact);
}

QString queryOf(const HttpRequest &request)
{
    return QUrlQuery(QString::fromUtf8(request.body)).queryItemValue(u"query"_s, QUrl::FullyDecoded);
}

} // namespace

class TestContextPanes : public QObject
{
    Q_OBJECT

private:
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
        m_prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        m_loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-streams.json"_s)});
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

    void selectingAnAlertShowsChartsAndLines()
    {
        m_tabs->showAlert(cpuAlert());
        MetricsPane *metrics = m_tabs->metricsPane();
        QTRY_COMPARE(metrics->charts().size(), 5);
        MetricChart *main = metrics->charts().first();
        QTRY_VERIFY(main->hasResult());
        QVERIFY2(main->message().isEmpty(), qPrintable(main->message()));
        QCOMPARE(main->drawnSeries(), 1);
        QStringList names;
        for (QAbstractSeries *series : main->chart()->series())
            names << shownText(series->name(), Qt::RichText); // the legend's text
        QVERIFY2(names.contains(u"threshold > 80%"_s) && names.contains(u"alert started"_s),
                 qPrintable(names.join(u'|')));
        QVERIFY(main->queryText().endsWith(u") * 100"_s));
        QCOMPARE(main->prometheusGraphUrl().path(), u"/graph"_s);
        QVERIFY(QUrlQuery(main->prometheusGraphUrl()).queryItemValue(u"g0.expr"_s, QUrl::FullyDecoded)
                == main->queryText());

        LogsPane *logs = m_tabs->logsPane();
        QTRY_VERIFY(logs->status().contains(u"line(s), oldest first"_s));
        const QString text = logs->text();
        QVERIFY(text.contains(u"payment gateway 504"_s));
        QVERIFY(text.contains(u"──── alert started"_s));
        // The marker sits between the lines before and after the start.
        QVERIFY(text.indexOf(u"──── alert started"_s) < text.indexOf(u"payment gateway 504"_s));
        QVERIFY(logs->labelsAt(0).contains(u"pod=\"checkout-7d9f8b6c5d-x2x9k\""_s));
        logs->setSearch(u"refused"_s);
        QVERIFY(logs->matches() >= 1);
        QCOMPARE(LogsPane::levelOf(u"level=error msg=x"_s), LogsPane::Level::Error);
        QCOMPARE(LogsPane::levelOf(u"{\"level\":\"warn\",\"msg\":\"slow\"}"_s), LogsPane::Level::Warning);
        QCOMPARE(LogsPane::levelOf(u"GET /health 200 info"_s), LogsPane::Level::Info);
        QCOMPARE(LogsPane::levelOf(u"all good"_s), LogsPane::Level::None);
        QVERIFY(logs->exploreLink().isEmpty()); // no Grafana configured

        // With Grafana configured, the Logs tab links to Explore for the same query and window.
        ContextService::Sources withGrafana = m_service->sources();
        withGrafana.grafana = QUrl(u"https://grafana.example"_s);
        withGrafana.grafanaLokiDatasource = u"loki-uid"_s;
        m_service->setSources(withGrafana);
        Alert again = cpuAlert();
        again.fingerprint = u"cpu-again"_s;
        m_tabs->showAlert(again);
        QTRY_VERIFY(!logs->exploreLink().isEmpty());
        QCOMPARE(logs->exploreLink().host(), u"grafana.example"_s);
        QVERIFY(QUrlQuery(logs->exploreLink()).queryItemValue(u"left"_s, QUrl::FullyDecoded).contains(u"loki-uid"_s));
    }

    void editedQueriesRunAgainAndErrorsShowInPlace()
    {
        m_tabs->showAlert(cpuAlert());
        QTRY_COMPARE(m_tabs->metricsPane()->charts().size(), 5);
        MetricChart *main = m_tabs->metricsPane()->charts().first();
        QTRY_VERIFY(main->hasResult());

        m_prometheus.route(
            "/api/v1/query_range",
            {400, R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected end of input"})"});
        auto *edit = main->findChild<QLineEdit *>(u"chartQuery"_s);
        edit->setText(u"sum(up"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(queryOf(m_prometheus.requests.constLast()), u"sum(up"_s);
        main = m_tabs->metricsPane()->charts().first();
        QTRY_VERIFY(main->hasResult());
        QCOMPARE(main->message(),
                 u"Prometheus refused the query (bad_data): 1:5: parse error: unexpected end of input"_s);

        m_prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-empty.json"_s)});
        edit->setText(u"absent_metric"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY(main->message().startsWith(u"No data for absent_metric in "_s));
    }

    void switchingBackReusesTheDrawnCharts()
    {
        const Alert first = cpuAlert();
        Alert second = cpuAlert();
        second.fingerprint = u"cpu2"_s;
        second.labels[u"instance"_s] = u"10.0.0.2:9100"_s;
        m_tabs->showAlert(first);
        QTRY_VERIFY(!m_tabs->metricsPane()->charts().isEmpty() && m_tabs->metricsPane()->charts().last()->hasResult());
        const QList<MetricChart *> firstCharts = m_tabs->metricsPane()->charts();
        m_tabs->showAlert(second);
        QTRY_VERIFY(!m_tabs->metricsPane()->charts().isEmpty() && m_tabs->metricsPane()->charts() != firstCharts
                    && m_tabs->metricsPane()->charts().last()->hasResult());
        const qsizetype requests = m_prometheus.requests.size();
        m_tabs->showAlert(first); // cached: the same charts, no new queries
        QCOMPARE(m_tabs->metricsPane()->charts(), firstCharts);
        QVERIFY(firstCharts.first()->isVisibleTo(m_tabs->metricsPane()));
        QCOMPARE(m_prometheus.requests.size(), requests);
    }

    void tooLongExpressionIsSaidNotCharted()
    {
        Alert alert = cpuAlert();
        alert.promQl = u"a"_s + QString(100'000, u' ') + u"b"_s;
        m_tabs->setCurrentIndex(DetailTabs::MetricsTab);
        m_tabs->showAlert(alert);
        MetricsPane *metrics = m_tabs->metricsPane();
        QTRY_COMPARE(metrics->charts().size(), 4); // the node panels still
        QCOMPARE(metrics->status(),
                 u"The alert's expression is too long to chart (%1 characters)."_s.arg(QLocale().toString(100'002)));
        for (const HttpRequest &request : std::as_const(m_prometheus.requests))
            QVERIFY(!queryOf(request).contains(u"     "_s));

        // Nothing else to plot: the note is all there is.
        alert.fingerprint = u"no-node"_s;
        alert.labels = {{u"alertname"_s, u"Hostile"_s}};
        m_tabs->showAlert(alert);
        QTRY_VERIFY(metrics->status().startsWith(u"The alert's expression is too long to chart"_s));
        QVERIFY(metrics->charts().isEmpty());
        if (const QString review = qEnvironmentVariable("ALERTDECK_SCREENSHOT_DIR"); !review.isEmpty())
            QVERIFY(m_tabs->grab().save(review + u"/context-too-long.png"_s));
    }

    void overviewShowsTheExpressionAsTextAndBounded()
    {
        AlertOverviewPane overview;
        overview.resize(800, 600);
        overview.show();
        Alert alert = cpuAlert();
        // Markup in it is text, not markup.
        alert.promQl = u"up{a=\"<b>bold</b><img src=x>\"} > 0"_s;
        overview.showAlert(alert);
        QVERIFY2(overview.toPlainText().contains(alert.promQl), qPrintable(overview.toPlainText()));
        QVERIFY(!overview.toPlainText().contains(u"Copy the whole expression"_s));

        // A megabyte: the start is shown, the whole is a click away.
        alert.promQl = u"sum(x)"_s + QString(1024 * 1024, u' ') + u"> 1"_s;
        QElapsedTimer timer;
        timer.start();
        overview.showAlert(alert);
        QVERIFY(overview.toPlainText().size() < 10'000);
        const QString link
            = u"Copy the whole expression (%1 characters)"_s.arg(QLocale().toString(alert.promQl.size()));
        QVERIFY2(overview.toPlainText().contains(link), qPrintable(overview.toPlainText().right(300)));
        QVERIFY(overview.document()->toHtml().contains(u"href=\"#copy-expression\""_s));
        // Clicked like a person would.
        QGuiApplication::clipboard()->clear();
        QTextCursor onLink = overview.document()->find(u"Copy the whole expression"_s);
        QVERIFY(!onLink.isNull());
        onLink.setPosition(onLink.selectionStart() + 4);
        overview.setTextCursor(onLink);
        overview.ensureCursorVisible();
        const QPoint at = overview.cursorRect(onLink).center();
        QTest::mouseClick(overview.viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(QGuiApplication::clipboard()->text(), alert.promQl);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        if (const QString review = qEnvironmentVariable("ALERTDECK_SCREENSHOT_DIR"); !review.isEmpty())
            QVERIFY(overview.grab().save(review + u"/overview-long-expression.png"_s));
    }

    void topTenSeriesThenAll()
    {
        MetricChart chart;
        const QDateTime start = QDateTime::fromSecsSinceEpoch(1795319700, Qt::UTC);
        chart.setQuery({u"Network"_s, u"rate(x[5m])"_s});
        chart.showResult(ContextResponse::parsePrometheus(200, manySeries(14)), {start, start.addSecs(300), 10});
        QCOMPARE(chart.drawnSeries(), MetricChart::shownSeries);
        // The ten highest peaks: eth13 … eth4.
        QStringList names;
        for (QAbstractSeries *series : chart.chart()->series())
            names << shownText(series->name(), Qt::RichText); // the legend's text
        QVERIFY(names.contains(u"{device=\"eth13\"}"_s) && !names.contains(u"{device=\"eth0\"}"_s));
        chart.setShowAllSeries(true);
        QCOMPARE(chart.drawnSeries(), 14);
    }

    void gapsBreakTheLine()
    {
        MetricChart chart;
        const QDateTime start = QDateTime::fromSecsSinceEpoch(100, Qt::UTC);
        chart.setQuery({u"x"_s, u"x"_s});
        chart.showResult(
            ContextResponse::parsePrometheus(
                200,
                R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"b"},"values":[[100,"1"],[110,"2"],[120,"NaN"],[130,"3"],[140,"4"]]}]}})"),
            {start, start.addSecs(40), 10});
        int lines = 0;
        for (QAbstractSeries *series : chart.chart()->series())
            lines += shownText(series->name(), Qt::RichText) == u"{a=\"b\"}"_s;
        QCOMPARE(lines, 2); // two segments, one legend entry
    }

    void exportAndRenderForReview()
    {
        m_prometheus.route("/api/v1/query_range",
                           {200, TestData::fixture(u"prometheus/query_range-multi-series.json"_s)});
        m_tabs->showAlert(cpuAlert());
        QTRY_COMPARE(m_tabs->metricsPane()->charts().size(), 5);
        QTRY_VERIFY(m_tabs->metricsPane()->charts().last()->hasResult());
        QTemporaryDir dir;
        QVERIFY(m_tabs->metricsPane()->charts().first()->exportPng(dir.filePath(u"chart.png"_s)));
        QVERIFY(QFileInfo(dir.filePath(u"chart.png"_s)).size() > 1000);
        const QString review = qEnvironmentVariable("ALERTDECK_SCREENSHOT_DIR");
        m_tabs->setCurrentIndex(DetailTabs::MetricsTab);
        if (!review.isEmpty())
            QVERIFY(m_tabs->grab().save(review + u"/context-metrics.png"_s));
        QTRY_VERIFY(m_tabs->logsPane()->status().contains(u"oldest first"_s));
        m_tabs->setCurrentIndex(DetailTabs::LogsTab);
        m_tabs->logsPane()->setSearch(u"error"_s);
        if (!review.isEmpty())
            QVERIFY(m_tabs->grab().save(review + u"/context-logs.png"_s));
    }
};

QTEST_MAIN(TestContextPanes)
#include "tst_contextpanes.moc"
