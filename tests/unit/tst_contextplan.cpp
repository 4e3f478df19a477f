#include "AlertBuilder.h"
#include "PromtoolCheck.h"
#include "context/ContextPlan.h"
#include "context/PromQlSplit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

Alert alertWith(const LabelMap &labels, const QString &promQl = {})
{
    return AlertBuilder()
        .labels(labels)
        .name(labels.value(u"alertname"_s))
        .promQl(promQl)
        .startsAt(QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
}

// Label values a sender could use to change a query: quotes, backslashes, line
// breaks, braces, backticks, regex metacharacters, control and odd characters.
const QStringList hostileValues{
    u"x\"}[5m])) or vector(1) or up{a=\""_s,
    u"trailing backslash\\"_s,
    u"line\nbreak\rand\ttab"_s,
    u"`back`ticks` and } braces {"_s,
    u"'single' quotes"_s,
    u".*|(a+)?[b]{2}^$"_s,
    u"control \u0001 and \u007f"_s,
    u"replacement \uFFFD character"_s,
    u"line separator \u2028 é 😀"_s,
    u"lone "_s + QChar(0xD800) + u" surrogate"_s,
};

} // namespace

class TestContextPlan : public QObject
{
    Q_OBJECT

private slots:
    void windowAroundTheStart()
    {
        Alert alert = alertWith({});
        const QDateTime later = alert.startsAt.addSecs(20 * 60);
        // Firing: from 30 minutes before the start up to now, following now.
        ContextPlan::Window window = ContextPlan::window(alert, later);
        QCOMPARE(window.start, alert.startsAt.addSecs(-30 * 60));
        QCOMPARE(window.end, later);
        QVERIFY(window.following);
        QCOMPARE(window.stepSeconds, 5); // 50 min in ≤ 1,000 points
        QVERIFY(window.points() <= 1000);

        // Still firing three hours later: still up to now.
        window = ContextPlan::window(alert, alert.startsAt.addSecs(3 * 3600));
        QCOMPARE(window.end, alert.startsAt.addSecs(3 * 3600));

        // A start in the future (clock skew) is taken as now.
        window = ContextPlan::window(alert, alert.startsAt.addSecs(-600));
        QCOMPARE(window.end, alert.startsAt.addSecs(-600));
        QVERIFY(window.start < window.end);

        // Configured wider.
        window = ContextPlan::window(alert, alert.startsAt.addSecs(3 * 3600), {24 * 60, 60, 1000});
        QCOMPARE(window.stepSeconds, 120);
        QVERIFY(window.points() <= 1000);
    }

    void resolvedWindowEndsAfterTheEnd()
    {
        Alert alert = alertWith({});
        alert.state = AlertState::Resolved;
        alert.endsAt = alert.startsAt.addSecs(45 * 60);
        const QDateTime later = alert.startsAt.addSecs(5 * 3600);
        ContextPlan::Window window = ContextPlan::window(alert, later);
        QCOMPARE(window.start, alert.startsAt.addSecs(-30 * 60));
        QCOMPARE(window.end, alert.endsAt.addSecs(10 * 60));
        QVERIFY(!window.following);

        // Resolved a moment ago: up to now, and following until end + minutesAfter.
        window = ContextPlan::window(alert, alert.endsAt.addSecs(60));
        QCOMPARE(window.end, alert.endsAt.addSecs(60));
        QVERIFY(window.following);
    }

    void chosenRanges()
    {
        const Alert alert = alertWith({});
        const QDateTime now = alert.startsAt.addSecs(2 * 3600);
        TimeRange range;
        range.kind = TimeRange::Kind::LastHour;
        ContextPlan::Window window = ContextPlan::window(alert, now, {}, range);
        QCOMPARE(window.start, now.addSecs(-3600));
        QCOMPARE(window.end, now);
        QVERIFY(window.following);
        range.kind = TimeRange::Kind::Last24Hours;
        window = ContextPlan::window(alert, now, {}, range);
        QCOMPARE(window.start, now.addSecs(-86400));
        QCOMPARE(window.stepSeconds, 120);

        // Custom: as chosen (the ends in either order), never past now, not following.
        range = TimeRange::custom(alert.startsAt.addSecs(600), alert.startsAt.addSecs(-300));
        window = ContextPlan::window(alert, now, {}, range);
        QCOMPARE(window.start, alert.startsAt.addSecs(-300));
        QCOMPARE(window.end, alert.startsAt.addSecs(600));
        QVERIFY(!window.following);
        QCOMPARE(window.stepSeconds, 1);
        range = TimeRange::custom(alert.startsAt, now.addSecs(3600));
        QCOMPARE(ContextPlan::window(alert, now, {}, range).end, now);
    }

    void stepsStayWithinLimits_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<int>("maxPoints");
        QTest::addColumn<int>("step");
        QTest::newRow("10 minutes") << qint64(600) << 1000 << 1;
        QTest::newRow("40 minutes") << qint64(2400) << 1000 << 5;
        QTest::newRow("a day") << qint64(86400) << 1000 << 120;
        QTest::newRow("a year") << qint64(365LL * 86400) << 1000 << 43200;
        QTest::newRow("ten years") << qint64(3650LL * 86400) << 1000 << 2 * 86400 * 2;
        QTest::newRow("asked for too many points") << qint64(86400) << 50'000 << 10;
    }

    void stepsStayWithinLimits()
    {
        QFETCH(qint64, seconds);
        QFETCH(int, maxPoints);
        QFETCH(int, step);
        const int chosen = ContextPlan::stepFor(seconds, maxPoints);
        QCOMPARE(chosen, step);
        QVERIFY(seconds / chosen + 1 <= std::min(maxPoints, 11'000));
    }

    void metricQueriesFromExpressionAndNode()
    {
        const Alert alert
            = alertWith({{u"alertname"_s, u"HighCPUUsage"_s}, {u"instance"_s, u"db-1:9100"_s}},
                        u"100 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[30s])) * 100 > 90"_s);
        const QList<ContextPlan::MetricQuery> queries = ContextPlan::metricQueries(alert);
        QCOMPARE(queries.size(), 5);
        QCOMPARE(queries.at(0).title, u"HighCPUUsage"_s);
        QCOMPARE(queries.at(0).threshold, 90.0);
        QCOMPARE(queries.at(0).comparison, u">"_s);
        QVERIFY(!queries.at(0).expression.contains(u"> 90"_s));
        QCOMPARE(queries.at(1).title, u"CPU busy %"_s);
        for (qsizetype i = 1; i < queries.size(); ++i) {
            QVERIFY2(queries.at(i).expression.contains(u"instance=\"db-1:9100\""_s),
                     qPrintable(queries.at(i).expression));
            QVERIFY(!queries.at(i).threshold);
        }

        // Grafana-managed rule without PromQL, job="node": companions only.
        QCOMPARE(
            ContextPlan::metricQueries(alertWith({{u"instance"_s, u"10.0.0.5:9999"_s}, {u"job"_s, u"node"_s}})).size(),
            4);
        // Neither: nothing to plot.
        QVERIFY(ContextPlan::metricQueries(alertWith({{u"service"_s, u"checkout"_s}})).isEmpty());
    }

    void tooLongExpressionIsNotCharted()
    {
        // The expression: "a", 100,000 spaces, "b" (too long to analyse, let alone plot).
        const QString expression = u'a' + QString(100'000, u' ') + u'b';
        const ContextPlan::MetricPlan plan = ContextPlan::metricPlan(
            alertWith({{u"alertname"_s, u"Hostile"_s}, {u"instance"_s, u"db-1:9100"_s}}, expression));
        // The node panels stay; the expression is neither charted nor sent.
        QCOMPARE(plan.queries.size(), 4);
        for (const ContextPlan::MetricQuery &query : plan.queries)
            QVERIFY(query.expression.size() < 1000);
        QCOMPARE(plan.notes,
                 QStringList{u"The alert's expression is too long to chart (%1 characters)."_s.arg(
                     QLocale().toString(qlonglong(expression.size())))});
        QVERIFY(ContextPlan::metricQueries(alertWith({}, expression)).isEmpty());

        // At the limit it is still charted.
        const QString longest = u"sum(x)"_s + QString(PromQlSplitter::maxExpressionLength - 12, u' ') + u" > 0.5"_s;
        const ContextPlan::MetricPlan charted = ContextPlan::metricPlan(alertWith({}, longest));
        QCOMPARE(charted.queries.size(), 1);
        QVERIFY(charted.notes.isEmpty());
        QCOMPARE(charted.queries.first().threshold, 0.5);
    }

    void stringsAreEscapedForPromQlAndLogQl_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("quote") << u"a\"b"_s << u"\"a\\\"b\""_s;
        QTest::newRow("backslash") << u"a\\b\\"_s << u"\"a\\\\b\\\\\""_s;
        QTest::newRow("line breaks and tabs") << u"a\nb\rc\td"_s << u"\"a\\nb\\rc\\td\""_s;
        QTest::newRow("control characters") << u"\u0001\u001f\u007f"_s << u"\"\\u0001\\u001f\\u007f\""_s;
        QTest::newRow("replacement character") << u"a\uFFFDb"_s << u"\"a\\uFFFDb\""_s;
        QTest::newRow("lone surrogate") << (u"a"_s + QChar(0xDC00) + u"b"_s) << u"\"a\\uFFFDb\""_s;
        QTest::newRow("kept as they are") << u"é 😀 ` } { ' .* \u2028"_s << u"\"é 😀 ` } { ' .* \u2028\""_s;
    }

    void stringsAreEscapedForPromQlAndLogQl()
    {
        QFETCH(QString, value);
        QFETCH(QString, quoted);
        QCOMPARE(ContextPlan::quoted(value), quoted);
    }

    void regexMetacharactersAreEscapedForRe2()
    {
        QCOMPARE(ContextPlan::regexEscaped(u"a.b*c+d?(e)|[f]{g}^h$\\i"_s),
                 u"a\\.b\\*c\\+d\\?\\(e\\)\\|\\[f\\]\\{g\\}\\^h\\$\\\\i"_s);
        // RE2 refuses a backslash before a letter, a digit or a non-ASCII character.
        QCOMPARE(ContextPlan::regexEscaped(u"db-1 é/#:_"_s), u"db-1 é/#:_"_s);
        // The escaped pattern matches the value itself, whole, and nothing else.
        for (const QString &value : hostileValues) {
            if (value.contains(QChar(0xD800)))
                continue; // not a string PCRE takes
            const QRegularExpression literal(QRegularExpression::anchoredPattern(ContextPlan::regexEscaped(value)));
            QVERIFY2(literal.isValid(), qPrintable(literal.errorString()));
            QVERIFY2(literal.match(value).hasMatch(), qPrintable(value));
            QVERIFY(!literal.match(value + u'x').hasMatch());
        }
    }

    void hostileLabelsStayValues()
    {
        // The exact text: the value stays inside its string.
        Alert node = alertWith({{u"instance"_s, u"x\"}[5m])) or vector(1) #\\"_s}, {u"job"_s, u"node"_s}});
        QList<ContextPlan::MetricQuery> queries = ContextPlan::metricQueries(node);
        QCOMPARE(queries.size(), 4);
        QCOMPARE(queries.first().expression,
                 u"100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{instance=\"x\\\"}[5m])) or vector(1) "
                 "#\\\\\",mode=\"idle\"}[5m])))"_s);
        const ContextPlan::LogQuery logs = ContextPlan::logQuery(alertWith({{u"job"_s, u"a\nb`}\" |= \"x"_s}}),
                                                                 ContextPlan::defaultLabelRules(), false);
        QCOMPARE(logs.logQl(), u"{job=\"a\\nb`}\\\" |= \\\"x\"}"_s);

        // And Prometheus's own parser reads every panel, for every hostile value, as
        // the query it was meant to be.
        if (PromtoolCheck::executable().isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus; tools/deps installs it)");
        QStringList expressions;
        for (const QString &value : hostileValues) {
            node.labels[u"instance"_s] = value;
            for (const ContextPlan::MetricQuery &query : ContextPlan::metricQueries(node))
                expressions << query.expression;
            expressions << u"up{instance=~%1}"_s.arg(ContextPlan::quoted(ContextPlan::regexEscaped(value)));
        }
        QCOMPARE(expressions.size(), hostileValues.size() * 5);
        const QString report = PromtoolCheck::check(expressions);
        QVERIFY2(report.isEmpty(), qPrintable(report));
        // (promtool does refuse what is not escaped.)
        QVERIFY(!PromtoolCheck::check({u"up{instance=\"a\"b\"}"_s}).isEmpty());
        QVERIFY(!PromtoolCheck::check({u"up{instance=\"a\uFFFD\"}"_s}).isEmpty());
    }

    void lokiSelectors_data()
    {
        QTest::addColumn<LabelMap>("labels");
        QTest::addColumn<QString>("logQl");
        QTest::newRow("node instance: host without port")
            << LabelMap{{u"instance"_s, u"db-1:9100"_s}, {u"job"_s, u"node"_s}} << u"{host=\"db-1\"}"_s;
        QTest::newRow("kubernetes pod narrows by namespace and container")
            << LabelMap{{u"pod"_s, u"api-7f9"_s},
                        {u"namespace"_s, u"prod"_s},
                        {u"container"_s, u"api"_s},
                        {u"instance"_s, u"10.1.2.3:8080"_s}}
            << u"{pod=\"api-7f9\", namespace=\"prod\", container=\"api\"}"_s;
        QTest::newRow("nightingale target_ident")
            << LabelMap{{u"target_ident"_s, u"web-03"_s}} << u"{host=\"web-03\"}"_s;
        QTest::newRow("ipv6 instance") << LabelMap{{u"instance"_s, u"[fd00::1]:9100"_s}} << u"{host=\"fd00::1\"}"_s;
        QTest::newRow("service when nothing else")
            << LabelMap{{u"service"_s, u"checkout"_s}, {u"job"_s, u"api"_s}} << u"{service=\"checkout\"}"_s;
        QTest::newRow("quotes escaped") << LabelMap{{u"job"_s, u"a\"b\\c"_s}} << u"{job=\"a\\\"b\\\\c\"}"_s;
        QTest::newRow("empty values are skipped")
            << LabelMap{{u"pod"_s, u""_s}, {u"job"_s, u"api"_s}} << u"{job=\"api\"}"_s;
    }

    void lokiSelectors()
    {
        QFETCH(LabelMap, labels);
        QFETCH(QString, logQl);
        const ContextPlan::LogQuery query = ContextPlan::logQuery(alertWith(labels));
        QVERIFY(query.problem.isEmpty());
        QCOMPARE(query.logQl(), logQl);
    }

    void lokiWithoutAnythingToSelectSaysWhy()
    {
        const ContextPlan::LogQuery query = ContextPlan::logQuery(alertWith({{u"alertname"_s, u"Watchdog"_s}}));
        QVERIFY(query.selector.isEmpty());
        QVERIFY(query.problem.contains(u"None of this alert's labels identifies a log stream"_s));
        QVERIFY(query.problem.contains(u"target_ident"_s));
        // Line filter off; a custom map.
        const ContextPlan::LogQuery custom = ContextPlan::logQuery(
            alertWith({{u"cluster"_s, u"eu1"_s}, {u"app"_s, u"shop"_s}}),
            {{u"app"_s, u"application"_s, false, 0}, {u"cluster"_s, u"cluster"_s, false, 0}}, false);
        QCOMPARE(custom.logQl(), u"{application=\"shop\", cluster=\"eu1\"}"_s);
    }

    void grafanaExploreLink()
    {
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(1795319700000, Qt::UTC);
        const QUrl url
            = ContextPlan::grafanaExploreUrl(QUrl(u"https://grafana.example/sub/"_s), u"loki-uid"_s,
                                             u"{host=\"db-1\"} |= \"error\""_s, {start, start.addSecs(600), 5});
        QCOMPARE(url.path(), u"/sub/explore"_s);
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(u"orgId"_s), u"1"_s);
        const QJsonObject left
            = QJsonDocument::fromJson(query.queryItemValue(u"left"_s, QUrl::FullyDecoded).toUtf8()).object();
        QCOMPARE(left.value(u"datasource"_s).toString(), u"loki-uid"_s);
        QCOMPARE(left.value(u"queries"_s).toArray().first().toObject().value(u"expr"_s).toString(),
                 u"{host=\"db-1\"} |= \"error\""_s);
        QCOMPARE(left.value(u"range"_s).toObject().value(u"from"_s).toString(), u"1795319700000"_s);
        QCOMPARE(left.value(u"range"_s).toObject().value(u"to"_s).toString(), u"1795320300000"_s);

        // A query holding URL syntax stays one parameter, whole.
        const QString hostile = u"{job=\"a&left=x#y%zz+b\"} |= \"?orgId=2&\""_s;
        const QUrl escaped = ContextPlan::grafanaExploreUrl(QUrl(u"https://grafana.example"_s), u"loki-uid"_s, hostile,
                                                            {start, start.addSecs(600), 5});
        QVERIFY(escaped.fragment().isEmpty());
        const QUrlQuery items(escaped);
        QCOMPARE(items.allQueryItemValues(u"left"_s).size(), 1);
        QCOMPARE(items.allQueryItemValues(u"orgId"_s), QStringList{u"1"_s});
        QCOMPARE(QJsonDocument::fromJson(items.queryItemValue(u"left"_s, QUrl::FullyDecoded).toUtf8())
                     .object()
                     .value(u"queries"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"expr"_s)
                     .toString(),
                 hostile);
    }
};

QTEST_GUILESS_MAIN(TestContextPlan)
#include "tst_contextplan.moc"
