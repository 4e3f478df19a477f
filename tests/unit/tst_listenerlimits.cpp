// The listener against clients that try to make it hold memory, descriptors or
// handshakes, browsers, and requests two HTTP parsers could read differently. Real
// sockets, a real store behind the listener.

#include "ChildProcess.h"
#include "HttpTestClient.h"
#include "ProcessMemory.h"
#include "ResultAssert.h"
#include "ServedStore.h"
#include "TestData.h"
#include "ingest/HttpListener.h"
#include "ingest/ListenerMetrics.h"
#include "store/StoreService.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <atomic>
#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using HttpTestClient::postRequest;

namespace {

// The value of one sample line of /metrics ("name{labels}"), 0 when absent.
qint64 metricValue(const QByteArray &metrics, const QByteArray &sample)
{
    for (const QByteArray &line : metrics.split('\n'))
        if (line.startsWith(sample + ' '))
            return line.mid(sample.size() + 1).toLongLong();
    return 0;
}

// The listener's end of the loopback connection from `clientFd` (the listener runs in
// this process), -1 until it has been accepted.
int acceptedEndOf(int clientFd)
{
    sockaddr_in client{};
    socklen_t length = sizeof client;
    if (::getsockname(clientFd, reinterpret_cast<sockaddr *>(&client), &length) != 0)
        return -1;
    for (int fd = 0; fd < 4096; ++fd) {
        sockaddr_in peer{};
        length = sizeof peer;
        if (fd != clientFd && ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) == 0
            && peer.sin_family == AF_INET && peer.sin_port == client.sin_port
            && peer.sin_addr.s_addr == client.sin_addr.s_addr)
            return fd;
    }
    return -1;
}

// A raw client that collects whatever the server sends.
struct RawClient {
    std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
    std::shared_ptr<QByteArray> received = std::make_shared<QByteArray>();
    std::shared_ptr<bool> closed = std::make_shared<bool>(false);

    explicit RawClient(quint16 port)
    {
        QObject::connect(socket.get(), &QTcpSocket::readyRead, socket.get(),
                         [s = socket.get(), r = received] { *r += s->readAll(); });
        QObject::connect(socket.get(), &QTcpSocket::disconnected, socket.get(), [c = closed] { *c = true; });
        QObject::connect(socket.get(), &QTcpSocket::errorOccurred, socket.get(), [c = closed] { *c = true; });
        socket->connectToHost(QHostAddress::LocalHost, port);
    }
};

} // namespace

class TestListenerLimits : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServedStore m_served;
    quint16 port() const { return m_served.port(); }
    QByteArray metrics() { return HttpTestClient::get(port(), "/metrics").body; }

private slots:
    void initTestCase() { raiseOpenFileLimit(); }

    void init() { QVERIFY_OK(m_served.start(m_dir.filePath(u"alerts.sqlite"_s))); }

    void cleanup() { m_served.stop(); }

    // 1. A client that pipelines requests and never reads the answers.
    void unreadAnswersStopTheReadingAndDropTheClient()
    {
        m_served.listener->setIdleTimeout(std::chrono::milliseconds(1000));
        QVERIFY(m_served.listener->start({QHostAddress(QHostAddress::LocalHost), 0}));
        const qint64 before = residentKiB();
        // A plain socket: Qt's would read into its own buffer behind the test's back.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        const int small = 4096;
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port());
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        // Answers go to the kernel first, and loopback's send buffer would take megabytes
        // of them: keep the server's as small as a slow client's network leaves it, so that
        // the listener's own queue is what fills.
        int accepted = -1;
        QTRY_VERIFY((accepted = acceptedEndOf(fd)) >= 0);
        QCOMPARE(::setsockopt(accepted, SOL_SOCKET, SO_SNDBUF, &small, sizeof small), 0);
        // ~2 MB of pipelined requests, ~150 MB of answers if all were answered.
        QByteArray requests;
        for (int i = 0; i < 50'000; ++i)
            requests += "GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n";
        qsizetype sent = 0;
        QSocketNotifier writable(fd, QSocketNotifier::Write);
        connect(&writable, &QSocketNotifier::activated, this, [&] {
            while (sent < requests.size()) {
                const ssize_t n = ::send(fd, requests.constData() + sent, requests.size() - sent, MSG_NOSIGNAL);
                if (n <= 0)
                    break;
                sent += n;
            }
            if (sent == requests.size())
                writable.setEnabled(false);
        });
        const QByteArray stalled = "alertdeck_listener_connections_dropped_total{reason=\"output_stalled\"}";
        QTRY_COMPARE_WITH_TIMEOUT(metricValue(m_served.listener->metricsText(), stalled), 1, 20'000);
        QTRY_COMPARE(m_served.listener->openConnections(), 0);
        writable.setEnabled(false);
        ::close(fd);
        // Answered only as many as fit in the bound and the kernel's buffers.
        const qint64 answered = metricValue(m_served.listener->metricsText(),
                                            "alertdeck_http_request_duration_seconds_count{endpoint=\"/metrics\"}");
        const qint64 growthKiB = residentKiB() - before;
        qInfo("answered %lld of 50000 requests; RSS grew by %lld KiB", answered, growthKiB);
        QVERIFY2(answered < 10'000, qPrintable(u"answered %1 requests"_s.arg(answered)));
        QVERIFY2(growthKiB < 32 * 1024, qPrintable(u"RSS grew by %1 KiB"_s.arg(growthKiB)));
    }

    // The listener has a thread of its own: a busy window (this thread) never delays
    // an answer.
    void healthzDoesNotWaitForTheMainThread()
    {
        std::atomic<bool> answered = false;
        QByteArray received;
        std::thread client([&, port = port()] {
            QTcpSocket socket; // blocking calls: this thread has no event loop
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (!socket.waitForConnected(10'000))
                return;
            socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            while (!received.endsWith("ok\n") && socket.waitForReadyRead(10'000))
                received += socket.readAll();
            answered = true;
        });
        QElapsedTimer busy;
        busy.start();
        while (!answered && busy.elapsed() < 20'000) {
            // The main thread is busy (no events processed) until the answer is in.
        }
        client.join();
        QVERIFY2(received.startsWith("HTTP/1.1 200 OK") && received.endsWith("ok\n"), received.constData());
    }

    // 2. Credentials are decided from the head: no 100 Continue, no body read.
    void unauthenticatedRequestsAreAnsweredBeforeTheirBody()
    {
        m_served.listener->setAuth({"test-token", {}, {}, {}, {}});
        RawClient client(port());
        QVERIFY(client.socket->waitForConnected(5000));
        client.socket->write("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                             "Content-Length: 8000000\r\nExpect: 100-continue\r\n\r\n");
        QTRY_VERIFY(client.received->contains("\r\n\r\n"));
        QVERIFY2(client.received->startsWith("HTTP/1.1 401 "), client.received->constData());
        QVERIFY(!client.received->contains("100 Continue"));
        QVERIFY(client.received->contains("WWW-Authenticate: Bearer"));
        QVERIFY(client.received->contains("Connection: close"));
        QCOMPARE(m_served.listener->bufferedBodyBytes(), 0);
        // Whatever it sends now is thrown away, and the connection ends.
        client.socket->write(QByteArray(256 * 1024, 'x'));
        QTRY_VERIFY_WITH_TIMEOUT(*client.closed, 10'000);
    }

    void manyUnauthenticatedUploadsHoldNothing()
    {
        m_served.listener->setAuth({"test-token", {}, {}, {}, {}});
        std::vector<RawClient> clients;
        for (int i = 0; i < 300; ++i) {
            clients.emplace_back(port());
            QTcpSocket *socket = clients.back().socket.get();
            connect(socket, &QTcpSocket::connected, socket, [socket] {
                socket->write("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                              "Content-Length: 8000000\r\n\r\n");
            });
        }
        // Every one of them is refused on its head alone: none has sent a body byte.
        for (const RawClient &client : clients)
            QTRY_VERIFY2(client.received->startsWith("HTTP/1.1 401 "), client.received->constData());
        QCOMPARE(m_served.listener->bufferedBodyBytes(), 0);
        QCOMPARE(metricValue(metrics(), "alertdeck_webhook_payloads_rejected_total{reason=\"unauthorized\"}"), 300);
    }

    void bodiesBeyondTheTotalBudgetWaitForRoom()
    {
        m_served.listener->setMaxBufferedBodyBytes(1'000'000);
        QByteArray payload = TestData::fixture(u"alertmanager/firing-single.json"_s);
        payload += QByteArray(800'000 - payload.size(), ' '); // JSON allows trailing blanks
        const QByteArray request = postRequest("/webhook", payload);
        const qsizetype headSize = request.indexOf("\r\n\r\n") + 4;

        RawClient first(port());
        QVERIFY(first.socket->waitForConnected(5000));
        first.socket->write(request.left(headSize + 10));
        QTRY_COMPARE(m_served.listener->bufferedBodyBytes(), 800'000);

        // A second large body does not fit: 503 with Retry-After, before its body is read.
        const HttpTestResponse refused = HttpTestClient::send(port(), request.left(headSize));
        QCOMPARE(refused.status, 503);
        QVERIFY(refused.headers.contains("Retry-After: 1"));
        QVERIFY(refused.body.contains("retry later"));

        first.socket->write(request.mid(headSize + 10));
        QTRY_VERIFY(first.received->startsWith("HTTP/1.1 200 "));
        QTRY_COMPARE(m_served.listener->bufferedBodyBytes(), 0);
        QCOMPARE(HttpTestClient::send(port(), request).status, 200);
    }

    // 4. Browsers: any page could otherwise post here or read /metrics.
    void browsersAreShutOut_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("bodyPart");
        const QByteArray body = R"({"version":"4","status":"firing","alerts":[]})";
        QTest::newRow("no content type") << QByteArray("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ")
                + QByteArray::number(body.size()) + "\r\n\r\n"
                + body << 415 << QByteArray("the request has none");
        QTest::newRow("form post") << QByteArray("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                 "Content-Type: text/plain\r\nContent-Length: ")
                + QByteArray::number(body.size()) + "\r\n\r\n"
                + body << 415 << QByteArray("text/plain");
        QTest::newRow("origin") << postRequest("/webhook", body, "Origin: https://evil.example\r\n") << 403
                                << QByteArray("evil.example");
        QTest::newRow("null origin") << postRequest("/webhook", body, "Origin: null\r\n") << 403
                                     << QByteArray("web pages");
        QTest::newRow("cross-site fetch")
            << postRequest("/webhook", body, "Sec-Fetch-Site: cross-site\r\n") << 403 << QByteArray("cross-site");
        QTest::newRow("rebound host reads metrics")
            << QByteArray("GET /metrics HTTP/1.1\r\nHost: evil.example:9095\r\n\r\n") << 403
            << QByteArray("evil.example");
        QTest::newRow("rebound host posts")
            << QByteArray("POST /webhook HTTP/1.1\r\nHost: evil.example\r\n"
                          "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
            << 403 << QByteArray("loopback");
        QTest::newRow("localhost") << QByteArray("GET /healthz HTTP/1.1\r\nHost: localhost:9095\r\n\r\n") << 200
                                   << QByteArray("ok");
        QTest::newRow("ipv6 loopback") << QByteArray("GET /healthz HTTP/1.1\r\nHost: [::1]:9095\r\n\r\n") << 200
                                       << QByteArray("ok");
        QTest::newRow("other loopback address")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: 127.0.0.2\r\n\r\n") << 200 << QByteArray("ok");
        QTest::newRow("http/1.0 without host")
            << QByteArray("GET /healthz HTTP/1.0\r\n\r\n") << 200 << QByteArray("ok");
    }

    void browsersAreShutOut()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QByteArray, bodyPart);
        const HttpTestResponse response = HttpTestClient::send(port(), request);
        QCOMPARE(response.status, status);
        QVERIFY2(response.body.contains(bodyPart), response.body.constData());
        QCOMPARE(m_served.store->storedAlerts().size(), 0);
    }

    void allowedOriginsMayPost()
    {
        m_served.listener->setAllowedOrigins({u"https://tools.example.org/"_s});
        const QByteArray body = TestData::fixture(u"alertmanager/firing-single.json"_s);
        QCOMPARE(
            HttpTestClient::send(port(), postRequest("/webhook", body, "Origin: https://tools.example.org\r\n")).status,
            200);
        QCOMPARE(HttpTestClient::send(port(), postRequest("/webhook", body, "Origin: https://evil.example\r\n")).status,
                 403);
    }

    void aNetworkListenerAnswersToAnyHostName()
    {
        m_served.listener->setAuth({"test-token", {}, {}, {}, {}});
        QVERIFY(m_served.listener->start({QHostAddress(QHostAddress::AnyIPv4), 0}));
        const HttpTestResponse response
            = HttpTestClient::send(port(), "GET /healthz HTTP/1.1\r\nHost: alertdeck.example.org:9095\r\n\r\n");
        QCOMPARE(response.status, 200);
    }

    // 5. Paths are the client's: they never become label values.
    void metricsStayWellFormedWhateverThePaths()
    {
        for (const QByteArray &path : {QByteArray("/webhook\",evil=\"1"), QByteArray("/webhook\"x"),
                                       QByteArray("/webhook\\"), QByteArray("/webhook/zabbix"), QByteArray("/nope")})
            QCOMPARE(HttpTestClient::send(port(), postRequest(path, "{}")).status, 404);
        for (int i = 0; i < 300; ++i)
            QCOMPARE(
                HttpTestClient::send(
                    port(), postRequest("/webhook/" + QByteArray(2000, 'a' + i % 26) + QByteArray::number(i), "{}"))
                    .status,
                404);
        const QByteArray text = metrics();
        QVERIFY2(!text.contains("evil"), text.constData());
        QVERIFY2(text.size() < 16 * 1024, qPrintable(u"/metrics is %1 bytes"_s.arg(text.size())));
        QCOMPARE(metricValue(text, "alertdeck_http_request_duration_seconds_count{endpoint=\"other\"}"), 305);

        // What Prometheus' own checker says of it.
        const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
        QVERIFY2(!promtool.isEmpty(), "promtool (Debian package prometheus) is needed");
        ChildProcess check;
        check.start(promtool, {u"check"_s, u"metrics"_s});
        QVERIFY(check.waitForStarted());
        check.writeInput(text);
        QVERIFY(check.waitForFinished(std::chrono::seconds(30)));
        const QByteArray verdict = (check.standardOutput() + check.standardError()).toUtf8();
        QVERIFY2(check.exitCode() == 0 && check.exitStatus() == QProcess::NormalExit, verdict.constData());
    }

    void labelValuesAreEscaped()
    {
        QCOMPARE(ListenerMetrics::escapeLabelValue("a\"b\\c\nd"), QByteArray("a\\\"b\\\\c\\nd"));
        QCOMPARE(ListenerMetrics::endpointLabel("/webhook/grafana"), QByteArray("/webhook/grafana"));
        QCOMPARE(ListenerMetrics::endpointLabel("/webhook/grafana/x"), QByteArray("other"));
    }

    // 6. Clients that open an HTTPS connection and never say hello.
    void silentTlsClientsDoNotStopHttps()
    {
        m_served.listener->setTlsFiles(TestData::path(u"tls/server.pem"_s), TestData::path(u"tls/server.key"_s));
        m_served.listener->setHandshakeTimeout(std::chrono::seconds(60)); // they stay for the whole test
        QVERIFY2(m_served.listener->start({QHostAddress(QHostAddress::LocalHost), 0}),
                 qPrintable(m_served.listener->errorString()));
        std::vector<std::unique_ptr<QTcpSocket>> silent;
        for (int i = 0; i < 100; ++i) {
            silent.push_back(std::make_unique<QTcpSocket>());
            silent.back()->connectToHost(QHostAddress::LocalHost, port());
            QVERIFY(silent.back()->waitForConnected(5000));
        }
        const QList<QSslCertificate> trusted = QSslCertificate::fromData(TestData::file(u"tls/server.pem"_s));
        const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        QCOMPARE(HttpTestClient::sendTls(port(), request, trusted).status, 200);
        QCOMPARE(HttpTestClient::sendTls(port(), request, trusted).status, 200);
    }

    void unfinishedHandshakesTimeOut()
    {
        m_served.listener->setTlsFiles(TestData::path(u"tls/server.pem"_s), TestData::path(u"tls/server.key"_s));
        m_served.listener->setHandshakeTimeout(std::chrono::milliseconds(300));
        QVERIFY(m_served.listener->start({QHostAddress(QHostAddress::LocalHost), 0}));
        std::vector<RawClient> silent;
        for (int i = 0; i < 10; ++i)
            silent.emplace_back(port());
        for (const RawClient &client : silent)
            QTRY_VERIFY_WITH_TIMEOUT(*client.closed, 10'000);
        const QList<QSslCertificate> trusted = QSslCertificate::fromData(TestData::file(u"tls/server.pem"_s));
        const HttpTestResponse response
            = HttpTestClient::sendTls(port(), "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", trusted);
        QCOMPARE(response.status, 200);
        QCOMPARE(
            metricValue(response.body, "alertdeck_listener_connections_dropped_total{reason=\"handshake_timeout\"}"),
            10);
    }

    // 7. Out of file descriptors: accepting pauses and resumes, it does not spin.
    void acceptErrorsBackOff()
    {
        QTcpSocket client;
        // Use up every descriptor but one, which the client takes for its socket: the
        // listener's accept() then fails with EMFILE.
        rlimit original{};
        getrlimit(RLIMIT_NOFILE, &original);
        rlimit lowered = original;
        lowered.rlim_cur = 256;
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &lowered), 0);
        std::vector<int> filler;
        for (int fd = ::dup(0); fd >= 0; fd = ::dup(0))
            filler.push_back(fd);
        QVERIFY(!filler.empty());
        ::close(filler.back());
        filler.pop_back();
        client.connectToHost(QHostAddress::LocalHost, port());
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState); // the kernel's queue took it

        // Once the listener has failed, the descriptors come back; a busy loop would
        // have failed thousands of times meanwhile.
        const QByteArray acceptErrors = "alertdeck_listener_connections_dropped_total{reason=\"accept_error\"}";
        QTRY_VERIFY_WITH_TIMEOUT(metricValue(m_served.listener->metricsText(), acceptErrors) >= 1, 10'000);
        for (const int fd : filler)
            ::close(fd);
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &original), 0);

        client.write("GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        QByteArray received;
        connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("alertdeck_http_request_duration_seconds"), 10'000);
        const qint64 errors = metricValue(received, acceptErrors);
        qInfo("accept errors while out of descriptors: %lld", errors);
        QVERIFY2(errors >= 1 && errors <= 4, qPrintable(u"%1 accept errors"_s.arg(errors)));
    }

    // 8. Requests that two parsers could read differently get one answer: 400.
    void ambiguousFramingGetsOneAnswer_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("two content-lengths")
            << QByteArray("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                          "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
        QTest::newRow("space before colon")
            << QByteArray("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                          "Content-Length : 2\r\n\r\n{}");
        QTest::newRow("no host") << QByteArray("GET /healthz HTTP/1.1\r\n\r\n");
        QTest::newRow("chunked on http/1.0")
            << QByteArray("POST /webhook HTTP/1.0\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                          "\r\n2\r\n{}\r\n0\r\n\r\n");
        QTest::newRow("two transfer-encodings")
            << QByteArray("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        QTest::newRow("bare lf chunk") << QByteArray(
            "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n2\n{}\r\n0\r\n\r\n");
    }

    void ambiguousFramingGetsOneAnswer()
    {
        QFETCH(QByteArray, request);
        const HttpTestResponse response = HttpTestClient::send(port(), request);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.raw.count("Content-Length: "), 1);
        QVERIFY(response.headers.contains("Connection: close"));
        QCOMPARE(m_served.store->storedAlerts().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestListenerLimits)
#include "tst_listenerlimits.moc"
