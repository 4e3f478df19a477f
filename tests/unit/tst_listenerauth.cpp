#include "ingest/ListenerAuth.h"
#include "ingest/ListenerAuthLoader.h"
#include "secrets/MemorySecretStore.h"

#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

class TestListenerAuth : public QObject
{
    Q_OBJECT

private:
    static HttpRequest withAuthorization(const QByteArray &value)
    {
        HttpRequest request;
        if (!value.isEmpty())
            request.headers.append({"authorization", value});
        return request;
    }

private slots:
    void constantTimeEquality()
    {
        QVERIFY(constantTimeEquals("abc", "abc"));
        QVERIFY(constantTimeEquals("", ""));
        QVERIFY(!constantTimeEquals("abc", "abd"));
        QVERIFY(!constantTimeEquals("abc", "ab"));
        QVERIFY(!constantTimeEquals("ab", "abc"));
        QVERIFY(!constantTimeEquals("", "a"));
        QVERIFY(!constantTimeEquals(QByteArray("a\0", 2), "a"));
    }

    void offByDefault()
    {
        const ListenerAuth auth;
        QVERIFY(!auth.requiresCredentials());
        QCOMPARE(auth.checkCredentials(withAuthorization({})), ListenerAuth::Verdict::Allowed);
        QVERIFY(auth.challengeHeaders().isEmpty());
    }

    void bearerOnly()
    {
        const ListenerAuth auth{"tok", {}, {}, {}, {}};
        QCOMPARE(auth.checkCredentials(withAuthorization("Bearer tok")), ListenerAuth::Verdict::Allowed);
        QCOMPARE(auth.checkCredentials(withAuthorization("bearer tok")), ListenerAuth::Verdict::Allowed);
        QCOMPARE(auth.checkCredentials(withAuthorization({})), ListenerAuth::Verdict::Missing);
        // Basic is not accepted when only a token is configured, even with an empty user.
        QCOMPARE(auth.checkCredentials(withAuthorization("Basic " + QByteArray(":").toBase64())),
                 ListenerAuth::Verdict::Invalid);
        QVERIFY(!auth.challengeHeaders().contains("Basic"));
    }

    void loadedFromTheSecretStore()
    {
        MemorySecretStore store;
        store.set(Secrets::listenerToken, QStringLiteral("t"));
        store.set(Secrets::listenerPassword, QStringLiteral("p"));
        ListenerAuth base;
        base.basicUser = "u";
        base.grafanaTimestampHeader = "x-ts";
        std::optional<ListenerAuth> loaded;
        QStringList problems;
        loadListenerAuth(store, base, this, [&](const ListenerAuth &auth, const QStringList &p) {
            loaded = auth;
            problems = p;
        });
        QTRY_VERIFY(loaded);
        QCOMPARE(loaded->bearerToken, QByteArray("t"));
        QCOMPARE(loaded->basicUser, QByteArray("u"));
        QCOMPARE(loaded->basicPassword, QByteArray("p"));
        QVERIFY(loaded->grafanaHmacSecret.isEmpty()); // not stored: not required
        QCOMPARE(loaded->grafanaTimestampHeader, QByteArray("x-ts"));
        QVERIFY(problems.isEmpty());
    }

    void unavailableKeychainLoadsNothingAndSaysWhy()
    {
        MemorySecretStore store;
        store.setAvailable(false);
        std::optional<ListenerAuth> loaded;
        QStringList problems;
        loadListenerAuth(store, {}, this, [&](const ListenerAuth &auth, const QStringList &p) {
            loaded = auth;
            problems = p;
        });
        QTRY_VERIFY(loaded);
        QVERIFY(!loaded->requiresCredentials());
        QCOMPARE(problems.size(), 1); // said once, not per secret
    }

    void basicOnly()
    {
        const ListenerAuth auth{{}, "am", "pw", {}, {}};
        QCOMPARE(auth.checkCredentials(withAuthorization("Basic " + QByteArray("am:pw").toBase64())),
                 ListenerAuth::Verdict::Allowed);
        QCOMPARE(auth.checkCredentials(withAuthorization("Basic " + QByteArray("am:pw2").toBase64())),
                 ListenerAuth::Verdict::Invalid);
        QCOMPARE(auth.checkCredentials(withAuthorization("Bearer pw")), ListenerAuth::Verdict::Invalid);
        QVERIFY(auth.problems().isEmpty());
    }

    // An empty secret is no secret: a user name alone protects nothing.
    void userWithoutPasswordIsNoProtection()
    {
        const ListenerAuth auth{{}, "ops", {}, {}, {}};
        QVERIFY(!auth.requiresCredentials());
        QVERIFY(!auth.basicConfigured());
        QVERIFY(auth.challengeHeaders().isEmpty());
        QCOMPARE(auth.problems().size(), 1);
        QVERIFY2(auth.problems().constFirst().contains(u"\"ops\" has no password"_s),
                 qPrintable(auth.problems().constFirst()));
        // With a token as well, "ops:" is still refused: Basic is not configured.
        const ListenerAuth withToken{"tok", "ops", {}, {}, {}};
        QVERIFY(withToken.requiresCredentials());
        QCOMPARE(withToken.checkCredentials(withAuthorization("Basic " + QByteArray("ops:").toBase64())),
                 ListenerAuth::Verdict::Invalid);
        QCOMPARE(withToken.checkCredentials(withAuthorization("Bearer tok")), ListenerAuth::Verdict::Allowed);
    }
};

QTEST_GUILESS_MAIN(TestListenerAuth)
#include "tst_listenerauth.moc"
