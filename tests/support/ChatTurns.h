#pragma once

#include "FakeHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>

// A provider's streamed turns (OpenAI chat completions) for a FakeHttpServer: the
// deltas as SSE events, then [DONE].
namespace ChatTurns {

struct Call {
    QString id;
    QString name;
    QString arguments;
};

inline QByteArray event(const QJsonObject &delta, const QJsonValue &finish = QJsonValue::Null)
{
    const QJsonObject choice{
        {QStringLiteral("index"), 0}, {QStringLiteral("delta"), delta}, {QStringLiteral("finish_reason"), finish}};
    return "data: "
        + QJsonDocument(QJsonObject{{QStringLiteral("choices"), QJsonArray{choice}}}).toJson(QJsonDocument::Compact)
        + "\n\n";
}

inline FakeHttpServer::Response stream(QList<QByteArray> chunks)
{
    FakeHttpServer::Response response;
    response.contentType = "text/event-stream";
    response.chunks = std::move(chunks);
    response.chunks << "data: [DONE]\n\n";
    response.chunkInterval = std::chrono::milliseconds(1);
    return response;
}

// A turn that ends with `calls` (after `content`, if any), each call's arguments sent
// in two pieces, as providers stream them.
inline FakeHttpServer::Response callingTools(const QList<Call> &calls, const QString &content = {})
{
    QList<QByteArray> chunks;
    if (!content.isEmpty())
        chunks << event({{QStringLiteral("content"), content}});
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const Call &call = calls.at(i);
        const qsizetype half = call.arguments.size() / 2;
        const auto fragment = [i](const QJsonObject &extra, const QString &arguments) {
            QJsonObject entry = extra;
            entry.insert(QStringLiteral("index"), int(i));
            QJsonObject function = entry.value(QStringLiteral("function")).toObject();
            function.insert(QStringLiteral("arguments"), arguments);
            entry.insert(QStringLiteral("function"), function);
            return event({{QStringLiteral("tool_calls"), QJsonArray{entry}}});
        };
        chunks << fragment({{QStringLiteral("id"), call.id},
                            {QStringLiteral("type"), QStringLiteral("function")},
                            {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), call.name}}}},
                           call.arguments.left(half));
        chunks << fragment({}, call.arguments.mid(half));
    }
    chunks << event({}, QStringLiteral("tool_calls"));
    return stream(chunks);
}

// A turn that answers `content`, `piece` characters a chunk.
inline FakeHttpServer::Response answering(const QString &content, qsizetype piece = 40)
{
    QList<QByteArray> chunks;
    for (qsizetype at = 0; at < content.size(); at += piece)
        chunks << event({{QStringLiteral("content"), content.mid(at, piece)}});
    chunks << event({}, QStringLiteral("stop"));
    return stream(chunks);
}

} // namespace ChatTurns
