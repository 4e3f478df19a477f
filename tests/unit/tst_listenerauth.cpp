#include "ingest/ListenerAuth.h"

#include <QTest>

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

    void fromEnvironment()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("ALERTDECK_LISTENER_TOKEN"), QStringLiteral("t"));
        environment.insert(QStringLiteral("ALERTDECK_LISTENER_USER"), QStringLiteral("u"));
        environment.insert(QStringLiteral("ALERTDECK_LISTENER_PASSWORD"), QStringLiteral("p"));
        environment.insert(QStringLiteral("ALERTDECK_GRAFANA_HMAC_SECRET"), QStringLiteral("h"));
        environment.insert(QStringLiteral("ALERTDECK_GRAFANA_TIMESTAMP_HEADER"), QStringLiteral("X-Ts"));
        const ListenerAuth auth = ListenerAuth::fromEnvironment(environment);
        QCOMPARE(auth.bearerToken, QByteArray("t"));
        QCOMPARE(auth.basicUser, QByteArray("u"));
        QCOMPARE(auth.basicPassword, QByteArray("p"));
        QCOMPARE(auth.grafanaHmacSecret, QByteArray("h"));
        QCOMPARE(auth.grafanaTimestampHeader, QByteArray("x-ts"));
        QVERIFY(!ListenerAuth::fromEnvironment({}).requiresCredentials());
    }

    void basicOnly()
    {
        const ListenerAuth auth{{}, "am", "pw", {}, {}};
        QCOMPARE(auth.checkCredentials(withAuthorization("Basic " + QByteArray("am:pw").toBase64())),
                 ListenerAuth::Verdict::Allowed);
        QCOMPARE(auth.checkCredentials(withAuthorization("Basic " + QByteArray("am:pw2").toBase64())),
                 ListenerAuth::Verdict::Invalid);
        QCOMPARE(auth.checkCredentials(withAuthorization("Bearer pw")), ListenerAuth::Verdict::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestListenerAuth)
#include "tst_listenerauth.moc"
