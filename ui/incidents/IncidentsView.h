#pragma once

#include "incidents/IncidentSnapshot.h"
#include "model/Alert.h"
#include "model/AlertKey.h"

#include <QWidget>

class IncidentTableModel;
class IncidentTimeline;
class QAction;
class QLabel;
class QSortFilterProxyModel;
class QTreeView;

// The Incidents view: incidents as rows (newest first) that expand to their alerts, a
// timeline of the selected incident's alerts beneath, and Merge / Split out for when the
// rules got it wrong (kept across restarts by the model's pins).
class IncidentsView final : public QWidget
{
    Q_OBJECT

public:
    explicit IncidentsView(IncidentTableModel *incidents, QWidget *parent = nullptr);

    QTreeView *tree() const { return m_tree; }
    IncidentTimeline *timeline() const { return m_timeline; }
    QAction *mergeAction() const { return m_merge; }
    QAction *splitAction() const { return m_split; }
    // The current incident's alerts, worst first (empty: none selected), and its title.
    QList<Alert> currentMembers() const;
    QString currentTitle() const;
    // The incident whose row (not one of its alerts' rows) is current: what Analyze and
    // Forward act on then, as it stands now.
    std::optional<IncidentSnapshot> currentIncident() const;

    // Makes the alert's row current if it is a member of the current incident (an
    // analysis' evidence about a related alert); false when it is not there.
    bool selectMember(const AlertKey &alert);

public slots:
    // Joins the selected incidents (or the incidents of the selected alerts).
    void mergeSelected();
    // Moves the selected alert out of its incident.
    void splitSelected();

signals:
    // An alert row or timeline lane was chosen, or an incident row (then its worst
    // alert): the details show it.
    void alertChosen(const Alert &alert);
    // Another incident (or none) became the current one.
    void incidentChosen(const QList<Alert> &members);

private:
    void updateActions();
    void currentChanged();
    void showIncident(const QModelIndex &incidentRow);
    QModelIndex currentIncidentRow() const; // in the sorted model, column 0

    IncidentTableModel *m_incidents;
    QSortFilterProxyModel *m_sorted;
    QTreeView *m_tree;
    IncidentTimeline *m_timeline;
    QLabel *m_caption;
    QAction *m_merge;
    QAction *m_split;
    QList<OccurrenceKey> m_chosenMembers; // to tell a new incident from an update
};
