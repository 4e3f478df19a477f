#pragma once

#include "forward/ChatTool.h"

#include <QString>

// The chat destination the forwarding tests send to: Mattermost "#ops" (a plain JSON
// webhook any FakeHttpServer route can take), the default one.
namespace TestDestinations {

inline ChatDestination ops()
{
    ChatDestination ops;
    ops.id = QStringLiteral("ops");
    ops.name = QStringLiteral("#ops");
    ops.type = ChatDestination::Type::Mattermost;
    ops.isDefault = true;
    return ops;
}

} // namespace TestDestinations
