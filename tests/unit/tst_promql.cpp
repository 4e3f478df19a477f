#include "ingest/LabelFingerprint.h"
#include "ingest/PromQl.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestPromQl : public QObject
{
    Q_OBJECT

private slots:
    void decodesGeneratorUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expr");
        QTest::newRow("spaces as plus") << u"http://p:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1"_s << u"up == 0"_s;
        QTest::newRow("literal plus stays plus") << u"http://p:9090/graph?g0.expr=a+%2B+b&g0.tab=1"_s << u"a + b"_s;
        QTest::newRow("percent sign") << u"http://p/graph?g0.expr=time%28%29+%25+40&g0.tab=1"_s << u"time() % 40"_s;
        QTest::newRow("expr not first") << u"http://p/graph?g0.tab=1&g0.expr=rate%28x%5B5m%5D%29"_s << u"rate(x[5m])"_s;
        QTest::newRow("utf8") << u"http://p/graph?g0.expr=x%7Bl%3D%22%E6%97%A5%22%7D"_s << u"x{l=\"日\"}"_s;
        QTest::newRow("fragment ignored") << u"http://p/graph?g0.expr=up#x"_s << u"up"_s;
        QTest::newRow("grafana rule url") << u"https://g/alerting/grafana/fe2b7c1d/view?orgId=1"_s << QString();
        QTest::newRow("no query") << u"http://p/graph"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void decodesGeneratorUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, expr);
        QCOMPARE(PromQl::fromGeneratorUrl(url), expr);
    }

    // A long URL with many pieces: decoded right, in one pass.
    void longGeneratorUrl()
    {
        const QString url = u"http://p/graph?"_s + u"x=1&"_s.repeated(100'000) + u"g0.expr=a"_s + QString(500'000, u'+')
            + u"b&g0.tab=1#"_s + u"#&g0.expr=c"_s.repeated(100'000);
        QCOMPARE(PromQl::fromGeneratorUrl(url), u"a"_s + QString(500'000, u' ') + u"b"_s);
        QCOMPARE(PromQl::fromGeneratorUrl(u"http://p/graph?x#g0.expr=up"_s), QString()); // only in the fragment
    }

    void fingerprintIsStableAndOrderIndependent()
    {
        const LabelMap labels{{u"alertname"_s, u"X"_s}, {u"instance"_s, u"a:1"_s}};
        LabelMap sameInOtherOrder;
        sameInOtherOrder.insert(u"instance"_s, u"a:1"_s);
        sameInOtherOrder.insert(u"alertname"_s, u"X"_s);
        const QString fingerprint = LabelFingerprint::of(labels);
        QCOMPARE(fingerprint.size(), 16);
        QCOMPARE(LabelFingerprint::of(sameInOtherOrder), fingerprint);
        // Pinned: a change would split every stored alert from its history.
        QCOMPARE(fingerprint, u"5f3f83cb033f5fe0"_s);
        QVERIFY(LabelFingerprint::of({{u"alertname"_s, u"Xi"_s}, {u"nstance"_s, u"a:1"_s}}) != fingerprint);
        QVERIFY(LabelFingerprint::of({{u"alertname"_s, u"X"_s}}) != fingerprint);
    }
};

QTEST_GUILESS_MAIN(TestPromQl)
#include "tst_promql.moc"
