// The model's tool arguments read into checked requests: times, ranges, steps and
// limits, and every refusal saying what was wrong.

#include "analysis/AnalysisToolArguments.h"
#include "analysis/AnalysisToolDefinitions.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace AnalysisToolArguments;

namespace {

const QDateTime now = QDateTime::fromSecsSinceEpoch(1795320000, Qt::UTC); // 2026-11-22T04:00:00Z

Parsed parsed(const QString &tool, const QString &arguments)
{
    return parse(tool, arguments, now);
}

QString refusalOf(const QString &tool, const QString &arguments)
{
    const Parsed result = parsed(tool, arguments);
    return result.ok() ? QString() : result.refusal.forModel();
}

} // namespace

class TestAnalysisToolArguments : public QObject
{
    Q_OBJECT

private slots:
    void definitionsDescribeTheFourToolsWithoutAHost()
    {
        const QJsonArray tools
            = AnalysisToolDefinitions::forTools({allTools[0], allTools[1], allTools[2], allTools[3]});
        QCOMPARE(tools.size(), 4);
        QStringList names;
        for (const QJsonValue &tool : tools) {
            const QJsonObject function = tool.toObject().value(u"function"_s).toObject();
            QCOMPARE(tool.toObject().value(u"type"_s).toString(), u"function"_s);
            names << function.value(u"name"_s).toString();
            QVERIFY(!function.value(u"description"_s).toString().isEmpty());
            const QJsonObject parameters = function.value(u"parameters"_s).toObject();
            QCOMPARE(parameters.value(u"type"_s).toString(), u"object"_s);
            QCOMPARE(parameters.value(u"additionalProperties"_s).toBool(true), false);
            const QStringList properties = parameters.value(u"properties"_s).toObject().keys();
            for (const QString &property : properties)
                QVERIFY2(!property.contains(u"url"_s) && !property.contains(u"host"_s), qPrintable(property));
        }
        QCOMPARE(names, (QStringList{u"query_prometheus"_s, u"query_loki"_s, u"list_series"_s, u"alert_history"_s}));
        const QJsonObject prometheus
            = tools.at(0).toObject().value(u"function"_s).toObject().value(u"parameters"_s).toObject();
        QCOMPARE(prometheus.value(u"properties"_s).toObject().keys(),
                 (QStringList{u"end"_s, u"query"_s, u"start"_s, u"step"_s}));
        QCOMPARE(prometheus.value(u"required"_s).toArray(), QJsonArray{u"query"_s});
        QVERIFY(AnalysisToolDefinitions::forTools({}).isEmpty());
    }

    void relativeAndAbsoluteTimes()
    {
        QCOMPARE(parseTime(u"now"_s, now), now);
        QCOMPARE(parseTime(u"-1h"_s, now), now.addSecs(-3600));
        QCOMPARE(parseTime(u"now-90m"_s, now), now.addSecs(-5400));
        QCOMPARE(parseTime(u"now - 1h30m"_s, now), now.addSecs(-5400));
        QCOMPARE(parseTime(u"2026-11-22T03:00:00Z"_s, now), now.addSecs(-3600));
        QCOMPARE(parseTime(u"2026-11-22T05:00:00+02:00"_s, now), now.addSecs(-3600));
        QCOMPARE(parseTime(u"2026-11-22T03:00:00"_s, now), now.addSecs(-3600)); // no zone: UTC
        QCOMPARE(parseTime(1795316400, now), now.addSecs(-3600));
        QCOMPARE(parseTime(u"1795316400"_s, now), now.addSecs(-3600));
        QCOMPARE(parseTime(u"1795316400.5"_s, now), now.addMSecs(-3'599'500));
        for (const QJsonValue &bad :
             {QJsonValue(u""_s), QJsonValue(u"yesterday"_s), QJsonValue(u"+1h"_s), QJsonValue(u"-1x"_s),
              QJsonValue(u"-h"_s), QJsonValue(-5), QJsonValue(1e300), QJsonValue(true),
              QJsonValue(u"http://127.0.0.1:9090/"_s), QJsonValue(u"-9999999999w"_s)})
            QVERIFY2(!parseTime(bad, now), qPrintable(bad.toVariant().toString()));
    }

    void durations()
    {
        QCOMPARE(parseDuration(u"15s"), 15);
        QCOMPARE(parseDuration(u"1h30m"), 5400);
        QCOMPARE(parseDuration(u"2d"), 172800);
        QCOMPARE(parseDuration(u"1w"), 604800);
        for (const QString &bad :
             {u""_s, u"0s"_s, u"15"_s, u"s"_s, u"1.5m"_s, u"1y"_s, u"-1h"_s, u"9999999999s"_s, u"١٥s"_s})
            QVERIFY2(!parseDuration(bad), qPrintable(bad));
        QCOMPARE(durationText(30 * 86400), u"30 d"_s);
        QCOMPARE(durationText(25 * 3600 + 600), u"25 h 10 min"_s);
        QCOMPARE(durationText(86400), u"24 h"_s);
        QCOMPARE(durationText(3 * 86400 + 7200), u"3 d 2 h"_s);
        QCOMPARE(durationText(90), u"90 s"_s);
    }

    void prometheusQueryWithDefaults()
    {
        const Parsed result = parsed(u"query_prometheus"_s, u"{\"query\": \"rate(x_total[5m])\"}"_s);
        QVERIFY(result.ok());
        const auto &query = std::get<PrometheusQuery>(*result.request);
        QCOMPARE(query.query, u"rate(x_total[5m])"_s);
        QCOMPARE(query.window.end, now);
        QCOMPARE(query.window.start, now.addSecs(-3600));
        QCOMPARE(query.window.stepSeconds, 15); // about 250 points over an hour
    }

    void prometheusQueryAsAsked()
    {
        const Parsed result = parsed(
            u"query_prometheus"_s,
            u"{\"query\": \"up\", \"start\": \"2026-11-22T02:00:00Z\", \"end\": \"-30m\", \"step\": \"1m\"}"_s);
        QVERIFY(result.ok());
        const auto &query = std::get<PrometheusQuery>(*result.request);
        QCOMPARE(query.window.start, now.addSecs(-7200));
        QCOMPARE(query.window.end, now.addSecs(-1800));
        QCOMPARE(query.window.stepSeconds, 60);
        QCOMPARE(std::get<PrometheusQuery>(*parsed(u"query_prometheus"_s, u"{\"query\":\"up\",\"step\":30}"_s).request)
                     .window.stepSeconds,
                 30);
    }

    void otherTools()
    {
        Parsed result
            = parsed(u"query_loki"_s, u"{\"query\": \"{app=\\\"api\\\"} |= \\\"error\\\"\", \"limit\": 50}"_s);
        QVERIFY(result.ok());
        QCOMPARE(std::get<LokiQuery>(*result.request).limit, 50);
        QCOMPARE(std::get<LokiQuery>(*result.request).query, u"{app=\"api\"} |= \"error\""_s);
        result = parsed(u"list_series"_s, u"{\"match\": \"up{job=\\\"node\\\"}\", \"start\": \"-6h\"}"_s);
        QVERIFY(result.ok());
        QCOMPARE(std::get<SeriesQuery>(*result.request).window.start, now.addSecs(-6 * 3600));
        result = parsed(u"alert_history"_s, u""_s); // no arguments at all
        QVERIFY(result.ok());
        QCOMPARE(std::get<HistoryQuery>(*result.request).limit, 10);
        QCOMPARE(std::get<HistoryQuery>(*parsed(u"alert_history"_s, u"{\"limit\":\"3\"}"_s).request).limit, 3);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("30 days") << u"query_prometheus"_s << u"{\"query\":\"up\",\"start\":\"-30d\"}"_s
                                 << u"is 30 d long; at most 24 h can be asked for"_s;
        QTest::newRow("25 hours, absolute")
            << u"query_loki"_s << u"{\"query\":\"{a=\\\"b\\\"}\",\"start\":\"2026-11-21T03:00:00Z\"}"_s
            << u"at most 24 h can be asked for"_s;
        QTest::newRow("start after end") << u"list_series"_s
                                         << u"{\"match\":\"up\",\"start\":\"-1h\",\"end\":\"-2h\"}"_s
                                         << u"is not before the end"_s;
        QTest::newRow("future") << u"query_prometheus"_s << u"{\"query\":\"up\",\"end\":\"2027-01-01T00:00:00Z\"}"_s
                                << u"is in the future"_s;
        QTest::newRow("too many points") << u"query_prometheus"_s
                                         << u"{\"query\":\"up\",\"start\":\"-24h\",\"step\":\"1s\"}"_s
                                         << u"gives 86401 points; Prometheus allows at most 11000. Use a step of at "
                                            "least 8 s"_s;
        QTest::newRow("step longer than range")
            << u"query_prometheus"_s << u"{\"query\":\"up\",\"start\":\"-1h\",\"step\":\"2h\"}"_s
            << u"longer than the range"_s;
        QTest::newRow("bad step") << u"query_prometheus"_s << u"{\"query\":\"up\",\"step\":\"fast\"}"_s
                                  << u"\"step\" must be a duration"_s;
        QTest::newRow("limit too large") << u"query_loki"_s << u"{\"query\":\"{a=\\\"b\\\"}\",\"limit\":100000}"_s
                                         << u"\"limit\" must be a whole number from 1 to 500, not 100000"_s;
        QTest::newRow("limit not whole") << u"alert_history"_s << u"{\"limit\":2.5}"_s << u"from 1 to 50, not 2.5"_s;
        QTest::newRow("missing query") << u"query_prometheus"_s << u"{}"_s << u"\"query\" is required"_s;
        QTest::newRow("empty query") << u"query_loki"_s << u"{\"query\":\"  \"}"_s << u"\"query\" is empty"_s;
        QTest::newRow("query not a string")
            << u"query_prometheus"_s << u"{\"query\":[\"up\"]}"_s << u"must be a string, not [\"up\"]"_s;
        QTest::newRow("url argument") << u"query_prometheus"_s
                                      << u"{\"query\":\"up\",\"url\":\"http://10.0.0.1:9090\"}"_s
                                      << u"takes no argument \"url\""_s;
        QTest::newRow("url as query") << u"query_prometheus"_s
                                      << u"{\"query\":\"http://10.0.0.1:9090/api/v1/query?query=up\"}"_s
                                      << u"is a URL. The tools ask only the data sources"_s;
        QTest::newRow("url as time") << u"list_series"_s << u"{\"match\":\"up\",\"start\":\"https://x/\"}"_s
                                     << u"is a URL"_s;
        QTest::newRow("bad time") << u"query_loki"_s << u"{\"query\":\"{a=\\\"b\\\"}\",\"start\":\"yesterday\"}"_s
                                  << u"\"start\" is not a time: \"yesterday\""_s;
        QTest::newRow("malformed json") << u"query_prometheus"_s << u"{\"query\": \"up"_s << u"not valid JSON"_s;
        QTest::newRow("json array") << u"query_prometheus"_s << u"[1]"_s << u"must be a JSON object, not \"[1]\""_s;
        QTest::newRow("unknown tool") << u"delete_everything"_s << u"{}"_s
                                      << u"There is no tool named \"delete_everything\". The tools are: "
                                         "query_prometheus, query_loki, list_series, alert_history."_s;
        QTest::newRow("huge arguments") << u"query_prometheus"_s
                                        << u"{\"query\":\""_s + QString(70'000, u'x') + u"\"}"_s
                                        << u"at most 65536 are accepted"_s;
        QTest::newRow("huge query") << u"query_prometheus"_s << u"{\"query\":\""_s + QString(20'000, u'x') + u"\"}"_s
                                    << u"\"query\" is 20000 characters long; at most 16384"_s;
    }

    void refusals()
    {
        QFETCH(QString, tool);
        QFETCH(QString, arguments);
        QFETCH(QString, says);
        const QString refusal = refusalOf(tool, arguments);
        QVERIFY2(refusal.contains(says), qPrintable(refusal));
        QVERIFY(refusal.size() < 600); // the model's own text is quoted short
    }

    void messagesFillTheirArgumentsOnce()
    {
        // The model's text is not read as a placeholder: "%2" in a name stays "%2".
        const QString refusal = refusalOf(u"x%2%1"_s, u"{}"_s);
        QVERIFY2(refusal.startsWith(u"There is no tool named \"x%2%1\"."_s), qPrintable(refusal));
        const ToolMessage message{QT_TRANSLATE_NOOP("AnalysisTools", "The argument \"%1\" is required."), {u"q"_s}};
        QCOMPARE(message.forPeople(), message.forModel()); // no translator loaded
    }
};

QTEST_GUILESS_MAIN(TestAnalysisToolArguments)
#include "tst_analysistoolarguments.moc"
