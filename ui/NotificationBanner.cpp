#include "NotificationBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;

NotificationBanner::NotificationBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_actionButton(new QPushButton(this))
{
    setFrameShape(QFrame::StyledPanel);
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
    static const char *const styles[] = {
        "NotificationBanner { background: #e3f2fd; border: 1px solid #90caf9; border-radius: 4px; } QLabel { color: "
        "#0d3c61; }",
        "NotificationBanner { background: #fff4e5; border: 1px solid #ffb74d; border-radius: 4px; } QLabel { color: "
        "#663c00; }",
        "NotificationBanner { background: #fdecea; border: 1px solid #e57373; border-radius: 4px; } QLabel { color: "
        "#611a15; }",
    };
    setStyleSheet(QLatin1String(styles[static_cast<int>(kind)]));
    m_label->setText(text);
    show();
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
