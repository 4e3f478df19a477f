#pragma once

#include "incidents/IncidentCorrelator.h"
#include "incidents/IncidentSnapshot.h"
#include "model/Alert.h"
#include "model/AlertChange.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

#include <functional>

// The Incidents view's model: one top-level row per incident (in the order they began;
// a proxy sorts), its member alerts as children. Fed with the same committed changes as
// the alert table; every occurrence goes through the IncidentCorrelator once, and a
// later delivery of it only updates its state. New rows are only ever appended (new
// incidents at the end, new members at the end of theirs), so an update never moves
// a row a person is looking at. Merges and splits rebuild the rows (manual, rare).
class IncidentTableModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Title, SeverityColumn, Scope, Members, Started, State, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        SortRole = Qt::UserRole,
        SeverityRole,
        FiringRole, // bool: the incident (or member) still fires
        IncidentIdRole, // int: the incident of a row, member rows included
        OccurrenceRole, // QVariant<OccurrenceKey>: a member row's occurrence
    };
    // From this many changes at once, the rows are announced as one layout change.
    static constexpr int bulkChanges = 500;

    using Clock = std::function<QDateTime()>;

    explicit IncidentTableModel(const IncidentRules &rules = {}, QObject *parent = nullptr);

    // Starts over with other rules (the Settings changed), correlating what it holds again.
    void setRules(const IncidentRules &rules);
    const IncidentRules &rules() const { return m_correlator.rules(); }
    // Forgets incidents whose alerts all ended before `cutoff` (they left the working set:
    // the store keeps them). Returns how many went.
    int dropIncidentsEndedBefore(const QDateTime &cutoff);
    // Pins from the store (manual merges and splits), before the alerts are added.
    void setPins(const QHash<OccurrenceKey, OccurrenceKey> &pins);
    const QHash<OccurrenceKey, OccurrenceKey> &pins() const { return m_correlator.pins(); }

    // Stored alerts at start, oldest start first (the order a replay gives).
    void addAlerts(const QList<Alert> &alerts);
    // The store's committed changes.
    void applyChanges(const QList<AlertChange> &changes);

    // Joins the incidents of these rows (top-level or member) into the first one's.
    bool merge(const QModelIndexList &rows);
    // Moves a member row's alert out into an incident of its own.
    bool split(const QModelIndex &memberRow);

    const IncidentCorrelator &correlator() const { return m_correlator; }
    int incidentCount() const { return int(m_rows.size()); }
    QModelIndex indexOfIncident(IncidentCorrelator::IncidentId id, int column = 0) const;
    // The member alerts of an incident row (as last delivered), worst first.
    QList<Alert> membersOf(const QModelIndex &incidentRow) const;
    QList<Alert> membersOf(IncidentCorrelator::IncidentId id) const;
    // "NodeDown and 3 related"
    QString titleOf(IncidentCorrelator::IncidentId id) const;
    // The incident the alert's occurrence is in, as it stands now; none for an alert it
    // has not been given.
    std::optional<IncidentSnapshot> snapshotOf(const Alert &alert) const;

    void setClock(Clock clock) { m_clock = std::move(clock); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // A merge or split changed the pins: the store keeps them.
    void pinsChanged();

private:
    void add(const QList<Alert> &alerts);
    void rebuild(); // rows and member positions from the correlator
    // Correlates every held alert again, in start order (the pins kept).
    void recorrelate(const IncidentRules &rules);
    bool isMember(const QModelIndex &index) const { return index.isValid() && index.internalId() != 0; }
    IncidentCorrelator::IncidentId incidentAt(const QModelIndex &index) const;
    QVariant incidentData(const IncidentCorrelator::Incident &incident, int column, int role) const;
    QVariant memberData(const Alert &alert, int column, int role) const;

    IncidentCorrelator m_correlator;
    QList<IncidentCorrelator::IncidentId> m_rows; // live incidents, in the order they began
    QHash<IncidentCorrelator::IncidentId, int> m_rowOf;
    // Each member occurrence as last delivered; the correlator keeps the index as the
    // member's tag (one hash for both: rehashing big hashes stalled a storm's deliveries).
    QList<Alert> m_alerts;
    const Alert &alertOf(const OccurrenceKey &key) const;
    Clock m_clock;
};
