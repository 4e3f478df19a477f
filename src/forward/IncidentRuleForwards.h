#pragma once

#include "forward/ForwardService.h"
#include "incidents/IncidentSnapshot.h"
#include "model/AlertKey.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class AlertHistory;
class AnalysisService;

// Forwarding rules that target incidents: a storm of alerts becomes one message per
// incident and destination, with the members listed, not one message per alert.
// The first matching alert of an incident takes one start of the rules' hourly limit;
// the forward waits ForwardService::Settings::incidentSettle so that the rest of the
// storm joins, then the incident is looked up again. An incident a rule sent in an
// earlier session (any of its first members has an automatic forward to the destination
// for its occurrence) is not sent again. When the incident (or, with alert-target
// analysis, its primary) is analysed automatically, the forward waits for that analysis
// (up to analysisWait) and carries it.
class IncidentRuleForwards final : public QObject
{
    Q_OBJECT

public:
    IncidentRuleForwards(ForwardService *service, AlertHistory *history, AnalysisService *analysis);

    void setLookup(IncidentLookup lookup) { m_lookup = std::move(lookup); }
    // `alert` started firing and an incident rule for `destination` matches it. False when
    // it is in no incident (or nothing can say): the caller forwards the alert alone.
    bool start(const Alert &alert, const ChatDestination &destination);

    // Members whose stored forwards are read to find an earlier session's forward.
    static constexpr qsizetype mostMembersChecked = 20;

private:
    // The incident as it is now; `earlier` when it can no longer be found under its anchor.
    IncidentSnapshot current(const Alert &member, const IncidentSnapshot &earlier) const;
    void settled(const Alert &member, const IncidentSnapshot &incident, const QString &destinationId);
    void afterAnalysis(const Alert &member, const IncidentSnapshot &incident, const QString &destinationId);
    void send(const Alert &member, const IncidentSnapshot &incident, const QString &destinationId);

    ForwardService *m_service; // the parent
    QPointer<AlertHistory> m_history;
    QPointer<AnalysisService> m_analysis;
    IncidentLookup m_lookup;
    QSet<std::pair<QString, OccurrenceKey>> m_started; // (destination id, incident anchor), this session
};
