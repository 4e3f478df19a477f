#pragma once

#include "forward/ChatTool.h"
#include "shift/HandoverReport.h"

#include <QObject>
#include <QPointer>

class ChatSender;
class SecretStore;

// The handover report in a chat message. The tool's own formatter renders it (its
// Markdown dialect, escaping and size limits: ChatTool), with as many entries of each
// list as fit whole; the rest become "… and N more". Only when even the shortest
// version is too long does the tool cut it, at a line end (ChatMarkup::fit).
namespace HandoverChat {

ForwardMessage message(const HandoverReport &report, int listLimit);
// The longest version `destination`'s tool accepts without cutting.
ForwardMessage fitted(const HandoverReport &report, const ChatDestination &destination, const QDateTime &now);

} // namespace HandoverChat

// Sends a report to a chat destination once (no queue, no retry: the person who asked
// sees the tool's answer and may send again). The destination's URL or token comes from
// `secrets` and never shows in a result.
class HandoverForwarder final : public QObject
{
    Q_OBJECT

public:
    explicit HandoverForwarder(SecretStore *secrets, QObject *parent = nullptr);

    void setTelegramApi(const QString &url) { m_telegramApi = url; }
    void send(const HandoverReport &report, const ChatDestination &destination);

signals:
    void finished(const ChatResult &result);

private:
    void readSigning(const HandoverReport &report, const ChatDestination &destination, const QString &target);
    void deliver(const HandoverReport &report, const ChatDestination &destination, const ChatTarget &target);

    QPointer<SecretStore> m_secrets;
    ChatSender *m_sender;
    QString m_telegramApi = QStringLiteral("https://api.telegram.org");
};
