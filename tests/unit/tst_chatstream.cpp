#include "TestData.h"
#include "analysis/ChatStream.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ChatStream streamed(const QByteArray &bytes, qsizetype chunk)
{
    ChatStream stream;
    for (qsizetype at = 0; at < bytes.size(); at += chunk)
        stream.feed(QByteArrayView(bytes).sliced(at, std::min(chunk, bytes.size() - at)));
    return stream;
}

} // namespace

class TestChatStream : public QObject
{
    Q_OBJECT

private slots:
    void fixturesInAnyChunking_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<qsizetype>("chunk");
        for (const QString &name : {u"deepseek-chat"_s, u"deepseek-reasoner"_s})
            for (const qsizetype chunk : {qsizetype(1), qsizetype(7), qsizetype(1 << 30)})
                QTest::addRow("%s / %lld", qPrintable(name), qlonglong(chunk)) << name << chunk;
    }

    void fixturesInAnyChunking()
    {
        QFETCH(QString, fixture);
        QFETCH(qsizetype, chunk);
        const ChatStream stream = streamed(TestData::fixture(u"llm/"_s + fixture + u".sse"_s), chunk);
        QCOMPARE(stream.content(), QString::fromUtf8(TestData::fixture(u"llm/"_s + fixture + u".expected.md"_s)));
        if (fixture == u"deepseek-reasoner"_s)
            QCOMPARE(stream.reasoning(),
                     QString::fromUtf8(TestData::fixture(u"llm/deepseek-reasoner.expected-reasoning.txt"_s)));
        else
            QVERIFY(stream.reasoning().isEmpty());
        QVERIFY(stream.done());
        QCOMPARE(stream.finishReason(), u"stop"_s);
        QVERIFY(stream.usage());
        QVERIFY(stream.usage()->totalTokens > 0);
        QVERIFY(stream.malformed().isEmpty());
    }

    void usageInTheLastChunkOrAnEmptyChoicesChunk()
    {
        const ChatStream chat = streamed(TestData::fixture(u"llm/deepseek-chat.sse"_s), 1 << 30);
        QCOMPARE(chat.usage()->promptTokens, 1187);
        QCOMPARE(chat.usage()->completionTokens, 164);
        const ChatStream reasoner = streamed(TestData::fixture(u"llm/deepseek-reasoner.sse"_s), 1 << 30);
        QCOMPARE(reasoner.usage()->promptTokens, 1190);
    }

    void droppedStreamKeepsTheTextAndSaysSo()
    {
        const ChatStream stream = streamed(TestData::fixture(u"llm/deepseek-chat-dropped.sse"_s), 7);
        QVERIFY(!stream.done());
        QVERIFY(!stream.finishReason());
        QVERIFY(stream.content().endsWith(u"anked)**"_s));
    }

    void lineEndingsCommentsAndBadJson()
    {
        ChatStream stream;
        const QByteArray bytes
            = ": keep-alive\r\n\r\n"
              "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\r\n\r\n"
              "data: {not json}\n\n"
              "data: {\"choices\":[{\"delta\":{\"content\":\"b\"}}]}\r\r"
              "data: {\"choices\":[{\"delta\":{\"content\":\"\xe4\xb8\xad\"},\"finish_reason\":\"length\"}]}\n\n"
              "data: [DONE]\n\n";
        // CR and LF of one line end split across chunks, and a multibyte character too.
        for (qsizetype i = 0; i < bytes.size(); i += 3)
            stream.feed(QByteArrayView(bytes).sliced(i, std::min<qsizetype>(3, bytes.size() - i)));
        QCOMPARE(stream.content(), u"ab中"_s);
        QCOMPARE(stream.malformed().size(), 1);
        QCOMPARE(stream.finishReason(), u"length"_s);
        QVERIFY(stream.done());

        ChatStream failing;
        failing.feed("data: {\"error\":{\"message\":\"Model overloaded\"}}\n\n");
        QCOMPARE(failing.streamError(), u"Model overloaded"_s);
    }

    void multiLineDataIsJoined()
    {
        SseParser parser;
        const QList<QByteArray> events = parser.feed("data: one\ndata: two\nid: 7\nevent: x\n\ndata:three\n\n");
        QCOMPARE(events, (QList<QByteArray>{"one\ntwo", "three"}));
    }

    // Found in review: every chunk rescanned the whole unfinished line, so a long line
    // fed in small pieces cost quadratic time. Each byte is looked at once.
    void eachByteIsScannedOnce()
    {
        const QByteArray line
            = "data: {\"choices\":[{\"delta\":{\"content\":\"" + QByteArray(900 * 1024, 'x') + "\"}}]}\n\n";
        SseParser parser;
        QList<QByteArray> events;
        for (qsizetype at = 0; at < line.size(); at += 1024)
            events += parser.feed(QByteArrayView(line).sliced(at, std::min<qsizetype>(1024, line.size() - at)));
        QCOMPARE(events.size(), 1);
        QVERIFY(!parser.failed());
        QCOMPARE(parser.scannedBytes(), qint64(line.size()));
    }

    // An endless line (50 MB here, in 1 KiB chunks) fails the stream once it passes the
    // limit; memory stays under the limit and nothing after it is decoded.
    void anEndlessLineFailsAtTheLimit()
    {
        ChatStream stream;
        const QByteArray before = "data: {\"choices\":[{\"delta\":{\"content\":\"kept\"}}]}\n\ndata: {";
        stream.feed(before);
        qint64 fed = before.size();
        const QByteArray chunk(1024, 'x');
        qint64 failedAt = -1;
        while (fed < 50'000'000) {
            stream.feed(chunk);
            fed += chunk.size();
            if (failedAt < 0 && !stream.protocolError().isEmpty())
                failedAt = fed;
            QVERIFY2(failedAt >= 0 || fed <= SseParser::maxLineBytes + 2 * chunk.size(), "no error at the limit");
        }
        QVERIFY2(failedAt > SseParser::maxLineBytes && failedAt <= SseParser::maxLineBytes + 2 * chunk.size(),
                 qPrintable(QString::number(failedAt)));
        QCOMPARE(stream.protocolError(), u"The provider sent a line longer than 1 MiB — not a valid event stream"_s);
        stream.feed("\n\ndata: {\"choices\":[{\"delta\":{\"content\":\" lost\"}}]}\n\ndata: [DONE]\n\n");
        QCOMPARE(stream.content(), u"kept"_s);
        QVERIFY(!stream.done());
    }

    void memoryStaysUnderTheLimit()
    {
        SseParser parser;
        const QByteArray chunk(1024, 'x');
        for (int i = 0; i < 4096; ++i) {
            parser.feed(chunk);
            QVERIFY2(parser.bufferedBytes() <= SseParser::maxLineBytes, qPrintable(QString::number(i)));
        }
        QVERIFY(parser.failed());
        QCOMPARE(parser.bufferedBytes(), 0);
    }

    // Many data lines and no blank line: an event without end.
    void anEndlessEventFailsAtTheLimit()
    {
        SseParser parser;
        const QByteArray line = "data: " + QByteArray(1000, 'x') + "\n";
        int lines = 0;
        while (!parser.failed() && lines < 10'000) {
            parser.feed(line);
            ++lines;
            QVERIFY(parser.bufferedBytes() <= SseParser::maxEventBytes + line.size());
        }
        QCOMPARE(lines, int(SseParser::maxEventBytes / 1001) + 1);
        QCOMPARE(parser.error(), u"The provider sent an event longer than 1 MiB — not a valid event stream"_s);
    }

    // The limit is the same however the stream is cut: a line of exactly the limit is
    // read, one byte more is not.
    void theLimitDoesNotDependOnChunking_data()
    {
        QTest::addColumn<qsizetype>("chunk");
        for (const qsizetype chunk : {qsizetype(1000), qsizetype(4096), qsizetype(1) << 30})
            QTest::addRow("%lld", qlonglong(chunk)) << chunk;
    }

    void theLimitDoesNotDependOnChunking()
    {
        QFETCH(qsizetype, chunk);
        const auto decode = [chunk](const QByteArray &bytes) {
            SseParser parser;
            QList<QByteArray> events;
            for (qsizetype at = 0; at < bytes.size(); at += chunk)
                events += parser.feed(QByteArrayView(bytes).sliced(at, std::min(chunk, bytes.size() - at)));
            return std::pair{events, parser.error()};
        };
        const QByteArray atLimit = "data: " + QByteArray(SseParser::maxLineBytes - 6, 'x');
        const auto [fits, noError] = decode("data: a\n\n" + atLimit + "\r\n\ndata: b\n\n");
        QCOMPARE(fits.size(), 3);
        QCOMPARE(fits.at(1).size(), SseParser::maxLineBytes - 6);
        QVERIFY(noError.isEmpty());
        const auto [cut, error] = decode("data: a\n\n" + atLimit + "x\r\n\ndata: b\n\n");
        QCOMPARE(cut, QList<QByteArray>{"a"});
        QVERIFY(error.contains(u"longer than 1 MiB"_s));
    }
};

QTEST_GUILESS_MAIN(TestChatStream)
#include "tst_chatstream.moc"
