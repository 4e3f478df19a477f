#pragma once

#include "forward/ChatTool.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;

// Sends a ChatRequest and judges the answer the way the tool reports it. The
// request's URL carries secrets: it never appears in a result or a log line.
class ChatSender final : public QObject
{
    Q_OBJECT

public:
    explicit ChatSender(QObject *parent = nullptr);

    void send(ChatDestination::Type type, const ChatRequest &request, QObject *context,
              std::function<void(const ChatResult &)> done);

    static constexpr int timeoutMs = 15'000;

private:
    QNetworkAccessManager *m_network;
};
