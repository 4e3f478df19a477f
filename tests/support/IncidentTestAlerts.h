#pragma once

#include "AlertBuilder.h"
#include "model/AlertChange.h"

#include <QDateTime>
#include <QList>

// Alerts for the incident tests: one on a host (as node exporter labels it), and a
// delivery of new alerts as the store announces it.
namespace IncidentTestAlerts {

inline Alert onHost(const QDateTime &t0, const QString &fingerprint, const QString &name, const QString &host,
                    int secondsAfter, Severity severity = Severity::Warning)
{
    return AlertBuilder(fingerprint)
        .named(name)
        .label(QStringLiteral("instance"), host + QStringLiteral(":9100"))
        .severity(severity)
        .startsAt(t0.addSecs(secondsAfter));
}

inline QList<AlertChange> newAlerts(const QList<Alert> &alerts)
{
    QList<AlertChange> list;
    for (const Alert &alert : alerts)
        list.append({alert, AlertMerge::Outcome::NewAlert});
    return list;
}

} // namespace IncidentTestAlerts
