#include "context/ChartUnits.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using ChartUnits::Unit;

class TestChartUnits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void unitsFromTheExpression_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("title");
        QTest::addColumn<Unit>("unit");
        QTest::newRow("bytes") << u"node_memory_MemAvailable_bytes"_s << QString() << Unit::Bytes;
        QTest::newRow("byte rate") << u"rate(node_network_receive_bytes_total[5m])"_s << QString()
                                   << Unit::BytesPerSecond;
        QTest::newRow("bytes over bytes")
            << u"node_filesystem_avail_bytes / node_filesystem_size_bytes"_s << QString() << Unit::Ratio;
        QTest::newRow("times hundred") << u"100 - avg(rate(node_cpu_seconds_total{mode=\"idle\"}[5m])) * 100"_s
                                       << QString() << Unit::Percent;
        QTest::newRow("hundred times") << u"100 * (1 - a_bytes / b_bytes)"_s << QString() << Unit::Percent;
        QTest::newRow("title with %") << u"something"_s << u"CPU busy %"_s << Unit::Percent;
        QTest::newRow("ratio name") << u"slo:error_ratio:rate5m"_s << QString() << Unit::Ratio;
        QTest::newRow("cpu seconds rate") << u"rate(process_cpu_seconds_total[1m])"_s << QString() << Unit::Ratio;
        QTest::newRow("latency") << u"histogram_quantile(0.99, rate(http_request_duration_seconds_bucket[5m]))"_s
                                 << QString() << Unit::Seconds;
        QTest::newRow("age") << u"time() - node_boot_time_seconds"_s << QString() << Unit::Seconds;
        QTest::newRow("plain") << u"up"_s << QString() << Unit::None;
        QTest::newRow("1000 is no percent") << u"x * 1000"_s << QString() << Unit::None;
    }

    void unitsFromTheExpression()
    {
        QFETCH(QString, expression);
        QFETCH(QString, title);
        QFETCH(Unit, unit);
        QCOMPARE(ChartUnits::unitFor(expression, title), unit);
    }

    void formattedValues_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<Unit>("unit");
        QTest::addColumn<QString>("text");
        QTest::newRow("GiB") << 1.5 * 1024 * 1024 * 1024 << Unit::Bytes << u"1.5 GiB"_s;
        QTest::newRow("KiB/s") << 2048.0 << Unit::BytesPerSecond << u"2 KiB/s"_s;
        QTest::newRow("bytes") << 512.0 << Unit::Bytes << u"512 B"_s;
        QTest::newRow("ms") << 0.25 << Unit::Seconds << u"250 ms"_s;
        QTest::newRow("min") << 300.0 << Unit::Seconds << u"5 min"_s;
        QTest::newRow("percent") << 93.24 << Unit::Percent << u"93.2%"_s;
        QTest::newRow("ratio") << 0.5 << Unit::Ratio << u"50%"_s;
        QTest::newRow("kilo") << 12345.0 << Unit::None << u"12.3k"_s;
        QTest::newRow("giga, not 1e+09") << 2.5e9 << Unit::None << u"2.5G"_s;
        QTest::newRow("milli") << 0.0042 << Unit::None << u"4.2m"_s;
        QTest::newRow("plain") << 42.0 << Unit::None << u"42"_s;
        QTest::newRow("three digits") << 1.23456 << Unit::None << u"1.23"_s;
        QTest::newRow("zero") << 0.0 << Unit::Percent << u"0%"_s;
        QTest::newRow("negative") << -2048.0 << Unit::Bytes << u"-2 KiB"_s;
    }

    void formattedValues()
    {
        QFETCH(double, value);
        QFETCH(Unit, unit);
        QFETCH(QString, text);
        QCOMPARE(ChartUnits::format(value, unit), text);
    }

    void thresholdsKeepTheirDigits()
    {
        QCOMPARE(ChartUnits::format(0.995, Unit::Ratio, 6), u"99.5%"_s);
        QCOMPARE(ChartUnits::format(1234567, Unit::None, 6), u"1.23457M"_s);
    }

    void niceTicksWithoutDuplicates_data()
    {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<Unit>("unit");
        QTest::newRow("flat zero") << 0.0 << 0.0 << Unit::None;
        QTest::newRow("flat one") << 1.0 << 1.0 << Unit::None;
        QTest::newRow("tiny spread") << 0.9999 << 1.0001 << Unit::None;
        QTest::newRow("percent") << 3.0 << 97.0 << Unit::Percent;
        QTest::newRow("ratio") << 0.0 << 0.87 << Unit::Ratio;
        QTest::newRow("bytes") << 1e9 << 7.9e9 << Unit::Bytes;
        QTest::newRow("negative") << -5.0 << 12.0 << Unit::None;
        QTest::newRow("huge") << 0.0 << 1e300 << Unit::None;
        QTest::newRow("seconds") << 0.001 << 0.4 << Unit::Seconds;
        QTest::newRow("nan") << qQNaN() << qQNaN() << Unit::None;
    }

    void niceTicksWithoutDuplicates()
    {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(Unit, unit);
        const ChartUnits::Axis axis = ChartUnits::axis(low, high, unit, 6);
        QVERIFY(axis.ticks.size() >= 2);
        QVERIFY(axis.ticks.size() <= 6);
        QCOMPARE(axis.labels.size(), axis.ticks.size());
        QCOMPARE(QSet<QString>(axis.labels.cbegin(), axis.labels.cend()).size(), axis.labels.size());
        for (const QString &label : axis.labels)
            QVERIFY2(!label.contains(u'e'), qPrintable(label)); // no scientific notation
        if (std::isfinite(low)) {
            QVERIFY(axis.min <= low);
            QVERIFY(axis.max >= high);
        }
        if (!(low < 0)) // non-negative data: no padding below zero
            QVERIFY(axis.min >= 0);
    }

    void axisLabelsCarryTheUnit()
    {
        const ChartUnits::Axis bytes = ChartUnits::axis(0, 3.5 * 1024 * 1024 * 1024, Unit::Bytes, 6);
        QCOMPARE(bytes.min, 0.0);
        QVERIFY(bytes.labels.constLast().endsWith(u" GiB"_s));
        QCOMPARE(bytes.labels.constFirst(), u"0 GiB"_s);
        const ChartUnits::Axis ratio = ChartUnits::axis(0.2, 0.8, Unit::Ratio, 6);
        QVERIFY(ratio.labels.contains(u"40%"_s));
        const ChartUnits::Axis percent = ChartUnits::axis(10, 95, Unit::Percent, 6);
        QVERIFY2(percent.labels.contains(u"100%"_s), qPrintable(percent.labels.join(u' ')));
    }

    // Time ticks fall on whole local minutes and hours, not wherever the window starts.
    void timeTicksOnWholeLocalTimes()
    {
        const qint64 minute = 60'000;
        const QDateTime start = QDateTime::fromString(u"2026-12-06T19:22:13Z"_s, Qt::ISODate);
        const qint64 from = start.toMSecsSinceEpoch();
        // 31 minutes, 8 ticks at most: every 5 minutes from 19:25 (UTC+0).
        ChartUnits::TimeAxis axis = ChartUnits::timeAxis(from, from + 31 * minute, 8, 0);
        QCOMPARE(axis.labels, (QStringList{u"19:25"_s, u"19:30"_s, u"19:35"_s, u"19:40"_s, u"19:45"_s, u"19:50"_s}));
        // Read at UTC+5:30: whole local minutes (00:55, 01:00…), not whole UTC ones.
        axis = ChartUnits::timeAxis(from, from + 31 * minute, 8, 5 * 3600 + 1800);
        QCOMPARE(axis.labels.constFirst(), u"00:55"_s);
        // A day and a half: dates in the labels, all different.
        axis = ChartUnits::timeAxis(from, from + 36 * 60 * minute, 8, 3600);
        QVERIFY(axis.labels.constFirst().contains(u'-'));
        QCOMPARE(QSet<QString>(axis.labels.cbegin(), axis.labels.cend()).size(), axis.labels.size());
        // Under a minute: seconds.
        axis = ChartUnits::timeAxis(from, from + 40'000, 6, 0);
        QCOMPARE(axis.labels.constFirst(), u"19:22:20"_s);
        for (const int ticks : {2, 3, 5, 10}) {
            for (const qint64 span : {qint64(90'000), 15 * minute, 6 * 60 * minute, 7 * 24 * 60 * minute}) {
                axis = ChartUnits::timeAxis(from, from + span, ticks, 0);
                QVERIFY(!axis.ticks.isEmpty());
                QVERIFY(axis.ticks.size() <= ticks);
                QVERIFY(axis.ticks.constFirst() >= from && axis.ticks.constLast() <= from + span);
            }
        }
        QVERIFY(ChartUnits::timeAxis(from, from, 6, 0).ticks.isEmpty());
    }

    // A share never exceeds the whole: a busy CPU is drawn against 100 %, not 150 %.
    void sharesStopAtTheWhole()
    {
        for (const int ticks : {3, 4, 6}) {
            const ChartUnits::Axis percent = ChartUnits::axis(1, 99.6, Unit::Percent, ticks);
            QCOMPARE(percent.max, 100.0);
            QCOMPARE(percent.labels.constLast(), u"100%"_s);
            QCOMPARE(ChartUnits::axis(0.01, 0.996, Unit::Ratio, ticks).max, 1.0);
        }
        // Above the whole (a sum of cores, say), the axis goes on as for any value.
        QVERIFY(ChartUnits::axis(0, 180, Unit::Percent, 4).max >= 180);
    }
};

QTEST_GUILESS_MAIN(TestChartUnits)
#include "tst_chartunits.moc"
