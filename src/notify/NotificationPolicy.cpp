#include "notify/NotificationPolicy.h"

#include "model/AlertChange.h"
#include "settings/AppSettings.h"

using namespace Qt::StringLiterals;

void NotificationPolicy::load(const AppSettings &settings)
{
    m_doNotDisturb = settings.value(Settings::doNotDisturb);
    m_sound = settings.value(Settings::notifySound);
    m_error.clear();
    m_filter.reset();
    const QString matchers = settings.value(Settings::notifyMatchers).trimmed();
    if (matchers.isEmpty())
        return;
    Result<AlertFilter> parsed = AlertFilter::parse(matchers);
    if (!parsed) {
        m_error = tr("Notification matchers: %1").arg(parsed.error());
        return;
    }
    m_filter = std::move(parsed).value();
}

std::optional<DesktopNotification> NotificationPolicy::notificationFor(const QList<AlertChange> &changes) const
{
    if (m_doNotDisturb || !m_filter)
        return std::nullopt;
    QList<const Alert *> started;
    for (const AlertChange &change : changes)
        if (change.startedFiring() && change.alert.inLiveStore() && m_filter->matches(change.alert))
            started << &change.alert;
    if (started.isEmpty())
        return std::nullopt;
    const Alert &first = *started.constFirst();
    DesktopNotification notification;
    notification.source = first.source;
    notification.fingerprint = first.fingerprint;
    notification.alertCount = int(started.size());
    for (const Alert *alert : std::as_const(started)) {
        notification.worst = std::min(notification.worst, alert->severity);
        if (notification.alerts.size() < DesktopNotification::maxAlerts)
            notification.alerts.append(AlertKey::of(*alert));
    }
    if (started.size() == 1) {
        notification.title = first.target().isEmpty() ? first.name : u"%1 — %2"_s.arg(first.name, first.target());
        notification.body = first.summary().isEmpty()
            ? tr("Firing since %1").arg(first.startsAt.toLocalTime().toString(u"HH:mm"_s))
            : first.summary();
        return notification;
    }
    notification.title = tr("%n alert(s) firing", nullptr, int(started.size()));
    QStringList names;
    for (const Alert *alert : started.mid(0, 3))
        names << (alert->target().isEmpty() ? alert->name : u"%1 (%2)"_s.arg(alert->name, alert->target()));
    if (started.size() > 3)
        names << tr("and %n more", nullptr, int(started.size() - 3));
    notification.body = names.join(u'\n');
    return notification;
}
