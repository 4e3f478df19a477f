// SseParser and ChatStream: a stream cut at fuzzer-chosen points must decode to the
// same events, the same answer and the same tool calls as the stream read at once, and
// the tool calls stay within their limits however hostile the fragments.
//
// Input: [cut count][cut offsets...][the stream's bytes]

#include "FuzzSupport.h"
#include "analysis/ChatStream.h"

#include <QList>

namespace {

struct Decoded {
    QList<QByteArray> events;
    QString content;
    QString reasoning;
    std::optional<QString> finishReason;
    bool done = false;
    qsizetype malformed = 0;
    QString streamError;
    int deltas = 0;
    bool hasUsage = false;
    QList<ToolCall> toolCalls;
    QString protocolError;

    bool operator==(const Decoded &) const = default;
};

Decoded decode(QByteArrayView stream, const QList<qsizetype> &cuts)
{
    Decoded decoded;
    SseParser parser;
    ChatStream chat;
    qsizetype from = 0;
    auto feed = [&](qsizetype to) {
        const QByteArrayView chunk = stream.sliced(from, to - from);
        const QList<QByteArray> events = parser.feed(chunk);
        for (const QByteArray &event : events) {
            // An event is the joined data lines: no CR, and no LF unless several lines.
            FUZZ_CHECK(!event.contains('\r'));
        }
        decoded.events += events;
        const QString contentBefore = chat.content();
        const QString reasoningBefore = chat.reasoning();
        const int deltasBefore = chat.deltas();
        const QList<ToolCall> callsBefore = chat.toolCalls();
        const bool grew = chat.feed(chunk);
        // Text only grows, and feed() says when (tool-call fragments grow it too).
        FUZZ_CHECK(chat.content().startsWith(contentBefore) && chat.reasoning().startsWith(reasoningBefore));
        const bool textGrew = chat.content() != contentBefore || chat.reasoning() != reasoningBefore;
        FUZZ_CHECK(!textGrew || grew);
        FUZZ_CHECK(grew || chat.toolCalls() == callsBefore);
        FUZZ_CHECK(grew == (textGrew || chat.deltas() != deltasBefore));
        FUZZ_CHECK(chat.deltas() >= deltasBefore);
        // Calls are never dropped, and each one's arguments only grow.
        FUZZ_CHECK(chat.toolCalls().size() >= callsBefore.size());
        FUZZ_CHECK(chat.toolCalls().size() <= ChatStream::maxToolCalls);
        for (const ToolCall &call : chat.toolCalls())
            FUZZ_CHECK(call.arguments.toUtf8().size() <= ChatStream::maxToolArgumentBytes);
        from = to;
    };
    for (const qsizetype cut : cuts)
        if (cut > from && cut < stream.size())
            feed(cut);
    feed(stream.size());
    FUZZ_CHECK(chat.deltas() >= 0);
    FUZZ_CHECK(chat.malformed().size() <= decoded.events.size());
    for (const QString &text : chat.malformed())
        FUZZ_CHECK(text.size() <= 200);
    decoded.content = chat.content();
    decoded.reasoning = chat.reasoning();
    decoded.finishReason = chat.finishReason();
    decoded.done = chat.done();
    decoded.malformed = chat.malformed().size();
    decoded.streamError = chat.streamError();
    decoded.deltas = chat.deltas();
    decoded.hasUsage = chat.usage().has_value();
    decoded.toolCalls = chat.toolCalls();
    decoded.protocolError = chat.protocolError();
    return decoded;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    const int cutCount = input.byte() % 8;
    QList<qsizetype> offsets;
    for (int i = 0; i < cutCount; ++i)
        offsets << input.byte();
    const QByteArrayView stream = input.rest();
    // Offsets are steps from the previous cut, so every cut lands somewhere new.
    QList<qsizetype> cuts;
    qsizetype at = 0;
    for (const qsizetype step : offsets)
        cuts << (at += step);

    const Decoded whole = decode(stream, {});
    const Decoded pieces = decode(stream, cuts);
    FUZZ_CHECK(whole.events == pieces.events);
    FUZZ_CHECK(whole == pieces);
    // Byte by byte as well, for short streams: every CR LF and UTF-8 sequence split.
    if (stream.size() <= 512) {
        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < stream.size(); ++i)
            everyByte << i;
        FUZZ_CHECK(decode(stream, everyByte) == whole);
    }
    return 0;
}
