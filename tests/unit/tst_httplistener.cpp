#include "HttpTestClient.h"
#include "TestData.h"
#include "ingest/HttpConnection.h"
#include "ingest/HttpListener.h"
#include "ingest/ServerTls.h"

#include <QSignalSpy>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestHttpListener : public QObject
{
    Q_OBJECT

private:
    static ListenAddress loopback(quint16 port) { return {QHostAddress(QHostAddress::LocalHost), port}; }

private slots:
    void startsOnFreePortAndAnswersHealthz()
    {
        HttpListener listener;
        QSignalSpy stateSpy(&listener, &HttpListener::stateChanged);
        QVERIFY(listener.start(loopback(0)));
        QCOMPARE(listener.state(), HttpListener::State::Listening);
        QCOMPARE(stateSpy.size(), 1);
        QVERIFY(listener.boundAddress().port != 0);
        QCOMPARE(listener.requestedAddress().port, quint16(0));

        const HttpTestResponse response = HttpTestClient::get(listener.boundAddress().port, "/healthz");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray("ok\n"));
    }

    void servesHttpsWithTheConfiguredCertificate()
    {
        HttpListener listener;
        listener.setTlsFiles(TestData::path(u"tls/server.pem"_s), TestData::path(u"tls/server.key"_s));
        QVERIFY2(listener.start(loopback(0)), qPrintable(listener.errorString()));
        QVERIFY(listener.usesTls());
        const quint16 port = listener.boundAddress().port;
        QCOMPARE(listener.baseUrl(), u"https://127.0.0.1:%1"_s.arg(port));

        const QList<QSslCertificate> trusted = QSslCertificate::fromData(TestData::file(u"tls/server.pem"_s));
        const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        HttpTestResponse response = HttpTestClient::sendTls(port, request, trusted);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray("ok\n"));

        // A client that does not trust the certificate gets no answer at all.
        QString tlsError;
        response = HttpTestClient::sendTls(port, request, {}, &tlsError);
        QCOMPARE(response.status, 0);
        QVERIFY(!tlsError.isEmpty());

        // Plain HTTP to the HTTPS port is not answered either, and costs only that client.
        QCOMPARE(HttpTestClient::send(port, request).status, 0);
        QCOMPARE(HttpTestClient::sendTls(port, request, trusted).status, 200);
        QCOMPARE(listener.state(), HttpListener::State::Listening);

        // Back to plain HTTP on the next start.
        listener.setTlsFiles({}, {});
        QVERIFY(listener.start(loopback(0)));
        QVERIFY(listener.baseUrl().startsWith(u"http://"_s));
        QCOMPARE(HttpTestClient::get(listener.boundAddress().port, "/healthz").status, 200);
    }

    void unusableTlsFilesAreExplained_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing certificate") << u"tls/missing.pem"_s << u"tls/server.key"_s << u"Cannot read"_s;
        QTest::newRow("missing key") << u"tls/server.pem"_s << u"tls/missing.key"_s << u"Cannot read"_s;
        QTest::newRow("key given as certificate")
            << u"tls/server.key"_s << u"tls/server.key"_s << u"holds no PEM certificate"_s;
        QTest::newRow("certificate given as key")
            << u"tls/server.pem"_s << u"tls/server.pem"_s << u"holds no PEM private key"_s;
        QTest::newRow("encrypted key") << u"tls/server.pem"_s << u"tls/encrypted.key"_s
                                       << u"protected by a passphrase"_s;
    }

    void unusableTlsFilesAreExplained()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        const ServerTlsResult tls = loadServerTls(TestData::path(certificate), TestData::path(key));
        QVERIFY(!tls.ok());
        QVERIFY2(tls.error.contains(expected), qPrintable(tls.error));
        // The message names the file at fault.
        QVERIFY2(tls.error.contains(u"tls/"_s), qPrintable(tls.error));
    }

    void unusableTlsFilesStopTheListenerWithAReason()
    {
        HttpListener listener;
        listener.setTlsFiles(TestData::path(u"tls/server.pem"_s), TestData::path(u"tls/encrypted.key"_s));
        QVERIFY(!listener.start(loopback(0)));
        QCOMPARE(listener.state(), HttpListener::State::Failed);
        QVERIFY2(listener.errorString().startsWith(u"HTTPS cannot start: "_s), qPrintable(listener.errorString()));
        QVERIFY2(listener.errorString().contains(u"encrypted.key"_s), qPrintable(listener.errorString()));
    }

    void ecKeysAreAccepted()
    {
        const ServerTlsResult tls
            = loadServerTls(TestData::path(u"tls/server.pem"_s), TestData::path(u"tls/other-ec.key"_s));
        QVERIFY2(tls.ok(), qPrintable(tls.error));
        QCOMPARE(tls.configuration.privateKey().algorithm(), QSsl::Ec);
    }

    void portInUseIsReportedNotFatal()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        HttpListener listener;
        QSignalSpy stateSpy(&listener, &HttpListener::stateChanged);
        QVERIFY(!listener.start(loopback(blocker.serverPort())));
        QCOMPARE(listener.state(), HttpListener::State::AddressInUse);
        QCOMPARE(stateSpy.size(), 1);
        QVERIFY2(listener.errorString().contains(u"Port 127.0.0.1:%1 is in use"_s.arg(blocker.serverPort())),
                 qPrintable(listener.errorString()));

        // Once the port is free, a retry succeeds.
        const quint16 port = blocker.serverPort();
        blocker.close();
        QVERIFY(listener.start(loopback(port)));
        QCOMPARE(listener.state(), HttpListener::State::Listening);
        QCOMPARE(listener.boundAddress().port, port);
    }

    void nonLoopbackRequiresAuth()
    {
        HttpListener listener;
        QVERIFY(!listener.start({QHostAddress(QHostAddress::AnyIPv4), 0}));
        QCOMPARE(listener.state(), HttpListener::State::Failed);
        QVERIFY2(listener.errorString().contains(u"requires authentication"_s), qPrintable(listener.errorString()));

        // A user without a password is not authentication.
        listener.setAuth({{}, "ops", {}, {}, {}});
        QVERIFY(!listener.start({QHostAddress(QHostAddress::AnyIPv4), 0}));
        QCOMPARE(listener.state(), HttpListener::State::Failed);

        listener.setAuth({"token", {}, {}, {}, {}});
        QVERIFY(listener.start({QHostAddress(QHostAddress::AnyIPv4), 0}));
        QCOMPARE(listener.state(), HttpListener::State::Listening);
    }

    void unbindableAddressFails()
    {
        HttpListener listener;
        listener.setAuth({"token", {}, {}, {}, {}}); // past the auth rule, to the bind itself
        // 192.0.2.1 (TEST-NET-1) is never assigned to a local interface.
        QVERIFY(!listener.start({QHostAddress(u"192.0.2.1"_s), 0}));
        QCOMPARE(listener.state(), HttpListener::State::Failed);
        QVERIFY(listener.errorString().contains(u"192.0.2.1"_s));
    }

    void stopReleasesPort()
    {
        HttpListener listener;
        QVERIFY(listener.start(loopback(0)));
        const quint16 port = listener.boundAddress().port;
        listener.stop();
        QCOMPARE(listener.state(), HttpListener::State::Stopped);
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, port));
    }

    void errorResponsesAreJson_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("bodyPart");
        QTest::newRow("unknown path") << QByteArray("GET /nope HTTP/1.1\r\nHost: localhost\r\n\r\n") << 404
                                      << QByteArray("no such endpoint: /nope");
        QTest::newRow("wrong method") << QByteArray(
            "POST /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
                                      << 405 << QByteArray("use GET");
        QTest::newRow("webhook not yet") << QByteArray("POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                                                       "application/json\r\nContent-Length: 2\r\n\r\n{}")
                                         << 503 << QByteArray("retry later");
        QTest::newRow("nightingale not yet")
            << QByteArray("POST /webhook/nightingale HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                          "Content-Length: 2\r\n\r\n{}")
            << 429 << QByteArray("retry later"); // the only refusal Nightingale retries
        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << 400 << QByteArray("malformed");
    }

    void errorResponsesAreJson()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QByteArray, bodyPart);
        HttpListener listener;
        QVERIFY(listener.start(loopback(0)));
        const HttpTestResponse response = HttpTestClient::send(listener.boundAddress().port, request);
        QCOMPARE(response.status, status);
        QVERIFY(response.headers.contains("Content-Type: application/json"));
        QVERIFY2(response.body.startsWith("{\"error\":") && response.body.contains(bodyPart),
                 response.body.constData());
    }

    void slowClientsAreDropped_data()
    {
        QTest::addColumn<int>("bytesPerTick");
        QTest::newRow("silent after a partial head") << 0;
        // A slowloris client: one byte at a time, never idle for long, never done.
        QTest::newRow("trickling one byte at a time") << 1;
    }

    void slowClientsAreDropped()
    {
        QFETCH(int, bytesPerTick);
        HttpListener listener;
        listener.setIdleTimeout(std::chrono::milliseconds(300));
        QVERIFY(listener.start(loopback(0)));
        QTcpSocket client;
        QSignalSpy disconnected(&client, &QTcpSocket::disconnected);
        client.connectToHost(QHostAddress::LocalHost, listener.boundAddress().port);
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        const QByteArray request = "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                   "Content-Length: 2\r\n\r\n{}";
        client.write(request.left(9)); // "POST /web"
        qsizetype sent = 9;
        QTimer trickle;
        connect(&trickle, &QTimer::timeout, &client, [&] {
            if (sent < request.size() && client.state() == QAbstractSocket::ConnectedState) {
                client.write(request.mid(sent, bytesPerTick));
                sent += bytesPerTick;
            }
        });
        trickle.start(25); // trickling, the whole request would take about 2 s
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 5000);
        QVERIFY2(sent < request.size(), qPrintable(u"sent %1 of %2 bytes"_s.arg(sent).arg(request.size())));
    }

    void connectionCapRefusesWhenEveryConnectionIsBusy()
    {
        HttpListener listener;
        listener.setMaxConnections(3);
        QVERIFY(listener.start(loopback(0)));
        // Three clients in the middle of sending a body: none of them can be dropped. (No
        // store here, so not a webhook: any request with a body will do.)
        std::vector<std::unique_ptr<QTcpSocket>> busy;
        for (int i = 0; i < 3; ++i) {
            busy.push_back(std::make_unique<QTcpSocket>());
            busy.back()->connectToHost(QHostAddress::LocalHost, listener.boundAddress().port);
            QVERIFY(busy.back()->waitForConnected(5000));
            busy.back()->write("GET /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{");
        }
        QTRY_COMPARE(listener.bufferedBodyBytes(), 300); // each head read, each body under way

        const HttpTestResponse refused = HttpTestClient::get(listener.boundAddress().port, "/healthz");
        QCOMPARE(refused.status, 503);
        QVERIFY(refused.body.contains("too many connections"));

        busy.clear(); // clients leave: room again
        QTRY_COMPARE(listener.openConnections(), 0);
        QCOMPARE(HttpTestClient::get(listener.boundAddress().port, "/healthz").status, 200);
    }

    void idleConnectionsMakeRoomForNewClients()
    {
        HttpListener listener;
        listener.setMaxConnections(3);
        QVERIFY(listener.start(loopback(0)));
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 10; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, listener.boundAddress().port);
            QVERIFY(idle.back()->waitForConnected(5000));
        }
        // Sockets that connect and say nothing never lock others out.
        QCOMPARE(HttpTestClient::get(listener.boundAddress().port, "/healthz").status, 200);
        QTRY_VERIFY(listener.openConnections() <= 3);
    }

    void onlyOneResponsePerConnection()
    {
        HttpListener listener;
        QVERIFY(listener.start(loopback(0)));
        // Garbage after an oversized head must not produce a second response.
        const QByteArray request = QByteArray(HttpRequestParser::Limits{}.maxHeaderBytes + 10, 'a')
            + "\r\n\r\nGET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";
        const HttpTestResponse response = HttpTestClient::send(listener.boundAddress().port, request);
        QCOMPARE(response.status, 431);
        QCOMPARE(response.raw.count("HTTP/1.1 "), 1);
    }

    void oversizedHeaderIsRefused()
    {
        HttpListener listener;
        QVERIFY(listener.start(loopback(0)));
        const QByteArray request = "GET /healthz HTTP/1.1\r\nX-Big: "
            + QByteArray(HttpRequestParser::Limits{}.maxHeaderBytes, 'a') + "\r\n\r\n";
        const HttpTestResponse response = HttpTestClient::send(listener.boundAddress().port, request);
        QCOMPARE(response.status, 431);
    }
};

QTEST_GUILESS_MAIN(TestHttpListener)
#include "tst_httplistener.moc"
