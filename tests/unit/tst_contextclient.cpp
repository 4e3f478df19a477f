#include "FakeHttpServer.h"
#include "TestData.h"
#include "context/ContextClient.h"

#include <QTest>
#include <QUrlQuery>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// A captured error fixture: the body, then a last line "HTTP <status>".
std::pair<int, QByteArray> errorFixture(const QString &name)
{
    QByteArray text = TestData::fixture(name).trimmed();
    const qsizetype last = text.lastIndexOf('\n');
    const int status = text.mid(last + 1).trimmed().mid(5).toInt();
    return {status, text.left(last).trimmed()};
}

ContextPlan::Window window()
{
    const QDateTime start = QDateTime::fromSecsSinceEpoch(1795319700, Qt::UTC);
    return {start, start.addSecs(600), 5};
}

} // namespace

class TestContextClient : public QObject
{
    Q_OBJECT

private slots:
    void prometheusFixtures()
    {
        MetricResult result
            = ContextResponse::parsePrometheus(200, TestData::fixture(u"prometheus/query_range-matrix.json"_s));
        QVERIFY(result.ok);
        QCOMPARE(result.series.size(), 1);
        QCOMPARE(result.series.first().labels.value(u"instance"_s), u"127.0.0.1:9100"_s);
        QCOMPARE(result.series.first().samples.first().ms, 1795319755000);
        QCOMPARE(result.series.first().samples.first().value, 89.47479999999996);

        result = ContextResponse::parsePrometheus(
            200, TestData::fixture(u"prometheus/query_range-multi-series.json"_s));
        QVERIFY(result.ok);
        QVERIFY(result.series.size() > 1);
        QVERIFY(result.series.first().labels.contains(u"device"_s));

        result = ContextResponse::parsePrometheus(200, TestData::fixture(u"prometheus/query_range-empty.json"_s));
        QVERIFY(result.ok);
        QVERIFY(result.series.isEmpty());

        for (const QString &name :
             {u"prometheus/query_range-bad-data.txt"_s, u"prometheus/query_range-too-many-points.txt"_s}) {
            const auto [status, body] = errorFixture(name);
            QCOMPARE(status, 400);
            result = ContextResponse::parsePrometheus(status, body);
            QVERIFY(!result.ok);
            QCOMPARE(result.errorType, u"bad_data"_s);
            QVERIFY(!result.error.isEmpty());
        }
        QVERIFY(ContextResponse::parsePrometheus(400, errorFixture(u"prometheus/query_range-bad-data.txt"_s).second)
                    .error.contains(u"unclosed left parenthesis"_s));
    }

    void gapsAndNonApiAnswers()
    {
        const MetricResult gaps = ContextResponse::parsePrometheus(
            200,
            R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1.5,"NaN"],[2.5,"+Inf"],[3.5,"-Inf"],[4.5,"1"]]}]}})");
        QVERIFY(gaps.ok);
        const QList<Sample> samples = gaps.series.first().samples;
        QCOMPARE(samples.size(), 4);
        QCOMPARE(samples.at(0).ms, 1500);
        QVERIFY(std::isnan(samples.at(0).value) && std::isnan(samples.at(1).value) && std::isnan(samples.at(2).value));
        QCOMPARE(samples.at(3).value, 1.0);

        const MetricResult html = ContextResponse::parsePrometheus(502, "<html>Bad Gateway</html>");
        QVERIFY(!html.ok);
        QCOMPARE(html.error, u"HTTP 502: <html>Bad Gateway</html>"_s);
        QVERIFY(
            !ContextResponse::parsePrometheus(200, R"({"status":"success","data":{"resultType":"vector","result":[]}})")
                 .ok);
    }

    void lokiFixtures()
    {
        LogResult result = ContextResponse::parseLoki(200, TestData::fixture(u"loki/query_range-streams.json"_s));
        QVERIFY(result.ok);
        QVERIFY(result.lines.size() >= 3);
        for (qsizetype i = 1; i < result.lines.size(); ++i)
            QVERIFY(result.lines.at(i - 1).ns <= result.lines.at(i).ns); // oldest first
        QCOMPARE(result.lines.first().stream.value(u"pod"_s), u"checkout-7d9f8b6c5d-x2x9k"_s);
        QVERIFY(result.lines.last().line.contains(u"payment gateway 504"_s)); // newest in the capture

        result = ContextResponse::parseLoki(200, TestData::fixture(u"loki/query_range-limited.json"_s));
        QCOMPARE(result.lines.size(), 3);

        for (const QString &name :
             {u"loki/query_range-parse-error.txt"_s, u"loki/query_range-empty-matcher-error.txt"_s}) {
            const auto [status, body] = errorFixture(name);
            result = ContextResponse::parseLoki(status, body);
            QVERIFY(!result.ok);
            QCOMPARE(result.error, u"HTTP 400: "_s + QString::fromUtf8(body)); // verbatim
        }
    }

    void requestsAsTheApisExpect()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route("/prom/api/v1/query_range",
                     {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        server.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-streams.json"_s)});
        ContextClient client;
        ConnectionCheckRequest prometheus{QUrl(server.url().toString() + u"/prom/"_s)};
        prometheus.user = u"ops"_s;
        prometheus.password = u"pw"_s;
        std::optional<MetricResult> metrics;
        const QString expression = u"sum(rate(x{a=\"b+c\"}[5m])) + 1"_s;
        client.queryMetrics(prometheus, expression, window(), this, [&](const MetricResult &r) { metrics = r; });
        QTRY_VERIFY(metrics);
        QVERIFY(metrics->ok);
        const HttpRequest &sent = server.requests.constFirst();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.header("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(sent.header("authorization"), "Basic " + QByteArray("ops:pw").toBase64());
        const QUrlQuery form(QString::fromUtf8(sent.body));
        QCOMPARE(form.queryItemValue(u"query"_s, QUrl::FullyDecoded), expression); // '+' kept
        QCOMPARE(form.queryItemValue(u"start"_s), u"1795319700"_s);
        QCOMPARE(form.queryItemValue(u"end"_s), u"1795320300"_s);
        QCOMPARE(form.queryItemValue(u"step"_s), u"5"_s);

        ConnectionCheckRequest loki{server.url()};
        loki.headers.append(std::pair<QByteArray, QByteArray>("X-Scope-OrgID", "team-a"));
        std::optional<LogResult> logs;
        const QString logQl = u"{host=\"web-01\"} |~ \"(?i)(error|fail)\" != \"a+b\""_s;
        client.queryLogs(loki, logQl, window(), 200, this, [&](const LogResult &r) { logs = r; });
        QTRY_VERIFY(logs);
        QVERIFY(logs->ok);
        const HttpRequest &get = server.requests.constLast();
        QCOMPARE(get.method, QByteArray("GET"));
        QCOMPARE(get.header("x-scope-orgid"), QByteArray("team-a"));
        const QUrlQuery query(QUrl(QString::fromUtf8(get.target)).query(QUrl::FullyEncoded));
        QCOMPARE(query.queryItemValue(u"query"_s, QUrl::FullyDecoded), logQl);
        QCOMPARE(query.queryItemValue(u"start"_s), u"1795319700000000000"_s); // nanoseconds
        QCOMPARE(query.queryItemValue(u"limit"_s), u"200"_s);
        QCOMPARE(query.queryItemValue(u"direction"_s), u"backward"_s);
    }

    void cancelledAndTimedOut()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        FakeHttpServer::Response never;
        never.neverAnswer = true;
        server.route("/api/v1/query_range", never);
        ContextClient client;
        bool called = false;
        const ContextClient::RequestId id = client.queryMetrics({server.url()}, u"up"_s, window(), this,
                                                                [&](const MetricResult &) { called = true; });
        QTRY_COMPARE(server.requests.size(), 1);
        client.cancel(id);
        QCOMPARE(client.pending(), 0);

        ConnectionCheckRequest quick{server.url()};
        quick.timeout = std::chrono::milliseconds(200);
        std::optional<MetricResult> timedOut;
        client.queryMetrics(quick, u"up"_s, window(), this, [&](const MetricResult &r) { timedOut = r; });
        QTRY_VERIFY(timedOut);
        QCOMPARE(timedOut->errorType, u"network"_s);
        QCOMPARE(timedOut->error, u"no answer within 1 s"_s);
        QVERIFY(!called); // the cancelled one never answered
    }
};

QTEST_GUILESS_MAIN(TestContextClient)
#include "tst_contextclient.moc"
