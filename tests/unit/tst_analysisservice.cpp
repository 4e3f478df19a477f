#include "AlertBuilder.h"
#include "FakeHttpServer.h"
#include "ResultAssert.h"
#include "TestData.h"
#include "analysis/AnalysisService.h"
#include "analysis/AnalysisSettings.h"
#include "analysis/Hypotheses.h"
#include "context/ContextService.h"
#include "core/Translations.h"
#include "secrets/MemorySecretStore.h"
#include "settings/AppSettings.h"
#include "store/AlertHistory.h"
#include "store/StoreService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTranslator>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Phase = AnalysisService::Run::Phase;

namespace {

const QByteArray llmPath = "/chat/completions";
const QString fakeKey = u"sk-test-analysis-0000"_s;

FakeHttpServer::Response streamed(std::chrono::milliseconds interval = 1ms, int pieces = -1)
{
    FakeHttpServer::Response response;
    response.contentType = "text/event-stream";
    for (const QByteArray &event : TestData::fixture(u"llm/deepseek-chat.sse"_s).split('\n'))
        if (!event.isEmpty())
            response.chunks << event + "\n\n";
    if (pieces >= 0) {
        response.chunks = response.chunks.mid(0, pieces);
        response.streamEnd = FakeHttpServer::Response::StreamEnd::Stall;
    }
    response.chunkInterval = interval;
    return response;
}

// An answer streamed in a few pieces: `content` cut every 40 characters.
FakeHttpServer::Response answering(const QString &content)
{
    FakeHttpServer::Response response;
    response.contentType = "text/event-stream";
    for (qsizetype at = 0; at < content.size(); at += 40) {
        const QJsonObject delta{{u"content"_s, content.mid(at, 40)}};
        const QJsonObject choice{{u"index"_s, 0}, {u"delta"_s, delta}};
        response.chunks << "data: "
                + QJsonDocument(QJsonObject{{u"choices"_s, QJsonArray{choice}}}).toJson(QJsonDocument::Compact)
                + "\n\n";
    }
    const QJsonObject last{{u"index"_s, 0}, {u"delta"_s, QJsonObject{}}, {u"finish_reason"_s, u"stop"_s}};
    response.chunks << "data: "
            + QJsonDocument(QJsonObject{{u"choices"_s, QJsonArray{last}}}).toJson(QJsonDocument::Compact) + "\n\n";
    response.chunks << "data: [DONE]\n\n";
    response.chunkInterval = 1ms;
    return response;
}

Alert alertNamed(const QString &fingerprint, Severity severity = Severity::Critical)
{
    const QString severityText = severityName(severity).toLower();
    return AlertBuilder(fingerprint)
        .named(u"HostDown"_s)
        .severity(severity)
        .severityText(severityText)
        .label(u"instance"_s, u"host-1:9100"_s)
        .label(u"severity"_s, severityText)
        .promQl(u"up == 0"_s)
        .startsAt(QDateTime::currentDateTimeUtc().addSecs(-600));
}

QString userMessage(const HttpRequest &request)
{
    const QJsonArray messages = QJsonDocument::fromJson(request.body).object().value(u"messages"_s).toArray();
    return messages.at(1).toObject().value(u"content"_s).toString();
}

// The store, except for "seen before": answered as a test says (or as the base class does).
class PriorHistory final : public AlertHistory
{
public:
    enum class Answer { Default, Report, Never };
    PriorHistory(StoreService *store, Answer answer)
        : m_store(store)
        , m_answer(answer)
    { }
    SeenBefore::Report report;
    QList<QList<Alert>> asked;

    void fetchDetails(const AlertKey &alert, QObject *context, std::function<void(const AlertDetails &)> done) override
    {
        m_store->fetchDetails(alert, context, std::move(done));
    }
    void fetchAnalyses(const AlertKey &alert, QObject *context,
                       std::function<void(const QList<StoredAnalysis> &)> done) override
    {
        m_store->fetchAnalyses(alert, context, std::move(done));
    }
    void saveAnalysis(const StoredAnalysis &analysis, QObject *context,
                      std::function<void(const StoredAnalysis &, const QString &)> done) override
    {
        m_store->saveAnalysis(analysis, context, std::move(done));
    }
    void fetchForwards(const AlertKey &alert, QObject *context,
                       std::function<void(const QList<StoredForward> &)> done) override
    {
        m_store->fetchForwards(alert, context, std::move(done));
    }
    void saveForward(const StoredForward &forward, QObject *context,
                     std::function<void(const StoredForward &, const QString &)> done) override
    {
        m_store->saveForward(forward, context, std::move(done));
    }
    void fetchSeenBefore(const QList<Alert> &alerts, QObject *context,
                         std::function<void(const SeenBefore::Report &)> done) override
    {
        asked << alerts;
        switch (m_answer) {
        case Answer::Default: return AlertHistory::fetchSeenBefore(alerts, context, std::move(done));
        case Answer::Never: return;
        case Answer::Report:
            QTimer::singleShot(0, context, [done = std::move(done), report = report] { done(report); });
            return;
        }
    }

private:
    StoreService *m_store;
    Answer m_answer;
};

SeenBefore::Match notedMatch()
{
    SeenBefore::Match match;
    match.reason = SeenBefore::Reason::SameNameAndScope;
    match.name = u"HostDown"_s;
    match.startsAt = QDateTime(QDate(2026, 10, 3), QTime(14, 0), Qt::UTC);
    match.endsAt = match.startsAt.addSecs(30 * 60);
    match.note.cause = u"the consumer was wedged on a poison message"_s;
    match.note.action = u"restarted the consumer"_s;
    return match;
}

bool hasPriors(const EvidenceSet &evidence)
{
    return std::any_of(evidence.items().cbegin(), evidence.items().cend(),
                       [](const EvidenceItem &item) { return item.kind == EvidenceKind::PriorIncident; });
}

} // namespace

class TestAnalysisService : public QObject
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
        settings.request.model = u"deepseek-chat"_s;
        settings.request.timeout = 5s;
        settings.retry.firstDelay = 10ms;
        settings.contextWait = 5s;
        return settings;
    }

    std::unique_ptr<AnalysisService> service()
    {
        auto service = std::make_unique<AnalysisService>(m_context.get(), m_store.get(), m_secrets.get());
        service->setSettings(settings());
        return service;
    }

    void setKey(const QString &key)
    {
        bool done = false;
        m_secrets->write(Secrets::providerApiKey, key, this, [&done](const SecretStore::Result &) { done = true; });
        QTRY_VERIFY(done);
    }

    // The alert as the store holds it, after a real delivery (it has occurrences).
    Alert storedAlert()
    {
        QSignalSpy changed(m_store.get(), &StoreService::alertsChanged);
        WebhookDelivery delivery{QDateTime::currentDateTimeUtc(), u"/webhook"_s, PayloadFormat::Auto, "{}",
                                 TestData::fixture(u"alertmanager/firing-single.json"_s)};
        bool stored = false;
        m_store->submit(delivery, this, [&stored](const IngestResult &) { stored = true; });
        [&] { QTRY_VERIFY(stored && changed.size() == 1); }();
        return changed.first().at(0).value<QList<AlertChange>>().first().alert;
    }

private:
    // Runs an analysis, with no key set, against a provider that answers 401.
    void analyzeRefusedWithoutAKey(AnalysisService &analysis, const Alert &alert)
    {
        FakeHttpServer::Response refused;
        refused.status = 401;
        refused.body = TestData::fixture(u"llm/error-401.json"_s);
        m_llm->route(llmPath, refused);
        QSignalSpy finished(&analysis, &AnalysisService::runFinished);
        analysis.analyze(alert);
        QTRY_COMPARE(finished.size(), 1);
    }

private slots:
    void initTestCase()
    {
        // A held prompt must not keep the others waiting for a thread.
        QThreadPool::globalInstance()->setMaxThreadCount(std::max(4, QThreadPool::globalInstance()->maxThreadCount()));
    }

    void init()
    {
        m_llm = std::make_unique<FakeHttpServer>();
        m_prometheus = std::make_unique<FakeHttpServer>();
        m_loki = std::make_unique<FakeHttpServer>();
        QVERIFY(m_llm->listen() && m_prometheus->listen() && m_loki->listen());
        m_prometheus->route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        m_loki->route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-limited.json"_s)});
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

    void analysesWithTheEvidenceAndStoresTheAnswer()
    {
        setKey(fakeKey);
        m_llm->route(llmPath, streamed());
        const Alert alert = storedAlert();
        auto analysis = service();
        QSignalSpy grew(analysis.get(), &AnalysisService::runGrew);
        QSignalSpy stored(analysis.get(), &AnalysisService::analysisStored);
        analysis->analyze(alert);
        const AlertKey key = AlertKey::of(alert);
        QCOMPARE(analysis->run(key)->phase, Phase::Gathering);
        QVERIFY(analysis->run(key)->statusText().startsWith(u"Gathering"_s));
        QTRY_COMPARE(stored.size(), 1);

        // The request carried the alert, its metrics and its log lines.
        QCOMPARE(m_llm->requests.size(), 1);
        const HttpRequest &sent = m_llm->requests.first();
        QCOMPARE(sent.header("authorization"), "Bearer " + fakeKey.toUtf8());
        const QString message = userMessage(sent);
        QVERIFY(message.contains(u"\"name\": \"%1\""_s.arg(alert.name)));
        QVERIFY2(message.contains(u"### Metrics around the start"_s), qPrintable(message));
        QVERIFY(message.contains(u"### Log lines around the start"_s));
        QVERIFY(m_prometheus->requests.size() >= 1);
        QCOMPARE(std::count_if(m_loki->requests.cbegin(), m_loki->requests.cend(),
                               [](const HttpRequest &r) { return r.path == "/loki/api/v1/query_range"; }),
                 1); // after stream discovery's labels/series

        const AnalysisService::Run *run = analysis->run(key);
        QCOMPARE(run->phase, Phase::Done);
        QCOMPARE(run->outcome(), AnalysisOutcome::Finished);
        QVERIFY(grew.size() > 10);
        const StoredAnalysis saved = stored.first().at(0).value<StoredAnalysis>();
        QVERIFY(stored.first().at(1).toString().isEmpty());
        QVERIFY(saved.id > 0);
        QCOMPARE(saved.content, QString::fromUtf8(TestData::fixture(u"llm/deepseek-chat.expected.md"_s)));
        QCOMPARE(saved.model, u"deepseek-chat"_s);
        QCOMPARE(saved.promptHash, run->prompt.hash(u"deepseek-chat"_s));
        QCOMPARE(saved.occurrenceStartsAt, alert.startsAt);
        QVERIFY(saved.completionTokens > 0);
        QVERIFY(!saved.automatic);

        bool listed = false;
        m_store->fetchAnalyses(AlertKey::of(alert), this, [&](const QList<StoredAnalysis> &analyses) {
            listed = analyses.size() == 1 && analyses.first().id == saved.id;
        });
        QTRY_VERIFY(listed);
    }

    void theAnalysisKeepsTheEvidenceItSawAndItsHypotheses()
    {
        const QString answer = u"## Summary\nThe host is down [E1].\n\n```hypotheses\n"
                               "[{\"title\": \"Host lost power\", \"status\": \"likely\", \"confidence\": 0.7, "
                               "\"for\": [\"E1\"]}, {\"title\": \"Network\", \"status\": \"ruled_out\"}]\n```\n"_s;
        m_llm->route(llmPath, answering(answer));
        const Alert alert = storedAlert();
        auto analysis = service();
        QSignalSpy stored(analysis.get(), &AnalysisService::analysisStored);
        analysis->analyze(alert);
        QTRY_COMPARE(stored.size(), 1);
        const StoredAnalysis saved = stored.first().at(0).value<StoredAnalysis>();
        QCOMPARE(saved.content, answer);

        // The evidence the request listed, frozen: metric and log items with their ids.
        const AnalysisService::Run *run = analysis->run(AlertKey::of(alert));
        QVERIFY(run->prompt.evidence.size() > 5);
        QVERIFY(userMessage(m_llm->requests.first()).contains(u"\nE1 alert name: \"%1\""_s.arg(alert.name)));
        QCOMPARE(saved.evidence, run->prompt.evidence.toJson());
        const Result<EvidenceSet> evidence = EvidenceSet::fromJson(saved.evidence);
        QVERIFY_OK(evidence);
        QCOMPARE(*evidence, run->prompt.evidence);
        QVERIFY(std::any_of(evidence->items().cbegin(), evidence->items().cend(),
                            [](const EvidenceItem &item) { return item.kind == EvidenceKind::MetricSeries; }));
        QVERIFY(std::any_of(evidence->items().cbegin(), evidence->items().cend(),
                            [](const EvidenceItem &item) { return item.kind == EvidenceKind::LogGroup; }));

        const Result<QList<Hypothesis>> hypotheses = Hypotheses::fromJson(saved.hypotheses);
        QVERIFY_OK(hypotheses);
        QCOMPARE(hypotheses->size(), 2);
        QCOMPARE(hypotheses->at(0).title, u"Host lost power"_s);
        QCOMPARE(hypotheses->at(1).status, HypothesisStatus::RuledOut);

        // And so it reads back from the store.
        QList<StoredAnalysis> listed;
        m_store->fetchAnalyses(AlertKey::of(alert), this,
                               [&listed](const QList<StoredAnalysis> &analyses) { listed = analyses; });
        QTRY_COMPARE(listed.size(), 1);
        QCOMPARE(listed.first().evidence, saved.evidence);
        QCOMPARE(listed.first().hypotheses, saved.hypotheses);
    }

    void earlierIncidentsWithNotesGoIntoThePromptAsPriorEvidence()
    {
        PriorHistory history(m_store.get(), PriorHistory::Answer::Report);
        SeenBefore::Match unnoted = notedMatch();
        unnoted.note = {};
        history.report.matches = {notedMatch(), unnoted};
        m_llm->route(llmPath, answering(u"Last time the consumer was restarted [P1]."_s));
        AnalysisService analysis(m_context.get(), &history, m_secrets.get());
        analysis.setSettings(settings());
        QSignalSpy stored(&analysis, &AnalysisService::analysisStored);
        const Alert alert = alertNamed(u"with-priors"_s);
        analysis.analyze(alert);
        QTRY_COMPARE(stored.size(), 1);

        QCOMPARE(history.asked.size(), 1);
        QCOMPARE(history.asked.first().size(), 1);
        QCOMPARE(history.asked.first().first().fingerprint, alert.fingerprint);
        const HttpRequest &sent = m_llm->requests.first();
        const QString message = userMessage(sent);
        QVERIFY2(message.contains(u"\nP1 earlier incident \"HostDown\""_s), qPrintable(message));
        QVERIFY(message.contains(u"noted cause \"the consumer was wedged on a poison message\""_s));
        QVERIFY(!message.contains(u"\nP2 "_s)); // the match without a note or analysis
        const QJsonArray messages = QJsonDocument::fromJson(sent.body).object().value(u"messages"_s).toArray();
        QVERIFY(messages.at(0).toObject().value(u"content"_s).toString().contains(AnalysisPrompt::priorInstructions()));

        // The run and the stored analysis keep it, and the answer's [P1] is valid.
        const AnalysisService::Run *run = analysis.run(AlertKey::of(alert));
        QCOMPARE(run->evidence.find(u"P1")->kind, EvidenceKind::PriorIncident);
        const Result<EvidenceSet> saved = EvidenceSet::fromJson(stored.first().at(0).value<StoredAnalysis>().evidence);
        QVERIFY_OK(saved);
        QCOMPARE(*saved, run->evidence);
    }

    void aHistoryThatNeverAnswersDoesNotHoldTheAnalysis()
    {
        PriorHistory history(m_store.get(), PriorHistory::Answer::Never);
        m_llm->route(llmPath, streamed());
        AnalysisService analysis(m_context.get(), &history, m_secrets.get());
        AnalysisService::Settings s = settings();
        s.seenBeforeWait = 300ms;
        analysis.setSettings(s);
        QSignalSpy finished(&analysis, &AnalysisService::runFinished);
        const Alert alert = alertNamed(u"history-silent"_s);
        analysis.analyze(alert);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(history.asked.size(), 1);
        QCOMPARE(analysis.run(AlertKey::of(alert))->outcome(), AnalysisOutcome::Finished);
        QVERIFY(!hasPriors(analysis.run(AlertKey::of(alert))->evidence));
        QVERIFY(!userMessage(m_llm->requests.first()).contains(u"Earlier incidents"_s));
    }

    void aStoreWithoutHistoryOrWithAProblemGivesNoPriors()
    {
        for (const bool problem : {false, true}) {
            PriorHistory history(m_store.get(), problem ? PriorHistory::Answer::Report : PriorHistory::Answer::Default);
            history.report.matches = {notedMatch()};
            history.report.problem = u"The store is busy."_s;
            m_llm->requests.clear();
            m_llm->route(llmPath, streamed());
            AnalysisService analysis(m_context.get(), &history, m_secrets.get());
            analysis.setSettings(settings());
            QSignalSpy finished(&analysis, &AnalysisService::runFinished);
            const Alert alert = alertNamed(u"no-history"_s);
            analysis.analyze(alert);
            QTRY_COMPARE(finished.size(), 1);
            QCOMPARE(history.asked.size(), 1);
            QVERIFY(!hasPriors(analysis.run(AlertKey::of(alert))->evidence));
            QVERIFY(!userMessage(m_llm->requests.first()).contains(u"earlier incident"_s));
        }
    }

    void withoutAKeyNothingIsSentAsOne()
    {
        auto analysis = service();
        const Alert alert = alertNamed(u"no-key"_s);
        analyzeRefusedWithoutAKey(*analysis, alert);
        QVERIFY(m_llm->requests.first().header("authorization").isEmpty());
        const AnalysisService::Run *run = analysis->run(AlertKey::of(alert));
        QCOMPARE(run->outcome(), AnalysisOutcome::Failed);
        QCOMPARE(run->statusText(),
                 u"Failed: The provider wants an API key and none is set: add it in Settings → AI analysis."_s);
    }

    // The hint comes from the failure's status, not its words: the Chinese message for
    // a 401 has full-width parentheses, "（HTTP 401）".
    void withoutAKeyTheHintShowsInChineseToo()
    {
        const QLocale locale;
        const auto restore = qScopeGuard([locale] {
            for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
                QCoreApplication::removeTranslator(translator);
                translator->deleteLater();
            }
            QLocale::setDefault(locale);
        });
        QCOMPARE(Translations::install(*qApp, u"zh_CN"_s), u"zh_CN"_s);

        auto analysis = service();
        const Alert alert = alertNamed(u"no-key-zh"_s);
        analyzeRefusedWithoutAKey(*analysis, alert);
        const AnalysisService::Run *run = analysis->run(AlertKey::of(alert));
        QCOMPARE(run->outcome(), AnalysisOutcome::Failed);
        QCOMPARE(run->statusText(), u"失败：该服务商需要 API 密钥，但尚未设置：请在“设置 → AI 分析”中添加。"_s);
    }

    void noProviderIsSaid()
    {
        auto analysis = service();
        AnalysisService::Settings s = settings();
        s.request.baseUrl = QUrl();
        analysis->setSettings(s);
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        QSignalSpy stored(analysis.get(), &AnalysisService::analysisStored);
        const Alert alert = alertNamed(u"no-provider"_s);
        analysis->analyze(alert);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(analysis->run(AlertKey::of(alert))->statusText().contains(u"No AI provider is set up"_s));
        QVERIFY(m_llm->requests.isEmpty());
        // Nothing worth keeping: a failure without text is not stored.
        QCOMPARE(stored.size(), 0);
    }

    // A remote provider without a key: the run fails at once, says the key is missing,
    // offers Settings, and nothing leaves the machine (a local stand-in for a proxy
    // would see any request to the provider's host).
    void aRemoteProviderWithoutAKeyGetsNothing()
    {
        m_llm->acceptProxyRequests();
        m_llm->route(llmPath, streamed());
        const QNetworkProxy previous = QNetworkProxy::applicationProxy();
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, m_llm->port()));
        const auto restore = qScopeGuard([previous] { QNetworkProxy::setApplicationProxy(previous); });
        auto analysis = service();
        AnalysisService::Settings s = settings();
        s.request.baseUrl = QUrl(u"http://api.deepseek.com"_s);
        analysis->setSettings(s);
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        const Alert alert = alertNamed(u"remote-no-key"_s);
        analysis->analyze(alert);
        QTRY_COMPARE(finished.size(), 1);
        const AnalysisService::Run *run = analysis->run(AlertKey::of(alert));
        QCOMPARE(run->outcome(), AnalysisOutcome::Failed);
        QVERIFY(!run->completion);
        QVERIFY(run->needsSettings());
        QCOMPARE(run->statusText(),
                 u"Failed: No API key is set for api.deepseek.com: add it in Settings → AI "
                 "analysis. Nothing was sent."_s);
        QVERIFY(m_llm->requests.isEmpty());

        // With a key it is sent (to the stand-in).
        setKey(u"sk-remote-1"_s);
        analysis->analyze(alert);
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(analysis->run(AlertKey::of(alert))->outcome(), AnalysisOutcome::Finished);
        QCOMPARE(m_llm->requests.size(), 1);
        QCOMPARE(m_llm->requests.first().header("host"), "api.deepseek.com");
        QVERIFY(!analysis->run(AlertKey::of(alert))->needsSettings());
    }

    // Local servers (here on loopback) need no key: the request goes out without one.
    void aLocalProviderWithoutAKeyIsAsked()
    {
        m_llm->route(llmPath, streamed());
        auto analysis = service();
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        const Alert alert = alertNamed(u"local-no-key"_s);
        analysis->analyze(alert);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(analysis->run(AlertKey::of(alert))->outcome(), AnalysisOutcome::Finished);
        QCOMPARE(m_llm->requests.size(), 1);
        QVERIFY(m_llm->requests.first().header("authorization").isEmpty());
    }

    // A model the provider refuses: the run names the current ids and offers Settings.
    void aRefusedModelNamesTheCurrentOnes()
    {
        m_llm->route(llmPath, {400, R"({"error":{"message":"Model Not Exist","type":"invalid_request_error"}})"});
        auto analysis = service();
        AnalysisService::Settings s = settings();
        s.request.model = u"deepseek-reasoner"_s;
        s.request.knownModels = {u"deepseek-flash"_s, u"deepseek-v4-pro"_s};
        analysis->setSettings(s);
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        const Alert alert = alertNamed(u"retired-model"_s);
        analysis->analyze(alert);
        QTRY_COMPARE(finished.size(), 1);
        const AnalysisService::Run *run = analysis->run(AlertKey::of(alert));
        QVERIFY(run->needsSettings());
        QVERIFY2(run->statusText().contains(u"Current models: deepseek-flash, deepseek-v4-pro"_s),
                 qPrintable(run->statusText()));
    }

    void runsGoOnWhenTheSelectionMoves()
    {
        m_llm->route(llmPath, streamed(15ms));
        auto analysis = service();
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        const Alert first = alertNamed(u"first"_s);
        const Alert second = alertNamed(u"second"_s);
        analysis->analyze(first);
        analysis->analyze(second);
        QTRY_COMPARE(analysis->runningKeys().size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20'000);
        for (const Alert &alert : {first, second})
            QCOMPARE(analysis->run(AlertKey::of(alert))->completion->stream().content(),
                     QString::fromUtf8(TestData::fixture(u"llm/deepseek-chat.expected.md"_s)));
    }

    void analysingAgainStopsTheRunningOne()
    {
        m_llm->route(llmPath, streamed(10ms, 30));
        auto analysis = service();
        QSignalSpy grew(analysis.get(), &AnalysisService::runGrew);
        QSignalSpy stored(analysis.get(), &AnalysisService::analysisStored);
        const Alert alert = alertNamed(u"again"_s);
        analysis->analyze(alert);
        QTRY_VERIFY(grew.size() >= 2);
        analysis->analyze(alert);
        QTRY_COMPARE(stored.size(), 1);
        QCOMPARE(stored.first().at(0).value<StoredAnalysis>().outcome, AnalysisOutcome::Stopped);
        const AnalysisService::Run *run = analysis->run(AlertKey::of(alert));
        QVERIFY(run->isRunning());
        analysis->stop(run->key);
        QCOMPARE(run->outcome(), AnalysisOutcome::Stopped);
        QVERIFY(!run->isRunning());
    }

    void slowContextIsNotWaitedForForever()
    {
        FakeHttpServer::Response silent;
        silent.neverAnswer = true;
        m_loki->route("/loki/api/v1/query_range", silent);
        m_llm->route(llmPath, streamed());
        auto analysis = service();
        AnalysisService::Settings s = settings();
        s.contextWait = 300ms;
        analysis->setSettings(s);
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        analysis->analyze(alertNamed(u"slow-loki"_s));
        QTRY_COMPARE(finished.size(), 1);
        const QString message = userMessage(m_llm->requests.first());
        QVERIFY2(message.contains(u"The log lines did not arrive in time."_s), qPrintable(message));
        QVERIFY(message.contains(u"### Metrics around the start"_s));
    }

    void stoppingWhileGatheringSendsNothing()
    {
        FakeHttpServer::Response silent;
        silent.neverAnswer = true;
        m_loki->route("/loki/api/v1/query_range", silent);
        auto analysis = service();
        const Alert alert = alertNamed(u"stop-early"_s);
        analysis->analyze(alert);
        QTRY_COMPARE(std::count_if(m_loki->requests.cbegin(), m_loki->requests.cend(),
                                   [](const HttpRequest &r) { return r.path == "/loki/api/v1/query_range"; }),
                     1); // the lines asked for
        analysis->stop(AlertKey::of(alert));
        const AnalysisService::Run *run = analysis->run(AlertKey::of(alert));
        QCOMPARE(run->phase, Phase::Done);
        QCOMPARE(run->statusText(), u"Stopped before the request was sent."_s);
        QCOMPARE(run->outcome(), AnalysisOutcome::Stopped); // stopped, not failed: the user asked for it
        // Marker: anything queued by the stop has run by now.
        bool marker = false;
        QTimer::singleShot(50, this, [&marker] { marker = true; });
        QTRY_VERIFY(marker);
        QVERIFY(m_llm->requests.isEmpty());
    }

    void thePromptIsBuiltOffTheCallingThread()
    {
        m_llm->route(llmPath, streamed());
        auto analysis = service();
        std::atomic<QThread *> builtOn = nullptr;
        QSemaphore entered;
        QSemaphore release;
        analysis->setPromptHook([&] {
            builtOn = QThread::currentThread();
            entered.release();
            release.tryAcquire(1, 20'000); // bounded: a broken test fails instead of hanging
        });
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        const Alert alert = alertNamed(u"off-thread"_s);
        analysis->analyze(alert);
        // Held while its prompt is built: this thread goes on (the wait is an event loop).
        QVERIFY(QTest::qWaitFor([&] { return entered.tryAcquire(); }, 20'000));
        QVERIFY(builtOn.load() && builtOn.load() != QThread::currentThread());
        QCOMPARE(analysis->run(AlertKey::of(alert))->phase, Phase::Gathering);
        QVERIFY(m_llm->requests.isEmpty());
        release.release();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(analysis->run(AlertKey::of(alert))->outcome(), AnalysisOutcome::Finished);
        QVERIFY(userMessage(m_llm->requests.first()).contains(u"\"name\": \"HostDown\""_s));
    }

    void aPromptBuiltForAStoppedRunIsNotSent()
    {
        m_llm->route(llmPath, streamed());
        auto analysis = service();
        std::atomic<int> builds = 0;
        QSemaphore entered;
        QSemaphore release;
        analysis->setPromptHook([&] {
            if (builds++ == 0) {
                entered.release();
                release.tryAcquire(1, 20'000);
            }
        });
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        const Alert alert = alertNamed(u"stopped-while-built"_s);
        const AlertKey key = AlertKey::of(alert);
        analysis->analyze(alert);
        QVERIFY(QTest::qWaitFor([&] { return entered.tryAcquire(); }, 20'000));
        analysis->stop(key);
        QCOMPARE(analysis->run(key)->outcome(), AnalysisOutcome::Stopped);
        QCOMPARE(finished.size(), 1);
        release.release();
        QThreadPool::globalInstance()->waitForDone(20'000);
        bool delivered = false;
        QTimer::singleShot(0, this, [&delivered] { delivered = true; });
        QTRY_VERIFY(delivered);
        QVERIFY(m_llm->requests.isEmpty());
        QCOMPARE(analysis->run(key)->phase, Phase::Done);

        // Analysed again while the first prompt is still being built: only the new run sends.
        builds = 0;
        analysis->analyze(alert);
        QVERIFY(QTest::qWaitFor([&] { return entered.tryAcquire(); }, 20'000));
        analysis->analyze(alert); // stops the first
        QTRY_COMPARE(finished.size(), 3);
        QCOMPARE(m_llm->requests.size(), 1);
        release.release();
        QThreadPool::globalInstance()->waitForDone(20'000);
        delivered = false;
        QTimer::singleShot(0, this, [&delivered] { delivered = true; });
        QTRY_VERIFY(delivered);
        QCOMPARE(m_llm->requests.size(), 1);
        QCOMPARE(analysis->run(key)->outcome(), AnalysisOutcome::Finished);
    }

    void autoRulesWithinTheHourlyLimit()
    {
        m_llm->route(llmPath, streamed());
        auto analysis = service();
        AnalysisService::Settings s = settings();
        s.autoRule = AlertFilter::parse(u"severity=\"critical\""_s).value();
        s.autoPerHour = 2;
        analysis->setSettings(s);
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        QSignalSpy limited(analysis.get(), &AnalysisService::autoAnalysisLimited);

        const Alert critical = alertNamed(u"auto-1"_s);
        const Alert warning = alertNamed(u"auto-warning"_s, Severity::Warning);
        analysis->handleAlertChanges({{critical, AlertMerge::Outcome::NewAlert},
                                      {warning, AlertMerge::Outcome::NewAlert},
                                      {critical, AlertMerge::Outcome::Updated}});
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(analysis->run(AlertKey::of(critical))->automatic);
        QVERIFY(!analysis->run(AlertKey::of(warning)));

        // The same occurrence again: not analysed twice.
        analysis->handleAlertChanges({{critical, AlertMerge::Outcome::Reopened}});
        Alert refired = critical;
        refired.startsAt = critical.startsAt.addSecs(300);
        analysis->handleAlertChanges({{refired, AlertMerge::Outcome::NewOccurrence}});
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(analysis->automaticRunsThisHour(), 2);

        // The limit holds the third back and says so.
        analysis->handleAlertChanges({{alertNamed(u"auto-3"_s), AlertMerge::Outcome::NewAlert}});
        QCOMPARE(limited.size(), 1);
        QCOMPARE(limited.first().at(0).value<Alert>().fingerprint, u"auto-3"_s);
        QCOMPARE(m_llm->requests.size(), 2);
    }

    void anIncidentIsAnalysedWithTheEvidenceOfAllItsAlerts()
    {
        setKey(fakeKey);
        m_llm->route(llmPath, streamed());
        auto analysis = service();
        const Alert primary = alertNamed(u"inc-primary"_s);
        IncidentSnapshot incident{OccurrenceKey::of(primary), {primary}, u"HostDown and 4 related"_s};
        const QStringList names{u"DiskFull"_s, u"HighLatency"_s, u"QueueBacklog"_s, u"CertExpiring"_s};
        for (qsizetype i = 0; i < names.size(); ++i) {
            Alert member = alertNamed(u"inc-member-%1"_s.arg(i), Severity::Warning);
            member.name = names.at(i);
            member.promQl = u"%1_metric > 1"_s.arg(names.at(i).toLower());
            incident.members << member;
        }
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        analysis->analyzeIncident(incident);
        QTRY_COMPARE(finished.size(), 1);

        const AnalysisService::Run *run = analysis->run(AlertKey::of(primary));
        QVERIFY(run);
        QCOMPARE(run->incidentAnchor, std::optional(incident.anchor));
        QCOMPARE(run->related.size(), 4);
        QCOMPARE(run->relatedTotal, 4);
        QCOMPARE(m_llm->requests.size(), 1);
        const QString message = userMessage(m_llm->requests.first());
        QVERIFY2(message.startsWith(u"Analyse this incident"_s), qPrintable(message.left(200)));
        for (const QString &name : names)
            QVERIFY2(message.contains(u"related alert \"%1\""_s.arg(name)), qPrintable(name));
        // The three worst others had their own metrics asked for; the fourth is listed only.
        for (const QString &name : names.mid(0, 3))
            QVERIFY2(message.contains(u"of related alert \"%1\": metric"_s.arg(name)), qPrintable(message));
        QVERIFY(!message.contains(u"of related alert \"CertExpiring\""_s));
        const auto asked = [this](const QString &expression) {
            return std::any_of(m_prometheus->requests.cbegin(), m_prometheus->requests.cend(),
                               [&](const HttpRequest &r) {
                                   return QUrl::fromPercentEncoding(r.target + r.body).contains(expression);
                               });
        };
        QVERIFY(asked(u"diskfull_metric"_s));
        QVERIFY(asked(u"queuebacklog_metric"_s));
        QVERIFY(!asked(u"certexpiring_metric"_s));
        int relatedItems = 0;
        for (const EvidenceItem &item : run->evidence.items())
            if (item.kind == EvidenceKind::RelatedAlert) {
                QCOMPARE(item.locator.alert, incident.members.at(++relatedItems).fingerprint);
            }
        QCOMPARE(relatedItems, 4);

        // A single alert's analysis of the same alert is a plain one again.
        analysis->analyze(primary);
        QVERIFY(!analysis->run(AlertKey::of(primary))->incidentAnchor);
        QTRY_COMPARE(finished.size(), 2);
    }

    void autoRulesTargetingIncidentsAnalyseEachIncidentOnce()
    {
        m_llm->route(llmPath, streamed());
        auto analysis = service();
        AnalysisService::Settings s = settings();
        s.autoRule = AlertFilter::parse(u"severity=\"critical\""_s).value();
        s.autoTarget = RuleTarget::Incident;
        s.incidentSettle = 0ms;
        s.autoPerHour = 2;
        analysis->setSettings(s);
        const Alert a1 = alertNamed(u"a1"_s), a2 = alertNamed(u"a2"_s), a3 = alertNamed(u"a3"_s, Severity::Warning);
        const Alert b1 = alertNamed(u"b1"_s), c1 = alertNamed(u"c1"_s);
        QHash<QString, IncidentSnapshot> incidents;
        const auto put = [&incidents](const QList<Alert> &members) {
            const IncidentSnapshot snapshot{OccurrenceKey::of(members.first()), members, members.first().name};
            for (const Alert &member : members)
                incidents.insert(member.fingerprint, snapshot);
        };
        put({a1});
        put({b1});
        put({c1});
        analysis->setIncidentLookup([&incidents](const Alert &alert) -> std::optional<IncidentSnapshot> {
            if (!incidents.contains(alert.fingerprint))
                return std::nullopt;
            return incidents.value(alert.fingerprint);
        });
        QSignalSpy finished(analysis.get(), &AnalysisService::runFinished);
        QSignalSpy limited(analysis.get(), &AnalysisService::autoAnalysisLimited);

        // The storm's first alert starts the wait; the others join before it ends.
        analysis->handleAlertChanges({{a1, AlertMerge::Outcome::NewAlert}});
        put({a1, a2, a3});
        analysis->handleAlertChanges({{a2, AlertMerge::Outcome::NewAlert}, {a3, AlertMerge::Outcome::NewAlert}});
        QTRY_COMPARE(finished.size(), 1);
        const AnalysisService::Run *run = analysis->run(AlertKey::of(a1));
        QVERIFY(run && run->automatic);
        QCOMPARE(run->incidentAnchor, std::optional(OccurrenceKey::of(a1)));
        QCOMPARE(run->related.size(), 2); // a2 and a3, listed in one analysis
        QVERIFY(!analysis->run(AlertKey::of(a2)));

        // Another incident gets its own; a third is over the hourly limit (one per incident).
        analysis->handleAlertChanges({{a2, AlertMerge::Outcome::Reopened}, {b1, AlertMerge::Outcome::NewAlert}});
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(analysis->automaticRunsThisHour(), 2);
        analysis->handleAlertChanges({{c1, AlertMerge::Outcome::NewAlert}});
        QCOMPARE(limited.size(), 1);
        QCOMPARE(m_llm->requests.size(), 2);
        QVERIFY(!analysis->run(AlertKey::of(c1)));
    }

    void settingsAsSaved()
    {
        AppSettings saved(m_dir.filePath(u"settings.ini"_s));
        AnalysisService::Settings s = AnalysisSettings::load(saved, u"zh_CN"_s);
        QCOMPARE(s.request.baseUrl, QUrl(u"https://api.deepseek.com"_s));
        QCOMPARE(s.request.model, u"deepseek-flash"_s); // DeepSeek's current fast model
        QCOMPARE(s.request.thinking, std::optional(ThinkingMode{true, u"high"_s}));
        QCOMPARE(s.request.knownModels, (QStringList{u"deepseek-flash"_s, u"deepseek-v4-pro"_s}));
        QCOMPARE(s.request.timeout, std::chrono::milliseconds(120'000));
        QCOMPARE(s.prompt.language, u"zh_CN"_s); // "auto" follows the UI
        QCOMPARE(s.prompt.contextTokens, 12000);
        QVERIFY(!s.prompt.redaction.isActive());
        QVERIFY(!s.autoRule);
        QCOMPARE(s.autoPerHour, 10);
        QVERIFY(s.tools.enabled); // the model may query metrics and logs
        QCOMPARE(s.tools.maxCallsPerRun, 8);

        saved.setValue(Settings::providerBaseUrl, u"http://localhost:11434/v1"_s);
        saved.setValue(Settings::providerModel, u"qwen2.5:7b"_s);
        saved.setValue(Settings::analysisLanguage, u"en"_s);
        saved.setValue(Settings::autoAnalysisMatchers, u"severity=\"critical\""_s);
        saved.setValue(Settings::autoAnalysisPerHour, 3);
        saved.setValue(Settings::redactIpAddresses, true);
        saved.setValue(Settings::redactHostPatterns, QStringList{u"db-\\d+"_s});
        s = AnalysisSettings::load(saved, u"zh_CN"_s);
        QCOMPARE(s.request.baseUrl, QUrl(u"http://localhost:11434/v1"_s));
        QCOMPARE(s.request.model, u"qwen2.5:7b"_s);
        QVERIFY(s.request.knownModels.isEmpty()); // nothing fetched, nothing guessed
        QCOMPARE(s.prompt.language, u"en"_s);
        QVERIFY(s.autoRule && s.autoRule->matches(alertNamed(u"x"_s)));
        QVERIFY(!s.autoRule->matches(alertNamed(u"y"_s, Severity::Warning)));
        QCOMPARE(s.autoPerHour, 3);
        QCOMPARE(s.prompt.redaction.apply(u"db-12 at 10.1.2.3"_s), u"<host> at <ip>"_s);

        saved.setValue(Settings::analysisTools, false);
        saved.setValue(Settings::analysisMaxToolCalls, 3);
        s = AnalysisSettings::load(saved, u"en"_s);
        QVERIFY(!s.tools.enabled);
        QCOMPARE(s.tools.maxCallsPerRun, 3);
        saved.setValue(Settings::analysisMaxToolCalls, 500); // edited by hand: kept within 1–20
        QCOMPARE(AnalysisSettings::load(saved, u"en"_s).tools.maxCallsPerRun, 20);
        saved.setValue(Settings::analysisMaxToolCalls, 0);
        QCOMPARE(AnalysisSettings::load(saved, u"en"_s).tools.maxCallsPerRun, 1);
    }

    void autoAnalysisIsNotRepeatedAfterARestart()
    {
        m_llm->route(llmPath, streamed());
        const Alert alert = storedAlert();
        AnalysisService::Settings s = settings();
        s.autoRule = AlertFilter::parse(alert.name).value();
        {
            auto analysis = service();
            analysis->setSettings(s);
            QSignalSpy stored(analysis.get(), &AnalysisService::analysisStored);
            analysis->handleAlertChanges({{alert, AlertMerge::Outcome::NewAlert}});
            QTRY_COMPARE(stored.size(), 1);
            QVERIFY(stored.first().at(0).value<StoredAnalysis>().automatic);
        }
        auto restarted = service();
        restarted->setSettings(s);
        QSignalSpy changed(restarted.get(), &AnalysisService::runChanged);
        restarted->handleAlertChanges({{alert, AlertMerge::Outcome::Reopened}});
        bool checked = false;
        // The store answers in order: once this answer is back, the check has been made.
        m_store->fetchAnalyses(AlertKey::of(alert), this, [&checked](auto) { checked = true; });
        QTRY_VERIFY(checked);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_llm->requests.size(), 1);
    }
};

QTEST_MAIN(TestAnalysisService)
#include "tst_analysisservice.moc"
