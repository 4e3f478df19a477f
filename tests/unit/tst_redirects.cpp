// Credentials never follow a redirect to another origin. Two fake servers on two
// loopback ports are two origins (scheme, host and port): the first answers with a
// redirect to the second, which must never see a request, and the failure must say
// where the server pointed. Within one origin, redirects keep working.

#include "FakeHttpServer.h"
#include "alertmanager/AlertmanagerApi.h"
#include "analysis/ChatCompletion.h"
#include "context/ContextClient.h"
#include "forward/ChatSender.h"
#include "net/ConnectionCheck.h"
#include "net/OutboundRequest.h"
#include "replay/ReplayHttpTarget.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString apiKey = u"sk-redirect-test-4242"_s;
const QByteArray secretQuery = "token=leak-me-9911";

// Waits for a callback's value without sleeping.
template<typename T, typename Start> std::optional<T> waitFor(Start start)
{
    std::optional<T> result;
    start([&result](const T &value) { result = value; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20'000))
        return std::nullopt;
    return result;
}

} // namespace

// Fails the test (and returns from it) unless problemWith() finds nothing wrong.
#define VERIFY_REFUSED(...)                                                                                            \
    do {                                                                                                               \
        const QString problem = problemWith(__VA_ARGS__);                                                              \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                                              \
    } while (false)

class TestRedirects : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeHttpServer> m_origin; // the configured server
    std::unique_ptr<FakeHttpServer> m_elsewhere; // where it redirects: another port, another origin

    // `path` on the configured server redirects (with `status`) to the same path on the
    // other server, with a query that must never appear in a message.
    // The configured server (below `path`) with Basic credentials: ops and `password`.
    ConnectionCheckRequest basicEndpoint(const QString &password, const QString &path = {}) const
    {
        ConnectionCheckRequest endpoint;
        endpoint.url = QUrl(m_origin->url().toString() + path);
        endpoint.user = u"ops"_s;
        endpoint.password = password;
        return endpoint;
    }

    // A chat completion to the origin's /v1, with the key.
    CompletionRequest completionTo(const QString &question) const
    {
        CompletionRequest request;
        request.baseUrl = QUrl(m_origin->url().toString() + u"/v1"_s);
        request.apiKey = apiKey;
        request.model = u"deepseek-flash"_s;
        request.messages = {{u"user"_s, question}};
        return request;
    }

    void redirectAway(const QByteArray &path, int status)
    {
        QUrl target = m_elsewhere->url();
        target.setPath(QString::fromLatin1(path));
        target.setQuery(QString::fromLatin1(secretQuery));
        m_origin->route(path, FakeHttpServer::redirect(status, target));
    }

    QString elsewhereOrigin() const { return u"http://127.0.0.1:%1"_s.arg(m_elsewhere->port()); }

    // Empty when nothing reached the other server and `message` says where the redirect
    // pointed (its origin only) and why it was not followed; else what is wrong.
    QString problemWith(const QString &message, const QString &reason = u"credentials"_s) const
    {
        if (!m_elsewhere->requests.isEmpty()) {
            const HttpRequest &request = m_elsewhere->requests.first();
            return u"the other origin was sent %1 %2 with authorization \"%3\""_s.arg(
                QString::fromLatin1(request.method), QString::fromLatin1(request.target),
                QString::fromLatin1(request.header("authorization")));
        }
        if (m_origin->requests.isEmpty())
            return u"the configured server was never asked"_s;
        const bool says = message.contains(elsewhereOrigin()) && message.contains(u"different origin"_s)
            && message.contains(u"does not send "_s) && message.contains(reason);
        const bool leaks = message.contains(QString::fromLatin1(secretQuery)) || message.contains(apiKey);
        return says && !leaks ? QString() : u"unexpected message: "_s + message;
    }

    static void addStatuses()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("302") << 302;
        QTest::newRow("307") << 307;
        QTest::newRow("308") << 308;
    }

private slots:
    void init()
    {
        m_origin = std::make_unique<FakeHttpServer>();
        m_elsewhere = std::make_unique<FakeHttpServer>();
        QVERIFY(m_origin->listen());
        QVERIFY(m_elsewhere->listen());
        QVERIFY(m_origin->port() != m_elsewhere->port());
    }

    void originNamesSchemeHostAndPortOnly()
    {
        QCOMPARE(OutboundRequest::origin(QUrl(u"https://user:pw@api.example.org/v1/x?key=1#f"_s)),
                 u"https://api.example.org:443"_s);
        QCOMPARE(OutboundRequest::origin(QUrl(u"http://127.0.0.1:9090/api"_s)), u"http://127.0.0.1:9090"_s);
        QCOMPARE(OutboundRequest::origin(QUrl(u"http://[::1]/"_s)), u"http://[::1]:80"_s);
    }

    void chatCompletionKeepsTheApiKey_data() { addStatuses(); }
    void chatCompletionKeepsTheApiKey()
    {
        QFETCH(int, status);
        redirectAway("/v1/chat/completions", status);
        QNetworkAccessManager network;
        ChatCompletion completion(&network);
        QSignalSpy finished(&completion, &ChatCompletion::finished);
        completion.start(completionTo(u"Why is it firing?"_s), RetryPolicy{3, 10ms, 100ms});
        QVERIFY(finished.wait(20'000));
        QCOMPARE(completion.state(), ChatCompletion::State::Failed);
        VERIFY_REFUSED(completion.error());
        QCOMPARE(m_origin->requests.size(), 1); // not retried: it would end the same way
        QCOMPARE(m_origin->requests.first().header("authorization"), "Bearer " + apiKey.toUtf8());
    }

    void contextClientKeepsBasicCredentials_data() { addStatuses(); }
    void contextClientKeepsBasicCredentials()
    {
        QFETCH(int, status);
        redirectAway("/api/v1/query_range", status);
        redirectAway("/loki/api/v1/query_range", status);
        ContextClient client;
        ConnectionCheckRequest endpoint = basicEndpoint(u"prom-password-77"_s);
        const QDateTime start = QDateTime::fromSecsSinceEpoch(1795319700, Qt::UTC);
        const ContextPlan::Window window{start, start.addSecs(600), 5};

        const auto metrics
            = waitFor<MetricResult>([&](auto done) { client.queryMetrics(endpoint, u"up"_s, window, this, done); });
        QVERIFY(metrics);
        QVERIFY(!metrics->ok);
        VERIFY_REFUSED(metrics->error);

        endpoint.password = u"loki-password-88"_s;
        endpoint.headers = {{"X-Scope-OrgID", "tenant-1"}};
        const auto logs = waitFor<LogResult>(
            [&](auto done) { client.queryLogs(endpoint, u"{job=\"node\"}"_s, window, 100, this, done); });
        QVERIFY(logs);
        QVERIFY(!logs->ok);
        VERIFY_REFUSED(logs->error);
        QCOMPARE(m_origin->requests.size(), 2);
    }

    void replayTargetKeepsTheToken_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("authorization");
        for (int status : {302, 307, 308}) {
            QTest::addRow("token %d", status) << status << QByteArray("Bearer replay-token-5566");
            QTest::addRow("basic %d", status) << status << ("Basic " + QByteArray("ops:replay-pw").toBase64());
        }
    }
    void replayTargetKeepsTheToken()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, authorization);
        redirectAway("/webhook/alertmanager", status);
        ReplayHttpTarget target({m_origin->url(), authorization, 10'000ms});
        ReplayItem item;
        item.path = u"/webhook/alertmanager"_s;
        item.body = R"({"version":"4","alerts":[]})";
        const auto outcome = waitFor<ReplayOutcome>([&](auto done) { target.deliver(item, done); });
        QVERIFY(outcome);
        QVERIFY(!outcome->ok);
        VERIFY_REFUSED(outcome->message);
        QCOMPARE(m_origin->requests.first().header("authorization"), authorization);
    }

    void alertmanagerClientKeepsBasicCredentials_data() { addStatuses(); }
    void alertmanagerClientKeepsBasicCredentials()
    {
        QFETCH(int, status);
        redirectAway("/api/v2/alerts", status);
        redirectAway("/api/v2/silences", status);
        redirectAway("/api/v2/silence/abc", status);
        AlertmanagerClient client;
        const ConnectionCheckRequest endpoint = basicEndpoint(u"am-password-99"_s);

        const auto alerts
            = waitFor<AlertmanagerApi::AlertsResult>([&](auto done) { client.fetchAlerts(endpoint, this, done); });
        QVERIFY(alerts);
        VERIFY_REFUSED(alerts->error);

        Silence silence;
        silence.matchers = {{u"alertname"_s, u"DiskFull"_s}};
        silence.startsAt = QDateTime::currentDateTimeUtc();
        silence.endsAt = silence.startsAt.addSecs(3600);
        silence.createdBy = u"test"_s;
        silence.comment = u"redirect"_s;
        const auto saved = waitFor<QString>([&](auto done) {
            client.saveSilence(endpoint, silence, this, [done](const QString &, const QString &error) { done(error); });
        });
        QVERIFY(saved);
        VERIFY_REFUSED(*saved);

        const auto expired = waitFor<QString>([&](auto done) { client.expireSilence(endpoint, u"abc"_s, this, done); });
        QVERIFY(expired);
        VERIFY_REFUSED(*expired);
        QCOMPARE(m_origin->requests.size(), 3);
    }

    void connectionCheckKeepsCredentials_data() { addStatuses(); }
    void connectionCheckKeepsCredentials()
    {
        QFETCH(int, status);
        redirectAway("/api/v1/status/buildinfo", status);
        redirectAway("/v1/models", status);
        ConnectionChecker checker;
        const ConnectionCheckRequest request = basicEndpoint(u"check-password-11"_s);
        auto result = waitFor<ConnectionCheckResult>([&](auto done) { checker.checkPrometheus(request, this, done); });
        QVERIFY(result);
        QVERIFY(!result->ok);
        QCOMPARE(result->httpStatus, 0); // the 3xx was not an answer
        VERIFY_REFUSED(result->summary);

        ConnectionCheckRequest provider;
        provider.url = QUrl(m_origin->url().toString() + u"/v1"_s);
        provider.bearerToken = apiKey;
        result = waitFor<ConnectionCheckResult>(
            [&](auto done) { checker.checkProvider(provider, u"deepseek-flash"_s, this, done); });
        QVERIFY(result);
        QVERIFY(!result->ok);
        VERIFY_REFUSED(result->summary);
    }

    // The webhook URL is the secret and the body is the message: neither goes elsewhere.
    void chatWebhookIsNotResentElsewhere_data() { addStatuses(); }
    void chatWebhookIsNotResentElsewhere()
    {
        QFETCH(int, status);
        redirectAway("/services/T000/B000/webhook-secret-3344", status);
        ChatSender sender;
        ChatRequest request;
        request.url = QUrl(m_origin->url().toString() + u"/services/T000/B000/webhook-secret-3344"_s);
        request.body = R"({"text":"DiskFull on db-1"})";
        const auto result
            = waitFor<ChatResult>([&](auto done) { sender.send(ChatDestination::Type::Slack, request, this, done); });
        QVERIFY(result);
        QVERIFY(!result->ok);
        QVERIFY(!result->retryable);
        VERIFY_REFUSED(result->message, u"the message"_s);
        QVERIFY2(!result->message.contains(u"webhook-secret-3344"_s), qPrintable(result->message));
    }

    // A redirect within the origin keeps working, credentials included.
    void sameOriginRedirectsAreFollowed()
    {
        m_origin->route("/old/api/v1/status/buildinfo",
                        FakeHttpServer::redirect(308, QUrl(u"/new/api/v1/status/buildinfo"_s)));
        m_origin->route("/new/api/v1/status/buildinfo", {200, R"({"status":"success","data":{"version":"2.53.0"}})"});
        ConnectionChecker checker;
        const ConnectionCheckRequest request = basicEndpoint(u"pw"_s, u"/old"_s);
        const auto result
            = waitFor<ConnectionCheckResult>([&](auto done) { checker.checkPrometheus(request, this, done); });
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->summary));
        QCOMPARE(m_origin->requests.size(), 2);
        QCOMPARE(m_origin->requests.last().header("authorization"), m_origin->requests.first().header("authorization"));

        // A POST with a 307 keeps its body and key (the chat completion).
        QUrl moved = m_origin->url();
        moved.setPath(u"/v2/chat/completions"_s);
        m_origin->route("/v1/chat/completions", FakeHttpServer::redirect(307, moved));
        FakeHttpServer::Response answer;
        answer.contentType = "text/event-stream";
        answer.chunks = {R"(data: {"choices":[{"delta":{"content":"It is the disk."},"finish_reason":"stop"}]})"
                         "\n\n",
                         "data: [DONE]\n\n"};
        m_origin->route("/v2/chat/completions", answer);
        QNetworkAccessManager network;
        ChatCompletion completion(&network);
        QSignalSpy finished(&completion, &ChatCompletion::finished);
        completion.start(completionTo(u"Why?"_s), RetryPolicy{1, 10ms, 100ms});
        QVERIFY(finished.wait(20'000));
        QCOMPARE(completion.state(), ChatCompletion::State::Finished);
        QCOMPARE(completion.stream().content(), u"It is the disk."_s);
        const HttpRequest &followed = m_origin->requests.last();
        QCOMPARE(followed.path, QByteArray("/v2/chat/completions"));
        QCOMPARE(followed.header("authorization"), "Bearer " + apiKey.toUtf8());
        QCOMPARE(followed.body, m_origin->requests.at(m_origin->requests.size() - 2).body);
        QVERIFY(m_elsewhere->requests.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRedirects)
#include "tst_redirects.moc"
