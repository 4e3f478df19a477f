#include "NotificationBanner.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;

NotificationBanner::NotificationBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_actionButton(new QPushButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    m_label->setTextFormat(Qt::PlainText); // messages quote alert names and servers' answers
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_actionButton->setObjectName(u"bannerAction"_s);
    m_actionButton->hide();

    auto *closeButton = new QToolButton(this);
    closeButton->setObjectName(u"bannerDismiss"_s);
    closeButton->setText(u"✕"_s);
    closeButton->setAutoRaise(true);
    closeButton->setToolTip(tr("Dismiss"));
    closeButton->setAccessibleName(tr("Dismiss"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_actionButton);
    layout->addWidget(closeButton);

    connect(m_actionButton, &QPushButton::clicked, this, &NotificationBanner::actionTriggered);
    connect(closeButton, &QToolButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });
    hide();
}

void NotificationBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    applyStyle();
    m_label->setText(text);
    show();
}

void NotificationBanner::applyStyle()
{
    // Tinted strips that stay readable on a light and on a dark palette.
    static const char *const light[] = {
        "NotificationBanner { background: #e3f2fd; border: 1px solid #90caf9; border-radius: 4px; } QLabel { color: "
        "#0d3c61; }",
        "NotificationBanner { background: #fff4e5; border: 1px solid #ffb74d; border-radius: 4px; } QLabel { color: "
        "#663c00; }",
        "NotificationBanner { background: #fdecea; border: 1px solid #e57373; border-radius: 4px; } QLabel { color: "
        "#611a15; }",
    };
    static const char *const dark[] = {
        "NotificationBanner { background: #1c3346; border: 1px solid #2f6ea5; border-radius: 4px; } QLabel { color: "
        "#cfe6fb; }",
        "NotificationBanner { background: #3b2e12; border: 1px solid #a86f12; border-radius: 4px; } QLabel { color: "
        "#ffe0a8; }",
        "NotificationBanner { background: #3f1d1d; border: 1px solid #b24a4a; border-radius: 4px; } QLabel { color: "
        "#ffd4d4; }",
    };
    const bool darkPalette = QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    const QString style = QLatin1String((darkPalette ? dark : light)[static_cast<int>(m_kind)]);
    if (styleSheet() != style)
        setStyleSheet(style);
}

void NotificationBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyStyle();
}

void NotificationBanner::setActionText(const QString &text)
{
    m_actionButton->setText(text);
    m_actionButton->setVisible(!text.isEmpty());
}

QString NotificationBanner::text() const
{
    return m_label->text();
}
