#pragma once

#include "model/AlertFilter.h"
#include "model/AlertKey.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

struct AlertChange;
class AppSettings;

// A desktop notification: what it says, and the alerts it is about (a click shows the
// first; Acknowledge acts on all of them).
struct DesktopNotification {
    static constexpr int maxAlerts = 1000;
    QString title;
    QString body;
    QString source;
    QString fingerprint;
    int alertCount = 0;
    Severity worst = Severity::Other;
    QList<AlertKey> alerts; // at most maxAlerts
};

// Which alerts a desktop notification is for: those that start firing and match the
// configured matchers (critical ones by default), unless "do not disturb" is on.
// Alerts arriving together (a group, a catch-up after sleep) make one notification.
class NotificationPolicy
{
    Q_DECLARE_TR_FUNCTIONS(NotificationPolicy)

public:
    // Reads Settings → Notifications; `error` says what is wrong with the matchers
    // (then nothing notifies until they are fixed).
    void load(const AppSettings &settings);
    QString error() const { return m_error; }
    bool doNotDisturb() const { return m_doNotDisturb; }
    bool sound() const { return m_sound; }

    std::optional<DesktopNotification> notificationFor(const QList<AlertChange> &changes) const;

private:
    std::optional<AlertFilter> m_filter; // none: notifications are off
    bool m_doNotDisturb = false;
    bool m_sound = false;
    QString m_error;
};
