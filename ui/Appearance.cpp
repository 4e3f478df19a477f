#include "Appearance.h"

#include "settings/AppSettings.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace {

struct Defaults {
    QPalette palette;
    QFont font;
    QString style;
};

// What the platform gave before AlertDeck changed anything: "follow the system".
const Defaults &systemDefaults()
{
    static const Defaults defaults{QApplication::palette(), QApplication::font(), QApplication::style()->name()};
    return defaults;
}

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    palette.setColor(QPalette::Mid, QColor(0x3c, 0x3f, 0x41));
    palette.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    for (const auto role : {QPalette::Text, QPalette::ButtonText, QPalette::WindowText})
        palette.setColor(QPalette::Disabled, role, disabled);
    return palette;
}

} // namespace

namespace Appearance {

void apply(const AppSettings &settings)
{
    const Defaults &defaults = systemDefaults();
    const QString theme = settings.value(Settings::theme);
    if (theme == u"dark"_s || theme == u"light"_s) {
        // Fusion draws every widget from the palette, so both themes look whole.
        if (QApplication::style()->name().compare(u"fusion"_s, Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(theme == u"dark"_s ? darkPalette() : QApplication::style()->standardPalette());
    } else {
        if (QApplication::style()->name() != defaults.style)
            QApplication::setStyle(QStyleFactory::create(defaults.style));
        QApplication::setPalette(defaults.palette);
    }
    QFont font = defaults.font;
    if (const int points = settings.value(Settings::fontPointSize); points > 0)
        font.setPointSize(points);
    QApplication::setFont(font);
}

} // namespace Appearance
