#include "notify/FreedesktopNotifier.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNotify, "alertdeck.notify")

namespace {
const QString service = u"org.freedesktop.Notifications"_s;
const QString path = u"/org/freedesktop/Notifications"_s;
const QString interface = u"org.freedesktop.Notifications"_s;
const QString showAction = u"default"_s;
const QString acknowledgeAction = u"acknowledge"_s;

QString escapeMarkup(const QString &text)
{
    QString escaped = text;
    return escaped.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
}
} // namespace

FreedesktopNotifier::FreedesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(service, path, interface, u"ActionInvoked"_s, this, SLOT(actionInvoked(uint, QString)));
    m_bus.connect(service, path, interface, u"NotificationClosed"_s, this, SLOT(notificationClosed(uint, uint)));
    auto *watcher = new QDBusServiceWatcher(
        service, m_bus, QDBusServiceWatcher::WatchForRegistration | QDBusServiceWatcher::WatchForUnregistration, this);
    connect(watcher, &QDBusServiceWatcher::serviceRegistered, this, [this] { askCapabilities(); });
    connect(watcher, &QDBusServiceWatcher::serviceUnregistered, this, [this] {
        m_available = false;
        m_shown.clear();
        emit availabilityChanged(false);
    });
    askCapabilities();
}

void FreedesktopNotifier::askCapabilities()
{
    const QDBusMessage call = QDBusMessage::createMethodCall(service, path, interface, u"GetCapabilities"_s);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *finished) {
        finished->deleteLater();
        const QDBusPendingReply<QStringList> reply = *finished;
        const bool available = !reply.isError();
        if (available)
            m_bodyMarkup = reply.value().contains(u"body-markup"_s);
        if (available != m_available) {
            m_available = available;
            emit availabilityChanged(available);
        }
    });
}

QString FreedesktopNotifier::bodyFor(const QString &text) const
{
    // Servers with body-markup read the body as HTML: alert text must not become markup.
    return m_bodyMarkup ? escapeMarkup(text) : text;
}

void FreedesktopNotifier::show(const DesktopNotification &notification)
{
    if (!m_available)
        return; // the caller notifies another way (the tray)
    const auto latest = m_shown.constFind(m_latest);
    if (latest == m_shown.cend() || m_growSeconds <= 0
        || latest->at.secsTo(QDateTime::currentDateTimeUtc()) > m_growSeconds) {
        send(notification, 0);
        return;
    }
    // The batch grows: one notification, its alerts and lines added up.
    DesktopNotification grown = latest->notification;
    grown.alertCount += notification.alertCount;
    grown.worst = std::min(grown.worst, notification.worst);
    for (const AlertKey &key : notification.alerts)
        if (grown.alerts.size() < DesktopNotification::maxAlerts && !grown.alerts.contains(key))
            grown.alerts.append(key);
    grown.title = tr("%n alert(s) firing", nullptr, grown.alertCount);
    QStringList lines = notification.body.split(u'\n') + latest->notification.body.split(u'\n');
    if (latest->notification.alertCount == 1)
        lines.insert(notification.body.count(u'\n') + 1, latest->notification.title);
    if (notification.alertCount == 1)
        lines.prepend(notification.title);
    lines.removeAll(QString());
    grown.body = lines.mid(0, maxBodyLines).join(u'\n');
    send(grown, m_latest);
}

void FreedesktopNotifier::send(const DesktopNotification &notification, uint replaces)
{
    const bool critical = notification.worst == Severity::Critical;
    QVariantMap hints;
    hints.insert(u"urgency"_s, QVariant::fromValue<uchar>(critical ? 2 : 1));
    hints.insert(u"desktop-entry"_s, u"alertdeck"_s);
    hints.insert(u"category"_s, u"alertdeck.alert"_s);
    const QStringList actions{showAction, tr("Show"), acknowledgeAction, tr("Acknowledge")};
    QDBusMessage call = QDBusMessage::createMethodCall(service, path, interface, u"Notify"_s);
    call << u"AlertDeck"_s << replaces << u"alertdeck"_s << notification.title << bodyFor(notification.body) << actions
         << hints << qint32(critical ? 0 : -1); // 0: until dismissed; -1: the server's default
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, notification, replaces](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError()) {
                    qCWarning(lcNotify) << "the notification service refused a notification:"
                                        << reply.error().message();
                    return;
                }
                const uint id = reply.value();
                if (replaces != 0 && replaces != id)
                    m_shown.remove(replaces);
                m_shown.insert(id, {notification, QDateTime::currentDateTimeUtc()});
                m_latest = id;
                emit shown(id);
            });
}

void FreedesktopNotifier::actionInvoked(uint id, const QString &action)
{
    const auto shown = m_shown.constFind(id);
    if (shown == m_shown.cend())
        return; // another program's notification, or one already gone
    const QList<AlertKey> alerts = shown->notification.alerts;
    if (action == acknowledgeAction)
        emit acknowledgeRequested(alerts);
    else
        emit showRequested(alerts);
}

void FreedesktopNotifier::notificationClosed(uint id, uint)
{
    m_shown.remove(id);
    if (id == m_latest)
        m_latest = 0;
}
