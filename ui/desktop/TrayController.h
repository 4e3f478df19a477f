#pragma once

#include "notify/NotificationPolicy.h"

#include <QIcon>
#include <QObject>
#include <QPointer>

#include <optional>

class AlertTableModel;
class FreedesktopNotifier;
class AppSettings;
class QAction;
class QMenu;
class QSystemTrayIcon;
struct AlertChange;

// The tray icon: the count of firing critical alerts on AlertDeck's icon, a menu (show
// the window, do not disturb, quit) and desktop notifications for alerts that start
// firing and match Settings → Notifications. Notifications go to the desktop's
// notification service over D-Bus when there is one (no tray needed), else through the
// tray icon. A click on a notification asks for its own alert; its Acknowledge action
// for its alerts. Where the desktop has neither, the count and notifications are still
// kept (tests read them) but nothing is shown.
class TrayController final : public QObject
{
    Q_OBJECT

public:
    TrayController(AlertTableModel *alerts, AppSettings *settings, QObject *parent = nullptr);
    ~TrayController() override;

    // Whether the desktop shows tray icons (then closing the window can keep AlertDeck there).
    bool isAvailable() const;
    // Tests (offscreen has no tray) and desktops that misreport theirs.
    void setAvailableForTesting(bool available) { m_availableOverride = available; }
    int criticalCount() const { return m_criticalCount; }
    QString toolTip() const;
    QIcon icon() const { return m_icon; }
    QMenu *menu() const { return m_menu.get(); }
    std::optional<DesktopNotification> lastNotification() const { return m_last; }
    // The last notification's body as handed to the desktop (see desktopBody).
    QString lastShownBody() const { return m_lastShownBody; }
    const NotificationPolicy &policy() const { return m_policy; }
    FreedesktopNotifier *notifier() const { return m_notifier; }

    // Live changes from the store: a notification if the policy says so.
    void handleAlertChanges(const QList<AlertChange> &changes);
    // What a click on the last notification does (also called by the tray's signal).
    void openLastNotification();

    // AlertDeck's icon with a red badge counting `count` (none for 0).
    static QIcon badgedIcon(int count);
    // A notification body that shows `text` as written. Qt hands it to the desktop's
    // notification server as it is, and servers with the freedesktop "body-markup"
    // capability (GNOME, Plasma, Xfce, dunst, mako) read it as HTML (<b>, <a href>,
    // <img>): & < > are escaped. (The title is plain text by the specification.)
    static QString desktopBody(const QString &text);

signals:
    void showWindowRequested();
    void alertRequested(const QString &source, const QString &fingerprint);
    void quitRequested();
    // A notification's Acknowledge action: its alerts.
    void acknowledgeRequested(const QList<AlertKey> &alerts);

private:
    void updateCount();

    AlertTableModel *m_alerts;
    AppSettings *m_settings;
    NotificationPolicy m_policy;
    std::unique_ptr<QMenu> m_menu;
    QAction *m_doNotDisturb;
    QSystemTrayIcon *m_tray;
    FreedesktopNotifier *m_notifier;
    QIcon m_icon;
    int m_criticalCount = -1;
    std::optional<bool> m_availableOverride;
    std::optional<DesktopNotification> m_last;
    QString m_lastShownBody;
};
