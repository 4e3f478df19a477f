#include "SeverityStyle.h"

using namespace Qt::StringLiterals;

namespace SeverityStyle {

QColor color(Severity severity)
{
    switch (severity) {
    case Severity::Critical: return QColor(0xd3, 0x2f, 0x2f);
    case Severity::Warning: return QColor(0xe6, 0x6a, 0x00);
    case Severity::Info: return QColor(0x19, 0x76, 0xd2);
    case Severity::None: return QColor(0x75, 0x75, 0x75);
    case Severity::Other: break;
    }
    return QColor(0x8e, 0x24, 0xaa);
}

QIcon icon(Severity severity)
{
    switch (severity) {
    case Severity::Critical: return QIcon(u":/icons/severity-critical.svg"_s);
    case Severity::Warning: return QIcon(u":/icons/severity-warning.svg"_s);
    case Severity::Info: return QIcon(u":/icons/severity-info.svg"_s);
    case Severity::None: return QIcon(u":/icons/severity-none.svg"_s);
    case Severity::Other: break;
    }
    return QIcon(u":/icons/severity-other.svg"_s);
}

QIcon stateIcon(AlertState state)
{
    return QIcon(state == AlertState::Firing ? u":/icons/state-firing.svg"_s : u":/icons/state-resolved.svg"_s);
}

QIcon appIcon()
{
    return QIcon(u":/icons/alertdeck.svg"_s);
}

} // namespace SeverityStyle
