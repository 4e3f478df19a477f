#include "ingest/HttpRequestParser.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Feeds `bytes` in pieces of `step` bytes, as a network might deliver them.
qsizetype feedInSteps(HttpRequestParser &parser, const QByteArray &bytes, qsizetype step)
{
    qsizetype used = 0;
    for (qsizetype offset = 0; offset < bytes.size(); offset += step) {
        const QByteArrayView piece = QByteArrayView(bytes).sliced(offset, std::min(step, bytes.size() - offset));
        used += parser.feed(piece);
        if (parser.state() == HttpRequestParser::State::Complete || parser.state() == HttpRequestParser::State::Failed)
            break;
    }
    return used;
}

HttpRequestParser::Limits smallLimits()
{
    return {256, 64};
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void splits_data()
    {
        QTest::addColumn<qsizetype>("step");
        QTest::newRow("whole") << qsizetype(1 << 20);
        QTest::newRow("7 bytes") << qsizetype(7);
        QTest::newRow("1 byte") << qsizetype(1);
    }

    void splits()
    {
        QFETCH(qsizetype, step);
        const QByteArray request
            = "POST /webhook/alertmanager?x=1 HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
              "Content-Length: 11\r\nAuthorization:  Bearer t \r\n\r\n{\"alerts\":1}";
        HttpRequestParser parser({});
        feedInSteps(parser, request, step);
        QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
        const HttpRequest &r = parser.request();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/webhook/alertmanager"));
        QCOMPARE(r.target, QByteArray("/webhook/alertmanager?x=1"));
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("authorization"), QByteArray("Bearer t"));
        QCOMPARE(r.body, QByteArray("{\"alerts\":1"));
        QVERIFY(r.keepAlive());
    }

    void chunkedBody_data() { splits_data(); }

    void chunkedBody()
    {
        QFETCH(qsizetype, step);
        const QByteArray request = "POST /webhook HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: y\r\n\r\n";
        HttpRequestParser parser({});
        QCOMPARE(feedInSteps(parser, request, step), request.size());
        QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
        QCOMPARE(parser.request().body, QByteArray("hello, world"));
    }

    void pipelinedRequestsAreNotSwallowed()
    {
        const QByteArray first = "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n";
        const QByteArray both = first + "GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n";
        HttpRequestParser parser({});
        QCOMPARE(parser.feed(both), first.size());
        QCOMPARE(parser.request().path, QByteArray("/healthz"));
        parser.reset();
        parser.feed(QByteArrayView(both).sliced(first.size()));
        QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
        QCOMPARE(parser.request().path, QByteArray("/metrics"));
    }

    void bodyLimitFromContentLengthBeforeReadingIt()
    {
        HttpRequestParser parser(smallLimits());
        // Only the head is sent: the verdict comes before any body byte.
        parser.feed("POST /webhook HTTP/1.1\r\nHost: a\r\nContent-Length: 1073741824\r\n\r\n");
        QCOMPARE(parser.state(), HttpRequestParser::State::Failed);
        QCOMPARE(parser.error()->status, 413);
        QVERIFY(parser.error()->message.contains(u"1073741824"_s));
        QVERIFY(parser.request().body.capacity() < 1024); // nothing reserved for it either
    }

    void chunkedBodyLimit()
    {
        HttpRequestParser parser(smallLimits());
        QByteArray request = "POST /webhook HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 10; ++i)
            request += "10\r\n" + QByteArray(16, 'x') + "\r\n";
        feedInSteps(parser, request, 5);
        QCOMPARE(parser.state(), HttpRequestParser::State::Failed);
        QCOMPARE(parser.error()->status, 413);
        QVERIFY(parser.request().body.size() <= 64);
    }

    void hugeChunkSizeCannotSlipPastTheLimit()
    {
        // After one byte, a chunk size near 2^63 must not overflow the limit check.
        for (const QByteArray &size : {QByteArray("7fffffffffffffff"), QByteArray("fffffffffffffff")}) {
            HttpRequestParser parser(smallLimits());
            parser.feed("POST /webhook HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n" + size
                        + "\r\n" + QByteArray(256, 'y'));
            QCOMPARE(parser.state(), HttpRequestParser::State::Failed);
            QVERIFY(parser.error()->status == 413 || parser.error()->status == 400);
            QVERIFY(parser.request().body.size() <= 64);
        }
    }

    void headerLimit()
    {
        HttpRequestParser parser(smallLimits());
        feedInSteps(parser, "GET / HTTP/1.1\r\nHost: a\r\nX: " + QByteArray(300, 'a') + "\r\n\r\n", 1);
        QCOMPARE(parser.state(), HttpRequestParser::State::Failed);
        QCOMPARE(parser.error()->status, 431);
    }

    void expectContinue()
    {
        HttpRequestParser parser({});
        parser.feed("POST /webhook HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
        QCOMPARE(parser.state(), HttpRequestParser::State::Body);
        QVERIFY(parser.expectsContinue());
        parser.feed("{}");
        QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
    }

    void connectionHeader()
    {
        HttpRequestParser parser({});
        parser.feed("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        QVERIFY(!parser.request().keepAlive());
        parser.reset();
        parser.feed("GET / HTTP/1.0\r\n\r\n");
        QVERIFY(!parser.request().keepAlive());
        parser.reset();
        parser.feed("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
        QVERIFY(parser.request().keepAlive());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage line") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("relative target") << QByteArray("GET webhook HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << 400;
        QTest::newRow("http/0.9 version") << QByteArray("GET / HTTP/0.9\r\n\r\n") << 505;
        QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nBroken\r\n\r\n") << 400;
        QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: ten\r\n\r\n") << 400;
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -5\r\n\r\n")
                                         << 400;
        QTest::newRow("gzip encoding") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n")
                                       << 501;
        QTest::newRow("length and chunked")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n")
            << 400;
        QTest::newRow("bad chunk size") << QByteArray(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                        << 400;
        QTest::newRow("signed length") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +3\r\n\r\nabc")
                                       << 400;
        QTest::newRow("huge length") << QByteArray(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n")
                                     << 400;
        QTest::newRow("hex-prefixed chunk size")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0x3\r\nabc\r\n") << 400;
        QTest::newRow("signed chunk size")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n+3\r\nabc\r\n") << 400;
        QTest::newRow("chunk without crlf")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY\r\n") << 400;
        // RFC 9112 strictness: each of these is read differently by some proxy.
        QTest::newRow("two content-lengths")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc") << 400;
        QTest::newRow("content-length list")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\nabc") << 400;
        QTest::newRow("space before colon")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length : 3\r\n\r\nabc") << 400;
        QTest::newRow("missing host on 1.1") << QByteArray("GET / HTTP/1.1\r\nX: y\r\n\r\n") << 400;
        QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        QTest::newRow("chunked on 1.0") << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                        << 400;
        QTest::newRow("two transfer-encodings")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"
                          "\r\n0\r\n\r\n")
            << 400;
        QTest::newRow("chunked twice in one header")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n") << 400;
        QTest::newRow("bare lf chunk size")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n") << 400;
        QTest::newRow("bare lf after chunk data")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\n0\r\n\r\n") << 400;
        QTest::newRow("bare lf last chunk")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\n\r\n") << 400;
        QTest::newRow("bare lf in head") << QByteArray("GET / HTTP/1.1\nHost: a\r\n\r\n") << 400;
        QTest::newRow("bare lf head end") << QByteArray("GET / HTTP/1.1\r\nHost: a\n\n") << 400;
        QTest::newRow("bare cr in header") << QByteArray("GET / HTTP/1.1\r\nHost: a\rX: y\r\n\r\n") << 400;
        QTest::newRow("nul in header value") << QByteArray("GET / HTTP/1.1\r\nHost: a\0b\r\n\r\n", 29) << 400;
        QTest::newRow("escape in header value") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: \x1b[2J\r\n\r\n") << 400;
        QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: y\r\n z\r\n\r\n") << 400;
        QTest::newRow("space in header name") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX Y: z\r\n\r\n") << 400;
        QTest::newRow("double space in request line") << QByteArray("GET  / HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
        QTest::newRow("control in target") << QByteArray("GET /a\x01b HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
        QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\nHost: a\r\n\r\n") << 400;
    }

    void emptyLinesBeforeTheRequestLineAreSkipped()
    {
        HttpRequestParser parser({});
        const QByteArray request = "\r\n\r\nGET /healthz HTTP/1.1\r\nHost: a\r\n\r\n";
        QCOMPARE(feedInSteps(parser, request, 1), request.size());
        QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
        QCOMPARE(parser.request().path, QByteArray("/healthz"));
    }

    void headCheckRefusesBeforeTheBodyIsRead()
    {
        HttpRequestParser parser({});
        int checks = 0;
        parser.setHeadCheck([&](const HttpRequest &request) -> std::optional<HttpRequestParser::Error> {
            ++checks;
            if (request.header("authorization").isEmpty())
                return HttpRequestParser::Error{401, u"authentication required"_s, "WWW-Authenticate: Bearer\r\n"};
            return std::nullopt;
        });
        const QByteArray head
            = "POST /webhook HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n";
        // Head and body in one piece: nothing of the body is taken.
        QCOMPARE(parser.feed(head + "hello"), head.size());
        QCOMPARE(checks, 1);
        QCOMPARE(parser.state(), HttpRequestParser::State::Failed);
        QCOMPARE(parser.error()->status, 401);
        QCOMPARE(parser.error()->extraHeaders, QByteArray("WWW-Authenticate: Bearer\r\n"));
        QVERIFY(parser.request().body.isEmpty());
        // Found by fuzzing: a refused request must not be told to send its body.
        QVERIFY(!parser.expectsContinue());

        parser.reset();
        const QByteArray allowed = "POST /webhook HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer t\r\n"
                                   "Content-Length: 5\r\n\r\nhello";
        QCOMPARE(parser.feed(allowed), allowed.size());
        QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
        QCOMPARE(parser.request().body, QByteArray("hello"));
        QCOMPARE(checks, 2);
    }

    void declaredBodySizeIsKnownAtTheHeadCheck()
    {
        HttpRequestParser parser({});
        qint64 seen = -2;
        parser.setHeadCheck([&](const HttpRequest &) -> std::optional<HttpRequestParser::Error> {
            seen = parser.declaredBodyBytes();
            return std::nullopt;
        });
        parser.feed("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 42\r\n\r\n");
        QCOMPARE(seen, 42);
        parser.reset();
        parser.feed("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n");
        QCOMPARE(seen, -1);
    }

    void trailersAreBounded()
    {
        HttpRequestParser parser(smallLimits());
        QByteArray request = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n";
        for (int i = 0; i < 100; ++i)
            request += "X-T: " + QByteArray(20, 'x') + "\r\n";
        feedInSteps(parser, request, 64);
        QCOMPARE(parser.state(), HttpRequestParser::State::Failed);
        QCOMPARE(parser.error()->status, 431);
    }

    void malformed()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        HttpRequestParser parser({});
        parser.feed(request);
        QCOMPARE(parser.state(), HttpRequestParser::State::Failed);
        QCOMPARE(parser.error()->status, status);
        QVERIFY(!parser.error()->message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
