#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Server-sent events as an OpenAI-compatible chat completion streams them, decoded
// from byte chunks split anywhere (inside a line, a CRLF pair or a multibyte UTF-8
// character): `data:` lines joined per event, `:` comments (keep-alive) skipped,
// events separated by a blank line, LF, CRLF or CR line ends.
class SseParser final
{
public:
    // Complete events' data, in order.
    QList<QByteArray> feed(QByteArrayView chunk);

private:
    void line(QByteArrayView text, QList<QByteArray> &events);

    QByteArray m_buffer;
    QByteArray m_data;
    bool m_hasData = false;
    bool m_skipLf = false; // a CR ended the last line; a following LF belongs to it
};

struct TokenUsage {
    int promptTokens = 0;
    int completionTokens = 0;
    int totalTokens = 0;
};

// What the stream has said so far: the answer, the reasoning (thinking models),
// why it finished, the usage, and whether it ended properly with [DONE].
class ChatStream final
{
public:
    // Feeds raw bytes; returns true when the text or reasoning grew.
    bool feed(QByteArrayView chunk);

    const QString &content() const { return m_content; }
    const QString &reasoning() const { return m_reasoning; }
    const std::optional<QString> &finishReason() const { return m_finishReason; }
    const std::optional<TokenUsage> &usage() const { return m_usage; }
    bool done() const { return m_done; } // [DONE] arrived
    // Events whose JSON could not be read (skipped; the rest of the stream counts).
    const QStringList &malformed() const { return m_malformed; }
    // A server error sent inside the stream ({"error":{"message":…}}).
    const QString &streamError() const { return m_streamError; }
    // Events that added text (each is about one token).
    int deltas() const { return m_deltas; }

private:
    bool event(const QByteArray &data);

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
