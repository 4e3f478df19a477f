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
};

QTEST_GUILESS_MAIN(TestChatStream)
#include "tst_chatstream.moc"
