#pragma once

#include "model/Alert.h"

#include <QAbstractProxyModel>
#include <QHash>
#include <QList>
#include <QPersistentModelIndex>
#include <QSet>

class AlertTableModel;
class AlertFilterProxyModel;

// Groups the sorted, filtered alert table by a label (alertname, cluster, namespace…):
// a flat table for QTableView where each group starts with a header row (the label's
// value, how many alerts, the worst severity) followed by its alerts unless collapsed.
// Groups come in the order of their first alert in the sorted table, and alerts keep
// that order inside their group, so a held table (see AlertFilterProxyModel) stays put.
class AlertGroupingProxyModel final : public QAbstractProxyModel
{
    Q_OBJECT

public:
    enum Role {
        GroupHeaderRole = Qt::UserRole + 100, // bool: a group's header row
        GroupValueRole, // QString: the group's label value
        GroupCountRole, // int: alerts in the group
        GroupExpandedRole, // bool
    };

    explicit AlertGroupingProxyModel(QObject *parent = nullptr);

    // The models it groups: `sorted` is its source, `alerts` the table beneath it.
    void setModels(AlertFilterProxyModel *sorted, AlertTableModel *alerts);
    // The label to group by; empty: no groups (every row passes through).
    void setGroupLabel(const QString &label);
    QString groupLabel() const { return m_label; }
    int groupCount() const { return int(m_groups.size()); }

    bool isGroupHeader(const QModelIndex &index) const;
    // The group an index of the sorted model belongs to (its label's value).
    QString groupValueOf(const QModelIndex &sortedIndex) const
    {
        return sortedIndex.isValid() && grouped() ? groupValueOf(sortedIndex.row()) : QString();
    }
    void setExpanded(const QString &value, bool expanded);
    bool isExpanded(const QString &value) const { return !m_collapsed.contains(value); }
    // Collapses an expanded header's group, expands a collapsed one.
    void toggle(const QModelIndex &header);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Columns are the source's, whatever row comes first.
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

private:
    struct Group {
        QString value;
        QList<int> sourceRows; // in the source's order
        Severity worst = Severity::Other;
        int firing = 0;
    };
    struct Row {
        int group = -1;
        int sourceRow = -1; // -1: the group's header
    };

    bool grouped() const { return !m_label.isEmpty(); }
    QString groupValueOf(int sourceRow) const;
    // Works the groups and rows out from the source (no signals).
    void regroup();
    // Around a change that moves rows: persistent indexes follow their alert or group.
    void beginRelayout();
    void endRelayout();
    void relayoutNow();
    // A change of the source's rows: relaid out now, or once when its batch ends.
    void sourceRowsAboutToChange();
    void sourceRowsChanged();
    void beginBatch();
    void endBatch();
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);

    AlertFilterProxyModel *m_sorted = nullptr;
    AlertTableModel *m_alerts = nullptr;
    QString m_label;
    QSet<QString> m_collapsed;
    QList<Group> m_groups;
    QList<Row> m_rows;
    QList<int> m_proxyRowOf; // by source row; -1: collapsed away
    QList<int> m_groupOf; // by source row
    bool m_relayingOut = false;
    int m_batchDepth = 0;
    bool m_batchRelayout = false; // a batch began the relayout: the source's own wait for its end
    struct Saved {
        QPersistentModelIndex source; // an alert's row
        QString groupValue; // or a header's group
        bool header = false;
    };
    QModelIndexList m_savedProxy;
    QList<Saved> m_saved;
};
