#pragma once

#include <QDateTime>
#include <QMap>
#include <QMetaType>
#include <QString>

enum class AlertState { Firing, Resolved };

// Severity as shown and sorted; `Other` keeps an unknown label value (see Alert::severityText).
enum class Severity { Critical, Warning, Info, None, Other };

using LabelMap = QMap<QString, QString>;

// One alert as the console shows it, normalised from any source format.
struct Alert {
    QString fingerprint;
    QString source; // "alertmanager", "grafana", "nightingale"
    AlertState state = AlertState::Firing;
    Severity severity = Severity::None;
    QString severityText; // the raw label value, kept for unknown severities
    QString name;
    LabelMap labels;
    LabelMap annotations;
    QDateTime startsAt;
    QDateTime endsAt; // invalid while the alert has no end
    QDateTime lastUpdate;
    QString generatorUrl;
    QString promQl; // from generatorURL's g0.expr or Nightingale's prom_ql
    QString receiver;
    QString groupKey;
    QString externalUrl;

    // Grafana's extras (empty for other sources); Nightingale's trigger value goes to valueString.
    QString silenceUrl;
    QString dashboardUrl;
    QString panelUrl;
    QString imageUrl;
    QString valueString;
    QMap<QString, double> values;

    int count = 1; // deliveries seen for this fingerprint
    bool demo = false;
    bool replay = false; // from a replay session: kept apart from live alerts
    // Demo and replayed alerts never read from or write to the live store.
    bool inLiveStore() const { return !demo && !replay; }

    // The thing that is alerting: instance, target_ident, pod, host… first one present.
    QString target() const;
    // annotations summary, else description, else message.
    QString summary() const;
};

// Every member moves with a plain copy of its bytes: lists of alerts grow without
// copying each one.
Q_DECLARE_TYPEINFO(Alert, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(Alert)

Severity severityFromText(const QString &text);
QString severityName(Severity severity);
QString stateName(AlertState state);
