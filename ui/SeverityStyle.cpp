#include "SeverityStyle.h"

#include <QGuiApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace SeverityStyle {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor color(Severity severity, const QPalette &palette)
{
    // Text colours with at least 4.5:1 contrast on the light and the dark base.
    const bool dark = isDark(palette);
    switch (severity) {
    case Severity::Critical: return dark ? QColor(0xff, 0x6e, 0x6e) : QColor(0xc6, 0x28, 0x28);
    case Severity::Warning: return dark ? QColor(0xff, 0xa7, 0x26) : QColor(0xa6, 0x54, 0x00);
    case Severity::Info: return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
    case Severity::None: return dark ? QColor(0xbd, 0xbd, 0xbd) : QColor(0x6d, 0x6d, 0x6d);
    case Severity::Other: break;
    }
    return dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x8e, 0x24, 0xaa);
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
