#include "ScriptedProvider.h"

#include "analysis/AnalysisPrompt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

constexpr auto placeholderStart = u"{{E:";
constexpr auto placeholderEnd = u"}}";

QByteArray sseEvent(const QJsonObject &chunk)
{
    return "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
}

QJsonObject chunk(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue::Null)
{
    return {{u"id"_s, u"scripted-1"_s},
            {u"object"_s, u"chat.completion.chunk"_s},
            {u"created"_s, 1796540000},
            {u"model"_s, u"scripted"_s},
            {u"choices"_s,
             QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, delta}, {u"finish_reason"_s, finishReason}}}}};
}

} // namespace

ScriptedProvider::ScriptedProvider(QObject *parent)
    : QObject(parent)
    , m_server([this](const HttpRequest &request) { return answer(request); }, this)
{ }

bool ScriptedProvider::listen()
{
    return m_server.listen();
}

QUrl ScriptedProvider::baseUrl() const
{
    QUrl url = m_server.url();
    url.setPath(u"/v1"_s);
    return url;
}

void ScriptedProvider::setScript(const Script &script)
{
    m_script = script;
    m_unresolved.clear();
}

QMap<int, QString> ScriptedProvider::evidenceListing(const QString &userMessage)
{
    // "### Evidence items (cite them by id, e.g. [E1])" then a ```text fence, one "E<n> text" a line.
    QMap<int, QString> listing;
    const qsizetype section = userMessage.indexOf(u"### Evidence items"_s);
    if (section < 0)
        return listing;
    const qsizetype open = userMessage.indexOf(u"```"_s, section);
    const qsizetype bodyStart = open < 0 ? -1 : userMessage.indexOf(u'\n', open);
    const qsizetype close = bodyStart < 0 ? -1 : userMessage.indexOf(u"\n```"_s, bodyStart);
    if (close < 0)
        return listing;
    const QStringView body = QStringView(userMessage).sliced(bodyStart + 1, close - bodyStart - 1);
    for (const QStringView line : body.split(u'\n')) {
        const qsizetype space = line.indexOf(u' ');
        bool ok = false;
        const int number = space > 1 && line.startsWith(u'E') ? line.sliced(1, space - 1).toInt(&ok) : 0;
        if (ok && number > 0)
            listing.insert(number, line.sliced(space + 1).toString());
    }
    return listing;
}

ScriptedProvider::Resolved ScriptedProvider::resolve(const QString &text, const QMap<int, QString> &listing)
{
    Resolved resolved;
    qsizetype from = 0;
    for (qsizetype at = text.indexOf(placeholderStart); at >= 0; at = text.indexOf(placeholderStart, from)) {
        const qsizetype end = text.indexOf(placeholderEnd, at);
        if (end < 0)
            break;
        resolved.text += QStringView(text).sliced(from, at - from);
        const QString needle = text.mid(at + 4, end - at - 4);
        int id = 0;
        for (auto it = listing.cbegin(); it != listing.cend() && id == 0; ++it)
            if (it.value().contains(needle))
                id = it.key();
        if (id == 0)
            resolved.unresolved << needle;
        resolved.text += u'E' + QString::number(id);
        from = end + 2;
    }
    resolved.text += QStringView(text).sliced(from);
    return resolved;
}

QByteArray ScriptedProvider::eventStream(const QString &answer, const QString &reasoning, int promptTokens, int piece)
{
    QByteArray stream = sseEvent(chunk({{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}}));
    for (qsizetype i = 0; i < reasoning.size(); i += piece)
        stream += sseEvent(chunk({{u"reasoning_content"_s, reasoning.mid(i, piece)}}));
    for (qsizetype i = 0; i < answer.size(); i += piece)
        stream += sseEvent(chunk({{u"content"_s, answer.mid(i, piece)}}));
    stream += sseEvent(chunk({}, u"stop"_s));
    const int completionTokens = AnalysisPrompt::estimateTokens(reasoning + answer);
    QJsonObject usage{{u"id"_s, u"scripted-1"_s},
                      {u"object"_s, u"chat.completion.chunk"_s},
                      {u"choices"_s, QJsonArray{}},
                      {u"usage"_s,
                       QJsonObject{{u"prompt_tokens"_s, promptTokens},
                                   {u"completion_tokens"_s, completionTokens},
                                   {u"total_tokens"_s, promptTokens + completionTokens}}}};
    return stream + sseEvent(usage) + "data: [DONE]\n\n";
}

LoopbackServer::Response ScriptedProvider::answer(const HttpRequest &request)
{
    if (request.path != "/v1/chat/completions" || request.method != "POST")
        return {404, R"({"error":{"message":"not found"}})"};
    const QJsonArray messages = QJsonDocument::fromJson(request.body).object().value(u"messages"_s).toArray();
    QString user;
    QString all;
    for (const QJsonValue &message : messages) {
        const QString content = message.toObject().value(u"content"_s).toString();
        all += content;
        if (message.toObject().value(u"role"_s).toString() == u"user"_s)
            user = content;
    }
    const QMap<int, QString> listing = evidenceListing(user);
    const Resolved answer = resolve(m_script.answer, listing);
    const Resolved reasoning = resolve(m_script.reasoning, listing);
    m_unresolved = answer.unresolved + reasoning.unresolved;
    return {200, eventStream(answer.text, reasoning.text, AnalysisPrompt::estimateTokens(all)), "text/event-stream"};
}
