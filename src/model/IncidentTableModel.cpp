#include "model/IncidentTableModel.h"

#include "model/AlertTableModel.h"

#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

// Top-level rows have internalId 0; a member row's internalId is its incident's id + 1.

IncidentTableModel::IncidentTableModel(const IncidentRules &rules, QObject *parent)
    : QAbstractItemModel(parent)
    , m_correlator(rules)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{ }

void IncidentTableModel::setRules(const IncidentRules &rules)
{
    if (rules == m_correlator.rules())
        return;
    recorrelate(rules);
}

void IncidentTableModel::recorrelate(const IncidentRules &rules)
{
    QList<int> byStart(m_alerts.size());
    std::iota(byStart.begin(), byStart.end(), 0);
    std::stable_sort(byStart.begin(), byStart.end(),
                     [this](int a, int b) { return m_alerts.at(a).startsAt < m_alerts.at(b).startsAt; });
    const auto pins = m_correlator.pins();
    beginResetModel();
    m_correlator = IncidentCorrelator(rules);
    m_correlator.setPins(pins);
    for (const int index : std::as_const(byStart))
        m_correlator.commit(m_correlator.place(m_alerts.at(index)), index);
    rebuild();
    endResetModel();
}

int IncidentTableModel::dropIncidentsEndedBefore(const QDateTime &cutoff)
{
    const qint64 cutoffMs = cutoff.toMSecsSinceEpoch();
    QSet<OccurrenceKey> dropped;
    int incidents = 0;
    for (const IncidentCorrelator::Incident &incident : m_correlator.incidents()) {
        if (incident.isFiring() || incident.members.isEmpty() || incident.lastEndMs >= cutoffMs)
            continue;
        ++incidents;
        for (const OccurrenceKey &member : incident.members)
            dropped.insert(member);
    }
    if (dropped.isEmpty())
        return 0;
    m_alerts.removeIf([&dropped](const Alert &alert) { return dropped.contains(OccurrenceKey::of(alert)); });
    recorrelate(m_correlator.rules());
    return incidents;
}

void IncidentTableModel::setPins(const QHash<OccurrenceKey, OccurrenceKey> &pins)
{
    m_correlator.setPins(pins);
}

void IncidentTableModel::addAlerts(const QList<Alert> &alerts)
{
    add(alerts);
}

void IncidentTableModel::applyChanges(const QList<AlertChange> &changes)
{
    QList<Alert> alerts;
    alerts.reserve(changes.size());
    for (const AlertChange &change : changes)
        if (change.alert.inLiveStore())
            alerts.append(change.alert);
    add(alerts);
}

void IncidentTableModel::add(const QList<Alert> &alerts)
{
    if (alerts.isEmpty())
        return;
    const bool bulk = alerts.size() >= bulkChanges;
    if (bulk)
        emit layoutAboutToBeChanged(); // rows are only appended: every index stays valid
    for (const Alert &alert : alerts) {
        const IncidentCorrelator::Placement placement = m_correlator.place(alert);
        if (placement.known) {
            m_alerts[placement.member.tag] = alert;
            const IncidentCorrelator::IncidentId id = m_correlator.commit(placement);
            if (!bulk) {
                const QModelIndex incident = indexOfIncident(id);
                const QModelIndex member = index(placement.member.row, 0, incident);
                emit dataChanged(member, member.siblingAtColumn(ColumnCount - 1));
                emit dataChanged(incident, incident.siblingAtColumn(ColumnCount - 1));
            }
            continue;
        }
        const int tag = int(m_alerts.size());
        m_alerts.append(alert);
        if (placement.incident < 0) {
            const int row = int(m_rows.size());
            if (!bulk)
                beginInsertRows({}, row, row);
            const IncidentCorrelator::IncidentId id = m_correlator.commit(placement, tag);
            m_rows.append(id);
            m_rowOf.insert(id, row);
            if (!bulk)
                endInsertRows();
            continue;
        }
        const QModelIndex parentIndex = indexOfIncident(placement.incident);
        const int memberRow = int(m_correlator.incident(placement.incident).members.size());
        if (!bulk)
            beginInsertRows(parentIndex, memberRow, memberRow);
        m_correlator.commit(placement, tag);
        if (!bulk) {
            endInsertRows();
            emit dataChanged(parentIndex, parentIndex.siblingAtColumn(ColumnCount - 1));
        }
    }
    if (bulk)
        emit layoutChanged();
}

bool IncidentTableModel::merge(const QModelIndexList &rows)
{
    QList<IncidentCorrelator::IncidentId> ids;
    for (const QModelIndex &row : rows)
        if (const auto id = incidentAt(row); id >= 0 && !ids.contains(id))
            ids.append(id);
    if (ids.size() < 2)
        return false;
    beginResetModel();
    const bool merged = m_correlator.merge(ids.takeFirst(), ids);
    rebuild();
    endResetModel();
    if (merged)
        emit pinsChanged();
    return merged;
}

bool IncidentTableModel::split(const QModelIndex &memberRow)
{
    if (!isMember(memberRow))
        return false;
    const OccurrenceKey key = memberRow.siblingAtColumn(0).data(OccurrenceRole).value<OccurrenceKey>();
    beginResetModel();
    const bool split = m_correlator.split(key);
    rebuild();
    endResetModel();
    if (split)
        emit pinsChanged();
    return split;
}

void IncidentTableModel::rebuild()
{
    m_rows = m_correlator.liveIncidents();
    m_rowOf.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOf.insert(m_rows.at(row), row);
}

const Alert &IncidentTableModel::alertOf(const OccurrenceKey &key) const
{
    static const Alert none;
    const IncidentCorrelator::Member *member = m_correlator.member(key);
    return member && member->tag >= 0 ? m_alerts.at(member->tag) : none;
}

QModelIndex IncidentTableModel::indexOfIncident(IncidentCorrelator::IncidentId id, int column) const
{
    const int row = m_rowOf.value(id, -1);
    return row < 0 ? QModelIndex() : createIndex(row, column, quintptr(0));
}

IncidentCorrelator::IncidentId IncidentTableModel::incidentAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return -1;
    if (isMember(index))
        return IncidentCorrelator::IncidentId(index.internalId() - 1);
    return m_rows.value(index.row(), -1);
}

QList<Alert> IncidentTableModel::membersOf(const QModelIndex &incidentRow) const
{
    return membersOf(incidentAt(incidentRow));
}

QList<Alert> IncidentTableModel::membersOf(IncidentCorrelator::IncidentId id) const
{
    QList<Alert> members;
    if (id < 0 || id >= m_correlator.incidents().size())
        return members;
    for (const OccurrenceKey &key : m_correlator.incident(id).members)
        members.append(alertOf(key));
    std::stable_sort(members.begin(), members.end(),
                     [](const Alert &a, const Alert &b) { return a.severity < b.severity; });
    return members;
}

QString IncidentTableModel::titleOf(IncidentCorrelator::IncidentId id) const
{
    const IncidentCorrelator::Incident &incident = m_correlator.incident(id);
    const int others = int(incident.members.size()) - 1;
    if (others <= 0)
        return incident.worstName;
    return tr("%1 and %n related", nullptr, others).arg(incident.worstName);
}

std::optional<IncidentSnapshot> IncidentTableModel::snapshotOf(const Alert &alert) const
{
    const std::optional<IncidentCorrelator::IncidentId> id = m_correlator.incidentOf(OccurrenceKey::of(alert));
    if (!id)
        return std::nullopt;
    IncidentSnapshot snapshot{m_correlator.incident(*id).anchor, membersOf(*id), titleOf(*id)};
    if (snapshot.members.isEmpty())
        return std::nullopt;
    return snapshot;
}

QModelIndex IncidentTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_rows.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (isMember(parent) || parent.row() >= m_rows.size())
        return {};
    const IncidentCorrelator::IncidentId id = m_rows.at(parent.row());
    if (row >= m_correlator.incident(id).members.size())
        return {};
    return createIndex(row, column, quintptr(id) + 1);
}

QModelIndex IncidentTableModel::parent(const QModelIndex &child) const
{
    if (!isMember(child))
        return {};
    return indexOfIncident(IncidentCorrelator::IncidentId(child.internalId() - 1));
}

int IncidentTableModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (isMember(parent) || parent.column() != 0 || parent.row() >= m_rows.size())
        return 0;
    return int(m_correlator.incident(m_rows.at(parent.row())).members.size());
}

int IncidentTableModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant IncidentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const IncidentCorrelator::IncidentId id = incidentAt(index);
    if (id < 0)
        return {};
    if (role == IncidentIdRole)
        return id;
    const IncidentCorrelator::Incident &incident = m_correlator.incident(id);
    if (!isMember(index))
        return incidentData(incident, index.column(), role);
    const OccurrenceKey key = incident.members.value(index.row());
    if (role == OccurrenceRole)
        return QVariant::fromValue(key);
    return memberData(alertOf(key), index.column(), role);
}

QVariant IncidentTableModel::incidentData(const IncidentCorrelator::Incident &incident, int column, int role) const
{
    const QDateTime started = QDateTime::fromMSecsSinceEpoch(incident.firstStartMs, QTimeZone::utc());
    if (role == SeverityRole)
        return int(incident.worst);
    if (role == FiringRole)
        return incident.isFiring();
    if (role == SortRole) {
        switch (column) {
        case SeverityColumn: return int(incident.worst);
        case Members: return int(incident.members.size());
        case Started: return incident.firstStartMs;
        case State: return incident.isFiring() ? 0 : 1;
        default: break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::ToolTipRole && column == Started)
        return started.toLocalTime().toString(Qt::ISODate);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Title: return titleOf(incident.id);
    case SeverityColumn: return severityName(incident.worst);
    case Scope: {
        QStringList parts;
        for (auto it = incident.scope.cbegin(); it != incident.scope.cend(); ++it)
            parts.append(it.key() + u'=' + it.value());
        return parts.join(u", "_s);
    }
    case Members: return int(incident.members.size());
    case Started: return AlertTableModel::formatTime(started, m_clock());
    case State: return incident.isFiring() ? tr("firing (%n alert(s))", nullptr, incident.unresolved) : tr("resolved");
    default: return {};
    }
}

QVariant IncidentTableModel::memberData(const Alert &alert, int column, int role) const
{
    if (role == SeverityRole)
        return int(alert.severity);
    if (role == FiringRole)
        return alert.state == AlertState::Firing;
    if (role == SortRole) {
        switch (column) {
        case SeverityColumn: return int(alert.severity);
        case Started: return alert.startsAt.toMSecsSinceEpoch();
        case State: return alert.state == AlertState::Firing ? 0 : 1;
        default: break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::ToolTipRole && column == Title)
        return AlertTableModel::plainToolTip(alert.summary());
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Title: return alert.name;
    case SeverityColumn: return alert.severity == Severity::Other ? alert.severityText : severityName(alert.severity);
    case Scope: return alert.target();
    case Started: return AlertTableModel::formatTime(alert.startsAt, m_clock());
    case State: return stateName(alert.state);
    default: return {};
    }
}

QVariant IncidentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title: return tr("Incident");
    case SeverityColumn: return tr("Severity");
    case Scope: return tr("Scope");
    case Members: return tr("Alerts");
    case Started: return tr("Started");
    case State: return tr("State");
    default: return {};
    }
}
