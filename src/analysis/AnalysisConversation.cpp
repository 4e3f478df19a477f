#include "analysis/AnalysisConversation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace AnalysisToolArguments;

namespace {

constexpr ToolStep::State allStates[] = {ToolStep::State::Running, ToolStep::State::Done, ToolStep::State::Refused,
                                         ToolStep::State::Failed, ToolStep::State::Stopped};

QString bounded(const QJsonValue &value)
{
    QString text = value.toString();
    if (text.size() > AnalysisConversation::maxTextCharacters) {
        text.truncate(AnalysisConversation::maxTextCharacters);
        if (text.back().isHighSurrogate())
            text.chop(1);
    }
    return text;
}

QJsonObject messageObject(const ChatMessage &message)
{
    QJsonObject object{{u"role"_s, message.role}, {u"content"_s, message.content}};
    if (!message.reasoning.isEmpty())
        object.insert(u"reasoning"_s, message.reasoning);
    if (!message.toolCallId.isEmpty())
        object.insert(u"toolCallId"_s, message.toolCallId);
    if (!message.toolCalls.isEmpty()) {
        QJsonArray calls;
        for (const ToolCall &call : message.toolCalls)
            calls.append(QJsonObject{{u"id"_s, call.id}, {u"name"_s, call.name}, {u"arguments"_s, call.arguments}});
        object.insert(u"toolCalls"_s, calls);
    }
    return object;
}

std::optional<ChatMessage> messageFrom(const QJsonObject &object)
{
    static const QStringList roles{u"system"_s, u"user"_s, u"assistant"_s, u"tool"_s};
    ChatMessage message;
    message.role = object.value(u"role"_s).toString();
    if (!roles.contains(message.role))
        return std::nullopt;
    message.content = bounded(object.value(u"content"_s));
    message.reasoning = bounded(object.value(u"reasoning"_s));
    message.toolCallId = object.value(u"toolCallId"_s).toString().left(200);
    const QJsonArray calls = object.value(u"toolCalls"_s).toArray();
    if (calls.size() > ChatStream::maxToolCalls)
        return std::nullopt;
    for (const QJsonValue &value : calls) {
        const QJsonObject call = value.toObject();
        ToolCall toolCall;
        toolCall.id = call.value(u"id"_s).toString().left(200);
        toolCall.name = call.value(u"name"_s).toString().left(200);
        toolCall.arguments = call.value(u"arguments"_s).toString().left(ChatStream::maxToolArgumentBytes);
        message.toolCalls << toolCall;
    }
    return message;
}

QJsonObject stepObject(const ToolStep &step)
{
    return {{u"callId"_s, step.callId},           {u"name"_s, step.name},
            {u"arguments"_s, step.argumentsJson}, {u"state"_s, toolStepStateName(step.state)},
            {u"summary"_s, step.summary},         {u"evidenceId"_s, step.evidenceId}};
}

ToolStep stepFrom(const QJsonObject &object)
{
    ToolStep step;
    step.callId = object.value(u"callId"_s).toString().left(200);
    step.name = object.value(u"name"_s).toString().left(200);
    step.argumentsJson = object.value(u"arguments"_s).toString().left(ChatStream::maxToolArgumentBytes);
    step.state = ToolStep::State::Stopped;
    const QString state = object.value(u"state"_s).toString();
    for (const ToolStep::State known : allStates)
        if (state == toolStepStateName(known))
            step.state = known;
    step.summary = object.value(u"summary"_s).toString().left(2000);
    step.evidenceId = object.value(u"evidenceId"_s).toString().left(8);
    return step;
}

QString utc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

// One line, at most `max` characters: a query as evidence text quotes it.
QString oneLine(const QString &text, qsizetype max = 200)
{
    QString line = text.simplified();
    if (line.size() > max)
        line = line.left(max - 1) + u'…';
    return QString::fromUtf8(QJsonDocument(QJsonArray{line}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

} // namespace

QString toolStepStateName(ToolStep::State state)
{
    switch (state) {
    case ToolStep::State::Running: return u"running"_s;
    case ToolStep::State::Done: return u"done"_s;
    case ToolStep::State::Refused: return u"refused"_s;
    case ToolStep::State::Failed: return u"failed"_s;
    case ToolStep::State::Stopped: return u"stopped"_s;
    }
    return u"stopped"_s;
}

QByteArray AnalysisConversation::toJson(const QList<ConversationTurn> &turns)
{
    QJsonArray array;
    for (const ConversationTurn &turn : turns) {
        QJsonArray steps;
        for (const ToolStep &step : turn.steps)
            steps.append(stepObject(step));
        QJsonArray messages;
        for (const ChatMessage &message : turn.messages)
            messages.append(messageObject(message));
        array.append(QJsonObject{{u"question"_s, turn.question},
                                 {u"answer"_s, turn.answer},
                                 {u"reasoning"_s, turn.reasoning},
                                 {u"outcome"_s, analysisOutcomeName(turn.outcome)},
                                 {u"error"_s, turn.error},
                                 {u"steps"_s, steps},
                                 {u"messages"_s, messages}});
    }
    return QJsonDocument(QJsonObject{{u"version"_s, formatVersion}, {u"turns"_s, array}})
        .toJson(QJsonDocument::Compact);
}

Result<QList<ConversationTurn>> AnalysisConversation::fromJson(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return QList<ConversationTurn>{};
    if (json.size() > maxJsonBytes)
        return Failure{tr("The stored conversation is too large to read (%L1 bytes; at most %L2).")
                           .arg(json.size())
                           .arg(maxJsonBytes)};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Failure{tr("The stored conversation is not valid JSON (%1).").arg(error.errorString())};
    const QJsonObject root = document.object();
    if (const int version = root.value(u"version"_s).toInt(0); version != formatVersion)
        return Failure{tr("The stored conversation has format version %1; this AlertDeck reads version %2.")
                           .arg(version)
                           .arg(formatVersion)};
    const QJsonArray array = root.value(u"turns"_s).toArray();
    if (array.size() > maxTurns)
        return Failure{
            tr("The stored conversation has %L1 questions; at most %L2 are read.").arg(array.size()).arg(maxTurns)};
    QList<ConversationTurn> turns;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        const QJsonArray steps = object.value(u"steps"_s).toArray();
        const QJsonArray messages = object.value(u"messages"_s).toArray();
        if (steps.size() > maxStepsPerTurn || messages.size() > maxMessagesPerTurn)
            return Failure{tr("The stored conversation is damaged: question %1 has too many messages.").arg(i + 1)};
        ConversationTurn turn;
        turn.question = bounded(object.value(u"question"_s));
        turn.answer = bounded(object.value(u"answer"_s));
        turn.reasoning = bounded(object.value(u"reasoning"_s));
        turn.outcome = analysisOutcomeFromName(object.value(u"outcome"_s).toString()).value_or(AnalysisOutcome::Failed);
        turn.error = object.value(u"error"_s).toString().left(2000);
        for (const QJsonValue &step : steps)
            turn.steps << stepFrom(step.toObject());
        for (const QJsonValue &value : messages) {
            const std::optional<ChatMessage> message = messageFrom(value.toObject());
            if (!message)
                return Failure{
                    tr("The stored conversation is damaged: question %1 has a message it cannot read.").arg(i + 1)};
            turn.messages << *message;
        }
        turns << turn;
    }
    return turns;
}

QList<ChatMessage> AnalysisConversation::messages(const QList<ConversationTurn> &turns)
{
    QList<ChatMessage> list;
    for (const ConversationTurn &turn : turns) {
        if (!turn.messages.isEmpty()) {
            list << turn.messages;
            continue;
        }
        if (!turn.question.isEmpty())
            list << ChatMessage{u"user"_s, turn.question};
        if (!turn.answer.isEmpty())
            list << ChatMessage{u"assistant"_s, turn.answer};
    }
    return list;
}

std::optional<EvidenceItem> AnalysisConversation::evidenceFor(const AnalysisTools::Outcome &outcome)
{
    if (!outcome.ok() || !outcome.request)
        return std::nullopt;
    EvidenceItem item;
    item.locator.field = u"tool:"_s + outcome.toolCallId.left(100);
    const auto count = [](qsizetype n) { return QString::number(n); };
    const auto window = [&item](const ContextPlan::Window &w) {
        item.locator.timeMs = w.start.isValid() ? w.start.toMSecsSinceEpoch() : -1;
        item.locator.endMs = w.end.isValid() ? w.end.toMSecsSinceEpoch() : -1;
        return u"%1 → %2"_s.arg(utc(w.start), utc(w.end));
    };
    // Not translated: the model reads these lines (and cites them by id).
    if (const auto *query = std::get_if<PrometheusQuery>(&*outcome.request)) {
        const auto *result = std::get_if<MetricResult>(&outcome.payload);
        item.kind = EvidenceKind::MetricSeries;
        item.text = u"tool query_prometheus %1 (%2): %3 series"_s.arg(oneLine(query->query), window(query->window),
                                                                      count(result ? result->series.size() : 0));
    } else if (const auto *logs = std::get_if<LokiQuery>(&*outcome.request)) {
        const auto *result = std::get_if<LogResult>(&outcome.payload);
        item.kind = EvidenceKind::LogGroup;
        item.text = u"tool query_loki %1 (%2): %3 lines"_s.arg(oneLine(logs->query), window(logs->window),
                                                               count(result ? result->lines.size() : 0));
    } else if (const auto *series = std::get_if<SeriesQuery>(&*outcome.request)) {
        const auto *result = std::get_if<ContextClient::SeriesList>(&outcome.payload);
        item.kind = EvidenceKind::MetricSeries;
        item.text = u"tool list_series %1 (%2): %3 series"_s.arg(oneLine(series->match), window(series->window),
                                                                 count(result ? result->series.size() : 0));
    } else if (const auto *history = std::get_if<HistoryQuery>(&*outcome.request)) {
        const auto *result = std::get_if<QList<StoredOccurrence>>(&outcome.payload);
        item.kind = EvidenceKind::Occurrence;
        item.text = u"tool alert_history (latest %1): %2 occurrences"_s.arg(count(history->limit),
                                                                            count(result ? result->size() : 0));
    } else {
        return std::nullopt;
    }
    return item;
}
