#include "context/ChartData.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

class TestChartData : public QObject
{
    Q_OBJECT

private slots:
    void gapsSplitTheLine()
    {
        const double nan = qQNaN();
        const QList<Sample> samples{{1, nan}, {2, 1}, {3, 2}, {4, nan}, {5, nan}, {6, 3}, {7, nan}};
        const QList<QList<Sample>> parts = ChartData::segments(samples);
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0).size(), 2);
        QCOMPARE(parts.at(1).size(), 1);
        QCOMPARE(parts.at(1).first().ms, 6);
        QVERIFY(ChartData::segments({{1, nan}}).isEmpty());
    }

    void lttbKeepsSpikesAndEnds()
    {
        QList<Sample> samples;
        for (int i = 0; i < 10'000; ++i)
            samples.append({i * 1000LL, std::sin(i / 100.0)});
        samples[5123].value = 50; // a one-sample spike
        samples[8001].value = -40;
        const QList<Sample> thinned = ChartData::lttb(samples, 500);
        QCOMPARE(thinned.size(), 500);
        QCOMPARE(thinned.first().ms, samples.first().ms);
        QCOMPARE(thinned.last().ms, samples.last().ms);
        bool spike = false;
        bool dip = false;
        for (qsizetype i = 0; i < thinned.size(); ++i) {
            spike |= thinned.at(i).value == 50;
            dip |= thinned.at(i).value == -40;
            if (i > 0)
                QVERIFY(thinned.at(i - 1).ms < thinned.at(i).ms);
        }
        QVERIFY(spike && dip);
        QCOMPARE(ChartData::lttb(samples.mid(0, 100), 500).size(), 100); // short enough already
    }

    void peakIgnoresGaps()
    {
        Series series;
        series.samples = {{1, qQNaN()}, {2, 3}, {3, 7}, {4, -1}};
        QCOMPARE(ChartData::peak(series), 7.0);
        QVERIFY(std::isinf(ChartData::peak(Series{})));
    }

    void newerTailIsAppendedAndTheStartTrimmed()
    {
        MetricResult cached;
        cached.ok = true;
        cached.series = {Series{{{u"device"_s, u"eth0"_s}}, {{1000, 1}, {2000, 2}, {3000, 3}}},
                         Series{{{u"device"_s, u"lo"_s}}, {{1000, 9}}}};
        MetricResult tail;
        tail.ok = true;
        tail.series = {Series{{{u"device"_s, u"eth0"_s}}, {{3000, 30}, {4000, 4}, {5000, 5}}},
                       Series{{{u"device"_s, u"eth1"_s}}, {{4000, 7}}}};
        const MetricResult merged = ChartData::mergeTail(cached, tail, 2000);
        QVERIFY(merged.ok);
        QCOMPARE(merged.series.size(), 2); // lo fell out of the window, eth1 is new
        QCOMPARE(merged.series.at(0).labels.value(u"device"_s), u"eth0"_s);
        const QList<Sample> &eth0 = merged.series.at(0).samples;
        QCOMPARE(eth0.size(), 4);
        QCOMPARE(eth0.at(0).ms, 2000);
        QCOMPARE(eth0.at(1).value, 3.0); // the cached sample stays
        QCOMPARE(eth0.at(3).ms, 5000);
        QCOMPARE(merged.series.at(1).labels.value(u"device"_s), u"eth1"_s);

        // A failed refresh keeps what was there.
        MetricResult failed;
        failed.error = u"timeout"_s;
        QCOMPARE(ChartData::mergeTail(cached, failed, 0).series.size(), 2);
    }

    void alertSeriesIsTheOneWithItsLabels()
    {
        const LabelMap alert{
            {u"alertname"_s, u"FilesystemInodesHigh"_s}, {u"instance"_s, u"db-1:9100"_s}, {u"device"_s, u"eth0"_s}};
        QList<Series> series;
        for (const QString &device : {u"lo"_s, u"ifb0"_s, u"eth0"_s, u"ifb1"_s})
            series.append(Series{{{u"instance"_s, u"db-1:9100"_s}, {u"device"_s, device}}, {}});
        QCOMPARE(ChartData::alertSeries(series, alert), 2);
        // Another instance contradicts the alert.
        series[2].labels[u"instance"_s] = u"db-2:9100"_s;
        QCOMPARE(ChartData::alertSeries(series, alert), -1);
        // A lone series is the alert's, whatever its labels.
        QCOMPARE(ChartData::alertSeries(series.mid(0, 1), alert), 0);
        QCOMPARE(ChartData::alertSeries({}, alert), -1);
    }

    void nearestSample()
    {
        const QList<Sample> samples{{1000, 1}, {2000, 2}, {4000, 4}};
        QCOMPARE(ChartData::nearest(samples, 0), 0);
        QCOMPARE(ChartData::nearest(samples, 1400), 0);
        QCOMPARE(ChartData::nearest(samples, 1600), 1);
        QCOMPARE(ChartData::nearest(samples, 3100), 2);
        QCOMPARE(ChartData::nearest(samples, 9000), 2);
        QCOMPARE(ChartData::nearest({}, 9000), -1);
    }
};

QTEST_GUILESS_MAIN(TestChartData)
#include "tst_chartdata.moc"
