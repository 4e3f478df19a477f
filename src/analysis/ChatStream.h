#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Server-sent events as an OpenAI-compatible chat completion streams them, decoded
// from byte chunks split anywhere (inside a line, a CRLF pair or a multibyte UTF-8
// character): `data:` lines joined per event, `:` comments (keep-alive) skipped,
// events separated by a blank line, LF, CR LF or CR line ends.
//
// A hostile or broken endpoint costs little: every byte is looked at once however the
// stream is cut, and a line or an event longer than the limits fails the stream (at
// the same point whatever the chunking) instead of growing without end.
class SseParser final
{
    Q_DECLARE_TR_FUNCTIONS(SseParser)

public:
    // A chat completion chunk is a few hundred bytes, a tool call's fragment a few KiB,
    // a whole answer from a server that sends it at once some tens of KiB.
    static constexpr qsizetype maxLineBytes = 1 << 20;
    static constexpr qsizetype maxEventBytes = 1 << 20; // the data lines joined

    // Complete events' data, in order; after a failure, nothing more.
    QList<QByteArray> feed(QByteArrayView chunk);

    // Why the bytes are not an event stream (a line or an event over its limit); empty
    // while they are. The events before it were returned.
    const QString &error() const { return m_error; }
    bool failed() const { return !m_error.isEmpty(); }
    // Bytes examined for line ends so far: each byte once (tests check the cost).
    qint64 scannedBytes() const { return m_scanned; }
    // Bytes held for an unfinished line and event (tests check the memory).
    qsizetype bufferedBytes() const { return m_buffer.size() + m_data.size(); }

private:
    // One complete line, without its line end; false when it failed the stream.
    bool line(QByteArrayView text, QList<QByteArray> &events);
    void fail(const QString &error);
    static QString tooLongLine();

    QByteArray m_buffer; // the unfinished line
    QByteArray m_data;
    bool m_hasData = false;
    bool m_skipLf = false; // a CR ended the last line; a following LF belongs to it
    qint64 m_scanned = 0;
    QString m_error;
};

// A function call the model asked for, as assembled from the stream's
// `delta.tool_calls[]` fragments: `arguments` is the JSON text the model wrote
// (checked by whoever runs the tool, not here).
struct ToolCall {
    QString id{};
    QString type = QStringLiteral("function");
    QString name{};
    QString arguments{};
    friend bool operator==(const ToolCall &, const ToolCall &) = default;
};

struct TokenUsage {
    int promptTokens = 0;
    int completionTokens = 0; // the reasoning's tokens included
    int totalTokens = 0;
    // Of completionTokens, how many the model spent thinking
    // (`completion_tokens_details.reasoning_tokens`); unset when not reported.
    std::optional<int> reasoningTokens{};
};

// What the stream has said so far: the answer, the reasoning (thinking models),
// the tool calls, why it finished, the usage, and whether it ended properly with [DONE].
//
// Tool calls arrive in pieces keyed by `index`: the first carries id, type and name,
// later ones pieces of the arguments, and several calls may interleave. A hostile
// endpoint cannot make them grow without end: more than maxToolCalls calls, or
// arguments over maxToolArgumentBytes, fail the stream (protocolError()).
class ChatStream final
{
    Q_DECLARE_TR_FUNCTIONS(ChatStream)

public:
    // A turn asks for a handful of calls with arguments of a few hundred bytes.
    static constexpr qsizetype maxToolCalls = 32;
    static constexpr qsizetype maxToolArgumentBytes = 64 * 1024; // per call, in UTF-8

    // Feeds raw bytes; returns true when the text or reasoning grew.
    bool feed(QByteArrayView chunk);

    const QString &content() const { return m_content; }
    const QString &reasoning() const { return m_reasoning; }
    // The calls in the order of their index, complete once finishReason() is
    // "tool_calls"; while the stream runs, the last one may still be growing.
    const QList<ToolCall> &toolCalls() const { return m_toolCalls; }
    const std::optional<QString> &finishReason() const { return m_finishReason; }
    const std::optional<TokenUsage> &usage() const { return m_usage; }
    bool done() const { return m_done; } // [DONE] arrived
    // Events whose JSON could not be read (skipped; the rest of the stream counts).
    const QStringList &malformed() const { return m_malformed; }
    // A server error sent inside the stream ({"error":{"message":…}}).
    const QString &streamError() const { return m_streamError; }
    // Events that added text (each is about one token).
    int deltas() const { return m_deltas; }
    // Why the bytes stopped being an event stream (see SseParser::error()) or the tool
    // calls went over their limits; nothing after that point was decoded.
    const QString &protocolError() const { return m_parser.failed() ? m_parser.error() : m_limitError; }

private:
    bool event(const QByteArray &data);
    // One `delta.tool_calls[]` entry; false when it broke a limit.
    bool toolCallFragment(const QJsonObject &fragment);

    struct ToolCallSlot {
        qint64 index; // the stream's `index`
        qsizetype argumentBytes;
    };
    QList<ToolCallSlot> m_toolCallSlots; // one per entry of m_toolCalls
    QList<ToolCall> m_toolCalls;
    QString m_limitError;

    SseParser m_parser;
    QString m_content;
    QString m_reasoning;
    std::optional<QString> m_finishReason;
    std::optional<TokenUsage> m_usage;
    bool m_done = false;
    QStringList m_malformed;
    QString m_streamError;
    int m_deltas = 0;
};
