#include "ResultAssert.h"
#include "ingest/ListenAddress.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestListenAddress : public QObject
{
    Q_OBJECT

private slots:
    void defaultIsLoopback9095()
    {
        const ListenAddress address = ListenAddress::defaultAddress();
        QCOMPARE(address.toString(), u"127.0.0.1:9095"_s);
        QVERIFY(address.isLoopback());
    }

    void validAddresses_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ipv4") << u"127.0.0.1:9095"_s << u"127.0.0.1:9095"_s;
        QTest::newRow("spaces trimmed") << u"  10.0.0.5:80 "_s << u"10.0.0.5:80"_s;
        QTest::newRow("all interfaces") << u"0.0.0.0:9095"_s << u"0.0.0.0:9095"_s;
        QTest::newRow("port only") << u":8080"_s << u"0.0.0.0:8080"_s;
        QTest::newRow("localhost") << u"localhost:9095"_s << u"127.0.0.1:9095"_s;
        QTest::newRow("ipv6 loopback") << u"[::1]:9095"_s << u"[::1]:9095"_s;
        QTest::newRow("ipv6 any") << u"[::]:1"_s << u"[::]:1"_s;
        QTest::newRow("port zero") << u"127.0.0.1:0"_s << u"127.0.0.1:0"_s;
        QTest::newRow("max port") << u"127.0.0.1:65535"_s << u"127.0.0.1:65535"_s;
    }

    void validAddresses()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const Result<ListenAddress> result = parseListenAddress(input);
        QVERIFY_OK(result);
        QCOMPARE(result->toString(), expected);
    }

    void invalidAddresses_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << QString() << u"empty"_s;
        QTest::newRow("no port") << u"127.0.0.1"_s << u"has no port"_s;
        QTest::newRow("port too big") << u"127.0.0.1:65536"_s << u"not a valid port"_s;
        QTest::newRow("negative port") << u"127.0.0.1:-1"_s << u"not a valid port"_s;
        QTest::newRow("port not a number") << u"127.0.0.1:http"_s << u"not a valid port"_s;
        QTest::newRow("empty port") << u"127.0.0.1:"_s << u"not a valid port"_s;
        QTest::newRow("hostname") << u"example.org:9095"_s << u"not an IP address"_s;
        QTest::newRow("bad ipv4") << u"300.1.1.1:9095"_s << u"not an IP address"_s;
        QTest::newRow("ipv6 without brackets") << u"::1:9095"_s << u"[::1]:9095"_s;
        QTest::newRow("unclosed bracket") << u"[::1:9095"_s << u"[::1]:9095"_s;
    }

    void invalidAddresses()
    {
        QFETCH(QString, input);
        QFETCH(QString, messagePart);
        const Result<ListenAddress> result = parseListenAddress(input);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(messagePart), qPrintable(result.error()));
    }
};

QTEST_GUILESS_MAIN(TestListenAddress)
#include "tst_listenaddress.moc"
