#pragma once

#include "model/AlertKey.h"
#include "notify/NotificationPolicy.h"

#include <QDBusConnection>
#include <QDateTime>
#include <QHash>
#include <QObject>

class QDBusPendingCallWatcher;

// Desktop notifications through the freedesktop Notifications service on the session
// bus (org.freedesktop.Notifications), without a tray icon: stock GNOME has none, and Qt
// 6.4 only notifies through one. Critical alerts get critical urgency and stay until
// dismissed; each notification has Show and Acknowledge actions bound to its own alerts,
// so clicking an older one shows its alert, not the newest. A notification still on
// screen that was sent in the last minute is replaced and grows instead of stacking.
// Every call is asynchronous: a slow or absent service never blocks the caller.
class FreedesktopNotifier final : public QObject
{
    Q_OBJECT

public:
    static constexpr int growSeconds = 60;
    static constexpr int maxBodyLines = 6;

    explicit FreedesktopNotifier(const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    // A notification service is registered on the bus (checked when constructed and
    // whenever one comes or goes).
    bool isAvailable() const { return m_available; }
    void show(const DesktopNotification &notification);
    // The alerts of a notification the service knows by `id` (tests).
    QList<AlertKey> alertsOf(uint id) const { return m_shown.value(id).notification.alerts; }
    // Tests: how long a batch keeps growing one notification (0: never).
    void setGrowWindowForTesting(int seconds) { m_growSeconds = seconds; }
    // The body as sent: escaped unless the server said it reads no markup.
    QString bodyFor(const QString &text) const;

signals:
    // The service answered (or not): whether notifications can be shown.
    void availabilityChanged(bool available);
    // The notification (or its Show action) was clicked.
    void showRequested(const QList<AlertKey> &alerts);
    void acknowledgeRequested(const QList<AlertKey> &alerts);
    // A notification was handed out (its id from the service).
    void shown(uint id);

private slots:
    void actionInvoked(uint id, const QString &action);
    void notificationClosed(uint id, uint reason);

private:
    struct Shown {
        DesktopNotification notification;
        QDateTime at;
    };
    void askCapabilities();
    void send(const DesktopNotification &notification, uint replaces);

    QDBusConnection m_bus;
    bool m_available = false;
    bool m_bodyMarkup = true; // escape until the server says otherwise
    QHash<uint, Shown> m_shown; // on screen, by the service's id
    uint m_latest = 0;
    int m_growSeconds = growSeconds;
};
