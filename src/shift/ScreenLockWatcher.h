#pragma once

#include <QDBusConnection>
#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

// Notices when the engineer is away: the screen locks (the freedesktop and GNOME
// screensaver services' ActiveChanged signal on the session bus), or, where no such
// service answers, a long time without input (an idle probe the window supplies).
// away() when it starts, back() with when it started when it ends.
class ScreenLockWatcher final : public QObject
{
    Q_OBJECT

public:
    using IdleProbe = std::function<std::chrono::milliseconds()>; // time since the last input

    explicit ScreenLockWatcher(const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    // The fallback: checked every `interval`; away after `threshold` without input.
    void setIdleProbe(IdleProbe probe, std::chrono::milliseconds threshold = std::chrono::minutes(15),
                      std::chrono::milliseconds interval = std::chrono::seconds(30));
    bool isAway() const { return m_awaySince.isValid(); }
    QDateTime awaySince() const { return m_awaySince; }

signals:
    void away(const QDateTime &since);
    void back(const QDateTime &awaySince, const QDateTime &now);

private slots:
    void screenSaverActiveChanged(bool active);

private:
    void checkIdle();
    void goAway(const QDateTime &since);
    void comeBack();

    QDBusConnection m_bus;
    QDateTime m_awaySince;
    bool m_lockedByScreenSaver = false;
    IdleProbe m_idleProbe;
    std::chrono::milliseconds m_idleThreshold{};
    QTimer m_idleTimer;
};
