#include "ResultAssert.h"
#include "context/ContextPlan.h"
#include "context/LogLevel.h"
#include "context/LogQlQuery.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestLogQlQuery : public QObject
{
    Q_OBJECT

private slots:
    void selectorAndLineFilters()
    {
        const Result<LogQlQuery> query
            = LogQlQuery::parse(u"{job=\"api\", instance=~\"api-.*\"} |= \"GET\" != `healthz`"
                                " |~ \"(?i)\\\\d+ms\" !~ \"debug\""_s);
        QVERIFY_OK(query);
        QCOMPARE(query->lineFilters().size(), 4);
        QVERIFY(query->matchesStream({{u"job"_s, u"api"_s}, {u"instance"_s, u"api-3:8080"_s}}));
        QVERIFY(!query->matchesStream({{u"job"_s, u"api"_s}, {u"instance"_s, u"db-01"_s}}));
        QVERIFY(query->matchesLine(u"GET /v1/orders 200 14MS"_s));
        QVERIFY(!query->matchesLine(u"GET /healthz 200 1ms"_s));
        QVERIFY(!query->matchesLine(u"POST /v1/orders 201 38ms"_s));
        QVERIFY(!query->matchesLine(u"GET /v1/orders 200 14ms debug"_s));
    }

    void theDefaultErrorFilterReadsAsPlanned()
    {
        const Result<LogQlQuery> query = LogQlQuery::parse(u"{host=\"db-01\"} "_s + LogLevel::errorLineFilter());
        QVERIFY_OK(query);
        QVERIFY(query->matchesLine(u"level=ERROR connection refused"_s));
        QVERIFY(!query->matchesLine(u"level=info checkpoint complete"_s));
    }

    void aQuotedBraceStaysInTheValue()
    {
        const Result<LogQlQuery> query = LogQlQuery::parse(u"{job=\"a}b\"} |= \"x\""_s);
        QVERIFY_OK(query);
        QVERIFY(query->matchesStream({{u"job"_s, u"a}b"_s}}));
        QCOMPARE(query->lineFilters().size(), 1);
    }

    void refusedAsLokiRefusesIt_data()
    {
        QTest::addColumn<QString>("logQl");
        QTest::newRow("no selector") << u"|= \"x\""_s;
        QTest::newRow("unclosed") << u"{job=\"api\""_s;
        QTest::newRow("matches everything") << u"{job=~\".*\"}"_s;
        QTest::newRow("only negative") << u"{job!=\"api\"}"_s;
        QTest::newRow("empty") << u"{}"_s;
    }

    void refusedAsLokiRefusesIt()
    {
        QFETCH(QString, logQl);
        const Result<LogQlQuery> query = LogQlQuery::parse(logQl);
        QVERIFY(!query);
        QVERIFY(query.error().startsWith(u"parse error"_s));
    }
};

QTEST_GUILESS_MAIN(TestLogQlQuery)
#include "tst_logqlquery.moc"
