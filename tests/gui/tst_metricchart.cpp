#include "MetricChart.h"
#include "ReviewShot.h"
#include "SeriesLegend.h"
#include "ShownText.h"
#include "UiResources.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <cmath>

// Laid out and painted as a person would see it, then saved for review.
static void review(QWidget *widget, const QString &name)
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    saveForReview(widget, name);
}

using namespace Qt::StringLiterals;

namespace {

const QDateTime start = QDateTime::fromSecsSinceEpoch(1795319700, Qt::UTC);
const ContextPlan::Window window{start, start.addSecs(1200), 10};

// One series per label value, 121 samples every 10 s; series i sits around `base * (i + 1)`.
MetricResult seriesOf(const QString &label, const QStringList &values, double base, double wave = 0.2)
{
    MetricResult result;
    result.ok = true;
    for (qsizetype i = 0; i < values.size(); ++i) {
        Series series{{{u"instance"_s, u"db-1:9100"_s}, {label, values.at(i)}}, {}};
        for (int t = 0; t <= 120; ++t)
            series.samples.append(
                {(start.toSecsSinceEpoch() + t * 10) * 1000, base * double(i + 1) * (1 + wave * std::sin(t / 9.0))});
        result.series.append(series);
    }
    return result;
}

qreal penWidthOf(const QChart *chart, const QString &name)
{
    for (QAbstractSeries *series : chart->series())
        if (shownText(series->name(), Qt::RichText) == name)
            return static_cast<QLineSeries *>(series)->pen().widthF();
    return -1;
}

} // namespace

class TestMetricChart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        UiResources::initialize();
        QLocale::setDefault(QLocale::c());
    }

    void theAlertsOwnSeriesComesFirstAndBold()
    {
        MetricChart chart;
        chart.resize(800, 420);
        chart.setAlertLabels(
            {{u"alertname"_s, u"FilesystemInodesHigh"_s}, {u"instance"_s, u"db-1:9100"_s}, {u"device"_s, u"eth0"_s}});
        chart.setQuery({u"Inodes"_s, u"node_filesystem_files_free"_s});
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        // eth0 is neither the highest nor the first Prometheus returned.
        chart.showResult(seriesOf(u"device"_s, {u"lo"_s, u"ifb0"_s, u"eth0"_s, u"ifb1"_s}, 100), window);
        QCOMPARE(chart.alertSeriesIndex(), 0);
        QCOMPARE(chart.legendNames().constFirst(), u"{device=\"eth0\", instance=\"db-1:9100\"}"_s);
        QCOMPARE(chart.drawnSeries(), 4);
        const qreal alertWidth = penWidthOf(chart.chart(), u"{device=\"eth0\", instance=\"db-1:9100\"}"_s);
        const qreal otherWidth = penWidthOf(chart.chart(), u"{device=\"lo\", instance=\"db-1:9100\"}"_s);
        QVERIFY2(alertWidth > 2 * otherWidth, qPrintable(u"%1 vs %2"_s.arg(alertWidth).arg(otherWidth)));
        review(&chart, u"metricchart-alert-series.png"_s);

        // The y range follows the visible series: without the three others, it is eth0's (~300).
        const QString before = chart.yAxisLabels().constLast();
        auto *legend = chart.findChild<SeriesLegend *>();
        for (int row = 1; row < legend->count(); ++row)
            legend->item(row)->setCheckState(Qt::Unchecked); // as a click on its box does
        QCOMPARE(chart.drawnSeries(), 1);
        QVERIFY2(chart.yAxisLabels().constLast() != before, qPrintable(before));
        QVERIFY(chart.yAxisLabels().constLast().toDouble() < 500);
        // Toggled back on.
        legend->item(2)->setCheckState(Qt::Checked);
        QCOMPARE(chart.drawnSeries(), 2);
    }

    void withManySeriesOnlyTheAlertsUntilAsked()
    {
        MetricChart chart;
        QStringList devices;
        for (int i = 0; i < 14; ++i)
            devices << u"eth%1"_s.arg(i);
        chart.setAlertLabels({{u"instance"_s, u"db-1:9100"_s}, {u"device"_s, u"eth3"_s}});
        chart.setQuery({u"Network"_s, u"rate(node_network_receive_bytes_total[5m])"_s});
        chart.showResult(seriesOf(u"device"_s, devices, 1000), window);
        QCOMPARE(chart.drawnSeries(), 1);
        QCOMPARE(chart.legendNames().size(), 14); // every one can be ticked
        auto *more = chart.findChild<QToolButton *>(u"moreSeries"_s);
        QVERIFY(more->isVisibleTo(&chart));
        QCOMPARE(more->text(), u"+13 more"_s);
        more->click();
        QCOMPARE(chart.drawnSeries(), 14);
    }

    void readableAxesWithUnits()
    {
        MetricChart chart;
        chart.resize(800, 420);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        // Memory in bytes, never below zero: no negative padding, binary units.
        chart.setQuery({u"Memory"_s, u"node_memory_MemAvailable_bytes"_s});
        chart.showResult(seriesOf(u"job"_s, {u"node"_s}, 3.2 * 1024 * 1024 * 1024, 0.05), window);
        QStringList labels = chart.yAxisLabels();
        QVERIFY2(labels.constLast().endsWith(u" GiB"_s), qPrintable(labels.join(u' ')));
        QVERIFY(!labels.constFirst().startsWith(u'-'));
        QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), labels.size());

        // Near zero: the axis starts at zero, not below.
        chart.setQuery({u"Errors"_s, u"rate(errors_total[5m])"_s});
        chart.showResult(seriesOf(u"job"_s, {u"api"_s}, 0.02, 1.0), window);
        labels = chart.yAxisLabels();
        QCOMPARE(labels.constFirst().toDouble(), 0.0);
        for (const QString &label : labels)
            QVERIFY2(!label.contains(u'e') && !label.startsWith(u'-'), qPrintable(labels.join(u' ')));

        // Percent, with the threshold drawn at its value and labelled with it.
        ContextPlan::MetricQuery cpu{u"HighCPUUsage"_s, u"100 - avg(rate(node_cpu_seconds_total[1m])) * 100"_s, 80.0,
                                     u">"_s};
        chart.setQuery(cpu);
        chart.showResult(seriesOf(u"job"_s, {u"node"_s}, 40, 0.3), window);
        labels = chart.yAxisLabels();
        QVERIFY2(labels.constLast().endsWith(u'%'), qPrintable(labels.join(u' ')));
        QVERIFY(labels.constLast().chopped(1).toDouble() >= 80); // the threshold is in range
        QCOMPARE(chart.thresholdLabel(), u"threshold > 80%"_s);
        // On a backing as wide as the label, so a line through it does not hide it.
        const auto texts = chart.chart()->childItems();
        const auto label = std::find_if(texts.cbegin(), texts.cend(), [](QGraphicsItem *item) {
            auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item);
            return text && text->text().startsWith(u"threshold"_s);
        });
        QVERIFY(label != texts.cend());
        const QRectF labelRect = (*label)->mapRectToParent((*label)->boundingRect());
        QVERIFY(std::any_of(texts.cbegin(), texts.cend(), [&](QGraphicsItem *item) {
            auto *back = dynamic_cast<QGraphicsRectItem *>(item);
            return back && back->isVisible() && back->zValue() < (*label)->zValue()
                && back->rect().contains(labelRect.adjusted(1, 1, -1, -1));
        }));
        review(&chart, u"metricchart-threshold.png"_s);
    }

    void longLabelsAreElidedWithTheWholeInTheTooltip()
    {
        MetricChart chart;
        chart.resize(500, 420);
        chart.show();
        const QString longValue = QString(300, u'x') + u"<b>end</b>"_s;
        chart.setQuery({u"x"_s, u"x"_s});
        chart.showResult(seriesOf(u"path"_s, {longValue, u"short"_s}, 5), window);
        auto *legend = chart.findChild<SeriesLegend *>();
        QCOMPARE(legend->count(), 2);
        QListWidgetItem *item = legend->item(1); // the lower peak
        QVERIFY(item->text().contains(u"xxxx"_s));
        QVERIFY2(shownText(item->toolTip()).contains(u"x<b>end</b>\"}"_s), qPrintable(item->toolTip()));
        QVERIFY(legend->width() <= chart.width()); // never wider than the chart
        QCOMPARE(legend->textElideMode(), Qt::ElideMiddle);
    }

    void hoverShowsTimeAndValues()
    {
        MetricChart chart;
        chart.resize(800, 420);
        chart.setAlertLabels({{u"instance"_s, u"db-1:9100"_s}, {u"device"_s, u"eth0"_s}});
        chart.setQuery({u"Received"_s, u"rate(node_network_receive_bytes_total[5m])"_s});
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.showResult(seriesOf(u"device"_s, {u"eth0"_s, u"eth1"_s}, 2048, 0), window);
        QTRY_VERIFY(chart.chart()->plotArea().width() > 100);
        const QRectF plot = chart.chart()->plotArea();
        const QPoint middle = chart.view()->mapFromScene(chart.chart()->mapToScene(plot.center()));
        QTest::mouseMove(chart.view()->viewport(), middle);
        QTRY_VERIFY(!chart.hoverText().isEmpty());
        const QStringList lines = chart.hoverText().split(u'\n');
        QCOMPARE(lines.size(), 3); // the time, then each visible series
        QVERIFY2(lines.at(0).startsWith(u"2026-11-"_s), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(u"2 KiB/s "_s) && lines.at(1).contains(u"eth0"_s), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).startsWith(u"4 KiB/s "_s), qPrintable(lines.at(2)));
        review(&chart, u"metricchart-hover.png"_s);
        // Outside the plot: gone.
        QTest::mouseMove(chart.view()->viewport(), QPoint(2, 2));
        QTRY_VERIFY(chart.hoverText().isEmpty());
    }

    // In the dark theme the chart is dark too, with light axis labels (it stayed white).
    void followsADarkPalette()
    {
        MetricChart chart;
        chart.resize(800, 420);
        chart.setQuery({u"x"_s, u"x"_s});
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.showResult(seriesOf(u"job"_s, {u"a"_s}, 5), window);
        QVERIFY(chart.chart()->backgroundBrush().color().lightness() > 200);
        QPalette dark = chart.palette();
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        chart.setPalette(dark);
        QCOMPARE(chart.chart()->backgroundBrush().color(), QColor(0x1e, 0x1e, 0x1e));
        const QList<QAbstractAxis *> axes = chart.chart()->axes();
        QVERIFY(!axes.isEmpty());
        for (const QAbstractAxis *axis : axes)
            QVERIFY2(axis->labelsBrush().color().lightness() > 128, qPrintable(axis->labelsBrush().color().name()));
        review(&chart, u"metricchart-dark.png"_s);
    }

    void draggingAcrossSelectsARange()
    {
        MetricChart chart;
        chart.resize(800, 420);
        chart.setQuery({u"x"_s, u"x"_s});
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.showResult(seriesOf(u"job"_s, {u"a"_s}, 5), window);
        QSignalSpy selected(&chart, &MetricChart::rangeSelected);
        QSignalSpy reset(&chart, &MetricChart::rangeResetRequested);
        QCOMPARE(selected.count(), 0); // drawing is not choosing
        // Time ticks on whole minutes, whatever second the window starts at.
        auto *times = qobject_cast<QCategoryAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(times && times->count() >= 3);
        for (const QString &label : times->categoriesLabels())
            QCOMPARE(qint64(times->endValue(label)) % 60'000, 0);
        const QRectF plot = chart.chart()->plotArea();
        QWidget *viewport = chart.view()->viewport();
        auto at = [&](double fraction) {
            return chart.view()->mapFromScene(
                chart.chart()->mapToScene(QPointF(plot.left() + plot.width() * fraction, plot.center().y())));
        };
        QTest::mousePress(viewport, Qt::LeftButton, {}, at(0.25));
        QTest::mouseMove(viewport, at(0.5));
        QTest::mouseMove(viewport, at(0.75));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, at(0.75));
        QTRY_COMPARE(selected.count(), 1);
        const QDateTime from = selected.constFirst().at(0).toDateTime();
        const QDateTime to = selected.constFirst().at(1).toDateTime();
        QVERIFY2(std::abs(start.secsTo(from) - 300) < 30, qPrintable(from.toString(Qt::ISODate)));
        QVERIFY2(std::abs(start.secsTo(to) - 900) < 30, qPrintable(to.toString(Qt::ISODate)));
        chart.findChild<QToolButton *>(u"resetZoom"_s)->click();
        QCOMPARE(reset.count(), 1);
    }

    void ghostLinesOfADayAndAWeekEarlier()
    {
        MetricChart chart;
        chart.resize(800, 420);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setAlertLabels({{u"instance"_s, u"db-1:9100"_s}, {u"device"_s, u"eth0"_s}});
        chart.setQuery({u"Received"_s, u"rate(node_network_receive_bytes_total[5m])"_s});
        QSignalSpy requested(&chart, &MetricChart::baselineRequested);
        chart.showResult(seriesOf(u"device"_s, {u"eth0"_s, u"eth1"_s}, 100), window);
        chart.findChild<QToolButton *>(u"compareBaseline"_s)->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.constFirst().at(0).toBool(), true);
        // What the service hands over: already moved onto this window; eth0 much higher.
        const MetricResult day = seriesOf(u"device"_s, {u"eth0"_s, u"eth1"_s}, 1000);
        chart.setBaselines(day, std::nullopt);
        QCOMPARE(chart.drawnBaselines(), 1);
        QStringList names;
        for (QAbstractSeries *series : chart.chart()->series())
            names << shownText(series->name(), Qt::RichText);
        QVERIFY(names.contains(u"1 day earlier"_s));
        // The y range takes the ghost in: eth0 a day earlier reaches ~1,200.
        QVERIFY2(chart.yAxisLabels().constLast().endsWith(u" KiB/s"_s), qPrintable(chart.yAxisLabels().join(u' ')));
        chart.setBaselines(day, day);
        QCOMPARE(chart.drawnBaselines(), 2);
        review(&chart, u"metricchart-baseline.png"_s);
        chart.setBaselines(std::nullopt, std::nullopt);
        QCOMPARE(chart.drawnBaselines(), 0);
    }

    void aNarrowerWindowRedrawsFromTheCachedPoints()
    {
        MetricChart chart;
        chart.setQuery({u"x"_s, u"x"_s});
        const MetricResult result = seriesOf(u"job"_s, {u"a"_s}, 5);
        chart.showResult(result, window);
        // Only the last 5 minutes: the points there, and the y range they need.
        const ContextPlan::Window narrower{start.addSecs(900), start.addSecs(1200), 10};
        chart.showResult(result, narrower, 1);
        QCOMPARE(chart.shownWindow(), narrower);
        QCOMPARE(chart.shownRevision(), quint64(1));
        QVERIFY(chart.message().isEmpty());
        int points = 0;
        for (QAbstractSeries *series : chart.chart()->series())
            if (shownText(series->name(), Qt::RichText).contains(u"job="_s))
                points += int(static_cast<QLineSeries *>(series)->count());
        QCOMPARE(points, 31);
    }
};

QTEST_MAIN(TestMetricChart)
#include "tst_metricchart.moc"
