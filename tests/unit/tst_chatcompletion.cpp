#include "FakeHttpServer.h"
#include "TestData.h"
#include "analysis/ChatCompletion.h"
#include "logging/Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = ChatCompletion::State;
using Failure = ChatCompletion::Failure;
Q_DECLARE_METATYPE(ThinkingMode)
Q_DECLARE_METATYPE(std::optional<ThinkingMode>)

namespace {

const QByteArray path = "/v1/chat/completions";
const QString fakeKey = u"sk-test-not-a-real-key-0000"_s;

// The fixture split into its SSE events, each sent as its own chunk.
QList<QByteArray> eventsOf(const QByteArray &sse)
{
    QList<QByteArray> events;
    for (const QByteArray &event : sse.split('\n'))
        if (!event.isEmpty())
            events << event + "\n\n";
    return events;
}

FakeHttpServer::Response streamed(const QString &fixture, std::chrono::milliseconds interval = 1ms)
{
    FakeHttpServer::Response response;
    response.contentType = "text/event-stream; charset=utf-8";
    response.chunks = eventsOf(TestData::fixture(u"llm/"_s + fixture));
    response.chunkInterval = interval;
    return response;
}

FakeHttpServer::Response errorAnswer(int status, const QByteArray &extraHeaders = {})
{
    FakeHttpServer::Response response;
    response.status = status;
    response.body = TestData::fixture(u"llm/error-%1.json"_s.arg(status));
    response.extraHeaders = extraHeaders;
    return response;
}

QString expected(const QString &name)
{
    return QString::fromUtf8(TestData::fixture(u"llm/"_s + name));
}

const RetryPolicy quickRetry{3, 20ms, 60'000ms};

} // namespace

class TestChatCompletion : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<FakeHttpServer> m_server;

    CompletionRequest request() const
    {
        CompletionRequest request;
        request.baseUrl = QUrl(m_server->url().toString() + u"/v1/"_s);
        request.apiKey = fakeKey;
        request.model = u"deepseek-chat"_s;
        request.messages = {{u"system"_s, u"You are an SRE assistant."_s}, {u"user"_s, u"Why is it firing?"_s}};
        request.maxTokens = 1000;
        return request;
    }

    // Runs to the end; the states it went through.
    QList<State> run(ChatCompletion &completion, const CompletionRequest &request,
                     const RetryPolicy &retry = quickRetry)
    {
        QList<State> states;
        connect(&completion, &ChatCompletion::stateChanged, this, [&states](State state) {
            if (states.isEmpty() || states.last() != state)
                states << state;
        });
        QSignalSpy finished(&completion, &ChatCompletion::finished);
        completion.start(request, retry);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000); }();
        return states;
    }

private slots:
    // A turn that asks for tools ends normally: Finished, finish reason "tool_calls",
    // the complete calls, and an assistant message ready for the next request.
    void aToolCallTurnFinishesWithItsCalls()
    {
        m_server->route(path, streamed(u"deepseek-v4-tool-calls.sse"_s));
        ChatCompletion completion(&m_network);
        run(completion, request());
        QCOMPARE(completion.state(), State::Finished);
        QCOMPARE(completion.failure(), Failure::None);
        QVERIFY(completion.error().isEmpty());
        QCOMPARE(completion.finishReason(), u"tool_calls"_s);
        const QJsonObject expected
            = QJsonDocument::fromJson(TestData::fixture(u"llm/deepseek-v4-tool-calls.expected.json"_s)).object();
        const QJsonArray calls = expected.value(u"tool_calls"_s).toArray();
        QCOMPARE(completion.toolCalls().size(), calls.size());
        for (qsizetype i = 0; i < calls.size(); ++i) {
            const QJsonObject call = calls.at(i).toObject();
            const QJsonObject function = call.value(u"function"_s).toObject();
            QCOMPARE(completion.toolCalls().at(i),
                     (ToolCall{call.value(u"id"_s).toString(), call.value(u"type"_s).toString(),
                               function.value(u"name"_s).toString(), function.value(u"arguments"_s).toString()}));
        }
        const ChatMessage assistant = completion.assistantMessage();
        QCOMPARE(assistant.role, u"assistant"_s);
        QCOMPARE(assistant.reasoning, expected.value(u"reasoning_content"_s).toString());
        QCOMPARE(assistant.toolCalls, completion.toolCalls());
    }

    // The follow-up turn to DeepSeek (thinking on) carries the assistant message with
    // its tool_calls and reasoning_content, then one tool message per call; the answer
    // after the tools streams as usual.
    void theFollowUpTurnCarriesTheCallsAndTheirResults()
    {
        m_server->acceptProxyRequests();
        m_server->route("/chat/completions", streamed(u"deepseek-v4-tool-calls.sse"_s));
        const QNetworkProxy previous = QNetworkProxy::applicationProxy();
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, m_server->port()));
        const auto restore = qScopeGuard([previous] { QNetworkProxy::setApplicationProxy(previous); });
        CompletionRequest first = request();
        first.baseUrl = QUrl(u"http://api.deepseek.com"_s); // answered by the local stand-in
        first.model = u"deepseek-flash"_s;
        first.thinking = ThinkingMode{true, u"high"_s};
        first.tools = QJsonArray{QJsonObject{{u"type"_s, u"function"_s},
                                             {u"function"_s,
                                              QJsonObject{{u"name"_s, u"query_prometheus"_s},
                                                          {u"parameters"_s, QJsonObject{{u"type"_s, u"object"_s}}}}}}};
        first.toolChoice = u"auto"_s;
        ChatCompletion firstTurn(&m_network);
        run(firstTurn, first);
        QCOMPARE(firstTurn.state(), State::Finished);
        const QJsonObject firstBody = QJsonDocument::fromJson(m_server->requests.first().body).object();
        QCOMPARE(firstBody.value(u"tools"_s).toArray(), first.tools);
        QCOMPARE(firstBody.value(u"tool_choice"_s).toString(), u"auto"_s);

        CompletionRequest second = first;
        second.messages << firstTurn.assistantMessage();
        for (const ToolCall &call : firstTurn.toolCalls())
            second.messages << ChatMessage::toolResult(call.id,
                                                       u"[E%1] result of "_s.arg(second.messages.size()) + call.name);
        m_server->route("/chat/completions", streamed(u"deepseek-v4-after-tools.sse"_s));
        ChatCompletion secondTurn(&m_network);
        run(secondTurn, second);
        QCOMPARE(secondTurn.state(), State::Finished);
        QCOMPARE(secondTurn.finishReason(), u"stop"_s);
        QVERIFY(secondTurn.toolCalls().isEmpty());
        QCOMPARE(secondTurn.stream().content(), expected(u"deepseek-v4-after-tools.expected.md"_s));

        QCOMPARE(m_server->requests.size(), 2);
        const QJsonArray messages
            = QJsonDocument::fromJson(m_server->requests.at(1).body).object().value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 5);
        const QJsonObject assistant = messages.at(2).toObject();
        const QJsonObject expectedCalls
            = QJsonDocument::fromJson(TestData::fixture(u"llm/deepseek-v4-tool-calls.expected.json"_s)).object();
        QCOMPARE(assistant.value(u"role"_s).toString(), u"assistant"_s);
        QVERIFY(assistant.value(u"content"_s).isNull());
        QCOMPARE(assistant.value(u"reasoning_content"_s), expectedCalls.value(u"reasoning_content"_s));
        QCOMPARE(assistant.value(u"tool_calls"_s).toArray(), expectedCalls.value(u"tool_calls"_s).toArray());
        for (int i = 0; i < 2; ++i) {
            const QJsonObject tool = messages.at(3 + i).toObject();
            QCOMPARE(tool.value(u"role"_s).toString(), u"tool"_s);
            QCOMPARE(tool.value(u"tool_call_id"_s).toString(),
                     expectedCalls.value(u"tool_calls"_s).toArray().at(i).toObject().value(u"id"_s).toString());
            QVERIFY(tool.value(u"content"_s).toString().startsWith(u"[E"_s));
        }
        // Plain turns never carry reasoning back, nor tool fields.
        QVERIFY(!messages.at(1).toObject().contains(u"reasoning_content"_s));
        QVERIFY(!messages.at(1).toObject().contains(u"tool_call_id"_s));
    }

    // reasoning_content goes back only in DeepSeek's thinking mode (even when empty:
    // DeepSeek refuses a tool turn without it), never to other servers.
    void reasoningGoesBackOnlyInDeepSeeksThinkingMode_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<std::optional<ThinkingMode>>("thinking");
        QTest::addColumn<bool>("sent");
        QTest::newRow("DeepSeek, thinking by default")
            << u"https://api.deepseek.com"_s << std::optional<ThinkingMode>() << true;
        QTest::newRow("DeepSeek, thinking on")
            << u"https://api.deepseek.com/v1"_s << std::optional(ThinkingMode{true, u"max"_s}) << true;
        QTest::newRow("DeepSeek, thinking off")
            << u"https://api.deepseek.com"_s << std::optional(ThinkingMode{false, u"high"_s}) << false;
        QTest::newRow("Ollama") << u"http://localhost:11434/v1"_s << std::optional(ThinkingMode{true, u"high"_s})
                                << false;
    }

    void reasoningGoesBackOnlyInDeepSeeksThinkingMode()
    {
        QFETCH(QString, baseUrl);
        QFETCH(std::optional<ThinkingMode>, thinking);
        QFETCH(bool, sent);
        CompletionRequest req;
        req.baseUrl = QUrl(baseUrl);
        req.thinking = thinking;
        ChatMessage withCalls{u"assistant"_s, {}};
        withCalls.toolCalls = {ToolCall{u"c1"_s, u"function"_s, u"f"_s, u"{}"_s}};
        withCalls.reasoning = QString(); // a tool turn without reasoning text
        ChatMessage plain{u"assistant"_s, u"earlier answer"_s};
        plain.reasoning = u"earlier thoughts"_s;
        req.messages = {plain, withCalls, ChatMessage::toolResult(u"c1"_s, u"42"_s)};
        const QJsonArray messages = QJsonDocument::fromJson(req.body()).object().value(u"messages"_s).toArray();
        QVERIFY(!messages.at(0).toObject().contains(u"reasoning_content"_s));
        QCOMPARE(messages.at(1).toObject().contains(u"reasoning_content"_s), sent);
        QCOMPARE(messages.at(2).toObject().value(u"tool_call_id"_s).toString(), u"c1"_s);
    }

    // DeepSeek's thinking switch and effort go to DeepSeek's API host only.
    void thinkingFieldsGoOnlyToDeepSeek_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<ThinkingMode>("thinking");
        QTest::addColumn<QJsonValue>("type");
        QTest::addColumn<QJsonValue>("effort");
        const QJsonValue none(QJsonValue::Undefined);
        QTest::newRow("on, low") << u"https://api.deepseek.com"_s << ThinkingMode{true, u"low"_s}
                                 << QJsonValue(u"enabled"_s) << QJsonValue(u"low"_s);
        QTest::newRow("on, max") << u"https://API.DeepSeek.com/v1"_s << ThinkingMode{true, u"max"_s}
                                 << QJsonValue(u"enabled"_s) << QJsonValue(u"max"_s);
        QTest::newRow("on, medium maps to high") << u"https://api.deepseek.com"_s << ThinkingMode{true, u"medium"_s}
                                                 << QJsonValue(u"enabled"_s) << QJsonValue(u"high"_s);
        QTest::newRow("off") << u"https://api.deepseek.com"_s << ThinkingMode{false, u"max"_s}
                             << QJsonValue(u"disabled"_s) << none;
        QTest::newRow("Ollama") << u"http://localhost:11434/v1"_s << ThinkingMode{true, u"high"_s} << none << none;
        QTest::newRow("vLLM on the LAN") << u"http://10.0.0.5:8000/v1"_s << ThinkingMode{false, u"high"_s} << none
                                         << none;
        QTest::newRow("a look-alike host")
            << u"https://api.deepseek.com.evil.example"_s << ThinkingMode{true, u"high"_s} << none << none;
        QTest::newRow("OpenRouter") << u"https://openrouter.ai/api/v1"_s << ThinkingMode{true, u"high"_s} << none
                                    << none;
    }

    void thinkingFieldsGoOnlyToDeepSeek()
    {
        QFETCH(QString, baseUrl);
        QFETCH(ThinkingMode, thinking);
        QFETCH(QJsonValue, type);
        QFETCH(QJsonValue, effort);
        CompletionRequest req;
        req.baseUrl = QUrl(baseUrl);
        req.model = u"deepseek-flash"_s;
        req.thinking = thinking;
        const QJsonObject body = QJsonDocument::fromJson(req.body()).object();
        QCOMPARE(body.value(u"thinking"_s).toObject().value(u"type"_s), type);
        QCOMPARE(body.value(u"reasoning_effort"_s), effort);
        if (type.isUndefined())
            QVERIFY(!body.contains(u"thinking"_s));
        QVERIFY(!body.contains(u"tools"_s)); // none given, none sent
        QVERIFY(!body.contains(u"tool_choice"_s));
    }

    // DeepSeek ignores the temperature in thinking mode: it is left out there, and sent
    // everywhere else.
    void noTemperatureInThinkingMode()
    {
        CompletionRequest req;
        req.model = u"deepseek-flash"_s;
        req.temperature = 0.7;
        const auto sent = [&req] { return QJsonDocument::fromJson(req.body()).object().value(u"temperature"_s); };
        req.baseUrl = QUrl(u"https://api.deepseek.com"_s);
        QVERIFY(sent().isUndefined()); // thinking is DeepSeek's default
        req.thinking = ThinkingMode{true, u"high"_s};
        QVERIFY(sent().isUndefined());
        req.thinking = ThinkingMode{false, u"high"_s};
        QCOMPARE(sent().toDouble(), 0.7);
        req.baseUrl = QUrl(u"http://localhost:11434/v1"_s);
        req.thinking = ThinkingMode{true, u"high"_s};
        QCOMPARE(sent().toDouble(), 0.7);
    }

    void localAndRemoteEndpoints_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<bool>("local");
        for (const char *url : {"http://localhost:11434/v1", "http://127.0.0.1:8080/v1", "http://[::1]:8000/v1",
                                "http://192.168.1.20:11434/v1", "http://10.1.2.3/v1", "http://172.20.0.4:8000/v1",
                                "http://169.254.1.1/v1", "http://[fd00::5]:8000/v1", "http://gpu-box:8000/v1",
                                "http://ollama.local:11434/v1", "http://llm.lan/v1", "http://x.localhost/v1"})
            QTest::newRow(url) << QString::fromLatin1(url) << true;
        for (const char *url :
             {"https://api.deepseek.com", "https://api.openai.com/v1", "http://8.8.8.8/v1", "http://172.32.0.1/v1",
              "http://localhost.evil.example/v1", "http://[2001:db8::1]/v1", "https://x.openai.azure.com/openai"})
            QTest::newRow(url) << QString::fromLatin1(url) << false;
    }

    void localAndRemoteEndpoints()
    {
        QFETCH(QString, baseUrl);
        QFETCH(bool, local);
        QCOMPARE(CompletionRequest::isLocal(QUrl(baseUrl)), local);
    }

    // A model the provider does not offer (here a retired DeepSeek id) fails with a
    // message that names the models it does offer; other 400s stay as they were.
    void anUnknownModelNamesTheCurrentOnes_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("known");
        QTest::addColumn<bool>("aboutModel");
        const QStringList current{u"deepseek-flash"_s, u"deepseek-v4-pro"_s};
        QTest::newRow("DeepSeek 400 Model Not Exist")
            << 400 << QByteArray(R"({"error":{"message":"Model Not Exist","type":"invalid_request_error"}})") << current
            << true;
        QTest::newRow("OpenAI 404 model_not_found")
            << 404
            << QByteArray(
                   R"({"error":{"message":"The model `deepseek-reasoner` does not exist","code":"model_not_found"}})")
            << current << true;
        QTest::newRow("422 param model") << 422 << QByteArray(R"({"error":{"message":"bad value","param":"model"}})")
                                         << QStringList() << true;
        QTest::newRow("context length is not about the model")
            << 400 << QByteArray("{\"error\":{\"message\":\"This model's maximum context length is 131072 tokens\"}}")
            << current << false;
        QTest::newRow("max_tokens 422") << 422 << TestData::fixture(u"llm/error-422.json"_s) << current << false;
    }

    void anUnknownModelNamesTheCurrentOnes()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QStringList, known);
        QFETCH(bool, aboutModel);
        FakeHttpServer::Response refused;
        refused.status = status;
        refused.body = body;
        m_server->route(path, refused);
        CompletionRequest req = request();
        req.model = u"deepseek-reasoner"_s;
        req.knownModels = known;
        ChatCompletion completion(&m_network);
        run(completion, req);
        QCOMPARE(completion.state(), State::Failed);
        QCOMPARE(completion.httpStatus(), status);
        QCOMPARE(completion.failure(), aboutModel ? Failure::ModelNotOffered : Failure::HttpStatus);
        if (!aboutModel)
            return;
        QVERIFY2(completion.error().contains(u"\"deepseek-reasoner\""_s), qPrintable(completion.error()));
        if (known.isEmpty())
            QVERIFY2(completion.error().contains(u"Refresh the model list"_s), qPrintable(completion.error()));
        else
            QVERIFY2(completion.error().contains(u"Current models: deepseek-flash, deepseek-v4-pro"_s),
                     qPrintable(completion.error()));
    }

    // Bounds hold through the client too: a stream of endless tool-call arguments ends
    // the run with a reason instead of downloading on.
    void endlessToolArgumentsEndTheRun()
    {
        FakeHttpServer::Response endless;
        endless.contentType = "text/event-stream";
        endless.chunks << "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c\",\"type\":"
                          "\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}}]}\n\n";
        const QByteArray piece = "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
                                 "{\"arguments\":\""
            + QByteArray(4000, 'x') + "\"}}]}}]}\n\n";
        for (int i = 0; i < 40; ++i)
            endless.chunks << piece;
        endless.streamEnd = FakeHttpServer::Response::StreamEnd::Stall;
        m_server->route(path, endless);
        ChatCompletion completion(&m_network);
        run(completion, request());
        QCOMPARE(completion.state(), State::Failed);
        QCOMPARE(completion.failure(), Failure::BadStream);
        QVERIFY(completion.toolCalls().isEmpty());
        QTRY_COMPARE(m_server->openConnections(), 0);
    }

    void plainJsonAnswersCarryToolCallsToo()
    {
        FakeHttpServer::Response plain;
        plain.body = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                     "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":"
                     "\"query_loki\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}]}";
        m_server->route(path, plain);
        ChatCompletion completion(&m_network);
        run(completion, request());
        QCOMPARE(completion.state(), State::Finished);
        QCOMPARE(completion.toolCalls(), (QList<ToolCall>{{u"call_1"_s, u"function"_s, u"query_loki"_s, u"{}"_s}}));
    }
    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
    }

    void cleanup() { Redaction::forgetSecretValues(); }

    void streamsTheAnswerAndSendsAnOpenAiRequest()
    {
        m_server->route(path, streamed(u"deepseek-chat.sse"_s));
        ChatCompletion completion(&m_network);
        QSignalSpy grew(&completion, &ChatCompletion::grew);
        const QList<State> states = run(completion, request());

        QCOMPARE(states, (QList<State>{State::Connecting, State::Streaming, State::Finished}));
        QCOMPARE(completion.stream().content(), expected(u"deepseek-chat.expected.md"_s));
        QVERIFY2(grew.size() > 10, "the text arrives piece by piece");
        QVERIFY(completion.stream().usage().has_value());
        QVERIFY(completion.stream().usage()->completionTokens > 0);
        QVERIFY(completion.firstTokenMs() >= 0);
        QVERIFY(completion.statusText().startsWith(u"Finished in"_s));
        QVERIFY(completion.error().isEmpty());
        QCOMPARE(completion.failure(), Failure::None);
        QCOMPARE(completion.httpStatus(), 0);

        QCOMPARE(m_server->requests.size(), 1);
        const HttpRequest &sent = m_server->requests.first();
        QCOMPARE(sent.method, "POST");
        QCOMPARE(sent.path, path);
        QCOMPARE(sent.header("authorization"), "Bearer " + fakeKey.toUtf8());
        QVERIFY(sent.header("content-type").startsWith("application/json"));
        QCOMPARE(sent.header("accept"), "text/event-stream");
        const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
        QCOMPARE(body.value(u"model"_s).toString(), u"deepseek-chat"_s);
        QCOMPARE(body.value(u"stream"_s).toBool(), true);
        QCOMPARE(body.value(u"stream_options"_s).toObject().value(u"include_usage"_s).toBool(), true);
        QCOMPARE(body.value(u"max_tokens"_s).toInt(), 1000);
        QCOMPARE(body.value(u"temperature"_s).toDouble(), 0.2);
        const QJsonArray messages = body.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"system"_s);
        QCOMPARE(messages.at(1).toObject().value(u"content"_s).toString(), u"Why is it firing?"_s);
    }

    void theDurationStopsWithTheRun()
    {
        m_server->route(path, streamed(u"deepseek-chat.sse"_s));
        ChatCompletion completion(&m_network);
        qint64 nowMs = 1'000'000;
        completion.setClock([&nowMs] { return nowMs; });
        QSignalSpy finished(&completion, &ChatCompletion::finished);
        completion.start(request(), quickRetry);
        nowMs += 9'800; // the run takes 9.8 s
        QVERIFY(finished.wait());
        QCOMPARE(completion.elapsedMs(), 9'800);
        QVERIFY2(completion.statusText().startsWith(u"Finished in 9.8 s"_s), qPrintable(completion.statusText()));
        // Coming back four minutes later: still the run's own duration.
        nowMs += 242'800;
        QCOMPARE(completion.elapsedMs(), 9'800);
        QVERIFY2(completion.statusText().startsWith(u"Finished in 9.8 s"_s), qPrintable(completion.statusText()));
    }

    void thinkingModelsStreamReasoningFirst()
    {
        m_server->route(path, streamed(u"deepseek-reasoner.sse"_s));
        ChatCompletion completion(&m_network);
        CompletionRequest req = request();
        req.model = u"deepseek-reasoner"_s;
        run(completion, req);
        QCOMPARE(completion.state(), State::Finished);
        QCOMPARE(completion.stream().reasoning(), expected(u"deepseek-reasoner.expected-reasoning.txt"_s));
        QCOMPARE(completion.stream().content(), expected(u"deepseek-reasoner.expected.md"_s));
    }

    void localServersNeedNoKey()
    {
        m_server->route(path, streamed(u"deepseek-chat.sse"_s));
        ChatCompletion completion(&m_network);
        CompletionRequest req = request();
        req.apiKey.clear();
        run(completion, req);
        QCOMPARE(completion.state(), State::Finished);
        QVERIFY(m_server->requests.first().header("authorization").isEmpty());
    }

    void errorsArePlainAndNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("401") << 401 << u"API key rejected (HTTP 401)"_s;
        QTest::newRow("402") << 402 << u"Account balance is insufficient (HTTP 402)"_s;
        QTest::newRow("422") << 422
                             << u"(HTTP 422) (Invalid max_tokens value, the valid range of max_tokens is [1, 8192])"_s;
    }

    void errorsArePlainAndNotRetried()
    {
        QFETCH(int, status);
        QFETCH(QString, message);
        m_server->route(path, errorAnswer(status));
        ChatCompletion completion(&m_network);
        run(completion, request());
        QCOMPARE(completion.state(), State::Failed);
        QVERIFY2(completion.error().contains(message), qPrintable(completion.error()));
        QCOMPARE(completion.failure(), Failure::HttpStatus);
        QCOMPARE(completion.httpStatus(), status);
        QCOMPARE(m_server->requests.size(), 1);
        QCOMPARE(completion.attempt(), 1);
    }

    void serverMessagesNeverShowTheKey()
    {
        FakeHttpServer::Response echo;
        echo.status = 401;
        echo.body = "{\"error\":{\"message\":\"Incorrect API key provided: " + fakeKey.toUtf8() + "\"}}";
        m_server->route(path, echo);
        ChatCompletion completion(&m_network);
        run(completion, request());
        QVERIFY(completion.error().contains(u"Incorrect API key provided"_s));
        QVERIFY(!completion.error().contains(fakeKey));
    }

    void rateLimitsAreRetriedAfterTheServersWait()
    {
        m_server->queue(path, errorAnswer(429, "Retry-After: 1\r\n"));
        m_server->route(path, streamed(u"deepseek-chat.sse"_s));
        ChatCompletion completion(&m_network);
        QString waitingText;
        connect(&completion, &ChatCompletion::stateChanged, this, [&](State state) {
            if (state == State::WaitingToRetry && waitingText.isEmpty())
                waitingText = completion.statusText();
        });
        const QList<State> states = run(completion, request());
        QCOMPARE(states,
                 (QList<State>{State::Connecting, State::WaitingToRetry, State::Connecting, State::Streaming,
                               State::Finished}));
        QCOMPARE(m_server->requests.size(), 2);
        QVERIFY2(waitingText.contains(u"HTTP 429: Rate limit reached for requests — retrying in 1 s (try 2 of 3)"_s),
                 qPrintable(waitingText));
        QCOMPARE(completion.stream().content(), expected(u"deepseek-chat.expected.md"_s));
    }

    void serverErrorsGiveUpAfterThreeTries()
    {
        m_server->route(path, errorAnswer(503));
        ChatCompletion completion(&m_network);
        run(completion, request());
        QCOMPARE(completion.state(), State::Failed);
        QCOMPARE(m_server->requests.size(), 3);
        QCOMPARE(completion.failure(), Failure::HttpStatus);
        QCOMPARE(completion.httpStatus(), 503);
        QVERIFY2(completion.error().contains(
                     u"The provider failed (HTTP 503) after 3 tries (Server overloaded, please try again later.)"_s),
                 qPrintable(completion.error()));
    }

    void backoffDoublesWithoutRetryAfter()
    {
        m_server->route(path, errorAnswer(503));
        ChatCompletion completion(&m_network);
        QList<qint64> waits;
        connect(&completion, &ChatCompletion::stateChanged, this, [&](State state) {
            if (state == State::WaitingToRetry)
                waits << completion.retryDelayLeft().count();
        });
        QSignalSpy finished(&completion, &ChatCompletion::finished);
        completion.start(request(), RetryPolicy{2, 4000ms, 60'000ms});
        QTRY_COMPARE(waits.size(), 1);
        QCOMPARE(waits.first(), 4);
        QVERIFY(completion.statusText().contains(u"retrying in 4 s"_s));
        completion.stop();
        QCOMPARE(completion.state(), State::Stopped);
        QCOMPARE(completion.failure(), Failure::None);
        QCOMPARE(completion.httpStatus(), 0); // the 503 was retried, not the end
        QCOMPARE(finished.size(), 1);
    }

    void silentServersTimeOut()
    {
        FakeHttpServer::Response silent;
        silent.neverAnswer = true;
        m_server->route(path, silent);
        ChatCompletion completion(&m_network);
        CompletionRequest req = request();
        req.timeout = 300ms;
        run(completion, req);
        QCOMPARE(completion.state(), State::Failed);
        QVERIFY2(completion.error().startsWith(u"No answer from 127.0.0.1 within"_s), qPrintable(completion.error()));
        QCOMPARE(completion.failure(), Failure::Timeout);
        QCOMPARE(completion.httpStatus(), 0);
    }

    void aStallMidStreamKeepsTheText()
    {
        FakeHttpServer::Response stalled = streamed(u"deepseek-chat.sse"_s);
        stalled.chunks = stalled.chunks.mid(0, 20);
        stalled.streamEnd = FakeHttpServer::Response::StreamEnd::Stall;
        m_server->route(path, stalled);
        ChatCompletion completion(&m_network);
        CompletionRequest req = request();
        req.timeout = 400ms;
        run(completion, req);
        QCOMPARE(completion.state(), State::CutOff);
        QCOMPARE(completion.failure(), Failure::Timeout);
        QVERIFY(!completion.stream().content().isEmpty());
        QVERIFY(expected(u"deepseek-chat.expected.md"_s).startsWith(completion.stream().content()));
        QVERIFY2(completion.error().contains(u"the text received so far is kept"_s), qPrintable(completion.error()));
    }

    void aDroppedStreamIsCutOff_data()
    {
        QTest::addColumn<bool>("abortConnection");
        QTest::newRow("ends without [DONE]") << false;
        QTest::newRow("connection reset") << true;
    }

    void aDroppedStreamIsCutOff()
    {
        QFETCH(bool, abortConnection);
        FakeHttpServer::Response dropped = streamed(u"deepseek-chat-dropped.sse"_s);
        if (abortConnection)
            dropped.streamEnd = FakeHttpServer::Response::StreamEnd::Drop;
        m_server->route(path, dropped);
        ChatCompletion completion(&m_network);
        run(completion, request());
        QCOMPARE(completion.state(), State::CutOff);
        QCOMPARE(completion.failure(), Failure::ConnectionClosed);
        QVERIFY(completion.stream().content().endsWith(u"anked)**"_s));
        QVERIFY2(completion.statusText().startsWith(u"Cut off: the stream was cut off"_s)
                     || completion.statusText().startsWith(u"Cut off: "_s),
                 qPrintable(completion.statusText()));
    }

    void maxTokensIsSaid()
    {
        FakeHttpServer::Response response;
        response.contentType = "text/event-stream";
        response.chunks = {
            R"(data: {"choices":[{"index":0,"delta":{"content":"The disk is"},"finish_reason":null}]})"
            "\n\n",
            R"(data: {"choices":[{"index":0,"delta":{"content":" full"},"finish_reason":"length"}]})"
            "\n\n",
            "data: [DONE]\n\n",
        };
        m_server->route(path, response);
        ChatCompletion completion(&m_network);
        run(completion, request());
        QCOMPARE(completion.state(), State::CutOff);
        QCOMPARE(completion.failure(), Failure::FinishReason);
        QCOMPARE(completion.stream().content(), u"The disk is full"_s);
        QCOMPARE(completion.error(), u"the answer was cut at max_tokens (1000); raise it in Settings → AI analysis"_s);
    }

    void stopHaltsTheStream()
    {
        m_server->route(path, streamed(u"deepseek-chat.sse"_s, 20ms));
        ChatCompletion completion(&m_network);
        QSignalSpy grew(&completion, &ChatCompletion::grew);
        QSignalSpy finished(&completion, &ChatCompletion::finished);
        completion.start(request());
        QTRY_VERIFY(grew.size() >= 2);
        completion.stop();
        QCOMPARE(completion.state(), State::Stopped);
        QCOMPARE(completion.failure(), Failure::None);
        QCOMPARE(finished.size(), 1);
        const QString kept = completion.stream().content();
        const qsizetype grewAtStop = grew.size();
        QVERIFY(!kept.isEmpty());
        // The server sees the connection go; nothing more arrives.
        QTRY_COMPARE(m_server->openConnections(), 0);
        QCOMPARE(grew.size(), grewAtStop);
        QCOMPARE(completion.stream().content(), kept);
        QCOMPARE(finished.size(), 1);
    }

    void unreachableProvidersAreNamed()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        ChatCompletion completion(&m_network);
        CompletionRequest req = request();
        req.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        run(completion, req);
        QCOMPARE(completion.state(), State::Failed);
        QVERIFY2(completion.error().startsWith(u"Connection refused by 127.0.0.1:%1"_s.arg(port)),
                 qPrintable(completion.error()));
        QCOMPARE(completion.failure(), Failure::Network);
        QCOMPARE(completion.httpStatus(), 0);
    }

    void badUrlsFailPolitely()
    {
        ChatCompletion completion(&m_network);
        CompletionRequest req = request();
        req.baseUrl = QUrl(u"api.deepseek.com"_s);
        run(completion, req);
        QCOMPARE(completion.state(), State::Failed);
        QVERIFY(completion.error().contains(u"is not a provider URL"_s));
        QCOMPARE(completion.failure(), Failure::InvalidUrl);
    }

    // Every way a 2xx answer can fail has its own kind, and no HTTP status.
    void answersWithoutTextFailAsValues_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Failure>("failure");
        QTest::addColumn<QString>("message");
        QTest::newRow("JSON without a completion")
            << QByteArray("application/json") << QByteArray(R"({"choices":[]})") << Failure::NoCompletion
            << u"The provider answered without a completion"_s;
        QTest::newRow("error event") << QByteArray("text/event-stream")
                                     << QByteArray("data: {\"error\":{\"message\":\"overloaded\"}}\n\n")
                                     << Failure::ProviderError << u"The provider reported an error: overloaded"_s;
        QTest::newRow("done without text") << QByteArray("text/event-stream") << QByteArray("data: [DONE]\n\n")
                                           << Failure::NoText << u"The provider finished without any text"_s;
        QTest::newRow("closed before an answer")
            << QByteArray("text/event-stream") << QByteArray() << Failure::ConnectionClosed
            << u"The connection closed before any answer arrived"_s;
    }

    void answersWithoutTextFailAsValues()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(Failure, failure);
        QFETCH(QString, message);
        FakeHttpServer::Response response;
        response.contentType = contentType;
        response.body = body;
        m_server->route(path, response);
        ChatCompletion completion(&m_network);
        run(completion, request());
        QCOMPARE(completion.state(), State::Failed);
        QCOMPARE(completion.failure(), failure);
        QCOMPARE(completion.httpStatus(), 0);
        QVERIFY2(completion.error().startsWith(message), qPrintable(completion.error()));
    }

    void serversThatIgnoreStreamStillAnswer()
    {
        FakeHttpServer::Response plain;
        plain.body
            = R"({"choices":[{"index":0,"message":{"role":"assistant","content":"## Summary\nDisk full."},)"
              R"( "finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}})";
        m_server->route(path, plain);
        ChatCompletion completion(&m_network);
        run(completion, request());
        QCOMPARE(completion.state(), State::Finished);
        QCOMPARE(completion.stream().content(), u"## Summary\nDisk full."_s);
        QCOMPARE(completion.stream().usage()->totalTokens, 15);
    }

    // A broken or hostile endpoint sends one line without end (here 3 MiB, then it holds
    // the connection open): the run ends at the line limit with a reason, the text
    // before it is kept and the download stops.
    void anEndlessLineEndsTheRun_data()
    {
        QTest::addColumn<bool>("textFirst");
        QTest::newRow("after some text") << true;
        QTest::newRow("before any text") << false;
    }

    void anEndlessLineEndsTheRun()
    {
        QFETCH(bool, textFirst);
        FakeHttpServer::Response endless;
        endless.contentType = "text/event-stream";
        if (textFirst)
            endless.chunks << "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The disk\"}}]}\n\n";
        endless.chunks << "data: {\"choices\":";
        for (int i = 0; i < 48; ++i)
            endless.chunks << QByteArray(64 * 1024, ' ');
        endless.streamEnd = FakeHttpServer::Response::StreamEnd::Stall;
        m_server->route(path, endless);
        ChatCompletion completion(&m_network);
        run(completion, request());
        QCOMPARE(completion.state(), textFirst ? State::CutOff : State::Failed);
        QCOMPARE(completion.failure(), Failure::BadStream);
        QCOMPARE(completion.error(), u"The provider sent a line longer than 1 MiB — not a valid event stream"_s);
        QCOMPARE(completion.stream().content(), textFirst ? u"The disk"_s : QString());
        QTRY_COMPARE(m_server->openConnections(), 0);
    }

    void endpointsAndCurl()
    {
        CompletionRequest req;
        req.baseUrl = QUrl(u"https://api.deepseek.com"_s);
        QCOMPARE(req.endpoint(), QUrl(u"https://api.deepseek.com/chat/completions"_s));
        req.baseUrl = QUrl(u"http://localhost:11434/v1/"_s);
        QCOMPARE(req.endpoint(), QUrl(u"http://localhost:11434/v1/chat/completions"_s));
        req.baseUrl = QUrl(u"https://x.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21"_s);
        QCOMPARE(
            req.endpoint(),
            QUrl(u"https://x.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21"_s));

        req.apiKey = fakeKey;
        req.model = u"deepseek-chat"_s;
        req.messages = {{u"user"_s, u"it's down"_s}};
        const QString curl = req.curlCommand();
        QVERIFY(!curl.contains(fakeKey));
        QVERIFY(curl.contains(u"Authorization: Bearer $ALERTDECK_DEEPSEEK_API_KEY"_s));
        QVERIFY2(curl.contains(u"it'\\''s down"_s), qPrintable(curl)); // shell-quoted
        QVERIFY2(curl.contains(u"-H \"api-key: $ALERTDECK_DEEPSEEK_API_KEY\""_s), qPrintable(curl)); // Azure
        req.baseUrl = QUrl(u"https://api.deepseek.com"_s);
        QVERIFY(!req.curlCommand().contains(u"api-key"_s));
    }

    void authHeadersFollowTheProvider_data()
    {
        using Headers = QList<std::pair<QByteArray, QByteArray>>;
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<Headers>("headers");
        const Headers bearer{{"Authorization", "Bearer k-1"}};
        QTest::newRow("DeepSeek") << u"https://api.deepseek.com"_s << QByteArray("k-1") << bearer;
        QTest::newRow("Azure OpenAI") << u"https://x.openai.azure.com/openai/deployments/d?api-version=1"_s
                                      << QByteArray("k-1")
                                      << Headers{{"Authorization", "Bearer k-1"}, {"api-key", "k-1"}};
        QTest::newRow("Azure, host in capitals") << u"https://X.OpenAI.Azure.COM/openai"_s << QByteArray("k-1")
                                                 << Headers{{"Authorization", "Bearer k-1"}, {"api-key", "k-1"}};
        QTest::newRow("azure.com only in the path")
            << u"https://evil.example/x.azure.com"_s << QByteArray("k-1") << bearer;
        QTest::newRow("a host that only starts like Azure's")
            << u"https://x.azure.com.evil.example"_s << QByteArray("k-1") << bearer;
        QTest::newRow("no key") << u"https://x.openai.azure.com"_s << QByteArray() << Headers{};
    }

    void authHeadersFollowTheProvider()
    {
        using Headers = QList<std::pair<QByteArray, QByteArray>>;
        QFETCH(QString, baseUrl);
        QFETCH(QByteArray, key);
        QFETCH(Headers, headers);
        QCOMPARE(CompletionRequest::authHeaders(QUrl(baseUrl), key), headers);
    }

    // The request itself carries Azure's header. It goes to a local stand-in for a
    // proxy, never to Azure.
    void azureDeploymentsGetTheKeyHeader()
    {
        m_server->acceptProxyRequests();
        m_server->route("/openai/deployments/gpt4o/chat/completions", streamed(u"deepseek-chat.sse"_s));
        const QNetworkProxy previous = QNetworkProxy::applicationProxy();
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, m_server->port()));
        const auto restore = qScopeGuard([previous] { QNetworkProxy::setApplicationProxy(previous); });
        ChatCompletion completion(&m_network);
        CompletionRequest req = request();
        req.baseUrl = QUrl(u"http://alertdeck-test.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21"_s);
        run(completion, req);
        QCOMPARE(completion.state(), State::Finished);
        QCOMPARE(m_server->requests.size(), 1);
        const HttpRequest &sent = m_server->requests.first();
        QCOMPARE(sent.header("host"), "alertdeck-test.openai.azure.com");
        QCOMPARE(sent.target, "/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21");
        QCOMPARE(sent.header("api-key"), fakeKey.toUtf8());
        QCOMPARE(sent.header("authorization"), "Bearer " + fakeKey.toUtf8());
    }
};

QTEST_MAIN(TestChatCompletion)
#include "tst_chatcompletion.moc"
