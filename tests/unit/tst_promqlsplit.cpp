#include "context/PromQlSplit.h"
#include "ingest/PromQl.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestPromQlSplit : public QObject
{
    Q_OBJECT

private slots:
    void realExpressions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("value");
        QTest::addColumn<double>("threshold"); // NaN: none
        QTest::addColumn<QString>("comparison");
        const double none = qQNaN();
        QTest::newRow("simple") << u"up == 0"_s << u"up"_s << 0.0 << u"=="_s;
        QTest::newRow("node cpu")
            << u"100 - avg by (instance, job) (rate(node_cpu_seconds_total{mode=\"idle\"}[30s])) * 100 > 1"_s
            << u"100 - avg by (instance, job) (rate(node_cpu_seconds_total{mode=\"idle\"}[30s])) * 100"_s << 1.0
            << u">"_s;
        QTest::newRow("ratio below") << u"sum(rate(ok[5m])) / sum(rate(all[5m])) < 0.995"_s
                                     << u"sum(rate(ok[5m])) / sum(rate(all[5m]))"_s << 0.995 << u"<"_s;
        QTest::newRow("bool") << u"probe_success > bool 1"_s << u"probe_success"_s << 1.0 << u">"_s;
        QTest::newRow("and on()") << u"up{job=\"prometheus\"} == 1 and on () (vector(time()) % 40 < 20)"_s
                                  << u"up{job=\"prometheus\"} and on () (vector(time()) % 40 < 20)"_s << 1.0 << u"=="_s;
        QTest::newRow("and with comparison after") << u"rate(errors[5m]) > 0.5 and on() hour() > 8"_s
                                                   << u"rate(errors[5m]) and on() hour() > 8"_s << 0.5 << u">"_s;
        QTest::newRow("unless") << u"up == 0 unless on(instance) maintenance_mode == 1"_s
                                << u"up unless on(instance) maintenance_mode == 1"_s << 0.0 << u"=="_s;
        QTest::newRow("predict_linear nested")
            << u"predict_linear(node_filesystem_avail_bytes{fstype!=\"tmpfs\"}[6h], 4 * 3600) < 0"_s
            << u"predict_linear(node_filesystem_avail_bytes{fstype!=\"tmpfs\"}[6h], 4 * 3600)"_s << 0.0 << u"<"_s;
        QTest::newRow("number first") << u"0.995 > avail"_s << u"avail"_s << 0.995 << u"<"_s;
        QTest::newRow("negative threshold")
            << u"temperature_celsius <= -5"_s << u"temperature_celsius"_s << -5.0 << u"<="_s;
        QTest::newRow("offset and at") << u"rate(x[5m] offset 1h) >= 1e3"_s << u"rate(x[5m] offset 1h)"_s << 1000.0
                                       << u">="_s;
        QTest::newRow("at modifier") << u"x @ 1609746000 != 0"_s << u"x @ 1609746000"_s << 0.0 << u"!="_s;
        QTest::newRow("label value with operator")
            << u"up{job=\"a>b\", path=~\"/x|<y\"} < 1"_s << u"up{job=\"a>b\", path=~\"/x|<y\"}"_s << 1.0 << u"<"_s;
        QTest::newRow("comparison inside parentheses only") << u"(up == 0)"_s << u"(up == 0)"_s << none << QString();
        QTest::newRow("two series compared") << u"a > b"_s << u"a > b"_s << none << QString();
        QTest::newRow("or alternatives") << u"a > 1 or b > 2"_s << u"a or b > 2"_s << 1.0 << u">"_s;
        QTest::newRow("no comparison") << u"absent(up{job=\"x\"})"_s << u"absent(up{job=\"x\"})"_s << none << QString();
        QTest::newRow("group_left on the right")
            << u"x > on(job) group_left y"_s << u"x > on(job) group_left y"_s << none << QString();
        QTest::newRow("parenthesised threshold") << u"x > (90)"_s << u"x"_s << 90.0 << u">"_s;
    }

    void realExpressions()
    {
        QFETCH(QString, expression);
        QFETCH(QString, value);
        QFETCH(double, threshold);
        QFETCH(QString, comparison);
        const PromQlSplit split = PromQlSplitter::split(expression);
        QCOMPARE(split.valueExpression, value);
        QCOMPARE(split.threshold.has_value(), !qIsNaN(threshold));
        if (split.threshold)
            QCOMPARE(*split.threshold, threshold);
        QCOMPARE(split.comparison, comparison);
    }

    // Splitting is linear in the expression's length: the characters it examines
    // (counted through the test hook) grow in proportion to the length, for the shapes
    // that used to cost its square. No clock involved.
    void workGrowsLinearly_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::newRow("spaces between two words") << u"spaces"_s;
        QTest::newRow("nested parentheses around the threshold") << u"nested"_s;
        QTest::newRow("many operators") << u"operators"_s;
        QTest::newRow("long quoted label value") << u"quoted"_s;
        QTest::newRow("many words") << u"words"_s;
    }

    void workGrowsLinearly()
    {
        QFETCH(QString, shape);
        const auto expression = [&](qsizetype n) {
            if (shape == u"spaces"_s)
                return u"a"_s + QString(n, u' ') + u"b > 1"_s;
            if (shape == u"nested"_s)
                return u"x > "_s + QString(n / 2, u'(') + u"1"_s + QString(n / 2, u')');
            if (shape == u"operators"_s)
                return u"x"_s + u" > 1"_s.repeated(n / 4);
            if (shape == u"quoted"_s)
                return u"up{job=\""_s + u"\\\" "_s.repeated(n / 3) + u"\"} < 1"_s;
            return u"x > 1 and "_s + u"word "_s.repeated(n / 5);
        };
        const auto stepsFor = [&](qsizetype n) {
            qsizetype steps = 0;
            PromQlSplitter::split(expression(n), {.maxLength = 1'000'000, .steps = &steps});
            return steps;
        };
        const qsizetype small = stepsFor(10'000);
        const qsizetype large = stepsFor(200'000);
        QVERIFY2(small > 0, "the hook counts");
        // Twenty times the length: twenty times the work (with room for rounding), not 400.
        QVERIFY2(large <= 25 * small, qPrintable(u"%1 steps for 10k, %2 for 200k"_s.arg(small).arg(large)));
        QVERIFY2(large <= 4 * 200'000, qPrintable(u"%1 steps for 200k characters"_s.arg(large)));
    }

    // Long but within the limit: split as a short one would be.
    void longExpressionIsSplitCorrectly()
    {
        const QString selector
            = u"up{instance=~\""_s + QStringList(QList<QString>(1500, u"host-1"_s)).join(u'|') + u"\"}"_s;
        QVERIFY(selector.size() < PromQlSplitter::maxExpressionLength);
        const PromQlSplit split = PromQlSplitter::split(u"  "_s + selector + u"  ==   0 and on() hour() > 8 "_s);
        QVERIFY(!split.tooLong);
        QCOMPARE(split.valueExpression, selector + u" and on() hour() > 8"_s);
        QCOMPARE(split.threshold, 0.0);
        QCOMPARE(split.comparison, u"=="_s);

        const QString spaced = u"a"_s + QString(10'000, u' ') + u"b"_s;
        QCOMPARE(PromQlSplitter::split(spaced + u" > 1"_s).valueExpression, spaced); // spaces do not end a text run
        QCOMPARE(PromQlSplitter::split(u"x > "_s + QString(5000, u'(') + u"1"_s + QString(5000, u')')).threshold, 1.0);
    }

    // Over the limit: kept whole, not analysed, and said so.
    void tooLongExpressionIsNotAnalysed()
    {
        const QString huge = u"a"_s + QString(1'000'000, u' ') + u"b > 1"_s;
        const PromQlSplit split = PromQlSplitter::split(u"  "_s + huge + u"\n"_s);
        QVERIFY(split.tooLong);
        QCOMPARE(split.valueExpression, huge);
        QVERIFY(!split.threshold);
        QVERIFY(split.comparison.isEmpty());

        // The limit itself is allowed; one more character is not.
        const QString padded = u"x"_s + QString(PromQlSplitter::maxExpressionLength - 5, u' ') + u" > 1"_s;
        QCOMPARE(padded.size(), PromQlSplitter::maxExpressionLength);
        QVERIFY(!PromQlSplitter::split(padded).tooLong);
        QCOMPARE(PromQlSplitter::split(padded).threshold, 1.0);
        QVERIFY(PromQlSplitter::split(padded + u'0').tooLong);
    }

    void fromTheFixturesGeneratorUrl()
    {
        // As Alertmanager's firing-single fixture carries it: '+' for spaces, %2A for '*'.
        const QString expression = PromQl::fromGeneratorUrl(
            u"http://prometheus.example.com:9090/graph?g0.expr=100+-+avg+by+%28instance%2C+job%29+%28rate%28node_cpu_seconds_total%7Bmode%3D%22idle%22%7D%5B30s%5D%29%29+%2A+100+%3E+1&g0.tab=1"_s);
        const PromQlSplit split = PromQlSplitter::split(expression);
        QCOMPARE(split.threshold, 1.0);
        QVERIFY(split.valueExpression.endsWith(u") * 100"_s));
        // A literal '+' in the expression arrives as %2B and stays a '+'.
        QCOMPARE(PromQl::fromGeneratorUrl(u"http://p/graph?g0.expr=a+%2B+b+%3E+2"_s), u"a + b > 2"_s);
        QCOMPARE(PromQlSplitter::split(u"a + b > 2"_s).valueExpression, u"a + b"_s);
    }
};

QTEST_GUILESS_MAIN(TestPromQlSplit)
#include "tst_promqlsplit.moc"
