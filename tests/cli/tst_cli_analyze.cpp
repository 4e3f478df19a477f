// alertdeck analyze: the AI analysis streamed to stdout, with the same context as the window.

#include "CliTestSupport.h"
#include "FakeHttpServer.h"
#include "HttpTestClient.h"
#include "TestData.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// A recorded stream, one event per chunk.
FakeHttpServer::Response recorded(const QString &fixture)
{
    FakeHttpServer::Response stream;
    stream.contentType = "text/event-stream";
    for (const QByteArray &event : TestData::fixture(fixture).split('\n'))
        if (!event.isEmpty())
            stream.chunks << event + "\n\n";
    return stream;
}

// The messages a request to the provider sent.
QJsonArray messagesOf(const HttpRequest &request)
{
    return QJsonDocument::fromJson(request.body).object().value(u"messages"_s).toArray();
}

} // namespace

class TestCliAnalyze : public QObject
{
    Q_OBJECT

private slots:
    void analyzeStreamsToStdout()
    {
        FakeHttpServer provider;
        QVERIFY(provider.listen());
        FakeHttpServer::Response stream;
        stream.contentType = "text/event-stream";
        for (const QByteArray &event : TestData::fixture(u"llm/deepseek-reasoner.sse"_s).split('\n'))
            if (!event.isEmpty())
                stream.chunks << event + "\n\n";
        provider.route("/v1/chat/completions", stream);
        const QString payload = TestData::fixturePath(u"alertmanager/firing-single.json"_s);
        QTemporaryDir config;

        auto analyze = [&](const QStringList &extra, const QString &key) {
            AlertDeckProcess alertdeck(config.path());
            alertdeck.setEnvironmentVariable(u"ALERTDECK_DEEPSEEK_API_KEY"_s, key);
            alertdeck.setEnvironmentVariable(u"LC_ALL"_s, u"C.UTF-8"_s);
            alertdeck.start(QStringList{u"analyze"_s, u"--payload"_s, payload, u"--base-url"_s,
                                        provider.url().toString() + u"/v1"_s}
                            + extra);
            return alertdeck.finish(30s);
        };

        RunResult result = analyze({u"--model"_s, u"deepseek-reasoner"_s, u"--no-context"_s}, u"sk-cli-test-7788"_s);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QString::fromUtf8(TestData::fixture(u"llm/deepseek-reasoner.expected.md"_s)) + u'\n');
        QVERIFY2(result.err.contains(
                     QString::fromUtf8(TestData::fixture(u"llm/deepseek-reasoner.expected-reasoning.txt"_s))),
                 qPrintable(result.err));
        QVERIFY(result.err.contains(u"prompt + "_s));
        QVERIFY(!result.err.contains(u"sk-cli-test-7788"_s));
        QCOMPARE(provider.requests.size(), 1);
        const HttpRequest &sent = provider.requests.first();
        QCOMPARE(sent.header("authorization"), "Bearer sk-cli-test-7788");
        const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
        QCOMPARE(body.value(u"model"_s).toString(), u"deepseek-reasoner"_s);
        QCOMPARE(body.value(u"stream"_s).toBool(), true);
        QVERIFY(body.value(u"messages"_s)
                    .toArray()
                    .at(1)
                    .toObject()
                    .value(u"content"_s)
                    .toString()
                    .contains(u"\"name\": \"HighCPUUsage\""_s));

        // The same plain message as the window, and a failing exit.
        provider.route("/v1/chat/completions", {401, TestData::fixture(u"llm/error-401.json"_s)});
        result = analyze({u"--no-context"_s}, u"sk-cli-wrong-1234"_s);
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.contains(u"alertdeck: Failed: API key rejected (HTTP 401)"_s), qPrintable(result.err));
        QCOMPARE(result.err.count(u"API key rejected"_s), 1);

        QCOMPARE(run({u"analyze"_s}).exitCode, 2); // --payload missing
        QCOMPARE(run({u"context"_s, u"--payload"_s, payload, u"--model"_s, u"m"_s}).exitCode, 2);
        QCOMPARE(run({u"analyze"_s, u"--payload"_s, payload, u"--base-url"_s, u"api.deepseek.com"_s}).exitCode, 2);
    }

    // The model's text cannot drive the terminal: escape sequences, carriage returns and
    // bidirectional overrides arrive as U+FFFD, also when cut between two chunks.
    void theAnswerCannotDriveTheTerminal()
    {
        FakeHttpServer provider;
        QVERIFY(provider.listen());
        FakeHttpServer::Response stream;
        stream.contentType = "text/event-stream";
        // JSON escapes: the model sends them as JSON text, the stream decodes them.
        const QList<QByteArray> pieces{"Disk \\u001b[2J\\u001b]0;owned\\u0007 full", "\\u001b",
                                       "[31m red\\r fake\\u202e txet\\n"};
        for (const QByteArray &piece : pieces)
            stream.chunks << "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"}}]}\n\n";
        stream.chunks << "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                      << "data: [DONE]\n\n";
        provider.route("/v1/chat/completions", stream);
        QTemporaryDir config;
        AlertDeckProcess alertdeck(config.path());
        alertdeck.setEnvironmentVariable(u"ALERTDECK_DEEPSEEK_API_KEY"_s, u"sk-test"_s);
        alertdeck.start({u"analyze"_s, u"--payload"_s, TestData::fixturePath(u"alertmanager/firing-single.json"_s),
                         u"--base-url"_s, provider.url().toString() + u"/v1"_s, u"--no-context"_s});
        const RunResult result = alertdeck.finish(30s);
        QCOMPARE(result.exitCode, 0);
        for (const QChar c : {QChar(0x1b), QChar(0x07), QChar(u'\r'), QChar(0x202e)})
            QVERIFY2(!result.out.contains(c), qPrintable(result.out));
        QVERIFY2(result.out.contains(u"Disk \uFFFD[2J"_s) && result.out.contains(u"\uFFFD[31m red"_s),
                 qPrintable(result.out));
    }

    // --json: nothing streams; one AnalysisReport object at the end, with the answer
    // without its hypotheses block, what each citation resolves to, the claim counts
    // and the usage. A failed run prints the object too, with its error, and exits 1.
    void analyzeJsonPrintsOneReport()
    {
        FakeHttpServer provider;
        QVERIFY(provider.listen());
        FakeHttpServer::Response stream;
        stream.contentType = "text/event-stream";
        for (const QByteArray &event : TestData::file(u"analysis/cited-answer.sse"_s).split('\n'))
            if (!event.isEmpty())
                stream.chunks << event + "\n\n";
        provider.route("/v1/chat/completions", stream);
        const QString payload = TestData::fixturePath(u"alertmanager/firing-single.json"_s);
        QTemporaryDir config;
        const auto analyze = [&] {
            AlertDeckProcess alertdeck(config.path());
            alertdeck.setEnvironmentVariable(u"ALERTDECK_DEEPSEEK_API_KEY"_s, u"sk-cli-json-3344"_s);
            alertdeck.setEnvironmentVariable(u"LC_ALL"_s, u"C.UTF-8"_s);
            alertdeck.start({u"analyze"_s, u"--payload"_s, payload, u"--no-context"_s, u"--json"_s, u"--model"_s,
                             u"deepseek-flash"_s, u"--base-url"_s, provider.url().toString() + u"/v1"_s});
            return alertdeck.finish(30s);
        };

        RunResult result = analyze();
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QJsonParseError error;
        QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(result.out));
        // Only the object on stdout, the reasoning inside it rather than on stderr.
        QVERIFY(result.out.trimmed().startsWith(u'{') && result.out.trimmed().endsWith(u'}'));
        QVERIFY(!result.err.contains(u"The alert says CPU is high"_s));
        QVERIFY(!result.out.contains(u"sk-cli-json-3344"_s) && !result.err.contains(u"sk-cli-json-3344"_s));

        QCOMPARE(json.value(u"version"_s).toInt(), 1);
        QCOMPARE(json.value(u"model"_s).toString(), u"deepseek-flash"_s);
        QCOMPARE(json.value(u"outcome"_s).toString(), u"finished"_s);
        QVERIFY(!json.contains(u"error"_s));
        QCOMPARE(json.value(u"answer"_s).toString(),
                 QString::fromUtf8(TestData::file(u"analysis/cited-answer.expected.md"_s)));
        QCOMPARE(json.value(u"reasoning"_s).toString(), u"The alert says CPU is high; no metrics were sent."_s);

        // The alert's own fields, as the prompt listed them: E1 is its name.
        const QJsonArray evidence = json.value(u"evidence"_s).toArray();
        QVERIFY(evidence.size() >= 10);
        QCOMPARE(
            evidence.at(0).toObject(),
            (QJsonObject{{u"id"_s, u"E1"_s}, {u"kind"_s, u"field"_s}, {u"text"_s, u"alert name: \"HighCPUUsage\""_s}}));
        const QString sent = QString::fromUtf8(provider.requests.first().body);
        QVERIFY2(sent.contains(u"E1 alert name: \\\"HighCPUUsage\\\""_s), qPrintable(sent.left(3000)));

        const QJsonArray citations = json.value(u"citations"_s).toArray();
        QCOMPARE(citations.size(), 3);
        QCOMPARE(citations.at(0).toObject(),
                 (QJsonObject{{u"id"_s, u"E1"_s},
                              {u"count"_s, 1},
                              {u"valid"_s, true},
                              {u"kind"_s, u"field"_s},
                              {u"text"_s, u"alert name: \"HighCPUUsage\""_s}}));
        QCOMPARE(citations.at(1).toObject().value(u"text"_s).toString(), u"alert state: \"firing\""_s);
        QCOMPARE(citations.at(2).toObject(), (QJsonObject{{u"id"_s, u"E99"_s}, {u"count"_s, 1}, {u"valid"_s, false}}));

        const QJsonObject claims = json.value(u"claims"_s).toObject();
        QCOMPARE(claims.value(u"claims"_s).toInt(), 3);
        QCOMPARE(claims.value(u"cited"_s).toInt(), 1);
        QCOMPARE(claims.value(u"unsupported"_s).toInt(), 1);
        QCOMPARE(claims.value(u"invalid_citations"_s).toInt(), 1);
        QCOMPARE(claims.value(u"unsupported_sentences"_s).toArray(),
                 QJsonArray{u"CPU is high because of a batch job."_s});

        const QJsonArray hypotheses = json.value(u"hypotheses"_s).toArray();
        QCOMPARE(hypotheses.size(), 2);
        QCOMPARE(hypotheses.at(0).toObject(),
                 (QJsonObject{{u"title"_s, u"A batch job saturates the CPU"_s},
                              {u"status"_s, u"likely"_s},
                              {u"confidence"_s, 0.6},
                              {u"for"_s, QJsonArray{u"E1"_s}},
                              {u"against"_s, QJsonArray{}}}));
        QCOMPARE(json.value(u"top_hypothesis"_s).toObject(), hypotheses.at(0).toObject());
        QVERIFY(!json.contains(u"hypotheses_problems"_s));
        QCOMPARE(json.value(u"tool_steps"_s), QJsonValue(QJsonArray{}));
        QCOMPARE(json.value(u"usage"_s).toObject(),
                 (QJsonObject{{u"prompt_tokens"_s, 1830},
                              {u"completion_tokens"_s, 142},
                              {u"total_tokens"_s, 1972},
                              {u"reasoning_tokens"_s, 12}}));

        // A refused key: the object with the error, the message on stderr, exit 1.
        provider.route("/v1/chat/completions", {401, TestData::fixture(u"llm/error-401.json"_s)});
        result = analyze();
        QCOMPARE(result.exitCode, 1);
        json = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(json.value(u"outcome"_s).toString(), u"failed"_s);
        QVERIFY2(json.value(u"error"_s).toString().contains(u"API key rejected (HTTP 401)"_s), qPrintable(result.out));
        QCOMPARE(json.value(u"answer"_s).toString(), QString());
        QVERIFY(json.value(u"usage"_s).isNull());
        QVERIFY2(result.err.contains(u"alertdeck: Failed: API key rejected (HTTP 401)"_s), qPrintable(result.err));
    }

    // A model the provider no longer offers (a retired DeepSeek id): a plain message with
    // the ids it does offer, asked from the provider, and a failing exit.
    void aRefusedModelIsNamedWithTheCurrentOnes()
    {
        FakeHttpServer provider;
        QVERIFY(provider.listen());
        provider.route("/v1/chat/completions",
                       {400, "{\"error\":{\"message\":\"Model Not Exist\",\"type\":\"invalid_request_error\"}}"});
        provider.route("/v1/models", {200, "{\"data\":[{\"id\":\"deepseek-flash\"},{\"id\":\"deepseek-v4-pro\"}]}"});
        QTemporaryDir config;
        AlertDeckProcess alertdeck(config.path());
        alertdeck.setEnvironmentVariable(u"ALERTDECK_DEEPSEEK_API_KEY"_s, u"sk-cli-model-4411"_s);
        alertdeck.setEnvironmentVariable(u"LC_ALL"_s, u"C.UTF-8"_s);
        alertdeck.start({u"analyze"_s, u"--payload"_s, TestData::fixturePath(u"alertmanager/firing-single.json"_s),
                         u"--no-context"_s, u"--model"_s, u"deepseek-reasoner"_s, u"--base-url"_s,
                         provider.url().toString() + u"/v1"_s});
        const RunResult result = alertdeck.finish(30s);
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.contains(u"The provider does not offer the model \"deepseek-reasoner\""_s),
                 qPrintable(result.err));
        QVERIFY2(result.err.contains(u"alertdeck: The provider offers: deepseek-flash, deepseek-v4-pro"_s),
                 qPrintable(result.err));
        QVERIFY(!result.err.contains(u"sk-cli-model-4411"_s));
        QCOMPARE(provider.requests.size(), 2);
        QCOMPARE(provider.requests.last().header("authorization"), "Bearer sk-cli-model-4411");
    }

    void analyzeDoesNotFollowARedirectToAnotherServer()
    {
        // The configured provider answers with a redirect to another origin (another port).
        FakeHttpServer provider;
        FakeHttpServer elsewhere;
        QVERIFY(provider.listen());
        QVERIFY(elsewhere.listen());
        QUrl target = elsewhere.url();
        target.setPath(u"/v1/chat/completions"_s);
        target.setQuery(u"session=abc123"_s);
        provider.route("/v1/chat/completions", FakeHttpServer::redirect(307, target));
        QTemporaryDir config;
        AlertDeckProcess alertdeck(config.path());
        alertdeck.setEnvironmentVariable(u"ALERTDECK_DEEPSEEK_API_KEY"_s, u"sk-test-redirect-6655"_s);
        alertdeck.setEnvironmentVariable(u"LC_ALL"_s, u"C.UTF-8"_s);
        alertdeck.start({u"analyze"_s, u"--payload"_s, TestData::fixturePath(u"alertmanager/firing-single.json"_s),
                         u"--no-context"_s, u"--base-url"_s, provider.url().toString() + u"/v1"_s});
        QVERIFY(alertdeck.waitForFinished(30s));

        QCOMPARE(alertdeck.exitCode(), 1);
        QCOMPARE(provider.requests.size(), 1);
        QCOMPARE(provider.requests.first().header("authorization"), "Bearer sk-test-redirect-6655");
        QVERIFY2(elsewhere.requests.isEmpty(),
                 elsewhere.requests.isEmpty() ? "" : elsewhere.requests.first().header("authorization").constData());
        const QString other = u"http://127.0.0.1:%1"_s.arg(elsewhere.port());
        QVERIFY2(alertdeck.standardError().contains(u"redirected to %1, a different origin"_s.arg(other)),
                 qPrintable(alertdeck.standardError()));
        QVERIFY2(alertdeck.standardError().contains(u"does not send credentials"_s),
                 qPrintable(alertdeck.standardError()));
        QVERIFY(!alertdeck.standardError().contains(u"abc123"_s));
        QVERIFY(!alertdeck.standardError().contains(u"sk-test-redirect-6655"_s));
    }

    // The window's services (AppServices; headless here, the same wiring) and `alertdeck
    // analyze` read the same saved settings into the same context requests: every query,
    // the window, the log limit and filter, the extra charts, the label map and the
    // credentials.
    void analyzeGathersTheSameContextAsTheWindow()
    {
        FakeHttpServer prometheus;
        FakeHttpServer loki;
        FakeHttpServer provider;
        QVERIFY(prometheus.listen() && loki.listen() && provider.listen());
        prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-streams.json"_s)});
        FakeHttpServer::Response stream;
        stream.contentType = "text/event-stream";
        for (const QByteArray &event : TestData::fixture(u"llm/deepseek-chat.sse"_s).split('\n'))
            if (!event.isEmpty())
                stream.chunks << event + "\n\n";
        provider.route("/v1/chat/completions", stream);

        QTemporaryDir dir;
        const QString queries
            = writeFile(dir.filePath(u"queries.txt"_s),
                        "match job=\"node\"\nquery Load = node_load1{instance=\"${labels.instance}\"}\n"
                        "loki instance -> hostname strip-port\n");
        QVERIFY(!queries.isEmpty());
        {
            QSettings saved(dir.filePath(u"config/AlertDeck/AlertDeck.conf"_s), QSettings::IniFormat);
            saved.setValue(u"DataSources/prometheusUrls"_s, QStringList{prometheus.url().toString()});
            saved.setValue(u"DataSources/prometheusUser"_s, u"prom-reader"_s);
            saved.setValue(u"DataSources/lokiUrl"_s, loki.url().toString());
            saved.setValue(u"DataSources/lokiUser"_s, u"loki-reader"_s);
            saved.setValue(u"DataSources/lokiOrgId"_s, u"team-a"_s);
            saved.setValue(u"Context/minutesBefore"_s, 45);
            saved.setValue(u"Context/minutesAfter"_s, 5);
            saved.setValue(u"Context/logLineLimit"_s, 37);
            saved.setValue(u"Context/filterLogLines"_s, false);
            saved.setValue(u"Context/queriesFile"_s, queries);
            saved.setValue(u"Analysis/baseUrl"_s, provider.url().toString() + u"/v1"_s);
        }
        // A critical alert (the window fetches its context as it arrives) that started
        // long enough ago for its window to end before now, in both runs.
        QByteArray payload = TestData::fixture(u"alertmanager/firing-single.json"_s);
        payload.replace("\"severity\":\"warning\"", "\"severity\":\"critical\"");
        payload.replace("2026-11-22T03:55:59.083Z",
                        QDateTime::currentDateTimeUtc().addSecs(-2 * 3600).toString(Qt::ISODateWithMs).toUtf8());
        const QString payloadFile = writeFile(dir.filePath(u"payload.json"_s), payload);
        QVERIFY(!payloadFile.isEmpty());
        const auto withSecrets = [](AlertDeckProcess &alertdeck) {
            alertdeck.setEnvironmentVariable(u"ALERTDECK_DEEPSEEK_API_KEY"_s, u"sk-cli-context-5511"_s);
            alertdeck.setEnvironmentVariable(u"ALERTDECK_PROMETHEUS_PASSWORD"_s, u"prom-pass-1"_s);
            alertdeck.setEnvironmentVariable(u"ALERTDECK_LOKI_PASSWORD"_s, u"loki-pass-2"_s);
            alertdeck.setEnvironmentVariable(u"LC_ALL"_s, u"C.UTF-8"_s);
        };
        // What Prometheus and Loki were asked, in a stable order.
        const auto received = [&] {
            QStringList requests;
            for (const FakeHttpServer *server : {&prometheus, &loki})
                for (const HttpRequest &request : server->requests)
                    requests << QString::fromUtf8(request.method + ' ' + request.target
                                                  + " authorization=" + request.header("authorization") + " org="
                                                  + request.header("x-scope-orgid") + " body=" + request.body);
            // A firing alert's window ends at "now", which each process reads for itself.
            static const QRegularExpression end(u"([?&]end=)\\d+"_s);
            for (QString &request : requests)
                request.replace(end, u"\\1NOW"_s);
            requests.sort();
            return requests;
        };

        AlertDeckProcess analyze(dir.filePath(u"config"_s));
        withSecrets(analyze);
        analyze.start({u"analyze"_s, u"--payload"_s, payloadFile});
        QVERIFY(analyze.waitForFinished(30s));
        QVERIFY2(analyze.exitCode() == 0, qPrintable(analyze.standardError()));
        const QStringList cli = received();
        const QString asked = cli.join(u'\n');
        QVERIFY2(asked.contains(u"node_load1"_s), qPrintable(asked)); // the extra chart
        // The label map, and no line filter.
        QVERIFY2(asked.contains(u"query=%7Bhostname%3D%22127.0.0.1%22%7D&"_s), qPrintable(asked));
        QVERIFY2(asked.contains(u"limit=37"_s), qPrintable(asked));
        QVERIFY2(asked.contains(u"authorization=Basic "_s
                                + QString::fromLatin1(QByteArray("prom-reader:prom-pass-1").toBase64())),
                 qPrintable(asked));
        QVERIFY2(asked.contains(u"authorization=Basic "_s
                                + QString::fromLatin1(QByteArray("loki-reader:loki-pass-2").toBase64())
                                + u" org=team-a"_s),
                 qPrintable(asked));
        prometheus.requests.clear();
        loki.requests.clear();

        AlertDeckProcess window(dir.filePath(u"config"_s));
        withSecrets(window);
        window.start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.filePath(u"data"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(window.listeningPort() != 0, 20'000);
        QCOMPARE(HttpTestClient::postJson(window.listeningPort(), "/webhook", payload).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(received(), cli, 20'000);
        QVERIFY(window.terminateAndWait());
        QCOMPARE(received(), cli); // and nothing else afterwards

        // The command line and the environment override the saved URLs and credentials.
        FakeHttpServer otherPrometheus;
        QVERIFY(otherPrometheus.listen());
        otherPrometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        loki.requests.clear();
        AlertDeckProcess overridden(dir.filePath(u"config"_s));
        withSecrets(overridden);
        overridden.setEnvironmentVariable(u"ALERTDECK_LOKI_USER"_s, u"env-reader"_s);
        overridden.setEnvironmentVariable(u"ALERTDECK_LOKI_PASSWORD"_s, u"env-pass-4"_s);
        overridden.setEnvironmentVariable(u"ALERTDECK_LOKI_ORG_ID"_s, u"team-b"_s);
        overridden.start(
            {u"analyze"_s, u"--payload"_s, payloadFile, u"--prometheus"_s, otherPrometheus.url().toString()});
        QVERIFY(overridden.waitForFinished(30s));
        QCOMPARE(overridden.exitCode(), 0);
        QCOMPARE(otherPrometheus.requests.size(), prometheus.requests.size());
        QCOMPARE(otherPrometheus.requests.first().header("authorization"),
                 "Basic " + QByteArray("prom-reader:prom-pass-1").toBase64());
        // One fetch of lines (after stream discovery's labels/series), every request authorised.
        QCOMPARE(std::count_if(loki.requests.cbegin(), loki.requests.cend(),
                               [](const HttpRequest &r) { return r.path == "/loki/api/v1/query_range"; }),
                 1);
        for (const HttpRequest &request : std::as_const(loki.requests)) {
            QCOMPARE(request.header("authorization"), "Basic " + QByteArray("env-reader:env-pass-4").toBase64());
            QCOMPARE(request.header("x-scope-orgid"), QByteArray("team-b"));
        }
    }

    // The model's tool calls (the DeepSeek V4 recording: query_prometheus and query_loki,
    // then the answer): each call on stderr as a line of its own, the answer alone on
    // stdout, the token counts over both requests. --tools wins over a saved "off",
    // which otherwise holds: then no tools are offered.
    void toolStepsGoToStderrAndTheAnswerToStdout()
    {
        FakeHttpServer provider;
        FakeHttpServer prometheus;
        FakeHttpServer loki;
        QVERIFY(provider.listen() && prometheus.listen() && loki.listen());
        prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-streams.json"_s)});
        QTemporaryDir dir;
        {
            QSettings saved(dir.filePath(u"config/AlertDeck/AlertDeck.conf"_s), QSettings::IniFormat);
            saved.setValue(u"Analysis/tools"_s, false);
        }
        const auto analyze = [&](const QStringList &extra) {
            AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
            alertdeck.setEnvironmentVariable(u"ALERTDECK_DEEPSEEK_API_KEY"_s, u"sk-cli-tools-8821"_s);
            alertdeck.setEnvironmentVariable(u"LC_ALL"_s, u"C.UTF-8"_s);
            alertdeck.start(
                QStringList{u"analyze"_s, u"--payload"_s, TestData::fixturePath(u"alertmanager/firing-single.json"_s),
                            u"--model"_s, u"deepseek-flash"_s, u"--base-url"_s, provider.url().toString() + u"/v1"_s,
                            u"--prometheus"_s, prometheus.url().toString(), u"--loki"_s, loki.url().toString()}
                + extra);
            return alertdeck.finish(30s);
        };

        provider.queue("/v1/chat/completions", recorded(u"llm/deepseek-v4-tool-calls.sse"_s));
        provider.route("/v1/chat/completions", recorded(u"llm/deepseek-v4-after-tools.sse"_s));
        RunResult result = analyze({u"--tools"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(provider.requests.size(), 2);
        QVERIFY(QJsonDocument::fromJson(provider.requests.first().body).object().contains(u"tools"_s));
        const QString answer = QString::fromUtf8(TestData::fixture(u"llm/deepseek-v4-after-tools.expected.md"_s));
        QCOMPARE(result.out.trimmed(), answer.trimmed());
        // One line per call, after the reasoning that led to them, before the answer's.
        const QStringList lines = result.err.split(u'\n');
        const auto lineStarting = [&lines](const QString &start) {
            for (qsizetype i = 0; i < lines.size(); ++i)
                if (lines.at(i).startsWith(start))
                    return i;
            return qsizetype(-1);
        };
        const qsizetype memory = lineStarting(
            u"alertdeck: tool query_prometheus({\"expr\": \"node_memory_MemAvailable_bytes{instance=\\\"db-7:9100\\\"}\""_s);
        const qsizetype logs = lineStarting(u"alertdeck: tool query_loki({\"query\": "_s);
        QVERIFY2(memory >= 0 && logs >= 0, qPrintable(result.err));
        // The recorded call names its query "expr": refused, and why; the Loki call's
        // result became evidence.
        QVERIFY2(lines.at(memory).contains(u") → Refused: query_prometheus takes no argument \"expr\""_s),
                 qPrintable(lines.at(memory)));
        static const QRegularExpression answered(u"\\) → .+ \\[E\\d+\\]$"_s);
        QVERIFY2(answered.match(lines.at(logs)).hasMatch(), qPrintable(lines.at(logs)));
        QVERIFY(result.err.indexOf(u"OOM lines before deciding."_s) < result.err.indexOf(lines.at(memory)));
        QVERIFY(result.err.indexOf(lines.at(logs)) < result.err.indexOf(u"Both tool results point to OOM."_s));
        QVERIFY(!result.out.contains(u"query_prometheus"_s) && !result.out.contains(u"OOM lines"_s));
        QVERIFY2(result.err.contains(u"alertdeck: 4240 prompt + 237 answer tokens (22 of them reasoning)"_s),
                 qPrintable(result.err));

        // The saved "off" holds without --tools: no tools offered, one request.
        provider.requests.clear();
        provider.route("/v1/chat/completions", recorded(u"llm/deepseek-chat.sse"_s));
        result = analyze({});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(provider.requests.size(), 1);
        QVERIFY(!QJsonDocument::fromJson(provider.requests.first().body).object().contains(u"tools"_s));
        QVERIFY(!result.err.contains(u"alertdeck: tool "_s));
        {
            QSettings saved(dir.filePath(u"config/AlertDeck/AlertDeck.conf"_s), QSettings::IniFormat);
            saved.setValue(u"Analysis/tools"_s, true);
        }
        // --no-tools wins over a saved "on".
        provider.requests.clear();
        result = analyze({u"--no-tools"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(!QJsonDocument::fromJson(provider.requests.first().body).object().contains(u"tools"_s));
        provider.requests.clear();
        result = analyze({});
        QVERIFY(QJsonDocument::fromJson(provider.requests.first().body).object().contains(u"tools"_s));
    }

    // --json: the tool steps as they ended, citations resolved against the tool results
    // too, and the usage over both requests with the reasoning's share.
    void analyzeJsonListsTheToolSteps()
    {
        FakeHttpServer provider;
        FakeHttpServer prometheus;
        FakeHttpServer loki;
        QVERIFY(provider.listen() && prometheus.listen() && loki.listen());
        prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-streams.json"_s)});
        provider.queue("/v1/chat/completions", recorded(u"llm/deepseek-v4-tool-calls.sse"_s));
        provider.route("/v1/chat/completions", recorded(u"llm/deepseek-v4-after-tools.sse"_s));
        QTemporaryDir config;
        AlertDeckProcess alertdeck(config.path());
        alertdeck.setEnvironmentVariable(u"ALERTDECK_DEEPSEEK_API_KEY"_s, u"sk-cli-tools-json-1"_s);
        alertdeck.setEnvironmentVariable(u"LC_ALL"_s, u"C.UTF-8"_s);
        alertdeck.start({u"analyze"_s, u"--payload"_s, TestData::fixturePath(u"alertmanager/firing-single.json"_s),
                         u"--json"_s, u"--tools"_s, u"--model"_s, u"deepseek-flash"_s, u"--base-url"_s,
                         provider.url().toString() + u"/v1"_s, u"--prometheus"_s, prometheus.url().toString(),
                         u"--loki"_s, loki.url().toString()});
        const RunResult result = alertdeck.finish(30s);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(result.out));

        const QJsonArray steps = json.value(u"tool_steps"_s).toArray();
        QCOMPARE(steps.size(), 2);
        const QJsonObject memory = steps.at(0).toObject();
        QCOMPARE(memory.value(u"call_id"_s).toString(), u"call_00_mem"_s);
        QCOMPARE(memory.value(u"name"_s).toString(), u"query_prometheus"_s);
        QVERIFY(memory.value(u"arguments"_s).toString().startsWith(u"{\"expr\": \"node_memory_MemAvailable_bytes"_s));
        QCOMPARE(memory.value(u"state"_s).toString(), u"refused"_s); // "expr" is not its argument
        QVERIFY(memory.value(u"summary"_s).toString().contains(u"takes no argument \"expr\""_s));
        QVERIFY(memory.value(u"evidence_id"_s).isNull());
        const QJsonObject logs = steps.at(1).toObject();
        QCOMPARE(logs.value(u"call_id"_s).toString(), u"call_01_logs"_s);
        QCOMPARE(logs.value(u"name"_s).toString(), u"query_loki"_s);
        QCOMPARE(logs.value(u"state"_s).toString(), u"done"_s);
        QVERIFY(!logs.value(u"summary"_s).toString().isEmpty());
        const QString evidenceId = logs.value(u"evidence_id"_s).toString();
        QVERIFY2(evidenceId.startsWith(u'E'), QJsonDocument(logs).toJson().constData());
        // The tool result is evidence the report holds.
        bool listed = false;
        for (const QJsonValue &item : json.value(u"evidence"_s).toArray())
            listed = listed || item.toObject().value(u"id"_s).toString() == evidenceId;
        QVERIFY(listed);
        QCOMPARE(json.value(u"answer"_s).toString().trimmed(),
                 QString::fromUtf8(TestData::fixture(u"llm/deepseek-v4-after-tools.expected.md"_s)).trimmed());
        QCOMPARE(json.value(u"reasoning"_s).toString(),
                 u"CPU is high on db-7; check memory pressure and OOM lines before deciding.\n\n"_s
                     + u"Both tool results point to OOM."_s);
        QCOMPARE(json.value(u"usage"_s).toObject(),
                 (QJsonObject{{u"prompt_tokens"_s, 4240},
                              {u"completion_tokens"_s, 237},
                              {u"total_tokens"_s, 4477},
                              {u"reasoning_tokens"_s, 22}}));
        // The steps still go to stderr.
        QVERIFY2(result.err.contains(u"alertdeck: tool query_loki("_s), qPrintable(result.err));
    }

    // --ask continues the latest analysis stored in --data-dir (stored there by an
    // earlier analyze --data-dir): the conversation so far and the question are sent,
    // the new answer is printed, and the grown conversation is stored back (a second
    // question sends the first one along). Without a stored analysis: exit 1 and why;
    // without --data-dir: a usage error.
    void askContinuesTheStoredAnalysis()
    {
        FakeHttpServer provider;
        QVERIFY(provider.listen());
        provider.route("/v1/chat/completions", recorded(u"llm/deepseek-chat.sse"_s));
        const QString payload = TestData::fixturePath(u"alertmanager/firing-single.json"_s);
        QTemporaryDir dir;
        const QString data = dir.filePath(u"data"_s);
        const auto analyze = [&](const QStringList &extra) {
            AlertDeckProcess alertdeck(dir.filePath(u"config"_s));
            alertdeck.setEnvironmentVariable(u"ALERTDECK_DEEPSEEK_API_KEY"_s, u"sk-cli-ask-4242"_s);
            alertdeck.setEnvironmentVariable(u"LC_ALL"_s, u"C.UTF-8"_s);
            alertdeck.start(QStringList{u"analyze"_s, u"--no-context"_s, u"--no-tools"_s, u"--base-url"_s,
                                        provider.url().toString() + u"/v1"_s}
                            + extra);
            return alertdeck.finish(30s);
        };
        const QString firstAnswer = QString::fromUtf8(TestData::fixture(u"llm/deepseek-chat.expected.md"_s));

        // Nothing stored yet: no store in the directory at all.
        RunResult result = analyze({u"--payload"_s, payload, u"--data-dir"_s, data, u"--ask"_s, u"Why db-7?"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"No analysis is stored in "_s), qPrintable(result.err));
        QVERIFY(provider.requests.isEmpty());

        result = analyze({u"--payload"_s, payload, u"--data-dir"_s, data});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(QFileInfo::exists(data + u"/alerts.sqlite"_s));

        provider.requests.clear();
        provider.route("/v1/chat/completions", recorded(u"llm/deepseek-reasoner.sse"_s));
        result = analyze({u"--payload"_s, payload, u"--data-dir"_s, data, u"--ask"_s, u"Why db-7?"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(result.out, QString::fromUtf8(TestData::fixture(u"llm/deepseek-reasoner.expected.md"_s)) + u'\n');
        QCOMPARE(provider.requests.size(), 1);
        QJsonArray messages = messagesOf(provider.requests.first());
        QCOMPARE(messages.last().toObject().value(u"role"_s).toString(), u"user"_s);
        QVERIFY(messages.last().toObject().value(u"content"_s).toString().contains(u"Why db-7?"_s));
        bool answerSent = false;
        for (const QJsonValue &message : messages)
            answerSent = answerSent
                || (message.toObject().value(u"role"_s).toString() == u"assistant"_s
                    && message.toObject().value(u"content"_s).toString().trimmed() == firstAnswer.trimmed());
        QVERIFY2(answerSent, provider.requests.first().body.left(4000).constData());

        // Stored back: the next question goes with the one before and its answer.
        provider.requests.clear();
        result = analyze({u"--payload"_s, payload, u"--data-dir"_s, data, u"--ask"_s, u"And the disk?"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        messages = messagesOf(provider.requests.first());
        const QString sent = QString::fromUtf8(QJsonDocument(messages).toJson());
        QVERIFY2(sent.contains(u"Why db-7?"_s) && sent.contains(u"And the disk?"_s), qPrintable(sent.left(4000)));

        // A store without an analysis of this alert.
        QByteArray other = TestData::fixture(u"alertmanager/firing-single.json"_s);
        other.replace("HighCPUUsage", "DiskAlmostFull").replace("b16989585236e9bf", "c0ffee0123456789");
        const QString otherPayload = writeFile(dir.filePath(u"other.json"_s), other);
        provider.requests.clear();
        result = analyze({u"--payload"_s, otherPayload, u"--data-dir"_s, data, u"--ask"_s, u"Why?"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"No analysis of \"DiskAlmostFull\" is stored in "_s), qPrintable(result.err));
        QVERIFY(provider.requests.isEmpty());

        // --ask needs the directory it continues from.
        result = analyze({u"--payload"_s, payload, u"--ask"_s, u"Why?"_s});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(u"--data-dir"_s), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestCliAnalyze)
#include "tst_cli_analyze.moc"
