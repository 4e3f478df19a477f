#include "incidents/IncidentCorrelator.h"

#include <QCryptographicHash>

#include <algorithm>

namespace {

constexpr qsizetype maxScopeValue = 256;
constexpr QChar tokenSeparator = u'\x1f';

LabelMap intersection(const LabelMap &a, const LabelMap &b)
{
    LabelMap shared;
    for (auto it = a.cbegin(); it != a.cend(); ++it)
        if (const auto other = b.constFind(it.key()); other != b.cend() && *other == it.value())
            shared.insert(it.key(), it.value());
    return shared;
}

} // namespace

IncidentCorrelator::IncidentCorrelator(const IncidentRules &rules)
    : m_rules(rules)
    , m_scopes(rules.compiledScopes())
    , m_windowMs(std::chrono::milliseconds(rules.window).count())
    , m_quietMs(std::chrono::milliseconds(rules.quiet).count())
{ }

QString IncidentCorrelator::scopeValue(const QString &value)
{
    QStringView view(value);
    // "host:9100" and "[::1]:9100" lose the port; "a:b" (not a port) stays.
    if (const qsizetype colon = view.lastIndexOf(u':'); colon > 0 && colon + 1 < view.size()) {
        const QStringView port = view.mid(colon + 1);
        const bool digits
            = port.size() <= 5 && std::all_of(port.begin(), port.end(), [](QChar c) { return c.isDigit(); });
        const bool bracketed = view.startsWith(u'[') && view.at(colon - 1) == u']';
        if (digits && (bracketed || view.left(colon).indexOf(u':') < 0))
            view = view.left(colon);
    }
    if (view.size() <= maxScopeValue)
        return view.toString();
    // A huge value still compares exactly, without making every key that long.
    const QByteArray digest = QCryptographicHash::hash(view.toUtf8(), QCryptographicHash::Sha256).toHex();
    return view.left(maxScopeValue).toString() + u'#' + QString::fromLatin1(digest);
}

QStringList IncidentCorrelator::scopeTokens(const Alert &alert, const QList<IncidentRules::Scope> &scopes,
                                            LabelMap *scopeLabels)
{
    QStringList tokens;
    for (qsizetype s = 0; s < scopes.size(); ++s) {
        QString token = QString::number(s);
        LabelMap used;
        bool filled = true;
        for (const QStringList &slot : scopes.at(s)) {
            QString value;
            for (const QString &alternative : slot) {
                value = scopeValue(alert.labels.value(alternative));
                if (!value.isEmpty())
                    break;
            }
            if (value.isEmpty()) {
                filled = false;
                break;
            }
            token += tokenSeparator + value;
            // Named by the slot's first label, so host="db-1" and node="db-1" share "instance".
            used.insert(slot.constFirst(), value);
        }
        if (!filled)
            continue;
        tokens.append(token);
        if (scopeLabels)
            scopeLabels->insert(used);
    }
    return tokens;
}

IncidentCorrelator::Placement IncidentCorrelator::place(const Alert &alert) const
{
    Placement placement;
    placement.key = OccurrenceKey::of(alert);
    const bool resolved = alert.state == AlertState::Resolved;
    placement.member.resolved = resolved;
    placement.member.endMs = resolved && alert.endsAt.isValid() ? alert.endsAt.toMSecsSinceEpoch() : 0;
    if (const auto known = m_members.constFind(placement.key); known != m_members.cend()) {
        placement.known = true;
        placement.incident = known->incident;
        placement.member.row = known->row;
        placement.member.tag = known->tag;
        return placement;
    }
    placement.member.startMs = placement.key.startsAtMs;
    placement.member.severity = alert.severity;
    placement.member.name = alert.name;
    placement.tokens = scopeTokens(alert, m_scopes, &placement.member.scope);
    placement.groupKey = alert.groupKey;
    placement.anchor = placement.key;
    if (const auto pin = m_pins.constFind(placement.key); pin != m_pins.cend()) {
        placement.incident = m_byAnchor.value(*pin, -1);
        placement.anchor = *pin; // when it comes first, its anchor's incident starts with it
    } else if (const IncidentId waiting = m_byAnchor.value(placement.key, -1); waiting >= 0) {
        placement.incident = waiting; // pinned members came before their anchor
    } else if (const std::optional<IncidentId> match
               = matchByRules(alert, placement.key.startsAtMs, placement.tokens)) {
        placement.incident = *match;
    }
    return placement;
}

IncidentCorrelator::IncidentId IncidentCorrelator::commit(const Placement &placement, int tag)
{
    if (placement.known) {
        // A later delivery of the same occurrence: only its resolution counts.
        // Counted in place: a recount would make a storm's resolutions quadratic.
        Member &known = m_members[placement.key];
        Incident &incident = m_incidents[known.incident];
        if (known.resolved != placement.member.resolved)
            incident.unresolved += placement.member.resolved ? -1 : 1;
        known.resolved = placement.member.resolved;
        known.endMs = placement.member.endMs;
        if (known.resolved)
            incident.lastEndMs = std::max(incident.lastEndMs, known.endMs);
        return known.incident;
    }
    const IncidentId id = placement.incident >= 0 ? placement.incident : newIncident(placement.anchor);
    join(id, placement.key, placement.member, placement.tokens, placement.groupKey);
    m_members[placement.key].tag = tag;
    return id;
}

const IncidentCorrelator::Member *IncidentCorrelator::member(const OccurrenceKey &occurrence) const
{
    const auto it = m_members.constFind(occurrence);
    return it == m_members.cend() ? nullptr : &*it;
}

std::optional<IncidentCorrelator::IncidentId> IncidentCorrelator::incidentOf(const OccurrenceKey &occurrence) const
{
    if (const auto it = m_members.constFind(occurrence); it != m_members.cend())
        return it->incident;
    return std::nullopt;
}

QList<IncidentCorrelator::IncidentId> IncidentCorrelator::liveIncidents() const
{
    QList<IncidentId> live;
    for (const Incident &incident : m_incidents)
        if (!incident.members.isEmpty())
            live.append(incident.id);
    return live;
}

bool IncidentCorrelator::takes(const Incident &incident, qint64 startMs) const
{
    return !incident.members.isEmpty() && incident.isOpenAt(startMs, m_quietMs)
        && startMs >= incident.firstStartMs - m_windowMs && startMs <= incident.lastStartMs + m_windowMs;
}

std::optional<IncidentCorrelator::IncidentId> IncidentCorrelator::matchByRules(const Alert &alert, qint64 startMs,
                                                                               const QStringList &tokens) const
{
    if (m_rules.byGroupKey && !alert.groupKey.isEmpty())
        if (const IncidentId id = m_latestByGroupKey.value(alert.groupKey, -1);
            id >= 0 && takes(m_incidents.at(id), startMs))
            return id;
    std::optional<IncidentId> best;
    for (const QString &token : tokens) {
        const IncidentId id = m_latestByToken.value(token, -1);
        if (id < 0 || !takes(m_incidents.at(id), startMs))
            continue;
        if (!best || m_incidents.at(id).lastStartMs > m_incidents.at(*best).lastStartMs)
            best = id;
    }
    return best;
}

IncidentCorrelator::IncidentId IncidentCorrelator::newIncident(const OccurrenceKey &anchor)
{
    Incident incident;
    incident.id = IncidentId(m_incidents.size());
    incident.anchor = anchor;
    m_incidents.append(incident);
    m_byAnchor.insert(anchor, incident.id);
    return incident.id;
}

void IncidentCorrelator::count(Incident &incident, const Member &member, bool first)
{
    if (first) {
        incident.firstStartMs = incident.lastStartMs = member.startMs;
        incident.scope = member.scope;
    } else {
        incident.firstStartMs = std::min(incident.firstStartMs, member.startMs);
        incident.lastStartMs = std::max(incident.lastStartMs, member.startMs);
        incident.scope = intersection(incident.scope, member.scope);
    }
    if (member.resolved)
        incident.lastEndMs = std::max(incident.lastEndMs, member.endMs);
    else
        ++incident.unresolved;
    if (incident.worstName.isEmpty() || member.severity < incident.worst) {
        incident.worst = member.severity;
        incident.worstName = member.name;
    }
}

void IncidentCorrelator::join(IncidentId id, const OccurrenceKey &key, const Member &member, const QStringList &tokens,
                              const QString &groupKey)
{
    Incident &incident = m_incidents[id];
    count(incident, member, incident.members.isEmpty());
    if (incident.groupKey.isEmpty())
        incident.groupKey = groupKey;
    incident.members.append(key);
    Member &stored = m_members[key];
    stored = member;
    stored.incident = id;
    stored.row = int(incident.members.size()) - 1;
    for (const QString &token : tokens)
        m_latestByToken.insert(token, id);
    if (!groupKey.isEmpty())
        m_latestByGroupKey.insert(groupKey, id);
}

void IncidentCorrelator::recount(Incident &incident) const
{
    const LabelMap scope = incident.scope; // a split cannot narrow it; keep what the members shared
    incident.unresolved = 0;
    incident.lastEndMs = 0;
    incident.worst = Severity::Other;
    incident.worstName.clear();
    bool first = true;
    for (const OccurrenceKey &key : std::as_const(incident.members)) {
        count(incident, m_members.value(key), first);
        first = false;
    }
    if (!incident.members.isEmpty())
        incident.scope = scope;
}

bool IncidentCorrelator::merge(IncidentId into, const QList<IncidentId> &others)
{
    if (into < 0 || into >= m_incidents.size())
        return false;
    bool moved = false;
    for (const IncidentId other : others) {
        if (other == into || other < 0 || other >= m_incidents.size() || m_incidents.at(other).members.isEmpty())
            continue;
        Incident &from = m_incidents[other];
        Incident &to = m_incidents[into];
        const LabelMap shared = intersection(to.scope, from.scope);
        for (const OccurrenceKey &key : std::as_const(from.members)) {
            Member &moved = m_members[key];
            moved.incident = into;
            moved.row = int(to.members.size());
            to.members.append(key);
        }
        from.members.clear();
        recount(to);
        to.scope = shared;
        recount(from);
        m_byAnchor.insert(from.anchor, into);
        for (auto it = m_latestByToken.begin(); it != m_latestByToken.end(); ++it)
            if (*it == other)
                *it = into;
        for (auto it = m_latestByGroupKey.begin(); it != m_latestByGroupKey.end(); ++it)
            if (*it == other)
                *it = into;
        moved = true;
    }
    if (!moved)
        return false;
    // The earliest member anchors the lot, so a replay of the history (in start order)
    // meets the anchor before the members pinned to it.
    Incident &to = m_incidents[into];
    const auto earliest
        = std::min_element(to.members.cbegin(), to.members.cend(),
                           [](const OccurrenceKey &a, const OccurrenceKey &b) { return a.startsAtMs < b.startsAtMs; });
    to.anchor = *earliest;
    m_byAnchor.insert(to.anchor, into);
    for (const OccurrenceKey &key : std::as_const(to.members))
        m_pins.insert(key, to.anchor);
    return true;
}

bool IncidentCorrelator::split(const OccurrenceKey &occurrence)
{
    const auto found = m_members.find(occurrence);
    if (found == m_members.end())
        return false;
    const IncidentId oldId = found->incident;
    if (m_incidents.at(oldId).members.size() < 2)
        return false;
    m_incidents[oldId].members.removeOne(occurrence);
    for (int row = 0; row < m_incidents.at(oldId).members.size(); ++row)
        m_members[m_incidents.at(oldId).members.at(row)].row = row;
    // The occurrence leaves with a pin to itself; if it anchored the old incident, the
    // rest are pinned to a new anchor, or a replay would gather them around it again.
    if (m_incidents.at(oldId).anchor == occurrence) {
        Incident &old = m_incidents[oldId];
        old.anchor = *std::min_element(
            old.members.cbegin(), old.members.cend(),
            [](const OccurrenceKey &a, const OccurrenceKey &b) { return a.startsAtMs < b.startsAtMs; });
        m_byAnchor.insert(old.anchor, oldId);
        for (const OccurrenceKey &key : std::as_const(old.members))
            m_pins.insert(key, old.anchor);
    }
    recount(m_incidents[oldId]);
    const IncidentId id = newIncident(occurrence);
    Incident &alone = m_incidents[id];
    alone.members.append(occurrence);
    found->incident = id;
    found->row = 0;
    count(alone, *found, true);
    m_pins.insert(occurrence, occurrence);
    return true;
}
