// The webhook endpoints over real sockets, with a real store behind them.

#include "HttpTestClient.h"
#include "ProcessMemory.h"
#include "ResultAssert.h"
#include "ServedStore.h"
#include "TestData.h"
#include "ingest/HttpListener.h"
#include "store/StoreService.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using HttpTestClient::postRequest;

class TestWebhookEndpoint : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServedStore m_served;
    quint16 port() const { return m_served.port(); }

private slots:
    void initTestCase() { raiseOpenFileLimit(); }

    void init() { QVERIFY_OK(m_served.start(m_dir.filePath(u"alerts.sqlite"_s))); }

    void cleanup() { m_served.stop(); }

    void storesThenAnswers200()
    {
        QSignalSpy changed(m_served.store.get(), &StoreService::alertsChanged);
        const HttpTestResponse response = HttpTestClient::send(
            port(),
            postRequest("/webhook/alertmanager", TestData::fixture(u"alertmanager/firing-single.json"_s),
                        "Authorization: Bearer test-token-123\r\n"));
        QCOMPARE(response.status, 200);
        const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(answer.value(u"status"_s).toString(), u"stored"_s);
        QCOMPARE(answer.value(u"alerts"_s).toInt(), 1);
        QTRY_COMPARE(changed.size(), 1); // applied right after the answer (the payload was on disk first)
        QCOMPARE(m_served.store->storedAlerts().size(), 1);

        // The stored headers keep no credentials.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
        db.setDatabaseName(m_dir.filePath(u"alerts.sqlite"_s));
        QVERIFY(db.open());
        {
            QSqlQuery query(db);
            QVERIFY(query.exec(u"SELECT headers, path, format FROM payloads"_s) && query.next());
            QVERIFY2(!query.value(0).toString().contains(u"test-token-123"_s), qPrintable(query.value(0).toString()));
            QVERIFY(query.value(0).toString().contains(u"<redacted>"_s));
            QCOMPARE(query.value(1).toString(), u"/webhook/alertmanager"_s);
            QCOMPARE(query.value(2).toString(), u"alertmanager"_s);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"peek"_s);
    }

    void everyEndpointAndFormat_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("fixtureName");
        QTest::newRow("auto alertmanager") << QByteArray("/webhook") << u"alertmanager/group-mixed-status.json"_s;
        QTest::newRow("auto grafana") << QByteArray("/webhook") << u"grafana/firing.json"_s;
        QTest::newRow("auto nightingale batch") << QByteArray("/webhook") << u"nightingale/events-batch.json"_s;
        QTest::newRow("grafana") << QByteArray("/webhook/grafana") << u"grafana/resolved.json"_s;
        QTest::newRow("nightingale") << QByteArray("/webhook/nightingale") << u"nightingale/event-firing.json"_s;
    }

    void everyEndpointAndFormat()
    {
        QFETCH(QByteArray, path);
        QFETCH(QString, fixtureName);
        const HttpTestResponse response
            = HttpTestClient::send(port(), postRequest(path, TestData::fixture(fixtureName)));
        QCOMPARE(response.status, 200);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("bodyPart");
        QTest::newRow("malformed json") << postRequest("/webhook", "{\"alerts\": [") << 400 << QByteArray("at byte 12");
        QTest::newRow("wrong content type")
            << postRequest("/webhook", "{}", {}, "text/plain") << 415 << QByteArray("application/json");
        QTest::newRow("unknown shape") << postRequest("/webhook", R"({"hello":1})") << 422
                                       << QByteArray("unrecognised payload");
        QTest::newRow("invalid field") << postRequest("/webhook/alertmanager", R"({"alerts":[{"status":"burning"}]})")
                                       << 422 << QByteArray("alerts[0].status");
        QTest::newRow("get on webhook") << QByteArray("GET /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") << 405
                                        << QByteArray("use POST");
        QTest::newRow("unknown format path")
            << postRequest("/webhook/zabbix", "{}") << 404 << QByteArray("no such endpoint");
        QTest::newRow("declared body too large")
            << QByteArray("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1073741824\r\n\r\n") << 413
            << QByteArray("exceeds the limit");
    }

    void refusals()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QByteArray, bodyPart);
        const HttpTestResponse response = HttpTestClient::send(port(), request);
        QCOMPARE(response.status, status);
        QVERIFY2(response.body.contains(bodyPart), response.body.constData());
        QVERIFY(QJsonDocument::fromJson(response.body).object().contains(u"error"_s));
        if (status == 405)
            QVERIFY(response.headers.contains("Allow: POST"));
        QCOMPARE(m_served.store->storedAlerts().size(), 0);
    }

    // The fixtures' own recorded request headers, replayed: what Alertmanager 0.25 sent
    // with http_config authorization (Bearer) and basic_auth.
    void authAcceptsWhatAlertmanagerSends_data()
    {
        QTest::addColumn<QString>("fixtureName");
        QTest::newRow("bearer") << u"alertmanager/firing-single"_s;
        QTest::newRow("basic") << u"alertmanager/group-truncated"_s;
    }

    void authAcceptsWhatAlertmanagerSends()
    {
        QFETCH(QString, fixtureName);
        m_served.listener->setAuth({"test-token-123", "alertmanager", "s3cret", {}, {}});
        QByteArray request = "POST /webhook/alertmanager HTTP/1.1\r\n";
        for (const QByteArray &line : TestData::fixture(fixtureName + u".headers.txt"_s).split('\n'))
            if (!line.trimmed().isEmpty())
                request += line.trimmed() + "\r\n";
        request += "\r\n" + TestData::fixture(fixtureName + u".json"_s);
        const HttpTestResponse response = HttpTestClient::send(port(), request);
        QVERIFY2(response.status == 200, response.raw.constData());
    }

    void authRefusals_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("missing") << QByteArray() << QByteArray("authentication required");
        QTest::newRow("wrong token") << QByteArray("Authorization: Bearer test-token-124\r\n")
                                     << QByteArray("invalid credentials");
        QTest::newRow("token prefix") << QByteArray("Authorization: Bearer test-token\r\n")
                                      << QByteArray("invalid credentials");
        QTest::newRow("wrong password") << QByteArray("Authorization: Basic YWxlcnRtYW5hZ2VyOnMzY3JldHM=\r\n")
                                        << QByteArray("invalid credentials");
        QTest::newRow("bad base64") << QByteArray("Authorization: Basic !!!\r\n") << QByteArray("invalid credentials");
        QTest::newRow("other scheme") << QByteArray("Authorization: Digest x\r\n") << QByteArray("invalid credentials");
    }

    void authRefusals()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(QByteArray, message);
        m_served.listener->setAuth({"test-token-123", "alertmanager", "s3cret", {}, {}});
        const HttpTestResponse response = HttpTestClient::send(
            port(), postRequest("/webhook", TestData::fixture(u"alertmanager/firing-single.json"_s), authorization));
        QCOMPARE(response.status, 401);
        QVERIFY(response.body.contains(message));
        QVERIFY(response.headers.contains("WWW-Authenticate: Bearer realm=\"AlertDeck\""));
        QVERIFY(response.headers.contains("WWW-Authenticate: Basic realm=\"AlertDeck\""));
        QCOMPARE(m_served.store->storedAlerts().size(), 0);
        // Health checks need no credentials.
        QCOMPARE(HttpTestClient::get(port(), "/healthz").status, 200);
    }

    void grafanaSignature_data()
    {
        QTest::addColumn<QByteArray>("timestampHeader");
        QTest::addColumn<QByteArray>("signedPrefix");
        QTest::newRow("body only") << QByteArray() << QByteArray();
        QTest::newRow("with timestamp") << QByteArray("x-grafana-alerting-signature-timestamp")
                                        << QByteArray("1795319100:");
    }

    void grafanaSignature()
    {
        QFETCH(QByteArray, timestampHeader);
        QFETCH(QByteArray, signedPrefix);
        m_served.listener->setAuth({{}, {}, {}, "hmac-secret", timestampHeader});
        const QByteArray body = TestData::fixture(u"grafana/firing.json"_s);
        const QByteArray signature
            = QMessageAuthenticationCode::hash(signedPrefix + body, "hmac-secret", QCryptographicHash::Sha256).toHex();
        QByteArray headers = "X-Grafana-Alerting-Signature: " + signature + "\r\n";
        if (!timestampHeader.isEmpty())
            headers += "X-Grafana-Alerting-Signature-Timestamp: 1795319100\r\n";

        QCOMPARE(HttpTestClient::send(port(), postRequest("/webhook/grafana", body, headers)).status, 200);
        QByteArray tampered = body;
        tampered.replace("91.2", "11.2");
        const HttpTestResponse refused
            = HttpTestClient::send(port(), postRequest("/webhook/grafana", tampered, headers));
        QCOMPARE(refused.status, 401);
        QVERIFY(refused.body.contains("X-Grafana-Alerting-Signature"));
        QCOMPARE(HttpTestClient::send(port(), postRequest("/webhook/grafana", body)).status, 401); // unsigned

        // The generic endpoint asks the same of a body it detects as Grafana's.
        const HttpTestResponse unsignedOnGeneric = HttpTestClient::send(port(), postRequest("/webhook", tampered));
        QCOMPARE(unsignedOnGeneric.status, 401);
        QVERIFY(unsignedOnGeneric.body.contains("X-Grafana-Alerting-Signature"));
        QCOMPARE(HttpTestClient::send(port(), postRequest("/webhook", body, headers)).status, 200);
        // Other senders are not asked for a Grafana signature.
        QCOMPARE(HttpTestClient::send(port(),
                                      postRequest("/webhook", TestData::fixture(u"alertmanager/firing-single.json"_s)))
                     .status,
                 200);
        QCOMPARE(m_served.store->storedAlerts().size(), 2);
    }

    void metricsCountWhatHappened()
    {
        const QByteArray body = TestData::fixture(u"alertmanager/firing-single.json"_s);
        QCOMPARE(HttpTestClient::send(port(), postRequest("/webhook", body)).status, 200);
        QCOMPARE(HttpTestClient::send(port(), postRequest("/webhook", "{broken")).status, 400);
        QCOMPARE(HttpTestClient::send(port(), postRequest("/webhook", "{}", {}, "text/plain")).status, 415);
        QCOMPARE(HttpTestClient::send(port(), postRequest("/webhook", R"({"x":1})")).status, 422);
        m_served.listener->setAlertCounts(4, 2);

        const HttpTestResponse metrics = HttpTestClient::get(port(), "/metrics");
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.headers.contains("Content-Type: text/plain; version=0.0.4"));
        const QByteArray text = metrics.body;
        for (const char *line : {"alertdeck_webhook_payloads_received_total 4\n",
                                 "alertdeck_webhook_payloads_accepted_total{format=\"alertmanager\"} 1\n",
                                 "alertdeck_webhook_payloads_rejected_total{reason=\"malformed_json\"} 1\n",
                                 "alertdeck_webhook_payloads_rejected_total{reason=\"unsupported_media_type\"} 1\n",
                                 "alertdeck_webhook_payloads_rejected_total{reason=\"invalid_shape\"} 1\n",
                                 "alertdeck_alerts{state=\"firing\"} 4\n", "alertdeck_alerts{state=\"resolved\"} 2\n",
                                 "alertdeck_store_commit_seconds_count 1\n",
                                 "alertdeck_http_request_duration_seconds_count{endpoint=\"/webhook\"} 4\n",
                                 "# TYPE alertdeck_store_commit_seconds histogram\n"})
            QVERIFY2(text.contains(line), (QByteArray("missing: ") + line + "\n" + text).constData());
    }

    void keepAliveServesSeveralRequests()
    {
        QTcpSocket socket;
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port());
        QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        socket.write(postRequest("/webhook", TestData::fixture(u"alertmanager/firing-single.json"_s)));
        socket.write(postRequest("/webhook", TestData::fixture(u"grafana/firing.json"_s))); // pipelined
        QTRY_COMPARE(received.count("HTTP/1.1 200 OK"), 2);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(m_served.store->storedAlerts().size(), 2);
    }

    void expectContinue()
    {
        // The client sends only the head and waits for "100 Continue" before the body.
        const QByteArray body = TestData::fixture(u"alertmanager/firing-single.json"_s);
        QTcpSocket socket;
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port());
        QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        socket.write(
            "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
            "Content-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n");
        QTRY_COMPARE(received, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        socket.write(body);
        QTRY_VERIFY(received.contains("HTTP/1.1 200 OK"));
    }

    void expectContinueRefusedEarly()
    {
        // Too large: refused on the head alone, the body is never needed.
        QTcpSocket socket;
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port());
        QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        socket.write("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: "
                     "999999999999\r\n\r\n");
        QTRY_VERIFY(received.startsWith("HTTP/1.1 413"));
        QVERIFY(!received.contains("100 Continue"));
    }

    void oneGigabyteChunkedBodyIsRefusedWithoutBuffering()
    {
        const qint64 before = residentKiB();
        QTcpSocket socket;
        QByteArray received;
        bool closed = false;
        qint64 sent = 0;
        const QByteArray chunk = QByteArray(1 << 20, 'x');
        const QByteArray framedChunk = "100000\r\n" + chunk + "\r\n";
        auto pump = [&] {
            // Keep at most ~2 MiB queued: the test itself must not be what grows.
            while (!closed && !received.contains("\r\n\r\n") && socket.state() == QAbstractSocket::ConnectedState
                   && socket.bytesToWrite() < (2 << 20) && sent < (qint64(1) << 30)) {
                socket.write(framedChunk);
                sent += chunk.size();
            }
        };
        connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
        connect(&socket, &QTcpSocket::disconnected, this, [&] { closed = true; });
        connect(&socket, &QTcpSocket::errorOccurred, this, [&] { closed = true; });
        connect(&socket, &QTcpSocket::bytesWritten, this, pump);
        connect(&socket, &QTcpSocket::connected, this, [&] {
            socket.write("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                         "application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            pump();
        });
        socket.connectToHost(QHostAddress::LocalHost, port());
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("\r\n\r\n") || closed, 60'000);
        QVERIFY2(received.startsWith("HTTP/1.1 413"), received.left(200).constData());
        QVERIFY(sent < (qint64(1) << 30)); // refused long before the end
        const qint64 growthKiB = residentKiB() - before;
        qInfo("refused after %lld MiB sent; RSS grew by %lld KiB", sent >> 20, growthKiB);
        QVERIFY2(growthKiB < 64 * 1024, qPrintable(u"RSS grew by %1 KiB"_s.arg(growthKiB)));
    }

    void fiveHundredConcurrentConnections()
    {
        constexpr int clients = 500;
        const QByteArray body = TestData::fixture(u"alertmanager/firing-single.json"_s);
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        QList<QByteArray> responses(clients);
        int done = 0;
        for (int i = 0; i < clients; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = socket.get();
            connect(raw, &QTcpSocket::connected, this, [raw, &body] { raw->write(postRequest("/webhook", body)); });
            connect(raw, &QTcpSocket::readyRead, this, [raw, i, &responses, &done] {
                const bool wasComplete = responses[i].contains("\r\n\r\n");
                responses[i] += raw->readAll();
                if (!wasComplete && responses[i].contains("\r\n\r\n"))
                    ++done;
            });
            raw->connectToHost(QHostAddress::LocalHost, port());
            sockets.push_back(std::move(socket));
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, clients, 60'000);
        for (const QByteArray &response : std::as_const(responses))
            QVERIFY2(response.startsWith("HTTP/1.1 200"), response.left(100).constData());
    }
};

QTEST_GUILESS_MAIN(TestWebhookEndpoint)
#include "tst_webhookendpoint.moc"
