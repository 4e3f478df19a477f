#include "analysis/ChatStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QList<QByteArray> SseParser::feed(QByteArrayView chunk)
{
    QList<QByteArray> events;
    m_buffer.append(chunk);
    qsizetype start = 0;
    if (m_skipLf && !m_buffer.isEmpty()) {
        if (m_buffer.at(0) == '\n')
            start = 1;
        m_skipLf = false;
    }
    for (qsizetype i = start; i < m_buffer.size(); ++i) {
        const char c = m_buffer.at(i);
        if (c != '\n' && c != '\r')
            continue;
        line(QByteArrayView(m_buffer).sliced(start, i - start), events);
        if (c == '\r') {
            if (i + 1 < m_buffer.size()) {
                if (m_buffer.at(i + 1) == '\n')
                    ++i;
            } else {
                m_skipLf = true; // the LF may come in the next chunk
            }
        }
        start = i + 1;
    }
    m_buffer.remove(0, start);
    return events;
}

void SseParser::line(QByteArrayView text, QList<QByteArray> &events)
{
    if (text.isEmpty()) {
        if (m_hasData)
            events.append(std::exchange(m_data, {}));
        m_hasData = false;
        return;
    }
    if (text.startsWith(':'))
        return; // comment, e.g. ": keep-alive"
    const qsizetype colon = text.indexOf(':');
    const QByteArrayView field = colon < 0 ? text : text.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : text.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    }
    // "event", "id" and "retry" carry nothing a chat completion uses.
}

bool ChatStream::feed(QByteArrayView chunk)
{
    bool grew = false;
    for (const QByteArray &data : m_parser.feed(chunk))
        grew |= event(data);
    return grew;
}

bool ChatStream::event(const QByteArray &data)
{
    if (data.trimmed() == "[DONE]") {
        m_done = true;
        return false;
    }
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(data, &error).object();
    if (error.error != QJsonParseError::NoError) {
        m_malformed << QString::fromUtf8(data.left(200));
        return false;
    }
    if (const QJsonValue streamError = object.value(u"error"_s); streamError.isObject()) {
        m_streamError = streamError.toObject().value(u"message"_s).toString();
        return false;
    }
    bool grew = false;
    for (const QJsonValue &choice : object.value(u"choices"_s).toArray()) {
        const QJsonObject delta = choice.toObject().value(u"delta"_s).toObject();
        const QString reasoning = delta.value(u"reasoning_content"_s).toString();
        const QString content = delta.value(u"content"_s).toString();
        m_reasoning += reasoning;
        m_content += content;
        if (!reasoning.isEmpty() || !content.isEmpty()) {
            grew = true;
            ++m_deltas;
        }
        if (const QJsonValue finish = choice.toObject().value(u"finish_reason"_s); finish.isString())
            m_finishReason = finish.toString();
    }
    if (const QJsonValue usage = object.value(u"usage"_s); usage.isObject()) {
        const QJsonObject u = usage.toObject();
        m_usage = TokenUsage{u.value(u"prompt_tokens"_s).toInt(), u.value(u"completion_tokens"_s).toInt(),
                             u.value(u"total_tokens"_s).toInt()};
    }
    return grew;
}
