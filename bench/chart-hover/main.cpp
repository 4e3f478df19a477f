// Metric chart interaction benchmark, 20 series × 2,000 points:
// (1) hover: one mouse move over the plot → crosshair and values updated and the
//     view painted (target ≤ 16 ms);
// (2) range change with cached data: the same result shown for a narrower window
//     (a pick in the range picker, a drag across the chart) → chart rebuilt and
//     painted (target ≤ 100 ms).
// Prints medians and maxima.
//
// Usage: alertdeck_chart_hover [RUNS]   (default 50)

#include "MetricChart.h"
#include "UiResources.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

MetricResult matrix(int seriesCount, int points, qint64 startMs, qint64 stepMs)
{
    MetricResult result;
    result.ok = true;
    for (int s = 0; s < seriesCount; ++s) {
        Series series{{{u"instance"_s, u"host-%1:9100"_s.arg(s)}, {u"job"_s, u"node"_s}}, {}};
        series.samples.reserve(points);
        for (int p = 0; p < points; ++p)
            series.samples.append({startMs + p * stepMs, 50 + 40 * std::sin((p + s * 37) / 60.0) + s});
        result.series.append(series);
    }
    return result;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double maximum(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    UiResources::initialize();
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 50;
    const qint64 startMs = 1795319700LL * 1000;
    const MetricResult result = matrix(20, 2000, startMs, 2000);
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    const ContextPlan::Window window{start, start.addSecs(4000), 2};

    MetricChart chart;
    chart.resize(1100, 420);
    chart.setAlertLabels({{u"instance"_s, u"host-3:9100"_s}});
    chart.setQuery({u"cpu"_s, u"100 * cpu_busy_ratio"_s, 80.0, u">"_s});
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart))
        std::fprintf(stderr, "the chart was not exposed\n");
    chart.setShowAllSeries(true); // all 20 drawn
    chart.showResult(result, window);
    chart.repaint();
    QCoreApplication::processEvents();

    // (1) Mouse moves across the plot area.
    QWidget *viewport = chart.view()->viewport();
    const QRectF plot = chart.chart()->plotArea();
    QList<double> hoverMs;
    for (int i = 0; i < runs * 4; ++i) {
        const double fraction = 0.05 + 0.9 * double(i % 97) / 97.0;
        const QPoint at = chart.view()->mapFromScene(
            chart.chart()->mapToScene(QPointF(plot.left() + plot.width() * fraction, plot.center().y())));
        QElapsedTimer timer;
        timer.start();
        QTest::mouseMove(viewport, at);
        QCoreApplication::processEvents(); // the update the move scheduled, painted
        QCoreApplication::sendPostedEvents(viewport, QEvent::UpdateRequest);
        hoverMs.append(timer.nsecsElapsed() / 1e6);
    }
    const bool hovered = !chart.hoverText().isEmpty();

    // (2) Range changes served from the cached points.
    QList<double> rangeMs;
    QList<double> rebuildMs; // without painting
    for (int i = 0; i < runs; ++i) {
        const qint64 from = (i % 5) * 600;
        const ContextPlan::Window narrower{start.addSecs(from), start.addSecs(from + 1200 + (i % 3) * 600), 2};
        QElapsedTimer timer;
        timer.start();
        chart.showResult(result, i % 2 ? narrower : window, quint64(i + 1));
        rebuildMs.append(timer.nsecsElapsed() / 1e6);
        chart.repaint();
        QCoreApplication::processEvents();
        rangeMs.append(timer.nsecsElapsed() / 1e6);
    }

    std::printf("chart: 20 series x 2000 points, %d drawn, %d runs\n", chart.drawnSeries(), runs);
    std::printf("hover (move + paint):          median %.2f ms, max %.2f ms (target <= 16 ms)%s\n", median(hoverMs),
                maximum(hoverMs), hovered ? "" : "  [crosshair not shown!]");
    std::printf("range change, cached (painted): median %.2f ms, max %.2f ms (target <= 100 ms)\n", median(rangeMs),
                maximum(rangeMs));
    std::printf("  of which rebuilt, not painted: median %.2f ms\n", median(rebuildMs));
    return 0;
}
