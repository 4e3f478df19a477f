// The analysis tools against local stand-ins for Prometheus's and Loki's APIs: what
// each call asks of the configured source (and nothing else), what the model and the
// panel get back, the token budget, the call limit, and stopping mid-call.

#include "FakeHttpServer.h"
#include "TestData.h"
#include "analysis/AnalysisPrompt.h"
#include "analysis/AnalysisTools.h"
#include "store/AlertHistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace AnalysisToolArguments;
using Problem = AnalysisTools::Problem;

namespace {

// The store's side of alert_history: canned occurrences.
class FakeHistory final : public AlertHistory
{
public:
    QList<StoredOccurrence> occurrences;
    QList<AlertKey> asked;

    void fetchDetails(const AlertKey &alert, QObject *context, std::function<void(const AlertDetails &)> done) override
    {
        asked << alert;
        AlertDetails details;
        details.occurrences = occurrences;
        QMetaObject::invokeMethod(
            context, [details, done] { done(details); }, Qt::QueuedConnection);
    }
    void fetchAnalyses(const AlertKey &, QObject *, std::function<void(const QList<StoredAnalysis> &)>) override { }
    void saveAnalysis(const StoredAnalysis &, QObject *,
                      std::function<void(const StoredAnalysis &, const QString &)>) override
    { }
    void fetchForwards(const AlertKey &, QObject *, std::function<void(const QList<StoredForward> &)>) override { }
    void saveForward(const StoredForward &, QObject *,
                     std::function<void(const StoredForward &, const QString &)>) override
    { }
};

Alert analysedAlert()
{
    Alert alert;
    alert.source = u"alertmanager"_s;
    alert.fingerprint = u"f00d"_s;
    alert.name = u"HighErrorRate"_s;
    alert.startsAt = QDateTime::fromSecsSinceEpoch(1795319000, Qt::UTC);
    return alert;
}

// Many series of many points: a result far larger than any budget.
QByteArray manySeries(int count, int points)
{
    QJsonArray result;
    for (int s = 0; s < count; ++s) {
        QJsonArray values;
        for (int p = 0; p < points; ++p)
            values.append(QJsonArray{1795316400 + p * 15, QString::number(s * 1000 + p)});
        result.append(QJsonObject{{u"metric"_s, QJsonObject{{u"__name__"_s, u"x"_s}, {u"pod"_s, u"pod-%1"_s.arg(s)}}},
                                  {u"values"_s, values}});
    }
    return QJsonDocument(QJsonObject{{u"status"_s, u"success"_s},
                                     {u"data"_s, QJsonObject{{u"resultType"_s, u"matrix"_s}, {u"result"_s, result}}}})
        .toJson(QJsonDocument::Compact);
}

QUrlQuery formOf(const HttpRequest &request)
{
    return QUrlQuery(QString::fromUtf8(request.method == "POST" ? request.body
                                                                : request.target.mid(request.target.indexOf('?') + 1)));
}

} // namespace

class TestAnalysisTools : public QObject
{
    Q_OBJECT

    const QDateTime m_now = QDateTime::fromSecsSinceEpoch(1795320000, Qt::UTC);
    std::unique_ptr<FakeHttpServer> m_prometheus;
    std::unique_ptr<FakeHttpServer> m_loki;
    FakeHistory m_history;

    AnalysisTools::Sources sources() const
    {
        AnalysisTools::Sources sources;
        sources.prometheus.url = m_prometheus->url();
        sources.prometheus.bearerToken = u"prom-token-1"_s;
        sources.prometheus.timeout = std::chrono::milliseconds(5000);
        sources.loki.url = m_loki->url();
        sources.loki.headers = {{"X-Scope-OrgID", "tenant-a"}};
        sources.loki.timeout = std::chrono::milliseconds(5000);
        return sources;
    }

    std::unique_ptr<AnalysisTools> tools(AnalysisTools::Settings settings = {},
                                         std::optional<AnalysisTools::Sources> chosen = std::nullopt)
    {
        auto tools = std::make_unique<AnalysisTools>(settings, chosen.value_or(sources()), &m_history, analysedAlert());
        tools->setClock([this] { return m_now; });
        return tools;
    }

    // Runs one call and waits for its outcome.
    AnalysisTools::Outcome call(AnalysisTools &tools, const QString &name, const QString &arguments)
    {
        std::optional<AnalysisTools::Outcome> outcome;
        const bool accepted = tools.run({u"call-1"_s, name, arguments}, this,
                                        [&outcome](const AnalysisTools::Outcome &result) { outcome = result; });
        [&] {
            QVERIFY(accepted);
            QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10'000);
        }();
        return outcome.value_or(AnalysisTools::Outcome{});
    }

private slots:
    void init()
    {
        m_prometheus = std::make_unique<FakeHttpServer>();
        QVERIFY(m_prometheus->listen());
        m_loki = std::make_unique<FakeHttpServer>();
        QVERIFY(m_loki->listen());
        m_prometheus->route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        m_prometheus->route(
            "/api/v1/series",
            {200,
             "{\"status\":\"success\",\"data\":[{\"__name__\":\"up\",\"job\":\"node\",\"instance\":\"a:9100\"},"
             "{\"__name__\":\"up\",\"job\":\"node\",\"instance\":\"b:9100\"}]}"});
        m_loki->route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-streams.json"_s)});
        m_history.occurrences.clear();
        m_history.asked.clear();
    }

    void definitionsFollowTheConfiguredSources()
    {
        QCOMPARE(tools()->definitions().size(), 4);
        AnalysisTools::Sources onlyPrometheus = sources();
        onlyPrometheus.loki = {};
        const auto withoutLoki = tools({}, onlyPrometheus);
        QCOMPARE(withoutLoki->available(), (QList<Tool>{Tool::QueryPrometheus, Tool::ListSeries, Tool::AlertHistory}));
        AnalysisTools::Settings off;
        off.enabled = false;
        QVERIFY(tools(off)->definitions().isEmpty());
    }

    void queryPrometheusAsksTheConfiguredSource()
    {
        auto runner = tools();
        const AnalysisTools::Outcome outcome = call(
            *runner, u"query_prometheus"_s,
            u"{\"query\":\"rate(http_requests_total{code=~\\\"5..\\\"}[5m]) > 0 & 1\",\"start\":\"-2h\",\"end\":\"-1h\",\"step\":\"30s\"}"_s);
        QVERIFY2(outcome.ok(), qPrintable(outcome.text));
        QCOMPARE(outcome.toolCallId, u"call-1"_s);
        QCOMPARE(m_prometheus->requests.size(), 1);
        const HttpRequest &request = m_prometheus->requests.constFirst();
        QCOMPARE(request.path, QByteArray("/api/v1/query_range"));
        QCOMPARE(request.header("authorization"), QByteArray("Bearer prom-token-1"));
        // The expression is a form value, every special character encoded.
        const QUrlQuery form = formOf(request);
        QCOMPARE(form.queryItemValue(u"query"_s, QUrl::FullyDecoded),
                 u"rate(http_requests_total{code=~\"5..\"}[5m]) > 0 & 1"_s);
        QCOMPARE(form.queryItemValue(u"start"_s), QString::number(m_now.addSecs(-7200).toSecsSinceEpoch()));
        QCOMPARE(form.queryItemValue(u"end"_s), QString::number(m_now.addSecs(-3600).toSecsSinceEpoch()));
        QCOMPARE(form.queryItemValue(u"step"_s), u"30"_s);
        QVERIFY(m_loki->requests.isEmpty());

        QVERIFY(std::holds_alternative<MetricResult>(outcome.payload));
        QCOMPARE(std::get<MetricResult>(outcome.payload).series.size(), 1);
        QVERIFY(outcome.text.startsWith(u"query_prometheus result from the configured Prometheus\n"_s));
        QVERIFY2(outcome.text.contains(u"\"instance\":\"127.0.0.1:9100\""_s), qPrintable(outcome.text));
        QVERIFY(outcome.text.contains(u"\"max\":"_s));
        QVERIFY(!outcome.trimmed);
        QCOMPARE(
            outcome.summary,
            u"1 series, %1 points"_s.arg(std::get<MetricResult>(outcome.payload).series.constFirst().samples.size()));
    }

    void queryLokiSendsTheTenantAndLimit()
    {
        auto runner = tools();
        const AnalysisTools::Outcome outcome = call(
            *runner, u"query_loki"_s, u"{\"query\":\"{service=\\\"checkout\\\"} |= \\\"error\\\"\",\"limit\":20}"_s);
        QVERIFY2(outcome.ok(), qPrintable(outcome.text));
        QCOMPARE(m_loki->requests.size(), 1);
        const HttpRequest &request = m_loki->requests.constFirst();
        QCOMPARE(request.path, QByteArray("/loki/api/v1/query_range"));
        QCOMPARE(request.header("x-scope-orgid"), QByteArray("tenant-a"));
        const QUrlQuery query = formOf(request);
        QCOMPARE(query.queryItemValue(u"query"_s, QUrl::FullyDecoded), u"{service=\"checkout\"} |= \"error\""_s);
        QCOMPARE(query.queryItemValue(u"limit"_s), u"20"_s);
        QVERIFY(std::holds_alternative<LogResult>(outcome.payload));
        const LogResult &logs = std::get<LogResult>(outcome.payload);
        QVERIFY(!logs.lines.isEmpty());
        // Lines are JSON strings after their time and stream number; streams listed once.
        QVERIFY2(outcome.text.contains(u"stream 1: {"_s), qPrintable(outcome.text));
        QVERIFY(outcome.text.contains(u" s1 \"{\\\"level\\\":\\\"error\\\""_s));
        QVERIFY(m_prometheus->requests.isEmpty());
    }

    void listSeriesAsksForTheSelector()
    {
        auto runner = tools();
        const AnalysisTools::Outcome outcome
            = call(*runner, u"list_series"_s, u"{\"match\":\"up{job=\\\"node\\\"}\"}"_s);
        QVERIFY2(outcome.ok(), qPrintable(outcome.text));
        const HttpRequest &request = m_prometheus->requests.constFirst();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.path, QByteArray("/api/v1/series"));
        QCOMPARE(formOf(request).queryItemValue(u"match%5B%5D"_s, QUrl::FullyDecoded), u"up{job=\"node\"}"_s);
        QCOMPARE(std::get<ContextClient::SeriesList>(outcome.payload).series.size(), 2);
        QVERIFY(outcome.text.contains(u"{\"__name__\":\"up\",\"instance\":\"b:9100\",\"job\":\"node\"}"_s));
        QCOMPARE(outcome.summary, u"2 series"_s);
    }

    void alertHistoryReadsTheAnalysedAlertsOccurrences()
    {
        const QDateTime first = QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC);
        m_history.occurrences = {{first, first.addSecs(600), AlertState::Resolved},
                                 {first.addSecs(86400), first.addSecs(86400 + 300), AlertState::Resolved},
                                 {analysedAlert().startsAt, {}, AlertState::Firing}};
        auto runner = tools();
        const AnalysisTools::Outcome outcome = call(*runner, u"alert_history"_s, u"{\"limit\":2}"_s);
        QVERIFY2(outcome.ok(), qPrintable(outcome.text));
        QCOMPARE(m_history.asked, QList<AlertKey>{AlertKey::of(analysedAlert())});
        const QStringList lines = outcome.text.split(u'\n');
        QCOMPARE(lines.size(), 4); // two header lines, the newest two occurrences
        QVERIFY2(lines.at(2).contains(u"\"current\":true"_s), qPrintable(outcome.text));
        QVERIFY(lines.at(3).contains(u"\"minutes\":5"_s));
        QCOMPARE(std::get<QList<StoredOccurrence>>(outcome.payload).size(), 3);
    }

    void anEmptyResultPointsToListSeries()
    {
        m_prometheus->route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-empty.json"_s)});
        auto runner = tools();
        const AnalysisTools::Outcome outcome = call(*runner, u"query_prometheus"_s, u"{\"query\":\"nope\"}"_s);
        QVERIFY(outcome.ok());
        QVERIFY2(outcome.text.endsWith(u"series: 0 (each with its label set, statistics and up to 12 evenly sampled "
                                       "points [time, value]; null is a gap)\nNothing matched in this range: check "
                                       "metric and label names with list_series."_s),
                 qPrintable(outcome.text));
        QCOMPARE(outcome.summary, u"0 series, 0 points"_s);
    }

    void sourceErrorsReachTheModel()
    {
        m_prometheus->route("/api/v1/query_range",
                            {400,
                             "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:6: parse error: "
                             "unexpected character inside braces\"}"});
        auto runner = tools();
        const AnalysisTools::Outcome outcome = call(*runner, u"query_prometheus"_s, u"{\"query\":\"up{@\"}"_s);
        QCOMPARE(outcome.problem, Problem::SourceFailed);
        QVERIFY2(outcome.text.startsWith(
                     u"query_prometheus failed, asking the configured Prometheus: \"bad_data: 1:6: parse error"_s),
                 qPrintable(outcome.text));
    }

    void resultsAreTrimmedToTheBudget()
    {
        m_prometheus->route("/api/v1/query_range", {200, manySeries(60, 240)});
        AnalysisTools::Settings settings;
        settings.resultTokenBudget = 800;
        auto runner = tools(settings);
        const AnalysisTools::Outcome outcome = call(*runner, u"query_prometheus"_s, u"{\"query\":\"x\"}"_s);
        QVERIFY2(outcome.ok(), qPrintable(outcome.text));
        QVERIFY(outcome.trimmed);
        QVERIFY2(AnalysisPrompt::estimateTokens(outcome.text) <= 800 + 60, qPrintable(outcome.text)); // + the note
        QVERIFY2(outcome.text.contains(u"[trimmed: "_s) && outcome.text.contains(u" of 60 series shown"_s),
                 qPrintable(outcome.text.right(300)));
        // Points are sampled for the model; the panel keeps a bounded number of whole series.
        QVERIFY(!outcome.text.contains(u"\"pod-59\""_s));
        QCOMPARE(std::get<MetricResult>(outcome.payload).series.size(), AnalysisTools::maxPayloadSeries);
        QCOMPARE(std::get<MetricResult>(outcome.payload).series.constFirst().samples.size(), 240);

        // Log lines too: the newest are kept.
        QJsonArray lines;
        for (int i = 0; i < 400; ++i)
            lines.append(QJsonArray{QString::number((1795316400LL + i) * 1'000'000'000LL),
                                    u"line %1 "_s.arg(i) + QString(100, u'x')});
        m_loki->route(
            "/loki/api/v1/query_range",
            {200,
             QJsonDocument(
                 QJsonObject{{u"status"_s, u"success"_s},
                             {u"data"_s,
                              QJsonObject{{u"resultType"_s, u"streams"_s},
                                          {u"result"_s,
                                           QJsonArray{QJsonObject{{u"stream"_s, QJsonObject{{u"app"_s, u"api"_s}}},
                                                                  {u"values"_s, lines}}}}}}})
                 .toJson(QJsonDocument::Compact)});
        const AnalysisTools::Outcome logs
            = call(*runner, u"query_loki"_s, u"{\"query\":\"{app=\\\"api\\\"}\",\"limit\":400}"_s);
        QVERIFY(logs.trimmed);
        QVERIFY(AnalysisPrompt::estimateTokens(logs.text) <= 800 + 60);
        QVERIFY(logs.text.contains(u"\"line 399 "_s));
        QVERIFY(!logs.text.contains(u"\"line 0 "_s));
        QVERIFY2(logs.text.contains(u"[trimmed: the newest "_s), qPrintable(logs.text.right(300)));
    }

    void aHugeAnswerIsNotRead()
    {
        m_prometheus->route("/api/v1/query_range", {200, manySeries(600, 240)});
        AnalysisTools::Settings settings;
        settings.maxResponseBytes = 1024 * 1024;
        auto runner = tools(settings);
        const AnalysisTools::Outcome outcome = call(*runner, u"query_prometheus"_s, u"{\"query\":\"x\"}"_s);
        QCOMPARE(outcome.problem, Problem::SourceFailed);
        QVERIFY2(outcome.text.contains(u"the answer is larger than 1 MiB and was not read"_s),
                 qPrintable(outcome.text));
        QVERIFY(std::get<MetricResult>(outcome.payload).series.isEmpty());
    }

    void theCallAfterTheLimitIsRefused()
    {
        AnalysisTools::Settings settings;
        settings.maxCallsPerRun = 3;
        auto runner = tools(settings);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(!runner->limitReached());
            // Refused calls count too: a model cannot loop on bad arguments.
            const QString arguments = i == 1 ? u"{"_s : u"{\"query\":\"up\"}"_s;
            call(*runner, u"query_prometheus"_s, arguments);
        }
        QVERIFY(runner->limitReached());
        const AnalysisTools::Outcome fourth = call(*runner, u"query_prometheus"_s, u"{\"query\":\"up\"}"_s);
        QCOMPARE(fourth.problem, Problem::LimitReached);
        QVERIFY2(fourth.text.endsWith(u"The limit of 3 tool calls for this analysis is reached. Answer with the "
                                      "evidence you have. Nothing was queried."_s),
                 qPrintable(fourth.text));
        QCOMPARE(m_prometheus->requests.size(), 2);
        QCOMPARE(runner->callsMade(), 4);
    }

    void refusalsAskNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("says");
        QTest::newRow("30 days") << u"query_prometheus"_s << u"{\"query\":\"up\",\"start\":\"-30d\"}"_s
                                 << int(Problem::BadArguments) << u"is 30 d long"_s;
        QTest::newRow("url") << u"list_series"_s << u"{\"match\":\"up\",\"url\":\"http://127.0.0.1:1/\"}"_s
                             << int(Problem::BadArguments) << u"no host or URL can be chosen"_s;
        QTest::newRow("unknown tool") << u"run_shell"_s << u"{\"cmd\":\"id\"}"_s << int(Problem::UnknownTool)
                                      << u"There is no tool named \"run_shell\""_s;
        QTest::newRow("malformed") << u"query_loki"_s << u"{\"query\": "_s << int(Problem::BadArguments)
                                   << u"not valid JSON"_s;
    }

    void refusalsAskNothing()
    {
        QFETCH(QString, name);
        QFETCH(QString, arguments);
        QFETCH(int, problem);
        QFETCH(QString, says);
        auto runner = tools();
        const AnalysisTools::Outcome outcome = call(*runner, name, arguments);
        QCOMPARE(int(outcome.problem), problem);
        const QString label = toolFromName(name) ? name : u"tool call"_s;
        QVERIFY2(outcome.text.startsWith(label + u" refused: "_s) && outcome.text.contains(says),
                 qPrintable(outcome.text));
        QVERIFY(outcome.summary.startsWith(u"Refused: "_s));
        QVERIFY(m_prometheus->requests.isEmpty());
        QVERIFY(m_loki->requests.isEmpty());
    }

    void aUrlInAnArgumentIsNeverAsked()
    {
        // A server the model names: it must get nothing.
        FakeHttpServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        auto runner = tools();
        const QString url = elsewhere.url().toString() + u"/api/v1/query_range?query=up"_s;
        const AnalysisTools::Outcome outcome = call(*runner, u"query_prometheus"_s, u"{\"query\": \"%1\"}"_s.arg(url));
        QCOMPARE(outcome.problem, Problem::BadArguments);
        QVERIFY2(outcome.text.contains(u"is a URL"_s), qPrintable(outcome.text));
        QVERIFY(elsewhere.requests.isEmpty());
        QVERIFY(m_prometheus->requests.isEmpty());
    }

    void unconfiguredSourceIsRefused()
    {
        AnalysisTools::Sources noLoki = sources();
        noLoki.loki = {};
        auto runner = tools({}, noLoki);
        const AnalysisTools::Outcome outcome = call(*runner, u"query_loki"_s, u"{\"query\":\"{a=\\\"b\\\"}\"}"_s);
        QCOMPARE(outcome.problem, Problem::NotConfigured);
        QVERIFY(outcome.text.contains(u"Loki is not configured in AlertDeck"_s));
        QVERIFY(m_loki->requests.isEmpty());
    }

    void switchedOffToolsRefuseEveryCall()
    {
        AnalysisTools::Settings off;
        off.enabled = false;
        auto runner = tools(off);
        const AnalysisTools::Outcome outcome = call(*runner, u"query_prometheus"_s, u"{\"query\":\"up\"}"_s);
        QCOMPARE(outcome.problem, Problem::Disabled);
        QVERIFY(outcome.text.contains(u"Tools are switched off"_s));
        QVERIFY(m_prometheus->requests.isEmpty());
    }

    void stopAbortsTheRunningCallAndSilencesIt()
    {
        m_prometheus->route("/api/v1/query_range", {200, {}, "application/json", {}, true}); // never answers
        auto runner = tools();
        int answers = 0;
        QVERIFY(runner->run({u"a"_s, u"query_prometheus"_s, u"{\"query\":\"up\"}"_s}, this,
                            [&answers](const AnalysisTools::Outcome &) { ++answers; }));
        QTRY_COMPARE(m_prometheus->openConnections(), 1);
        // And a refusal already on its way.
        QVERIFY(
            runner->run({u"b"_s, u"nope"_s, u"{}"_s}, this, [&answers](const AnalysisTools::Outcome &) { ++answers; }));
        QCOMPARE(runner->running(), 2);
        runner->stop();
        QCOMPARE(runner->running(), 0);
        QTRY_COMPARE(m_prometheus->openConnections(), 0); // the request was aborted
        QVERIFY(!runner->run({u"c"_s, u"query_prometheus"_s, u"{\"query\":\"up\"}"_s}, this,
                             [&answers](const AnalysisTools::Outcome &) { ++answers; }));
        QTest::qWait(100); // time for a stray answer to show up
        QCOMPARE(answers, 0);
        QCOMPARE(m_prometheus->requests.size(), 1);
    }

    void noCallbackOnceTheReceiverIsGone()
    {
        auto runner = tools();
        int answers = 0;
        auto receiver = std::make_unique<QObject>();
        QVERIFY(runner->run({u"a"_s, u"query_prometheus"_s, u"{\"query\":\"up\"}"_s}, receiver.get(),
                            [&answers](const AnalysisTools::Outcome &) { ++answers; }));
        QVERIFY(runner->run({u"b"_s, u"nope"_s, u"{}"_s}, receiver.get(),
                            [&answers](const AnalysisTools::Outcome &) { ++answers; }));
        receiver.reset();
        QTRY_COMPARE(runner->running(), 0); // both answered, to no one
        QCOMPARE(answers, 0);
        QCOMPARE(m_prometheus->requests.size(), 1);

        // And the tools themselves gone mid-call.
        m_prometheus->route("/api/v1/query_range", {200, {}, "application/json", {}, true});
        QVERIFY(runner->run({u"c"_s, u"query_prometheus"_s, u"{\"query\":\"up\"}"_s}, this,
                            [&answers](const AnalysisTools::Outcome &) { ++answers; }));
        QTRY_COMPARE(m_prometheus->openConnections(), 1);
        runner.reset();
        QTRY_COMPARE(m_prometheus->openConnections(), 0);
        QTest::qWait(100);
        QCOMPARE(answers, 0);
    }

    void prometheusSeriesAnswers()
    {
        ContextClient::SeriesList list = ContextClient::parsePrometheusSeries(
            400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"match[] must be given\"}");
        QVERIFY(!list.ok);
        QCOMPARE(list.error, u"match[] must be given"_s);
        list = ContextClient::parsePrometheusSeries(502, "Bad Gateway");
        QVERIFY(!list.ok);
        QCOMPARE(list.error, u"HTTP 502: Bad Gateway"_s);
        QByteArray many = "{\"status\":\"success\",\"data\":[";
        for (int i = 0; i < ContextClient::maxSeriesListed + 5; ++i)
            many += (i ? "," : "") + QByteArray("{\"__name__\":\"up\",\"i\":\"") + QByteArray::number(i) + "\"}";
        list = ContextClient::parsePrometheusSeries(200, many + "]}");
        QVERIFY(list.ok);
        QVERIFY(list.more);
        QCOMPARE(list.series.size(), ContextClient::maxSeriesListed);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisTools)
#include "tst_analysistools.moc"
