#include "FakeHttpServer.h"
#include "TestData.h"
#include "net/ConnectionCheck.h"

#include <QTcpServer>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

class TestConnectionCheck : public QObject
{
    Q_OBJECT

private:
    template<typename Start> ConnectionCheckResult run(Start start)
    {
        std::optional<ConnectionCheckResult> result;
        start([&result](const ConnectionCheckResult &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20'000))
            return {false, -1, u"no result"_s};
        return *result;
    }

private slots:
    void prometheusAnswers()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route("/prefix/api/v1/status/buildinfo",
                     {200, R"({"status":"success","data":{"version":"2.42.0","revision":"x"}})"});
        ConnectionChecker checker;
        ConnectionCheckRequest request;
        request.url = QUrl(server.url().toString() + u"/prefix/"_s);
        request.user = u"ops"_s;
        request.password = u"pw"_s;
        const ConnectionCheckResult result = run([&](auto done) { checker.checkPrometheus(request, this, done); });
        QVERIFY(result.ok);
        QCOMPARE(result.summary, u"Connected: Prometheus 2.42.0"_s);
        QCOMPARE(server.requests.constFirst().header("authorization"), "Basic " + QByteArray("ops:pw").toBase64());
    }

    void failuresSayExactlyWhat_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("summary");
        QTest::newRow("unauthorized") << 401 << QByteArray(R"({"status":"error","error":"bad token"})")
                                      << u"HTTP 401: the credentials were refused: bad token"_s;
        QTest::newRow("not found")
            << 404 << QByteArray("404 page not found")
            << u"HTTP 404: nothing there — check the URL (and any path prefix): 404 page not found"_s;
        QTest::newRow("server error") << 503
                                      << QByteArray(
                                             R"({"status":"error","errorType":"unavailable","error":"TSDB not ready"})")
                                      << u"HTTP 503: TSDB not ready"_s;
        QTest::newRow("not prometheus")
            << 200 << QByteArray("<html>Grafana</html>")
            << u"HTTP 200, but the answer is not Prometheus's API: is this the right URL?"_s;
    }

    void failuresSayExactlyWhat()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, summary);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route("/api/v1/status/buildinfo", {status, body});
        ConnectionChecker checker;
        const ConnectionCheckResult result
            = run([&](auto done) { checker.checkPrometheus({server.url()}, this, done); });
        QVERIFY(!result.ok);
        QCOMPARE(result.httpStatus, status);
        QCOMPARE(result.summary, summary);
    }

    void lokiSendsTheTenant()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route("/loki/api/v1/labels", {200, R"({"status":"success","data":["app","host","job"]})"});
        ConnectionChecker checker;
        ConnectionCheckRequest request{server.url()};
        request.headers.append(std::pair<QByteArray, QByteArray>("X-Scope-OrgID", "team-a"));
        const ConnectionCheckResult result = run([&](auto done) { checker.checkLoki(request, this, done); });
        QVERIFY(result.ok);
        QCOMPARE(result.summary, u"Connected: Loki answered with 3 label name(s)"_s);
        QCOMPARE(server.requests.constFirst().header("x-scope-orgid"), QByteArray("team-a"));
    }

    void alertmanagerVersionAndCluster()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(
            "/api/v2/status",
            {200, R"({"cluster":{"status":"ready","peers":[]},"versionInfo":{"version":"0.25.0"},"uptime":"x"})"});
        ConnectionChecker checker;
        const ConnectionCheckResult result
            = run([&](auto done) { checker.checkAlertmanager({server.url()}, this, done); });
        QVERIFY(result.ok);
        QCOMPARE(result.summary, u"Connected: Alertmanager 0.25.0 (cluster ready)"_s);
    }

    void providerKeyAndModel()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route("/v1/models",
                     {200, R"({"object":"list","data":[{"id":"deepseek-chat"},{"id":"deepseek-reasoner"}]})"});
        ConnectionChecker checker;
        ConnectionCheckRequest request{QUrl(server.url().toString() + u"/v1"_s)};
        request.bearerToken = u"sk-test"_s;
        ConnectionCheckResult result
            = run([&](auto done) { checker.checkProvider(request, u"deepseek-chat"_s, this, done); });
        QVERIFY(result.ok);
        QCOMPARE(result.summary, u"Connected: the key works; 2 model(s) offered, including deepseek-chat"_s);
        QCOMPARE(server.requests.constFirst().header("authorization"), QByteArray("Bearer sk-test"));
        result = run([&](auto done) { checker.checkProvider(request, u"gpt-9"_s, this, done); });
        QVERIFY(result.summary.contains(
            u"the model \"gpt-9\" is not offered (offered: deepseek-chat, deepseek-reasoner)"_s));

        server.route("/v1/models", {401, TestData::fixture(u"llm/error-401.json"_s)});
        result = run([&](auto done) { checker.checkProvider(request, u"deepseek-chat"_s, this, done); });
        QVERIFY(!result.ok);
        QVERIFY2(result.summary.startsWith(u"HTTP 401: the credentials were refused: "_s), qPrintable(result.summary));
    }

    void networkFailures()
    {
        ConnectionChecker checker;
        // Refused: a port that was just free.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closed = probe.serverPort();
        probe.close();
        ConnectionCheckResult result = run(
            [&](auto done) { checker.checkPrometheus({QUrl(u"http://127.0.0.1:%1"_s.arg(closed))}, this, done); });
        QVERIFY(!result.ok);
        QCOMPARE(result.summary, u"Connection refused by 127.0.0.1:%1: is the service running there?"_s.arg(closed));

        // Timeout: a server that never answers.
        FakeHttpServer silent;
        QVERIFY(silent.listen());
        FakeHttpServer::Response never;
        never.neverAnswer = true;
        silent.route("/api/v1/status/buildinfo", never);
        ConnectionCheckRequest slow{silent.url()};
        slow.timeout = std::chrono::milliseconds(300);
        result = run([&](auto done) { checker.checkPrometheus(slow, this, done); });
        QCOMPARE(result.summary, u"No answer within 1 second(s)"_s);

        // TLS: the test certificate is self-signed and not trusted.
        FakeHttpServer tls;
        QVERIFY(tls.listenTls());
        tls.route("/api/v1/status/buildinfo", {200, R"({"status":"success","data":{"version":"1"}})"});
        result = run([&](auto done) { checker.checkPrometheus({tls.url()}, this, done); });
        QVERIFY(!result.ok);
        QVERIFY2(result.summary.startsWith(u"TLS error: "_s), qPrintable(result.summary));

        // Not a URL at all.
        result = run([&](auto done) { checker.checkPrometheus({QUrl(u"prometheus:9090"_s)}, this, done); });
        QVERIFY(result.summary.contains(u"is not a URL"_s));
    }

    void joinKeepsPrefixes()
    {
        QCOMPARE(ConnectionChecker::join(QUrl(u"http://h:9090"_s), u"/api/v1/x"_s), QUrl(u"http://h:9090/api/v1/x"_s));
        QCOMPARE(ConnectionChecker::join(QUrl(u"http://h/prom/"_s), u"/api/v1/x"_s), QUrl(u"http://h/prom/api/v1/x"_s));
        QCOMPARE(ConnectionChecker::join(QUrl(u"https://api.deepseek.com"_s), u"/models"_s),
                 QUrl(u"https://api.deepseek.com/models"_s));
    }
};

QTEST_GUILESS_MAIN(TestConnectionCheck)
#include "tst_connectioncheck.moc"
