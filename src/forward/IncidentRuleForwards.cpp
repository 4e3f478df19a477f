#include "forward/IncidentRuleForwards.h"

#include "analysis/AnalysisService.h"
#include "logging/LogCategories.h"
#include "store/AlertHistory.h"

#include <QTimer>

#include <algorithm>
#include <memory>

IncidentRuleForwards::IncidentRuleForwards(ForwardService *service, AlertHistory *history, AnalysisService *analysis)
    : QObject(service)
    , m_service(service)
    , m_history(history)
    , m_analysis(analysis)
{ }

bool IncidentRuleForwards::start(const Alert &alert, const ChatDestination &destination)
{
    if (!m_lookup)
        return false;
    const std::optional<IncidentSnapshot> incident = m_lookup(alert);
    if (!incident || incident->members.isEmpty())
        return false;
    const std::pair key{destination.id, incident->anchor};
    if (m_started.contains(key))
        return true; // its one message is on its way, was sent, or was held back
    m_started.insert(key);
    const ForwardService::Settings &settings = m_service->settings();
    if (!m_service->m_ruleStarts.tryTake(settings.rulePerHour)) {
        qCInfo(lcForward).noquote() << "rule forward of the incident of" << incident->primary().fingerprint << "to"
                                    << destination.name << "held back: limit of" << settings.rulePerHour
                                    << "per hour reached";
        emit m_service->ruleLimited(incident->primary(), destination.name);
        return true;
    }
    QTimer::singleShot(settings.incidentSettle, this,
                       [this, alert, incident = *incident, id = destination.id] { settled(alert, incident, id); });
    return true;
}

IncidentSnapshot IncidentRuleForwards::current(const Alert &member, const IncidentSnapshot &earlier) const
{
    if (m_lookup) {
        for (const Alert &known : {member, earlier.primary()}) {
            const std::optional<IncidentSnapshot> now = m_lookup(known);
            if (now && now->anchor == earlier.anchor && !now->members.isEmpty())
                return *now;
        }
    }
    return earlier;
}

void IncidentRuleForwards::settled(const Alert &member, const IncidentSnapshot &incident, const QString &destinationId)
{
    const IncidentSnapshot now = current(member, incident);
    QList<Alert> stored;
    for (const Alert &alert : now.members.mid(0, mostMembersChecked))
        if (alert.inLiveStore())
            stored << alert;
    if (!m_history || stored.isEmpty())
        return afterAnalysis(member, now, destinationId);
    // Across restarts: an incident whose members a rule sent to this destination before
    // is not sent again. Every answer is awaited, then decided once.
    struct Check {
        qsizetype waiting;
        bool sent = false;
    };
    auto check = std::make_shared<Check>(Check{stored.size()});
    for (const Alert &alert : std::as_const(stored)) {
        m_history->fetchForwards(AlertKey::of(alert), this,
                                 [this, check, alert, member, now, destinationId](const QList<StoredForward> &log) {
                                     check->sent = check->sent
                                         || std::any_of(log.cbegin(), log.cend(), [&](const StoredForward &f) {
                                                       return f.automatic && f.destinationId == destinationId
                                                           && f.occurrenceStartsAt == alert.startsAt;
                                                   });
                                     if (--check->waiting > 0)
                                         return;
                                     if (check->sent) {
                                         m_service->m_ruleStarts.giveBack();
                                         return;
                                     }
                                     afterAnalysis(member, now, destinationId);
                                 });
    }
}

void IncidentRuleForwards::afterAnalysis(const Alert &member, const IncidentSnapshot &incident,
                                         const QString &destinationId)
{
    AnalysisService *analysis = m_analysis;
    if (!analysis || !analysis->settings().autoRule)
        return send(member, incident, destinationId);
    const AnalysisService::Settings &settings = analysis->settings();
    const AlertFilter &rule = *settings.autoRule;
    const OccurrenceKey anchor = incident.anchor;
    const bool incidentAnalysis = settings.autoTarget == RuleTarget::Incident;
    QSet<AlertKey> awaited; // whose run (or limit) ends the wait
    if (incidentAnalysis) {
        // One analysis of the whole incident, when the rule matches any member.
        const QList<Alert> members = incident.members;
        if (std::none_of(members.cbegin(), members.cend(), [&rule](const Alert &m) { return rule.matches(m); }))
            return send(member, incident, destinationId);
        for (const Alert &alert : members.mid(0, mostMembersChecked)) {
            const AnalysisService::Run *run = analysis->run(AlertKey::of(alert));
            if (run && run->incidentAnchor == anchor && !run->isRunning())
                return send(member, incident, destinationId);
        }
        for (const Alert &alert : members)
            awaited.insert(AlertKey::of(alert));
    } else {
        // Alert analyses: the message carries the primary's, as an alert rule's would.
        const Alert &primary = incident.primary();
        const AnalysisService::Run *run = analysis->run(AlertKey::of(primary));
        const bool analysedAlready = run && !run->isRunning() && run->alert.startsAt == primary.startsAt;
        if (!rule.matches(primary) || analysedAlready)
            return send(member, incident, destinationId);
        awaited.insert(AlertKey::of(primary));
    }

    if (const std::optional<ChatDestination> destination = m_service->destination(destinationId))
        emit m_service->ruleWaitingForAnalysis(incident.primary(), destination->name);
    auto *waiter = new QObject(this); // its connections and timer end with it
    auto go = [this, waiter, member, incident, destinationId] {
        if (waiter->property("done").toBool())
            return;
        waiter->setProperty("done", true);
        waiter->deleteLater();
        send(member, incident, destinationId);
    };
    connect(analysis, &AnalysisService::runFinished, waiter,
            [analysis, awaited, anchor, incidentAnalysis, go](const AlertKey &finished) {
                if (!incidentAnalysis) {
                    if (awaited.contains(finished))
                        go();
                    return;
                }
                // The incident's analysis runs under its worst member when it starts.
                const AnalysisService::Run *run = analysis->run(finished);
                if (run && run->incidentAnchor == anchor)
                    go();
            });
    connect(analysis, &AnalysisService::autoAnalysisLimited, waiter, [awaited, go](const Alert &limited) {
        if (awaited.contains(AlertKey::of(limited)))
            go();
    });
    QTimer::singleShot(m_service->settings().analysisWait, waiter, go);
}

void IncidentRuleForwards::send(const Alert &member, const IncidentSnapshot &incident, const QString &destinationId)
{
    // Alerts may have joined while it waited: the message lists the incident as it is now.
    // Its analysis: the incident's own when it has one (ForwardService::incidentAnalysis).
    m_service->forwardIncident(current(member, incident), destinationId, std::nullopt, true);
}
