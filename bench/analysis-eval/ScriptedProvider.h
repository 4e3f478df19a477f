#pragma once

#include "LoopbackServer.h"

#include <QMap>
#include <QString>
#include <QStringList>

// An OpenAI-compatible chat provider on loopback that streams a prepared answer (the
// incident's answer.md) in the chunk format DeepSeek and OpenAI use: reasoning first,
// then the answer in small pieces, the finish reason, usage, [DONE].
//
// Evidence ids depend on the order EvidenceBuilder lists the items in, so a prepared
// answer names an item by what its text says: {{E:node_filesystem_avail}} becomes the
// id of the first item in the prompt's evidence listing whose text contains
// "node_filesystem_avail" (case-sensitive, as listed, after redaction). A placeholder
// that finds nothing becomes E0, which no evidence holds, and is counted in
// unresolved(): the evidence the answer was written against did not reach the prompt.
class ScriptedProvider final : public QObject
{
    Q_OBJECT

public:
    struct Script {
        QString answer;
        QString reasoning;
    };
    struct Resolved {
        QString text;
        QStringList unresolved; // the needles that matched no item
    };

    explicit ScriptedProvider(QObject *parent = nullptr);

    bool listen();
    QUrl baseUrl() const; // http://127.0.0.1:PORT/v1
    void setScript(const Script &script);
    // The placeholders of the last request that matched no evidence item.
    const QStringList &unresolved() const { return m_unresolved; }
    int requestCount() const { return m_server.requestCount(); }

    // "E3" → the item's text, from the user message's evidence listing.
    static QMap<int, QString> evidenceListing(const QString &userMessage);
    static Resolved resolve(const QString &text, const QMap<int, QString> &listing);
    // The answer as an event stream, in pieces of `piece` characters.
    static QByteArray eventStream(const QString &answer, const QString &reasoning, int promptTokens, int piece = 24);

private:
    LoopbackServer::Response answer(const HttpRequest &request);

    LoopbackServer m_server;
    Script m_script;
    QStringList m_unresolved;
};
