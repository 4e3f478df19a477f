#include "forward/ChatTool.h"
#include "forward/WebhookTemplate.h"
#include "forward/tools/ChatTools.h"

using namespace Qt::StringLiterals;

namespace {

// A generic JSON webhook: the destination's template (or a fixed body), with an
// HMAC-SHA256 signature header when a secret is set. Any 2xx is success.
class WebhookTool final : public ChatTool
{
protected:
    ChatDestination::Type type() const override { return ChatDestination::Type::Webhook; }

    void compose(ChatRequest &request, const ForwardMessage &message, const ChatDestination &destination,
                 const ChatTarget &target, const QDateTime &) const override
    {
        const WebhookTemplate::Body body = WebhookTemplate::render(destination.bodyTemplate, message);
        if (!body.error.isEmpty()) {
            request.error = body.error;
            return;
        }
        request.body = body.json;
        if (!target.signingSecret.isEmpty())
            request.headers.append({"X-AlertDeck-Signature", ChatSigning::webhook(request.body, target.signingSecret)});
    }
};

} // namespace

const ChatTool &ChatTools::webhook()
{
    static const WebhookTool tool;
    return tool;
}
