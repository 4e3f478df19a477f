// AnalysisService's tool-call loop and follow-up questions against local stand-ins: an
// LLM provider streaming tool calls (the DeepSeek V4 fixtures and calls made up per
// test), Prometheus and Loki answering the tools, and the store keeping the conversation.

#include "AlertBuilder.h"
#include "ChatTurns.h"
#include "FakeHttpServer.h"
#include "ResultAssert.h"
#include "TestData.h"
#include "analysis/AnalysisConversation.h"
#include "analysis/AnalysisService.h"
#include "context/ContextService.h"
#include "secrets/MemorySecretStore.h"
#include "store/StoreService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxyFactory>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = ToolStep::State;

namespace {

const QByteArray llmPath = "/chat/completions";
const QByteArray promPath = "/api/v1/query_range";
const QByteArray lokiPath = "/loki/api/v1/query_range";

using ChatTurns::answering;
using ChatTurns::Call;
using ChatTurns::callingTools;
using ChatTurns::event;
using ChatTurns::stream;

FakeHttpServer::Response fixture(const QString &name)
{
    FakeHttpServer::Response response;
    response.contentType = "text/event-stream";
    for (const QByteArray &part : TestData::fixture(u"llm/"_s + name).split('\n'))
        if (!part.isEmpty())
            response.chunks << part + "\n\n";
    response.chunkInterval = 1ms;
    return response;
}

QJsonObject bodyOf(const HttpRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

QJsonArray messagesOf(const HttpRequest &request)
{
    return bodyOf(request).value(u"messages"_s).toArray();
}

// The tool messages of a request body, by tool_call_id.
QHash<QString, QString> toolMessages(const HttpRequest &request)
{
    QHash<QString, QString> byId;
    for (const QJsonValue &value : messagesOf(request)) {
        const QJsonObject message = value.toObject();
        if (message.value(u"role"_s).toString() == u"tool"_s)
            byId.insert(message.value(u"tool_call_id"_s).toString(), message.value(u"content"_s).toString());
    }
    return byId;
}

// What a request to Prometheus or Loki asked, decoded (GET query or POST form).
QString askedOf(const HttpRequest &request)
{
    const QByteArray form
        = request.method == "POST" ? request.body : request.target.mid(request.target.indexOf('?') + 1);
    return QUrlQuery(QString::fromUtf8(form)).queryItemValue(u"query"_s, QUrl::FullyDecoded);
}

qsizetype askedFor(const FakeHttpServer &server, const QString &text)
{
    return std::count_if(server.requests.cbegin(), server.requests.cend(),
                         [&text](const HttpRequest &r) { return askedOf(r).contains(text); });
}

// Sends requests for api.deepseek.com to the local stand-in, everything else direct.
class DeepSeekToLocal final : public QNetworkProxyFactory
{
public:
    explicit DeepSeekToLocal(quint16 port)
        : m_port(port)
    { }
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (query.peerHostName() == u"api.deepseek.com"_s)
            return {QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, m_port)};
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    }

private:
    quint16 m_port;
};

} // namespace

class TestAnalysisLoop : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeHttpServer> m_llm;
    std::unique_ptr<FakeHttpServer> m_prometheus;
    std::unique_ptr<FakeHttpServer> m_loki;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<ContextService> m_context;
    std::unique_ptr<MemorySecretStore> m_secrets;

    AnalysisService::Settings settings() const
    {
        AnalysisService::Settings settings;
        settings.request.baseUrl = m_llm->url();
        settings.request.model = u"deepseek-flash"_s;
        settings.request.timeout = 10s;
        settings.retry.firstDelay = 10ms;
        settings.contextWait = 5s;
        return settings;
    }

    std::unique_ptr<AnalysisService> service(const std::optional<AnalysisService::Settings> &chosen = std::nullopt)
    {
        auto service = std::make_unique<AnalysisService>(m_context.get(), m_store.get(), m_secrets.get());
        service->setSettings(chosen.value_or(settings()));
        return service;
    }

    void setKey(const QString &key)
    {
        bool done = false;
        m_secrets->write(Secrets::providerApiKey, key, this, [&done](const SecretStore::Result &) { done = true; });
        QTRY_VERIFY(done);
    }

    static Alert alertNamed(const QString &fingerprint, const QDateTime &startsAt = {})
    {
        return AlertBuilder(fingerprint)
            .named(u"DatabaseDown"_s)
            .severity(Severity::Critical)
            .severityText(u"critical"_s)
            .label(u"instance"_s, u"db-7:9100"_s)
            .label(u"host"_s, u"db-7"_s)
            .promQl(u"up == 0"_s)
            .startsAt(startsAt.isValid() ? startsAt : QDateTime::currentDateTimeUtc().addSecs(-600));
    }

    // Runs `alert`'s analysis to its end.
    const AnalysisService::Run *analyzed(AnalysisService &analysis, const Alert &alert)
    {
        QSignalSpy finished(&analysis, &AnalysisService::runFinished);
        analysis.analyze(alert);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000); }();
        return analysis.run(AlertKey::of(alert));
    }

private slots:
    void init()
    {
        m_llm = std::make_unique<FakeHttpServer>();
        m_prometheus = std::make_unique<FakeHttpServer>();
        m_loki = std::make_unique<FakeHttpServer>();
        QVERIFY(m_llm->listen() && m_prometheus->listen() && m_loki->listen());
        m_prometheus->route(promPath, {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        m_loki->route(lokiPath, {200, TestData::fixture(u"loki/query_range-streams.json"_s)});
        m_context = std::make_unique<ContextService>();
        ContextService::Sources sources;
        sources.prometheus = {m_prometheus->url()};
        sources.loki = {m_loki->url()};
        m_context->setSources(sources);
        m_secrets = std::make_unique<MemorySecretStore>();
        QFile::remove(m_dir.filePath(u"alerts.sqlite"_s));
        m_store = std::make_unique<StoreService>();
        QVERIFY_OK(m_store->open(m_dir.filePath(u"alerts.sqlite"_s)));
    }

    void cleanup()
    {
        m_store.reset();
        m_context.reset();
    }

    // The DeepSeek V4 fixtures in thinking mode: two interleaved calls assembled from
    // fragments, answered with tool messages naming their calls, the reasoning sent
    // back with the calls, the result that arrived becoming new evidence.
    void toolCallsAreAnsweredAndBecomeEvidence()
    {
        QNetworkProxyFactory::setApplicationProxyFactory(new DeepSeekToLocal(m_llm->port()));
        const auto restore = qScopeGuard([] { QNetworkProxyFactory::setApplicationProxyFactory(nullptr); });
        m_llm->acceptProxyRequests();
        m_llm->queue(llmPath, fixture(u"deepseek-v4-tool-calls.sse"_s));
        m_llm->queue(llmPath, fixture(u"deepseek-v4-after-tools.sse"_s));
        setKey(u"sk-loop-1"_s);
        AnalysisService::Settings s = settings();
        s.request.baseUrl = QUrl(u"http://api.deepseek.com"_s); // answered by the stand-in
        auto analysis = service(s);
        // The fixture's calls ask for 06:30–07:00 on 2026-12-06.
        const QDateTime now = QDateTime(QDate(2026, 12, 6), QTime(7, 10), Qt::UTC);
        analysis->setToolClock([now] { return now; });
        QSignalSpy steps(analysis.get(), &AnalysisService::stepsChanged);
        QSignalSpy stored(analysis.get(), &AnalysisService::analysisStored);
        const Alert alert = alertNamed(u"db-7-down"_s, now.addSecs(-1200));
        const AnalysisService::Run *run = analyzed(*analysis, alert);

        QCOMPARE(run->outcome(), AnalysisOutcome::Finished);
        QCOMPARE(m_llm->requests.size(), 2);
        const QJsonObject first = bodyOf(m_llm->requests.at(0));
        QStringList offered;
        for (const QJsonValue &tool : first.value(u"tools"_s).toArray())
            offered << tool.toObject().value(u"function"_s).toObject().value(u"name"_s).toString();
        QVERIFY2(offered.contains(u"query_prometheus"_s) && offered.contains(u"query_loki"_s),
                 qPrintable(offered.join(u", "_s)));
        QVERIFY(!first.contains(u"temperature"_s)); // ignored in thinking mode: not sent

        // The second request: the assistant's calls with its reasoning, then one tool
        // message per call, in the order of the calls.
        const QJsonArray messages = messagesOf(m_llm->requests.at(1));
        QCOMPARE(messages.size(), 5);
        const QJsonObject assistant = messages.at(2).toObject();
        const QJsonObject expected
            = QJsonDocument::fromJson(TestData::fixture(u"llm/deepseek-v4-tool-calls.expected.json"_s)).object();
        QCOMPARE(assistant.value(u"role"_s).toString(), u"assistant"_s);
        QCOMPARE(assistant.value(u"reasoning_content"_s), expected.value(u"reasoning_content"_s));
        QCOMPARE(assistant.value(u"tool_calls"_s).toArray().size(), 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject sent = assistant.value(u"tool_calls"_s).toArray().at(i).toObject();
            const QJsonObject want = expected.value(u"tool_calls"_s).toArray().at(i).toObject();
            QCOMPARE(sent.value(u"id"_s), want.value(u"id"_s));
            QCOMPARE(sent.value(u"function"_s).toObject().value(u"arguments"_s),
                     want.value(u"function"_s).toObject().value(u"arguments"_s));
        }
        QCOMPARE(messages.at(3).toObject().value(u"tool_call_id"_s).toString(), u"call_00_mem"_s);
        QCOMPARE(messages.at(4).toObject().value(u"tool_call_id"_s).toString(), u"call_01_logs"_s);

        // The Prometheus call named its query "expr": refused, and the model is told why.
        const QString refused = messages.at(3).toObject().value(u"content"_s).toString();
        QVERIFY2(refused.contains(u"takes no argument \"expr\""_s), qPrintable(refused));
        // The Loki call ran against the configured Loki and became evidence.
        QCOMPARE(askedFor(*m_loki, u"(?i)oom|killed"_s), 1);
        QCOMPARE(run->steps().size(), 2);
        QCOMPARE(run->steps().at(0).state, State::Refused);
        QVERIFY(run->steps().at(0).evidenceId.isEmpty());
        const ToolStep &logs = run->steps().at(1);
        QCOMPARE(logs.state, State::Done);
        QCOMPARE(logs.callId, u"call_01_logs"_s);
        QVERIFY(std::holds_alternative<LogResult>(logs.payload));
        QVERIFY(!logs.summary.isEmpty());
        const QString id = EvidenceSet::idFor(run->prompt.evidence.size());
        QCOMPARE(logs.evidenceId, id);
        const EvidenceItem *item = run->evidence.find(id);
        QVERIFY(item);
        QCOMPARE(item->kind, EvidenceKind::LogGroup);
        QCOMPARE(item->locator.field, u"tool:call_01_logs"_s);
        const QString result = messages.at(4).toObject().value(u"content"_s).toString();
        QVERIFY2(result.startsWith(u"Evidence %1 "_s.arg(id)), qPrintable(result.left(200)));
        QVERIFY(steps.size() >= 3); // begun, then each answered

        // The answer: the second request's text; stored with the evidence the tool added.
        QCOMPARE(run->content(), QString::fromUtf8(TestData::fixture(u"llm/deepseek-v4-after-tools.expected.md"_s)));
        QCOMPARE(run->reasoning(),
                 expected.value(u"reasoning_content"_s).toString() + u"\n\nBoth tool results point to OOM."_s);
        QTRY_COMPARE(stored.size(), 1);
        const StoredAnalysis saved = stored.first().at(0).value<StoredAnalysis>();
        QCOMPARE(saved.content, run->content());
        const Result<EvidenceSet> evidence = EvidenceSet::fromJson(saved.evidence);
        QVERIFY_OK(evidence);
        QVERIFY(evidence->contains(id));
        QCOMPARE(saved.promptTokens, 1830 + run->completion->stream().usage()->promptTokens);
        const Result<QList<ConversationTurn>> conversation = AnalysisConversation::fromJson(saved.conversation);
        QVERIFY_OK(conversation);
        QCOMPARE(conversation->size(), 1);
        QCOMPARE(conversation->first().steps.size(), 2);
        QCOMPARE(conversation->first().steps.at(1).evidenceId, id);
        QCOMPARE(conversation->first().messages.size(), 4); // the calls, two results, the answer
    }

    // A model that keeps calling tools: exactly maxCallsPerRun calls run, then a last
    // request without tools gets the answer.
    void theCallLimitHoldsAndTheLastRequestOffersNoTools()
    {
        int served = 0;
        m_llm->handle(llmPath, [&served](const HttpRequest &request) {
            if (!bodyOf(request).contains(u"tools"_s))
                return answering(u"Done with the evidence at hand."_s);
            ++served;
            return callingTools({{u"call-%1"_s.arg(served), u"query_prometheus"_s,
                                  u"{\"query\": \"tool_probe_metric\", \"start\": \"-1h\"}"_s}});
        });
        AnalysisService::Settings s = settings();
        s.tools.maxCallsPerRun = 3;
        auto analysis = service(s);
        const AnalysisService::Run *run = analyzed(*analysis, alertNamed(u"limit"_s));
        QCOMPARE(run->outcome(), AnalysisOutcome::Finished);
        QCOMPARE(askedFor(*m_prometheus, u"tool_probe_metric"_s), 3);
        QCOMPARE(m_llm->requests.size(), 4);
        for (int i = 0; i < 3; ++i)
            QVERIFY(bodyOf(m_llm->requests.at(i)).contains(u"tools"_s));
        QVERIFY(!bodyOf(m_llm->requests.at(3)).contains(u"tools"_s));
        QVERIFY(toolMessages(m_llm->requests.at(3)).value(u"call-3"_s).contains(u"last tool call allowed"_s));
        QCOMPARE(run->steps().size(), 3);
        QCOMPARE(run->content(), u"Done with the evidence at hand."_s);
    }

    // A server that sends tool calls even when none are offered: refused with the limit
    // message, and the question ends after a bounded number of requests.
    void aModelThatNeverStopsCallingIsCutOff()
    {
        int served = 0;
        m_llm->handle(llmPath, [&served](const HttpRequest &) {
            ++served;
            return callingTools({{u"call-%1"_s.arg(served), u"query_prometheus"_s,
                                  u"{\"query\": \"tool_probe_metric\", \"start\": \"-1h\"}"_s}});
        });
        AnalysisService::Settings s = settings();
        s.tools.maxCallsPerRun = 2;
        auto analysis = service(s);
        const AnalysisService::Run *run = analyzed(*analysis, alertNamed(u"endless"_s));
        QCOMPARE(askedFor(*m_prometheus, u"tool_probe_metric"_s), 2);
        QCOMPARE(m_llm->requests.size(), 2 + AnalysisService::extraRequestsPerQuestion + 1);
        QVERIFY(toolMessages(m_llm->requests.at(3)).value(u"call-3"_s).contains(u"limit of 2 tool calls"_s));
        QCOMPARE(run->outcome(), AnalysisOutcome::Failed);
        QVERIFY2(run->statusText().contains(u"kept asking for tools"_s), qPrintable(run->statusText()));
    }

    // Unknown tools, broken arguments, 30 days, a host of its own: each refused with a
    // message the model reads, and the run ends with its answer.
    void badCallsAreRefusedWithAReason()
    {
        m_llm->queue(llmPath,
                     callingTools({{u"c-unknown"_s, u"run_shell"_s, u"{\"cmd\": \"rm -rf /\"}"_s},
                                   {u"c-broken"_s, u"query_prometheus"_s, u"{\"query\": \"up\""_s},
                                   {u"c-month"_s, u"query_prometheus"_s, u"{\"query\": \"up\", \"start\": \"-30d\"}"_s},
                                   {u"c-host"_s, u"query_loki"_s,
                                    u"{\"query\": \"{job=\\\"x\\\"}\", \"host\": \"evil.example\"}"_s}}));
        m_llm->queue(llmPath, answering(u"The tools were refused; the host is down [E1]."_s));
        auto analysis = service();
        const AnalysisService::Run *run = analyzed(*analysis, alertNamed(u"refusals"_s));
        QCOMPARE(run->outcome(), AnalysisOutcome::Finished);
        QCOMPARE(m_llm->requests.size(), 2);
        const QHash<QString, QString> told = toolMessages(m_llm->requests.at(1));
        QVERIFY2(told.value(u"c-unknown"_s).contains(u"There is no tool named \"run_shell\""_s),
                 qPrintable(told.value(u"c-unknown"_s)));
        QVERIFY2(told.value(u"c-broken"_s).contains(u"not valid JSON"_s), qPrintable(told.value(u"c-broken"_s)));
        QVERIFY2(told.value(u"c-month"_s).contains(u"30 d"_s), qPrintable(told.value(u"c-month"_s)));
        QVERIFY2(told.value(u"c-host"_s).contains(u"takes no argument \"host\""_s),
                 qPrintable(told.value(u"c-host"_s)));
        for (const ToolStep &step : run->steps()) {
            QCOMPARE(step.state, State::Refused);
            QVERIFY(!step.summary.isEmpty());
        }
        QCOMPARE(run->evidence.size(), run->prompt.evidence.size()); // nothing new to cite
        QCOMPARE(askedFor(*m_loki, u"job=\"x\""_s), 0);
        QCOMPARE(run->content(), u"The tools were refused; the host is down [E1]."_s);
    }

    void stopDuringAToolCallAbortsIt()
    {
        m_prometheus->handle(promPath, [](const HttpRequest &request) {
            FakeHttpServer::Response response{200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)};
            response.neverAnswer = askedOf(request).contains(u"tool_probe_metric"_s);
            return response;
        });
        m_llm->queue(llmPath,
                     callingTools({{u"c-1"_s, u"query_prometheus"_s,
                                    u"{\"query\": \"tool_probe_metric\", \"start\": \"-1h\"}"_s}},
                                  u"Let me look at the metric."_s));
        m_llm->route(llmPath, answering(u"never asked"_s));
        auto analysis = service();
        QSignalSpy stored(analysis.get(), &AnalysisService::analysisStored);
        const Alert alert = alertNamed(u"stop-tool"_s);
        const AlertKey key = AlertKey::of(alert);
        analysis->analyze(alert);
        QTRY_COMPARE_WITH_TIMEOUT(askedFor(*m_prometheus, u"tool_probe_metric"_s), 1, 20'000);
        QVERIFY(analysis->run(key)->runningTools());
        QVERIFY2(analysis->run(key)->statusText().contains(u"0 of 1 call"_s),
                 qPrintable(analysis->run(key)->statusText()));
        analysis->stop(key);
        const AnalysisService::Run *run = analysis->run(key);
        QCOMPARE(run->phase, AnalysisService::Run::Phase::Done);
        QCOMPARE(run->outcome(), AnalysisOutcome::Stopped);
        QCOMPARE(run->steps().first().state, State::Stopped);
        QCOMPARE(run->content(), u"Let me look at the metric."_s); // kept
        QTRY_COMPARE(m_prometheus->openConnections(), 0); // the tool's request was aborted
        QTRY_COMPARE(stored.size(), 1);
        QCOMPARE(stored.first().at(0).value<StoredAnalysis>().outcome, AnalysisOutcome::Stopped);
        bool marker = false;
        QTimer::singleShot(50, this, [&marker] { marker = true; });
        QTRY_VERIFY(marker);
        QCOMPARE(m_llm->requests.size(), 1); // no request after the stop
    }

    void stopBetweenTurnsEndsTheNextRequest()
    {
        m_llm->queue(llmPath,
                     callingTools({{u"c-1"_s, u"query_prometheus"_s,
                                    u"{\"query\": \"tool_probe_metric\", \"start\": \"-1h\"}"_s}}));
        FakeHttpServer::Response silent;
        silent.neverAnswer = true;
        m_llm->queue(llmPath, silent);
        auto analysis = service();
        const Alert alert = alertNamed(u"stop-between"_s);
        const AlertKey key = AlertKey::of(alert);
        analysis->analyze(alert);
        QTRY_COMPARE_WITH_TIMEOUT(m_llm->requests.size(), 2, 20'000);
        const AnalysisService::Run *run = analysis->run(key);
        QCOMPARE(run->steps().first().state, State::Done);
        QVERIFY(run->isRunning());
        analysis->stop(key);
        QCOMPARE(run->outcome(), AnalysisOutcome::Stopped);
        QVERIFY(!run->isRunning());
        QCOMPARE(run->steps().first().state, State::Done); // what arrived is kept
        QTRY_COMPARE(m_llm->openConnections(), 0);
    }

    // Ollama answers 400 "… does not support tools": asked again without them, and not
    // offered them again in this session.
    void aProviderWithoutToolsIsAskedWithout()
    {
        m_llm->handle(llmPath, [](const HttpRequest &request) {
            if (bodyOf(request).contains(u"tools"_s))
                return FakeHttpServer::Response{
                    400, R"({"error":{"message":"registry.ollama.ai/library/gemma:2b does not support tools"}})"};
            return answering(u"Answered from the gathered evidence [E1]."_s);
        });
        auto analysis = service();
        const AnalysisService::Run *run = analyzed(*analysis, alertNamed(u"no-tools"_s));
        QCOMPARE(run->outcome(), AnalysisOutcome::Finished);
        QCOMPARE(m_llm->requests.size(), 2);
        QVERIFY(bodyOf(m_llm->requests.at(0)).contains(u"tools"_s));
        QVERIFY(!bodyOf(m_llm->requests.at(1)).contains(u"tools"_s));
        QVERIFY(messagesOf(m_llm->requests.at(1))
                    .at(1)
                    .toObject()
                    .value(u"content"_s)
                    .toString()
                    .contains(u"### Metrics around the start"_s)); // the pre-gathered evidence
        QCOMPARE(run->content(), u"Answered from the gathered evidence [E1]."_s);

        run = analyzed(*analysis, alertNamed(u"no-tools-again"_s));
        QCOMPARE(m_llm->requests.size(), 3);
        QVERIFY(!bodyOf(m_llm->requests.at(2)).contains(u"tools"_s));
        QCOMPARE(run->outcome(), AnalysisOutcome::Finished);
    }

    void toolsOffAreNotOffered()
    {
        m_llm->route(llmPath, answering(u"ok"_s));
        AnalysisService::Settings s = settings();
        s.tools.enabled = false;
        auto analysis = service(s);
        QCOMPARE(analyzed(*analysis, alertNamed(u"off"_s))->outcome(), AnalysisOutcome::Finished);
        QVERIFY(!bodyOf(m_llm->requests.first()).contains(u"tools"_s));
    }

    void aBrokenHypothesesBlockIsSaid()
    {
        m_llm->route(llmPath, answering(u"The host is down [E1].\n\n```hypotheses\n[{title: oops}\n```\n"_s));
        auto analysis = service();
        const AnalysisService::Run *run = analyzed(*analysis, alertNamed(u"bad-block"_s));
        QCOMPARE(run->outcome(), AnalysisOutcome::Finished);
        QVERIFY2(run->hypothesesProblem.contains(u"not valid JSON"_s), qPrintable(run->hypothesesProblem));

        m_llm->route(llmPath,
                     answering(u"Fine [E1].\n\n```hypotheses\n[{\"title\": \"Power\", \"status\": "
                               u"\"likely\", \"for\": [\"E1\"]}]\n```\n"_s));
        run = analyzed(*analysis, alertNamed(u"good-block"_s));
        QVERIFY2(run->hypothesesProblem.isEmpty(), qPrintable(run->hypothesesProblem));
    }

    // A follow-up sends the conversation so far with the question, is stored with the
    // analysis (the same one, grown) and reads back; a stored one can be continued later.
    void aFollowUpContinuesTheConversationAndIsStored()
    {
        m_llm->queue(llmPath,
                     callingTools({{u"c-1"_s, u"query_prometheus"_s,
                                    u"{\"query\": \"tool_probe_metric\", \"start\": \"-1h\"}"_s}}));
        m_llm->queue(llmPath, answering(u"Memory ran out [E1]."_s));
        m_llm->queue(llmPath, answering(u"Because the cache grew."_s));
        m_llm->queue(llmPath, answering(u"Restart it."_s));
        AnalysisService::Settings s = settings();
        s.tools.maxCallsPerRun = 1;
        auto analysis = service(s);
        QSignalSpy stored(analysis.get(), &AnalysisService::analysisStored);
        const Alert alert = alertNamed(u"follow-up"_s);
        const AlertKey key = AlertKey::of(alert);
        const AnalysisService::Run *run = analyzed(*analysis, alert);
        QTRY_COMPARE(stored.size(), 1);
        const qint64 id = stored.first().at(0).value<StoredAnalysis>().id;
        QVERIFY(id > 0);
        const qsizetype evidenceBefore = run->evidence.size();

        QVERIFY(!analysis->ask(key, u"  "_s)); // nothing to ask
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        QVERIFY_OK(analysis->ask(key, u"Why now?"_s));
        QVERIFY(!analysis->ask(key, u"And?"_s)); // one at a time
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(run->outcome(), AnalysisOutcome::Finished);
        QCOMPARE(run->content(), u"Because the cache grew."_s);
        QCOMPARE(run->turns.size(), 2);
        QCOMPARE(run->turns.at(0).answer, u"Memory ran out [E1]."_s);
        QCOMPARE(run->turns.at(1).question, u"Why now?"_s);
        QVERIFY(run->turns.at(1).steps.isEmpty());
        // The request: system, prompt, the tool turn, its result, the answer, the question;
        // tools offered again (a fresh limit for the question).
        const HttpRequest &asked = m_llm->requests.at(2);
        const QJsonArray messages = messagesOf(asked);
        QStringList roles;
        for (const QJsonValue &message : messages)
            roles << message.toObject().value(u"role"_s).toString();
        QCOMPARE(roles, (QStringList{u"system"_s, u"user"_s, u"assistant"_s, u"tool"_s, u"assistant"_s, u"user"_s}));
        QCOMPARE(messages.at(4).toObject().value(u"content"_s).toString(), u"Memory ran out [E1]."_s);
        QCOMPARE(messages.at(5).toObject().value(u"content"_s).toString(), u"Why now?"_s);
        QVERIFY(bodyOf(asked).contains(u"tools"_s));
        QCOMPARE(run->evidence.size(), evidenceBefore);

        // Stored: the same analysis, its conversation grown.
        QTRY_COMPARE(stored.size(), 2);
        const StoredAnalysis grown = stored.last().at(0).value<StoredAnalysis>();
        QCOMPARE(grown.id, id);
        QCOMPARE(grown.content, u"Memory ran out [E1]."_s);
        QList<StoredAnalysis> listed;
        m_store->fetchAnalyses(key, this, [&listed](const QList<StoredAnalysis> &analyses) { listed = analyses; });
        QTRY_COMPARE(listed.size(), 1);
        const Result<QList<ConversationTurn>> turns = AnalysisConversation::fromJson(listed.first().conversation);
        QVERIFY_OK(turns);
        QCOMPARE(turns->size(), 2);
        QCOMPARE(turns->at(1).answer, u"Because the cache grew."_s);
        QCOMPARE(turns->at(0).steps.size(), 1);
        QCOMPARE(turns->at(0).steps.first().state, State::Done);
        QCOMPARE(listed.first().evidence, run->evidence.toJson()); // the tool's item included

        // Another session continues the stored analysis.
        auto later = service(s);
        QSignalSpy laterStored(later.get(), &AnalysisService::analysisStored);
        QSignalSpy laterFinished(later.get(), &AnalysisService::runFinished);
        QVERIFY_OK(later->askAbout(listed.first(), alert, u"What do I do?"_s));
        QTRY_COMPARE(laterFinished.size(), 1);
        const QJsonArray again = messagesOf(m_llm->requests.at(3));
        QCOMPARE(again.size(), 8);
        QVERIFY(again.at(1)
                    .toObject()
                    .value(u"content"_s)
                    .toString()
                    .contains(run->evidence.items().last().id + u" tool query_prometheus"_s));
        QCOMPARE(again.at(5).toObject().value(u"content"_s).toString(), u"Why now?"_s);
        QCOMPARE(again.at(6).toObject().value(u"content"_s).toString(), u"Because the cache grew."_s);
        QCOMPARE(again.at(7).toObject().value(u"content"_s).toString(), u"What do I do?"_s);
        QTRY_COMPARE(laterStored.size(), 1);
        QCOMPARE(laterStored.first().at(0).value<StoredAnalysis>().id, id);
        QCOMPARE(AnalysisConversation::fromJson(laterStored.first().at(0).value<StoredAnalysis>().conversation)->size(),
                 3);
    }

    // An analysis stored before conversations were kept: continued from its answer.
    void anOldStoredAnalysisIsContinuedFromItsAnswer()
    {
        m_llm->route(llmPath, answering(u"Still down."_s));
        const Alert alert = alertNamed(u"old"_s);
        StoredAnalysis old;
        old.source = alert.source;
        old.fingerprint = alert.fingerprint;
        old.createdAt = QDateTime::currentDateTimeUtc().addDays(-1);
        old.content = u"It was down [E1]."_s;
        old.outcome = AnalysisOutcome::Finished;
        old.evidence = EvidenceSet({{u""_s, EvidenceKind::AlertField, u"alert name: \"DatabaseDown\""_s}}).toJson();
        auto analysis = service();
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        QVERIFY_OK(analysis->askAbout(old, alert, u"Is it still down?"_s));
        QTRY_COMPARE(finished.size(), 1);
        const QJsonArray messages = messagesOf(m_llm->requests.first());
        QCOMPARE(messages.size(), 4);
        QVERIFY(messages.at(1).toObject().value(u"content"_s).toString().contains(u"E1 alert name"_s));
        QCOMPARE(messages.at(2).toObject().value(u"content"_s).toString(), u"It was down [E1]."_s);
        QCOMPARE(messages.at(3).toObject().value(u"content"_s).toString(), u"Is it still down?"_s);
        QCOMPARE(analysis->run(AlertKey::of(alert))->turns.size(), 2);

        StoredAnalysis damaged = old;
        damaged.conversation = "{\"version\":1,\"turns\":";
        QVERIFY(!analysis->askAbout(damaged, alert, u"?"_s));
    }

    // Refreshed evidence: items not held yet get new ids and are listed with the
    // question; the alert's silences are part of the evidence.
    void aFollowUpWithRefreshedEvidenceAddsNewItems()
    {
        m_llm->route(llmPath, answering(u"ok [E1]"_s));
        auto analysis = service();
        QList<AlertMute> silences;
        analysis->setSilenceLookup([&silences](const Alert &) { return silences; });
        const Alert alert = alertNamed(u"refresh"_s);
        const AnalysisService::Run *run = analyzed(*analysis, alert);
        const qsizetype before = run->evidence.size();
        QVERIFY(std::none_of(run->evidence.items().cbegin(), run->evidence.items().cend(),
                             [](const EvidenceItem &item) { return item.kind == EvidenceKind::Silence; }));

        AlertMute mute;
        mute.kind = AlertMute::Kind::Silenced;
        mute.by = u"oncall-bob"_s;
        mute.until = QDateTime::currentDateTimeUtc().addSecs(3600);
        silences = {mute};
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        QVERIFY_OK(analysis->ask(AlertKey::of(alert), u"Is anyone on it?"_s, true));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
        QVERIFY(run->evidence.size() > before);
        const EvidenceItem &added = run->evidence.items().at(before);
        QCOMPARE(added.id, EvidenceSet::idFor(before));
        QCOMPARE(added.kind, EvidenceKind::Silence);
        const QString question = messagesOf(m_llm->requests.last()).last().toObject().value(u"content"_s).toString();
        QVERIFY2(question.startsWith(u"Is anyone on it?\n\nEvidence gathered again now"_s), qPrintable(question));
        QVERIFY2(question.contains(added.id + u' ' + added.text), qPrintable(question));
        QVERIFY(added.text.contains(u"oncall-bob"_s));
    }

    void conversationsReadBackWithinBounds()
    {
        ConversationTurn turn;
        turn.answer = u"answer"_s;
        turn.steps << ToolStep{u"c"_s, u"query_loki"_s, u"{}"_s, State::Done, u"12 lines"_s, u"E9"_s};
        ChatMessage calling{u"assistant"_s, {}};
        calling.toolCalls = {ToolCall{u"c"_s, u"function"_s, u"query_loki"_s, u"{}"_s}};
        calling.reasoning = u"thinking"_s;
        turn.messages = {calling, ChatMessage::toolResult(u"c"_s, u"result"_s), {u"assistant"_s, u"answer"_s}};
        const QList<ConversationTurn> turns{turn, ConversationTurn{u"why?"_s, u"because"_s}};
        const Result<QList<ConversationTurn>> back
            = AnalysisConversation::fromJson(AnalysisConversation::toJson(turns));
        QVERIFY_OK(back);
        QCOMPARE(back->size(), 2);
        QCOMPARE(back->at(0).messages, turn.messages);
        QCOMPARE(back->at(0).steps.first().evidenceId, u"E9"_s);
        QCOMPARE(back->at(0).steps.first().state, State::Done);
        QCOMPARE(back->at(1).question, u"why?"_s);
        QCOMPARE(AnalysisConversation::messages(*back).size(), 5); // a turn without messages: question, answer

        QVERIFY(AnalysisConversation::fromJson({})->isEmpty()); // stored before: no conversation
        QList<ConversationTurn> many(AnalysisConversation::maxTurns + 1);
        QVERIFY(!AnalysisConversation::fromJson(AnalysisConversation::toJson(many)));
        ConversationTurn huge;
        huge.answer = QString(AnalysisConversation::maxTextCharacters + 10, u'x');
        const auto cut = AnalysisConversation::fromJson(AnalysisConversation::toJson({huge}));
        QVERIFY_OK(cut);
        QCOMPARE(cut->first().answer.size(), AnalysisConversation::maxTextCharacters);
        QVERIFY(!AnalysisConversation::fromJson("{\"version\":2,\"turns\":[]}"));
    }
};

QTEST_MAIN(TestAnalysisLoop)
#include "tst_analysisloop.moc"
