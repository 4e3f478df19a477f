#include "TestData.h"
#include "analysis/ChatStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

// One SSE event with one `delta.tool_calls[]` fragment; index -1 leaves it out, an
// empty id or name too (later fragments carry only arguments).
QByteArray toolCallEvent(int index, const QString &id, const QString &name, const QString &arguments)
{
    QJsonObject function{{u"arguments"_s, arguments}};
    QJsonObject fragment{{u"function"_s, function}};
    if (index >= 0)
        fragment.insert(u"index"_s, index);
    if (!id.isEmpty())
        fragment.insert(u"id"_s, id);
    if (!name.isEmpty()) {
        fragment.insert(u"type"_s, u"function"_s);
        function.insert(u"name"_s, name);
        fragment.insert(u"function"_s, function);
    }
    const QJsonObject chunk{
        {u"choices"_s, QJsonArray{QJsonObject{{u"delta"_s, QJsonObject{{u"tool_calls"_s, QJsonArray{fragment}}}}}}}};
    return "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
}

QJsonArray toJson(const QList<ToolCall> &calls)
{
    QJsonArray array;
    for (const ToolCall &call : calls)
        array.append(
            QJsonObject{{u"id"_s, call.id},
                        {u"type"_s, call.type},
                        {u"function"_s, QJsonObject{{u"name"_s, call.name}, {u"arguments"_s, call.arguments}}}});
    return array;
}

} // namespace

class TestChatStream : public QObject
{
    Q_OBJECT

private slots:
    // Two calls streamed in pieces (the first with id, type and name, the rest pieces of
    // the arguments) assemble to exactly the expected calls, however the bytes are cut.
    void toolCallsAssembleInAnyChunking_data()
    {
        QTest::addColumn<qsizetype>("chunk");
        for (const qsizetype chunk : {qsizetype(1), qsizetype(7), qsizetype(1 << 30)})
            QTest::addRow("%lld", qlonglong(chunk)) << chunk;
    }

    void toolCallsAssembleInAnyChunking()
    {
        QFETCH(qsizetype, chunk);
        const ChatStream stream = streamed(TestData::fixture(u"llm/deepseek-v4-tool-calls.sse"_s), chunk);
        const QJsonObject expected
            = QJsonDocument::fromJson(TestData::fixture(u"llm/deepseek-v4-tool-calls.expected.json"_s)).object();
        QVERIFY(stream.protocolError().isEmpty());
        QCOMPARE(stream.finishReason(), u"tool_calls"_s);
        QVERIFY(stream.done());
        QCOMPARE(stream.reasoning(), expected.value(u"reasoning_content"_s).toString());
        QVERIFY(stream.content().isEmpty());
        QCOMPARE(toJson(stream.toolCalls()), expected.value(u"tool_calls"_s).toArray());
        // The arguments are complete JSON once the turn ended.
        for (const ToolCall &call : stream.toolCalls())
            QVERIFY(QJsonDocument::fromJson(call.arguments.toUtf8()).isObject());
    }

    // Calls interleaved (pieces of call 1 between pieces of call 0), announced out of
    // order, and a server that leaves out the index: each piece goes to its call.
    void interleavedToolCallsKeepTheirPieces()
    {
        QByteArray sse = toolCallEvent(1, u"b"_s, u"logs"_s, {}) + toolCallEvent(0, u"a"_s, u"metrics"_s, u"{\"x\":"_s)
            + toolCallEvent(1, {}, {}, u"{\"y\":"_s) + toolCallEvent(0, {}, {}, u"1}"_s)
            + toolCallEvent(1, {}, {}, u"2}"_s)
            + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n";
        const ChatStream stream = streamed(sse, 5);
        QCOMPARE(stream.toolCalls().size(), 2);
        QCOMPARE(stream.toolCalls().at(0), (ToolCall{u"a"_s, u"function"_s, u"metrics"_s, u"{\"x\":1}"_s}));
        QCOMPARE(stream.toolCalls().at(1), (ToolCall{u"b"_s, u"function"_s, u"logs"_s, u"{\"y\":2}"_s}));

        const QByteArray noIndex
            = toolCallEvent(-1, u"c1"_s, u"f"_s, u"{}"_s) + toolCallEvent(-1, u"c2"_s, u"g"_s, u"{\"a\":1}"_s);
        const ChatStream whole = streamed(noIndex, 1 << 30);
        QCOMPARE(whole.toolCalls().size(), 2);
        QCOMPARE(whole.toolCalls().at(0).id, u"c1"_s);
        QCOMPARE(whole.toolCalls().at(1).arguments, u"{\"a\":1}"_s);

        // The largest index, then a call without one: a new call after it, no overflow
        // (found by the fuzzer under UBSan).
        const ChatStream far = streamed(
            toolCallEvent(2147483647, u"z"_s, u"f"_s, u"{}"_s) + toolCallEvent(-1, u"y"_s, u"g"_s, u"{}"_s), 1 << 30);
        QCOMPARE(far.toolCalls().size(), 2);
        QCOMPARE(far.toolCalls().at(0).id, u"z"_s);
        QCOMPARE(far.toolCalls().at(1).id, u"y"_s);
    }

    // A hostile endpoint: too many calls, or arguments without end, fail the stream at
    // the limit instead of growing; nothing after it is decoded.
    void toolCallsAreBounded()
    {
        QByteArray many;
        for (int i = 0; i <= ChatStream::maxToolCalls; ++i)
            many += toolCallEvent(i * 1000, u"c%1"_s.arg(i), u"f"_s, {});
        many += "data: {\"choices\":[{\"delta\":{\"content\":\"after\"}}]}\n\n";
        const ChatStream tooMany = streamed(many, 1 << 30);
        QCOMPARE(tooMany.toolCalls().size(), ChatStream::maxToolCalls);
        QVERIFY(tooMany.protocolError().contains(u"more than 32 tool call"_s));
        QVERIFY(tooMany.content().isEmpty());

        ChatStream endless;
        endless.feed(toolCallEvent(0, u"c"_s, u"query_loki"_s, {}));
        const QByteArray piece = toolCallEvent(0, {}, {}, QString(1000, u'x'));
        int fed = 0;
        while (endless.protocolError().isEmpty() && fed < 1000) {
            endless.feed(piece);
            ++fed;
        }
        QVERIFY(!endless.protocolError().isEmpty());
        QCOMPARE(fed, int(ChatStream::maxToolArgumentBytes / 1000) + 1);
        QVERIFY(endless.toolCalls().first().arguments.size() <= ChatStream::maxToolArgumentBytes);
        QVERIFY(endless.protocolError().contains(u"query_loki"_s));
    }
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

    // DeepSeek says how many of the completion tokens went to thinking; a provider that
    // does not say leaves it unset (not 0).
    void reasoningTokensAreReadWhenSent()
    {
        const ChatStream thinking = streamed(TestData::fixture(u"llm/deepseek-v4-tool-calls.sse"_s), 1 << 30);
        QVERIFY(thinking.usage());
        QCOMPARE(thinking.usage()->completionTokens, 141);
        QCOMPARE(thinking.usage()->reasoningTokens, std::optional<int>(22));
        const ChatStream plain = streamed(TestData::fixture(u"llm/deepseek-chat.sse"_s), 1 << 30);
        QVERIFY(plain.usage());
        QVERIFY(!plain.usage()->reasoningTokens);
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
