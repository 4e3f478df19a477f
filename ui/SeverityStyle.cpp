#include "SeverityStyle.h"

#include <QHash>

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

// One QIcon per file for the whole run: the table asks for icons on every paint,
// and each new QIcon would parse and render its SVG again.
QIcon cachedIcon(const QString &path)
{
    static QHash<QString, QIcon> icons;
    auto it = icons.find(path);
    if (it == icons.end())
        it = icons.insert(path, QIcon(path));
    return *it;
}

QIcon icon(Severity severity)
{
    switch (severity) {
    case Severity::Critical: return cachedIcon(u":/icons/severity-critical.svg"_s);
    case Severity::Warning: return cachedIcon(u":/icons/severity-warning.svg"_s);
    case Severity::Info: return cachedIcon(u":/icons/severity-info.svg"_s);
    case Severity::None: return cachedIcon(u":/icons/severity-none.svg"_s);
    case Severity::Other: break;
    }
    return cachedIcon(u":/icons/severity-other.svg"_s);
}

QIcon stateIcon(AlertState state)
{
    return cachedIcon(state == AlertState::Firing ? u":/icons/state-firing.svg"_s : u":/icons/state-resolved.svg"_s);
}

QIcon appIcon()
{
    return QIcon(u":/icons/alertdeck.svg"_s);
}

} // namespace SeverityStyle
