#include "TestData.h"
#include "context/ContextSummary.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestContextSummary : public QObject
{
    Q_OBJECT

private slots:
    void seriesStatsAndThresholdCrossing()
    {
        Series series;
        series.labels = {{u"instance"_s, u"db-1"_s}};
        const double values[] = {10, qQNaN(), 50, 95, 97, 80};
        for (int i = 0; i < 6; ++i)
            series.samples.append({1795319700000 + i * 60'000, values[i]});
        const ContextSummary::SeriesStats st = ContextSummary::stats(series, 90.0, u">"_s);
        QCOMPARE(st.points, 5);
        QCOMPARE(st.min, 10.0);
        QCOMPARE(st.max, 97.0);
        QCOMPARE(st.mean, 66.4);
        QCOMPARE(st.first, 10.0);
        QCOMPARE(st.last, 80.0);
        QCOMPARE(st.crossedAtMs, 1795319700000 + 3 * 60'000);
        QCOMPARE(ContextSummary::stats(series, 5.0, u"<"_s).crossedAtMs, -1);
    }

    void metricsText()
    {
        const MetricResult result
            = ContextResponse::parsePrometheus(200, TestData::fixture(u"prometheus/query_range-matrix.json"_s));
        MetricResult failed;
        failed.error = u"bad_data: parse error"_s;
        const QString text = ContextSummary::metrics(
            {{u"HighCPUUsage"_s, u"cpu"_s, 80.0, u">"_s}, {u"Disk used %"_s, u"disk"_s}}, {result, failed});
        QVERIFY2(text.startsWith(
                     u"- HighCPUUsage: `cpu` (threshold 80)\n  {instance=\"127.0.0.1:9100\", job=\"node\"}: min "_s),
                 qPrintable(text));
        QVERIFY(text.contains(u"past the threshold from"_s));
        QVERIFY(text.contains(u"- Disk used %: `disk`\n  error: bad_data: parse error"_s));
    }

    void logTemplatesGroupRepeats()
    {
        QCOMPARE(ContextSummary::logTemplate(
                     u"2026-11-22T03:59:04Z error dial tcp 10.0.3.7:5432: connection refused (retry 3)"_s),
                 u"<time> error dial tcp <ip>: connection refused (retry <n>)"_s);
        QList<LogLine> lines;
        for (int i = 0; i < 40; ++i)
            lines.append({1795319700000000000LL + i * 1'000'000'000LL,
                          u"upstream failed: dial tcp 10.0.3.%1:5432: connection refused"_s.arg(i),
                          {}});
        lines.append({1795319800000000000LL, u"panic: runtime error: invalid memory address"_s, {}});
        const QString text = ContextSummary::logs(lines);
        QCOMPARE(text.count(u'\n'), 1); // two kinds of line
        QVERIFY2(text.startsWith(u"- (40×, last "_s), qPrintable(text));
        QVERIFY(text.contains(u"10.0.3.39:5432"_s)); // the latest example
        QVERIFY(text.contains(u"panic: runtime error"_s));

        // The budget caps the text and says what was left out.
        QList<LogLine> many;
        for (int i = 0; i < 200; ++i)
            many.append(
                {i,
                 u"distinct message kind %1 with words"_s.arg(QChar(u'a' + i % 26)).repeated(1) + QString(i, u'x'),
                 {}});
        const QString capped = ContextSummary::logs(many, 1000);
        QVERIFY(capped.size() < 1200);
        QVERIFY(capped.contains(u"more kinds of line left out"_s));
    }
};

QTEST_GUILESS_MAIN(TestContextSummary)
#include "tst_contextsummary.moc"
