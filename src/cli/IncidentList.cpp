#include "cli/IncidentList.h"

#include "incidents/IncidentCorrelator.h"
#include "model/AlertJson.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

QDateTime fromMsecs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

Failure queryFailure(const QSqlQuery &query)
{
    return Failure{
        IncidentList::tr("Cannot read the incidents from the alert store: %1").arg(query.lastError().text())};
}

LabelMap intersection(const LabelMap &a, const LabelMap &b)
{
    LabelMap shared;
    for (auto it = a.cbegin(); it != a.cend(); ++it)
        if (b.value(it.key()) == it.value() && b.contains(it.key()))
            shared.insert(it.key(), it.value());
    return shared;
}

} // namespace

QString IncidentList::Incident::title() const
{
    return memberCount > 1 ? tr("%1 and %n related", nullptr, memberCount - 1).arg(worstName) : worstName;
}

Result<IncidentList> IncidentList::read(const QSqlDatabase &db, const QDateTime &since, const IncidentRules &rules)
{
    IncidentList list;
    const qint64 sinceMs = since.toMSecsSinceEpoch();
    // occurrences_by_anchor starts with the anchor's start: a range scan of the window.
    QSqlQuery count(db);
    count.prepare(u"SELECT count(*) FROM (SELECT 1 FROM occurrences WHERE anchor_starts_at_ms >= ?"
                  " GROUP BY anchor_starts_at_ms, anchor_source, anchor_fingerprint)"_s);
    count.addBindValue(sinceMs);
    if (!count.exec() || !count.next())
        return queryFailure(count);
    list.total = count.value(0).toInt();

    QSqlQuery anchors(db);
    anchors.setForwardOnly(true);
    anchors.prepare(u"SELECT anchor_source, anchor_fingerprint, anchor_starts_at_ms, count(*), sum(resolved = 0),"
                    " max(starts_at_ms) FROM occurrences WHERE anchor_starts_at_ms >= ?"
                    " GROUP BY anchor_starts_at_ms, anchor_source, anchor_fingerprint"
                    " ORDER BY anchor_starts_at_ms DESC, anchor_source, anchor_fingerprint LIMIT ?"_s);
    anchors.addBindValue(sinceMs);
    anchors.addBindValue(maxIncidents);
    if (!anchors.exec())
        return queryFailure(anchors);
    while (anchors.next()) {
        Incident incident;
        incident.anchor = {{anchors.value(0).toString(), anchors.value(1).toString()}, anchors.value(2).toLongLong()};
        incident.startedAt = fromMsecs(anchors.value(2));
        incident.memberCount = anchors.value(3).toInt();
        incident.firing = anchors.value(4).toInt();
        incident.lastStartAt = fromMsecs(anchors.value(5));
        list.incidents.append(incident);
    }

    QSqlQuery members(db);
    members.setForwardOnly(true);
    members.prepare(
        u"SELECT o.source, o.fingerprint, o.starts_at_ms, o.ends_at_ms, o.resolved, a.data FROM occurrences o"
        " JOIN alerts a ON a.source = o.source AND a.fingerprint = o.fingerprint"
        " WHERE o.anchor_starts_at_ms = ? AND o.anchor_source = ? AND o.anchor_fingerprint = ?"
        " ORDER BY o.starts_at_ms, o.source, o.fingerprint LIMIT ?"_s);
    const QList<IncidentRules::Scope> scopes = rules.compiledScopes();
    QHash<AlertKey, Alert> parsed; // an alert's stored state, once per alert
    for (Incident &incident : list.incidents) {
        members.addBindValue(incident.anchor.startsAtMs);
        members.addBindValue(incident.anchor.alert.source);
        members.addBindValue(incident.anchor.alert.fingerprint);
        members.addBindValue(maxMembers);
        if (!members.exec())
            return queryFailure(members);
        while (members.next()) {
            const AlertKey key{members.value(0).toString(), members.value(1).toString()};
            auto known = parsed.find(key);
            if (known == parsed.end())
                known = parsed.insert(
                    key, AlertJson::fromJson(QJsonDocument::fromJson(members.value(5).toString().toUtf8()).object()));
            Alert alert = *known;
            alert.source = key.source;
            alert.fingerprint = key.fingerprint;
            alert.startsAt = fromMsecs(members.value(2));
            alert.endsAt = fromMsecs(members.value(3));
            alert.state = members.value(4).toBool() ? AlertState::Resolved : AlertState::Firing;
            LabelMap scope;
            IncidentCorrelator::scopeTokens(alert, scopes, &scope);
            // As the correlator counts them: the first member with the worst severity names it.
            if (incident.members.isEmpty()) {
                incident.scope = scope;
            } else {
                incident.scope = intersection(incident.scope, scope);
            }
            if (incident.worstName.isEmpty() || alert.severity < incident.worst) {
                incident.worst = alert.severity;
                incident.worstSeverityText = alert.severityText;
                incident.worstName = alert.name;
            }
            incident.members.append(alert);
        }
    }
    return list;
}
