#include "shift/HandoverChat.h"

#include "forward/ChatSender.h"
#include "secrets/SecretStore.h"
#include "shift/HandoverReportText.h"

using namespace Qt::StringLiterals;

namespace HandoverChat {

ForwardMessage message(const HandoverReport &report, int listLimit)
{
    ForwardMessage message
        = ForwardMessage::plain(HandoverReportText::title(report),
                                HandoverReportText::tr("Window: %1").arg(HandoverReportText::windowText(report)));
    HandoverReportText::MarkdownOptions options;
    options.listLimit = listLimit;
    options.tables = false;
    options.title = false;
    message.analysis = HandoverReportText::markdown(report, options);
    message.analysisTitle = HandoverReportText::tr("Handover report");
    return message;
}

ForwardMessage fitted(const HandoverReport &report, const ChatDestination &destination, const QDateTime &now)
{
    // Sizes do not depend on the address: a stand-in keeps the secret out of this.
    const ChatTarget standIn{destination.type == ChatDestination::Type::Telegram ? u"0:stand-in-token-for-measuring"_s
                                                                                 : u"https://example.invalid/"_s};
    const ChatTool &tool = ChatTool::of(destination.type);
    auto fits = [&](int limit) { return !tool.request(message(report, limit), destination, standIn, now).truncated; };
    // Fewer entries never make a message longer: the largest limit that fits, by halving.
    int low = 0;
    int high = HandoverReport::maxListed;
    if (fits(high))
        return message(report, high);
    while (high - low > 1) {
        const int middle = (low + high) / 2;
        (fits(middle) ? low : high) = middle;
    }
    return message(report, low);
}

} // namespace HandoverChat

HandoverForwarder::HandoverForwarder(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_sender(new ChatSender(this))
{ }

void HandoverForwarder::send(const HandoverReport &report, const ChatDestination &destination)
{
    if (!m_secrets) {
        emit finished({false, tr("No keychain is available to read the address of %1.").arg(destination.name)});
        return;
    }
    m_secrets->read(destination.targetSecret(), this, [this, report, destination](const SecretStore::Result &target) {
        if (!target.ok()) {
            emit finished(
                {false,
                 target.status == SecretStore::Status::NotFound
                     ? tr("No webhook URL or token is stored for %1: add it in Settings → Chat "
                          "destinations.")
                           .arg(destination.name)
                     : tr("The webhook URL for %1 could not be read: %2").arg(destination.name, target.error)});
            return;
        }
        readSigning(report, destination, target.value);
    });
}

void HandoverForwarder::readSigning(const HandoverReport &report, const ChatDestination &destination,
                                    const QString &target)
{
    if (!ChatDestination::usesSigningSecret(destination.type) || !m_secrets)
        return deliver(report, destination, {target, {}, m_telegramApi});
    m_secrets->read(destination.signingSecret(), this,
                    [this, report, destination, target](const SecretStore::Result &signing) {
                        deliver(report, destination, {target, signing.ok() ? signing.value : QString(), m_telegramApi});
                    });
}

void HandoverForwarder::deliver(const HandoverReport &report, const ChatDestination &destination,
                                const ChatTarget &target)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const ChatRequest request = ChatTool::of(destination.type)
                                    .request(HandoverChat::fitted(report, destination, now), destination, target, now);
    if (!request.error.isEmpty()) {
        emit finished({false, request.error});
        return;
    }
    m_sender->send(destination.type, request, this, [this](const ChatResult &result) { emit finished(result); });
}
