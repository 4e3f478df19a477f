#include "analysis/ChatStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QList<QByteArray> SseParser::feed(QByteArrayView chunk)
{
    QList<QByteArray> events;
    if (failed() || chunk.isEmpty())
        return events;
    // Only the new bytes are looked at: the unfinished line held from earlier chunks
    // has no line end (scanning it again on every chunk would cost quadratic time).
    qsizetype from = 0; // where the current line's part in this chunk starts
    if (std::exchange(m_skipLf, false) && chunk.front() == '\n')
        from = 1;
    qsizetype i = from;
    for (; i < chunk.size(); ++i) {
        const char c = chunk[i];
        if (c != '\n' && c != '\r')
            continue;
        const QByteArrayView part = chunk.sliced(from, i - from);
        if (m_buffer.size() + part.size() > maxLineBytes) {
            m_scanned += i + 1;
            fail(tooLongLine());
            return events;
        }
        bool ok = true;
        if (m_buffer.isEmpty()) {
            ok = line(part, events);
        } else {
            m_buffer.append(part);
            ok = line(m_buffer, events);
            m_buffer.clear();
        }
        if (!ok) {
            m_scanned += i + 1;
            return events;
        }
        if (c == '\r') {
            if (i + 1 < chunk.size()) {
                if (chunk[i + 1] == '\n')
                    ++i;
            } else {
                m_skipLf = true; // the LF may come in the next chunk
            }
        }
        from = i + 1;
    }
    m_scanned += chunk.size();
    const QByteArrayView rest = chunk.sliced(from);
    if (m_buffer.size() + rest.size() > maxLineBytes) {
        fail(tooLongLine()); // whatever comes next, this line is already too long
        return events;
    }
    m_buffer.append(rest);
    return events;
}

QString SseParser::tooLongLine()
{
    return tr("The provider sent a line longer than %1 MiB — not a valid event stream").arg(maxLineBytes >> 20);
}

void SseParser::fail(const QString &error)
{
    m_error = error;
    // Nothing held is used any more.
    m_buffer = QByteArray();
    m_data = QByteArray();
    m_hasData = false;
}

bool SseParser::line(QByteArrayView text, QList<QByteArray> &events)
{
    if (text.isEmpty()) {
        if (m_hasData)
            events.append(std::exchange(m_data, {}));
        m_hasData = false;
        return true;
    }
    if (text.startsWith(':'))
        return true; // comment, e.g. ": keep-alive"
    const qsizetype colon = text.indexOf(':');
    const QByteArrayView field = colon < 0 ? text : text.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : text.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_data.size() + (m_hasData ? 1 : 0) + value.size() > maxEventBytes) {
            fail(tr("The provider sent an event longer than %1 MiB — not a valid event stream")
                     .arg(maxEventBytes >> 20));
            return false;
        }
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    }
    // "event", "id" and "retry" carry nothing a chat completion uses.
    return true;
}

bool ChatStream::feed(QByteArrayView chunk)
{
    bool grew = false;
    if (!m_limitError.isEmpty())
        return grew;
    for (const QByteArray &data : m_parser.feed(chunk)) {
        grew |= event(data);
        if (!m_limitError.isEmpty())
            break; // nothing after the broken limit counts
    }
    return grew;
}

bool ChatStream::toolCallFragment(const QJsonObject &fragment)
{
    const QJsonObject function = fragment.value(u"function"_s).toObject();
    const QString id = fragment.value(u"id"_s).toString();
    // Servers that send each call whole may leave out the index: a new id is a new call.
    // 64 bits and capped: a hostile index (or one past the largest) cannot overflow.
    qint64 index = std::min<qint64>(fragment.value(u"index"_s).toInteger(-1), qint64(1) << 40);
    if (index < 0) {
        const auto known = std::find_if(m_toolCalls.cbegin(), m_toolCalls.cend(),
                                        [&id](const ToolCall &call) { return call.id == id; });
        if (!id.isEmpty() && known == m_toolCalls.cend())
            index = m_toolCallSlots.isEmpty() ? 0 : m_toolCallSlots.last().index + 1;
        else if (known != m_toolCalls.cend())
            index = m_toolCallSlots.at(known - m_toolCalls.cbegin()).index;
        else
            index = m_toolCallSlots.isEmpty() ? 0 : m_toolCallSlots.last().index;
    }
    // Kept in index order; a turn has few calls, so a linear search costs nothing.
    qsizetype at = 0;
    while (at < m_toolCallSlots.size() && m_toolCallSlots.at(at).index < index)
        ++at;
    if (at == m_toolCallSlots.size() || m_toolCallSlots.at(at).index != index) {
        if (m_toolCalls.size() >= maxToolCalls) {
            m_limitError
                = tr("The provider asked for more than %n tool call(s) in one answer", nullptr, int(maxToolCalls));
            return false;
        }
        m_toolCallSlots.insert(at, ToolCallSlot{index, 0});
        m_toolCalls.insert(at, ToolCall{});
    }
    ToolCall &call = m_toolCalls[at];
    ToolCallSlot &slot = m_toolCallSlots[at];
    // The first fragment names the call; later ones only add to its arguments.
    if (call.id.isEmpty())
        call.id = id;
    if (const QString type = fragment.value(u"type"_s).toString(); !type.isEmpty())
        call.type = type;
    if (call.name.isEmpty())
        call.name = function.value(u"name"_s).toString();
    const QJsonValue arguments = function.value(u"arguments"_s);
    // Some servers send the arguments as a JSON object instead of its text.
    const QString piece = arguments.isObject()
        ? QString::fromUtf8(QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Compact))
        : arguments.toString();
    slot.argumentBytes += piece.toUtf8().size();
    if (slot.argumentBytes > maxToolArgumentBytes || call.id.size() > 256 || call.name.size() > 256) {
        m_limitError = tr("The provider sent a tool call (\"%1\") larger than %2 KiB")
                           .arg(call.name.left(64))
                           .arg(maxToolArgumentBytes / 1024);
        return false;
    }
    call.arguments += piece;
    return true;
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
        bool calls = false;
        for (const QJsonValue &fragment : delta.value(u"tool_calls"_s).toArray()) {
            if (!toolCallFragment(fragment.toObject()))
                return grew;
            calls = true;
        }
        if (!reasoning.isEmpty() || !content.isEmpty() || calls) {
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
        const QJsonValue reasoningTokens
            = u.value(u"completion_tokens_details"_s).toObject().value(u"reasoning_tokens"_s);
        if (reasoningTokens.isDouble())
            m_usage->reasoningTokens = reasoningTokens.toInt();
    }
    return grew;
}
