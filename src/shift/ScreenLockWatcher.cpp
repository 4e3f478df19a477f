#include "shift/ScreenLockWatcher.h"

using namespace Qt::StringLiterals;

ScreenLockWatcher::ScreenLockWatcher(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    if (m_bus.isConnected()) {
        // GNOME sends its own; KDE, Xfce and others the freedesktop one. Any sender.
        m_bus.connect({}, u"/org/freedesktop/ScreenSaver"_s, u"org.freedesktop.ScreenSaver"_s, u"ActiveChanged"_s, this,
                      SLOT(screenSaverActiveChanged(bool)));
        m_bus.connect({}, u"/org/gnome/ScreenSaver"_s, u"org.gnome.ScreenSaver"_s, u"ActiveChanged"_s, this,
                      SLOT(screenSaverActiveChanged(bool)));
    }
    connect(&m_idleTimer, &QTimer::timeout, this, &ScreenLockWatcher::checkIdle);
}

void ScreenLockWatcher::setIdleProbe(IdleProbe probe, std::chrono::milliseconds threshold,
                                     std::chrono::milliseconds interval)
{
    m_idleProbe = std::move(probe);
    m_idleThreshold = threshold;
    m_idleTimer.setInterval(interval);
    if (m_idleProbe)
        m_idleTimer.start();
    else
        m_idleTimer.stop();
}

void ScreenLockWatcher::screenSaverActiveChanged(bool active)
{
    m_lockedByScreenSaver = active;
    if (active)
        goAway(QDateTime::currentDateTimeUtc());
    else
        comeBack();
}

void ScreenLockWatcher::checkIdle()
{
    if (!m_idleProbe || m_lockedByScreenSaver)
        return; // the lock says it better
    const std::chrono::milliseconds idle = m_idleProbe();
    if (idle >= m_idleThreshold)
        goAway(QDateTime::currentDateTimeUtc().addMSecs(-idle.count()));
    else if (isAway())
        comeBack();
}

void ScreenLockWatcher::goAway(const QDateTime &since)
{
    if (isAway())
        return;
    m_awaySince = since;
    emit away(since);
}

void ScreenLockWatcher::comeBack()
{
    if (!isAway())
        return;
    const QDateTime since = m_awaySince;
    m_awaySince = {};
    emit back(since, QDateTime::currentDateTimeUtc());
}
