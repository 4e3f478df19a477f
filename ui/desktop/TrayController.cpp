#include "TrayController.h"

#include "SeverityStyle.h"
#include "model/AlertChange.h"
#include "model/AlertTableModel.h"
#include "notify/FreedesktopNotifier.h"
#include "settings/AppSettings.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

TrayController::TrayController(AlertTableModel *alerts, AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_alerts(alerts)
    , m_settings(settings)
    , m_menu(std::make_unique<QMenu>())
    , m_tray(new QSystemTrayIcon(this))
    , m_notifier(new FreedesktopNotifier(QDBusConnection::sessionBus(), this))
{
    connect(m_notifier, &FreedesktopNotifier::showRequested, this, [this](const QList<AlertKey> &alerts) {
        emit showWindowRequested();
        if (!alerts.isEmpty())
            emit alertRequested(alerts.constFirst().source, alerts.constFirst().fingerprint);
    });
    connect(m_notifier, &FreedesktopNotifier::acknowledgeRequested, this, &TrayController::acknowledgeRequested);
    m_policy.load(*m_settings);
    QAction *show = m_menu->addAction(tr("&Show AlertDeck"), this, &TrayController::showWindowRequested);
    show->setObjectName(u"trayShow"_s);
    m_menu->addSeparator();
    m_doNotDisturb = m_menu->addAction(tr("&Do not disturb"));
    m_doNotDisturb->setObjectName(u"trayDoNotDisturb"_s);
    m_doNotDisturb->setCheckable(true);
    m_doNotDisturb->setChecked(m_policy.doNotDisturb());
    connect(m_doNotDisturb, &QAction::toggled, this,
            [this](bool on) { m_settings->setValue(Settings::doNotDisturb, on); });
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("&Quit AlertDeck"), this, &TrayController::quitRequested);
    quit->setObjectName(u"trayQuit"_s);
    m_tray->setContextMenu(m_menu.get());

    connect(m_settings, &AppSettings::changed, this, [this](const QString &path) {
        if (!path.startsWith(u"Notifications/"_s))
            return;
        m_policy.load(*m_settings);
        const QSignalBlocker quiet(m_doNotDisturb);
        m_doNotDisturb->setChecked(m_policy.doNotDisturb());
        updateCount(); // the tooltip says "do not disturb"
    });
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit showWindowRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayController::openLastNotification);
    connect(m_alerts, &AlertTableModel::countsChanged, this, &TrayController::updateCount);
    connect(m_alerts, &QAbstractItemModel::rowsRemoved, this, &TrayController::updateCount);
    connect(m_alerts, &QAbstractItemModel::modelReset, this, &TrayController::updateCount);
    updateCount();
    if (isAvailable())
        m_tray->show();
}

TrayController::~TrayController() = default;

bool TrayController::isAvailable() const
{
    return m_availableOverride.value_or(QSystemTrayIcon::isSystemTrayAvailable());
}

QString TrayController::toolTip() const
{
    QString text = m_criticalCount == 0 ? tr("AlertDeck: no critical alert firing")
                                        : tr("AlertDeck: %n critical alert(s) firing", nullptr, m_criticalCount);
    if (m_policy.doNotDisturb())
        text += u'\n' + tr("Do not disturb: notifications are off");
    return text;
}

QIcon TrayController::badgedIcon(int count)
{
    const QIcon base = SeverityStyle::appIcon();
    if (count <= 0)
        return base;
    QIcon result;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QString text = count > 99 ? u"99+"_s : QString::number(count);
        const qreal diameter = size * (text.size() > 1 ? 0.72 : 0.6);
        const QRectF badge(size - diameter, 0, diameter, diameter);
        painter.setPen(QPen(Qt::white, std::max(1.0, size / 24.0)));
        painter.setBrush(QColor(0xd3, 0x2f, 0x2f));
        painter.drawEllipse(badge.adjusted(0.5, 0.5, -0.5, -0.5));
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(std::max(6, int(diameter * (text.size() > 2 ? 0.42 : 0.62))));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, text);
        painter.end();
        result.addPixmap(pixmap);
    }
    return result;
}

void TrayController::updateCount()
{
    const int count = m_alerts->firingCounts().critical;
    if (count != m_criticalCount) {
        m_criticalCount = count;
        m_icon = badgedIcon(count);
        m_tray->setIcon(m_icon);
    }
    m_tray->setToolTip(toolTip());
}

void TrayController::handleAlertChanges(const QList<AlertChange> &changes)
{
    const std::optional<DesktopNotification> notification = m_policy.notificationFor(changes);
    if (!notification)
        return;
    m_last = notification;
    m_lastShownBody = desktopBody(notification->body);
    if (m_policy.sound())
        QApplication::beep();
    if (m_notifier->isAvailable())
        m_notifier->show(*notification);
    else if (isAvailable() && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(notification->title, m_lastShownBody, QSystemTrayIcon::Critical, 15'000);
}

QString TrayController::desktopBody(const QString &text)
{
    QString escaped = text;
    // The three the notification specification names; quotes need nothing outside tags.
    return escaped.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
}

void TrayController::openLastNotification()
{
    if (!m_last)
        return;
    emit showWindowRequested();
    emit alertRequested(m_last->source, m_last->fingerprint);
}
