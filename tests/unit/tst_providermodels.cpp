#include "FakeHttpServer.h"
#include "analysis/ProviderModels.h"
#include "logging/Redaction.h"
#include "settings/AppSettings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestProviderModels : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    ProviderModelFetcher::Answer fetch(const QUrl &base, const QByteArray &key = {},
                                       std::chrono::milliseconds timeout = 5s)
    {
        ProviderModelFetcher fetcher;
        std::optional<ProviderModelFetcher::Answer> answer;
        fetcher.fetch(base, key, timeout, this, [&answer](const ProviderModelFetcher::Answer &a) { answer = a; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10'000); }();
        return answer.value_or(ProviderModelFetcher::Answer{});
    }

private slots:
    void cleanup() { Redaction::forgetSecretValues(); }

    void parsesTheOpenAiList()
    {
        const auto parsed = ProviderModels::parse(
            R"({"object":"list","data":[{"id":"deepseek-flash","object":"model","owned_by":"deepseek"},)"
            R"({"id":"deepseek-v4-pro"},{"id":"deepseek-flash"},{"id":""},{"nope":1},{"id":"bad\u0007id"}]})");
        QVERIFY(parsed.error.isEmpty());
        QCOMPARE(parsed.ids, (QStringList{u"deepseek-flash"_s, u"deepseek-v4-pro"_s}));
        QVERIFY(!ProviderModels::parse("<html>login</html>").error.isEmpty());
        QVERIFY(!ProviderModels::parse(R"({"models":[]})").error.isEmpty());
    }

    // A hostile list: ids and their count are capped.
    void parsingIsBounded()
    {
        QByteArray body = "{\"data\":[";
        for (int i = 0; i < 2000; ++i)
            body += QByteArray(i ? "," : "") + "{\"id\":\"m" + QByteArray::number(i) + "\"}";
        body += ",{\"id\":\"" + QByteArray(10'000, 'x') + "\"}]}";
        const auto parsed = ProviderModels::parse(body);
        QCOMPARE(parsed.ids.size(), ProviderModels::maxModels);
    }

    void fallbackOnlyForDeepSeek()
    {
        QCOMPARE(ProviderModels::fallback(QUrl(u"https://api.deepseek.com"_s)),
                 (QStringList{u"deepseek-flash"_s, u"deepseek-v4-pro"_s}));
        QVERIFY(ProviderModels::fallback(QUrl(u"http://localhost:11434/v1"_s)).isEmpty());
        QCOMPARE(ProviderModels::defaultModel(), u"deepseek-flash"_s);
        QVERIFY(ProviderModels::isRetired(u"deepseek-chat"_s));
        QVERIFY(ProviderModels::isRetired(u"deepseek-reasoner"_s));
        QVERIFY(!ProviderModels::isRetired(u"deepseek-v4-flash"_s)); // an accepted alias
    }

    // The cache is per base URL, holds ids only, and never user info or the query.
    void theCacheIsPerProviderAndHoldsNoSecret()
    {
        AppSettings settings(m_dir.filePath(u"cache.ini"_s));
        const QUrl deepSeek(u"https://api.deepseek.com/"_s);
        const QUrl local(u"http://user:pw-secret-1@localhost:11434/v1?token=query-secret-2"_s);
        QCOMPARE(ProviderModels::known(settings, deepSeek), ProviderModels::fallback(deepSeek));
        ProviderModels::store(settings, deepSeek, {u"deepseek-flash"_s, u"deepseek-v5"_s});
        ProviderModels::store(settings, local, {u"qwen2.5:7b"_s});
        QCOMPARE(ProviderModels::known(settings, QUrl(u"https://api.deepseek.com"_s)),
                 (QStringList{u"deepseek-flash"_s, u"deepseek-v5"_s}));
        QCOMPARE(ProviderModels::cached(settings, QUrl(u"http://localhost:11434/v1"_s)), QStringList{u"qwen2.5:7b"_s});
        QVERIFY(ProviderModels::cached(settings, QUrl(u"http://localhost:8080/v1"_s)).isEmpty());
        const QString stored = settings.value(Settings::providerModelCache);
        QVERIFY(!stored.contains(u"pw-secret-1"_s));
        QVERIFY(!stored.contains(u"query-secret-2"_s));
        for (int i = 0; i < 20; ++i)
            ProviderModels::store(settings, QUrl(u"http://host-%1/v1"_s.arg(i)), {u"m"_s});
        QVERIFY(ProviderModels::cached(settings, deepSeek).isEmpty()); // the oldest went
        QCOMPARE(ProviderModels::cached(settings, QUrl(u"http://host-19/v1"_s)), QStringList{u"m"_s});
    }

    void fetchesWithTheKeyOfAnAnalysis()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route("/v1/models", {200, R"({"object":"list","data":[{"id":"qwen2.5"},{"id":"llama3"}]})"});
        const auto answer = fetch(QUrl(server.url().toString() + u"/v1/"_s), "sk-fetch-1");
        QVERIFY2(answer.ok, qPrintable(answer.error));
        QCOMPARE(answer.ids, (QStringList{u"qwen2.5"_s, u"llama3"_s}));
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().method, "GET");
        QCOMPARE(server.requests.first().header("authorization"), "Bearer sk-fetch-1");

        const auto keyless = fetch(QUrl(server.url().toString() + u"/v1"_s));
        QVERIFY(keyless.ok);
        QVERIFY(server.requests.last().header("authorization").isEmpty());
    }

    void failuresAreSaidWithoutTheKey()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route("/v1/models",
                     {401, R"({"error":{"message":"Authentication Fails, your api key: sk-echo-77 is invalid"}})"});
        const auto refused = fetch(QUrl(server.url().toString() + u"/v1"_s), "sk-echo-77");
        QVERIFY(!refused.ok);
        QCOMPARE(refused.httpStatus, 401);
        QVERIFY2(refused.error.startsWith(u"HTTP 401: the API key was refused"_s), qPrintable(refused.error));
        QVERIFY(!refused.error.contains(u"sk-echo-77"_s));

        const auto missing = fetch(QUrl(server.url().toString() + u"/nothing"_s));
        QCOMPARE(missing.httpStatus, 404);
        QVERIFY(missing.error.contains(u"check the base URL"_s));

        server.route("/html/models", {200, "<html>sign in</html>", "text/html"});
        const auto html = fetch(QUrl(server.url().toString() + u"/html"_s));
        QVERIFY(!html.ok);
        QVERIFY(html.error.contains(u"not an OpenAI-compatible model list"_s));

        QVERIFY(!fetch(QUrl(u"ftp://example.invalid"_s)).ok);
    }

    // A list without end is cut at the limit, the download stopped.
    void aHugeAnswerIsRefused()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        FakeHttpServer::Response huge;
        huge.chunks << R"({"data":[)";
        for (int i = 0; i < 40; ++i)
            huge.chunks << QByteArray(64 * 1024, ' ');
        huge.streamEnd = FakeHttpServer::Response::StreamEnd::Stall;
        server.route("/v1/models", huge);
        const auto answer = fetch(QUrl(server.url().toString() + u"/v1"_s));
        QVERIFY(!answer.ok);
        QVERIFY2(answer.error.contains(u"larger than 1 MiB"_s), qPrintable(answer.error));
        QTRY_COMPARE(server.openConnections(), 0);
    }

    // A redirect to another host is not followed: the key stays with the base URL's host.
    void theKeyNeverLeavesTheBaseUrlsHost()
    {
        FakeHttpServer origin;
        FakeHttpServer elsewhere;
        QVERIFY(origin.listen());
        QVERIFY(elsewhere.listen());
        elsewhere.route("/v1/models", {200, R"({"data":[{"id":"x"}]})"});
        QUrl target = elsewhere.url();
        target.setHost(u"localhost"_s); // another origin than 127.0.0.1
        target.setPath(u"/v1/models"_s);
        origin.route("/v1/models", FakeHttpServer::redirect(307, target));
        const auto answer = fetch(QUrl(origin.url().toString() + u"/v1"_s), "sk-stay-home");
        QVERIFY(!answer.ok);
        QCOMPARE(answer.httpStatus, 0);
        QVERIFY(elsewhere.requests.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProviderModels)
#include "tst_providermodels.moc"
