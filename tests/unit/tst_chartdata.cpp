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
};

QTEST_GUILESS_MAIN(TestChartData)
#include "tst_chartdata.moc"
