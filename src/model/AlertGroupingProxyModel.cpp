#include "model/AlertGroupingProxyModel.h"

#include "model/AlertFilterProxyModel.h"
#include "model/AlertTableModel.h"

#include <climits>

using namespace Qt::StringLiterals;

AlertGroupingProxyModel::AlertGroupingProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

void AlertGroupingProxyModel::setModels(AlertFilterProxyModel *sorted, AlertTableModel *alerts)
{
    beginResetModel();
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    if (m_alerts)
        disconnect(m_alerts, nullptr, this, nullptr);
    m_sorted = sorted;
    m_alerts = alerts;
    QAbstractProxyModel::setSourceModel(sorted);
    // Without groups every change passes straight through (the storm's path stays as
    // cheap as before); with groups, rows that come, go or move regroup the table.
    connect(sorted, &QAbstractItemModel::rowsAboutToBeInserted, this, [this](const QModelIndex &, int first, int last) {
        if (grouped())
            sourceRowsAboutToChange();
        else
            beginInsertRows({}, first, last);
    });
    connect(sorted, &QAbstractItemModel::rowsInserted, this, [this] {
        if (grouped())
            sourceRowsChanged();
        else
            endInsertRows();
    });
    connect(sorted, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex &, int first, int last) {
        if (grouped())
            sourceRowsAboutToChange();
        else
            beginRemoveRows({}, first, last);
    });
    connect(sorted, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (grouped())
            sourceRowsChanged();
        else
            endRemoveRows();
    });
    connect(sorted, &QAbstractItemModel::layoutAboutToBeChanged, this,
            &AlertGroupingProxyModel::sourceRowsAboutToChange);
    connect(sorted, &QAbstractItemModel::layoutChanged, this, &AlertGroupingProxyModel::sourceRowsChanged);
    // A delivery or a filter change can move rows in many runs (Qt's proxy announces each):
    // grouped, the table is worked out once for the lot.
    connect(alerts, &AlertTableModel::batchAboutToBeApplied, this, &AlertGroupingProxyModel::beginBatch);
    connect(alerts, &AlertTableModel::batchApplied, this, &AlertGroupingProxyModel::endBatch);
    connect(sorted, &AlertFilterProxyModel::batchAboutToBeApplied, this, &AlertGroupingProxyModel::beginBatch);
    connect(sorted, &AlertFilterProxyModel::batchApplied, this, &AlertGroupingProxyModel::endBatch);
    connect(sorted, &QAbstractItemModel::modelAboutToBeReset, this, &AlertGroupingProxyModel::beginResetModel);
    connect(sorted, &QAbstractItemModel::modelReset, this, [this] {
        regroup();
        endResetModel();
    });
    // Label columns come and go: rare, a reset is simplest.
    for (auto signal : {&QAbstractItemModel::columnsAboutToBeInserted, &QAbstractItemModel::columnsAboutToBeRemoved})
        connect(sorted, signal, this, &AlertGroupingProxyModel::beginResetModel);
    for (auto signal : {&QAbstractItemModel::columnsInserted, &QAbstractItemModel::columnsRemoved})
        connect(sorted, signal, this, [this] {
            regroup();
            endResetModel();
        });
    connect(sorted, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    connect(sorted, &QAbstractItemModel::dataChanged, this, &AlertGroupingProxyModel::sourceDataChanged);
    regroup();
    endResetModel();
}

void AlertGroupingProxyModel::setGroupLabel(const QString &label)
{
    if (label == m_label)
        return;
    beginRelayout();
    m_label = label;
    endRelayout();
}

QString AlertGroupingProxyModel::groupValueOf(int sourceRow) const
{
    const Alert &alert = m_alerts->alertAt(m_sorted->mapToSource(m_sorted->index(sourceRow, 0)).row());
    if (m_label == u"alertname"_s && !alert.labels.contains(m_label))
        return alert.name;
    return alert.labels.value(m_label);
}

void AlertGroupingProxyModel::regroup()
{
    m_groups.clear();
    m_rows.clear();
    m_proxyRowOf.clear();
    m_groupOf.clear();
    if (!grouped() || !m_sorted)
        return;
    const int sourceRows = m_sorted->rowCount();
    m_groupOf.resize(sourceRows);
    QHash<QString, int> groupByValue;
    for (int row = 0; row < sourceRows; ++row) {
        const QModelIndex alertIndex = m_sorted->mapToSource(m_sorted->index(row, 0));
        const Alert &alert = m_alerts->alertAt(alertIndex.row());
        const QString value
            = m_label == u"alertname"_s && !alert.labels.contains(m_label) ? alert.name : alert.labels.value(m_label);
        auto it = groupByValue.constFind(value);
        if (it == groupByValue.cend()) {
            it = groupByValue.insert(value, int(m_groups.size()));
            m_groups.append({value, {}, Severity::Other, 0});
        }
        Group &group = m_groups[*it];
        group.sourceRows.append(row);
        group.worst = std::min(group.worst, alert.severity);
        if (alert.state == AlertState::Firing)
            ++group.firing;
        m_groupOf[row] = *it;
    }
    m_proxyRowOf = QList<int>(sourceRows, -1);
    m_rows.reserve(sourceRows + m_groups.size());
    for (int group = 0; group < m_groups.size(); ++group) {
        m_rows.append({group, -1});
        if (m_collapsed.contains(m_groups.at(group).value))
            continue;
        for (int row : std::as_const(m_groups.at(group).sourceRows)) {
            m_proxyRowOf[row] = int(m_rows.size());
            m_rows.append({group, row});
        }
    }
}

void AlertGroupingProxyModel::beginRelayout()
{
    if (m_relayingOut)
        return;
    m_relayingOut = true;
    emit layoutAboutToBeChanged();
    // What each persistent index shows, in terms that survive the source's change.
    m_savedProxy = persistentIndexList();
    m_saved.clear();
    m_saved.reserve(m_savedProxy.size());
    for (const QModelIndex &index : std::as_const(m_savedProxy)) {
        if (isGroupHeader(index))
            m_saved.append({{}, m_groups.at(m_rows.at(index.row()).group).value, true});
        else
            m_saved.append({QPersistentModelIndex(mapToSource(index)), {}, false});
    }
}

void AlertGroupingProxyModel::endRelayout()
{
    if (!m_relayingOut)
        return;
    regroup();
    QModelIndexList now;
    now.reserve(m_saved.size());
    for (qsizetype i = 0; i < m_saved.size(); ++i) {
        const Saved &saved = m_saved.at(i);
        const int column = m_savedProxy.at(i).column();
        if (!saved.header) {
            now.append(saved.source.isValid() ? mapFromSource(saved.source) : QModelIndex());
            continue;
        }
        QModelIndex found;
        for (int row = 0; grouped() && row < m_rows.size(); ++row) {
            if (m_rows.at(row).sourceRow < 0 && m_groups.at(m_rows.at(row).group).value == saved.groupValue) {
                found = index(row, column);
                break;
            }
        }
        now.append(found);
    }
    changePersistentIndexList(m_savedProxy, now);
    m_savedProxy.clear();
    m_saved.clear();
    m_relayingOut = false;
    emit layoutChanged();
}

void AlertGroupingProxyModel::sourceRowsAboutToChange()
{
    if (!m_batchRelayout)
        beginRelayout();
}

void AlertGroupingProxyModel::sourceRowsChanged()
{
    if (!m_batchRelayout)
        endRelayout();
}

void AlertGroupingProxyModel::beginBatch()
{
    // Only grouped: ungrouped, every change passes through as it comes.
    if (m_batchDepth++ == 0 && grouped() && !m_relayingOut) {
        beginRelayout();
        m_batchRelayout = true;
    }
}

void AlertGroupingProxyModel::endBatch()
{
    if (m_batchDepth > 0 && --m_batchDepth == 0 && m_batchRelayout) {
        m_batchRelayout = false;
        endRelayout();
    }
}

void AlertGroupingProxyModel::relayoutNow()
{
    beginRelayout();
    endRelayout();
}

void AlertGroupingProxyModel::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                                const QList<int> &roles)
{
    if (!grouped()) {
        emit dataChanged(mapFromSource(topLeft), mapFromSource(bottomRight), roles);
        return;
    }
    if (m_batchRelayout)
        return; // the whole table is worked out (and repainted) when the batch ends
    // Whole alerts replaced (no roles named) may change group, severity or state; the
    // clock's tick and highlights only repaint.
    const bool wholeAlerts = roles.isEmpty();
    QSet<int> groups;
    int firstRow = INT_MAX;
    int lastRow = -1;
    for (int row = topLeft.row(); row <= bottomRight.row() && row < m_groupOf.size(); ++row) {
        if (wholeAlerts) {
            if (groupValueOf(row) != m_groups.at(m_groupOf.at(row)).value) {
                relayoutNow(); // it moves to another group
                return;
            }
            groups.insert(m_groupOf.at(row));
        }
        if (const int proxyRow = m_proxyRowOf.at(row); proxyRow >= 0) {
            firstRow = std::min(firstRow, proxyRow);
            lastRow = std::max(lastRow, proxyRow);
        }
    }
    if (lastRow >= 0)
        emit dataChanged(index(firstRow, topLeft.column()), index(lastRow, bottomRight.column()), roles);
    // Their headers: the worst severity and the firing count.
    for (int group : std::as_const(groups)) {
        Group &entry = m_groups[group];
        entry.worst = Severity::Other;
        entry.firing = 0;
        for (int row : std::as_const(entry.sourceRows)) {
            const Alert &alert = m_alerts->alertAt(m_sorted->mapToSource(m_sorted->index(row, 0)).row());
            entry.worst = std::min(entry.worst, alert.severity);
            entry.firing += alert.state == AlertState::Firing ? 1 : 0;
        }
    }
    for (int row = 0; !groups.isEmpty() && row < m_rows.size(); ++row) {
        if (m_rows.at(row).sourceRow < 0 && groups.contains(m_rows.at(row).group))
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}

bool AlertGroupingProxyModel::isGroupHeader(const QModelIndex &index) const
{
    return grouped() && index.isValid() && index.model() == this && index.row() < m_rows.size()
        && m_rows.at(index.row()).sourceRow < 0;
}

void AlertGroupingProxyModel::setExpanded(const QString &value, bool expanded)
{
    if (expanded == isExpanded(value))
        return;
    beginRelayout();
    if (expanded)
        m_collapsed.remove(value);
    else
        m_collapsed.insert(value);
    endRelayout();
}

void AlertGroupingProxyModel::toggle(const QModelIndex &header)
{
    if (!isGroupHeader(header))
        return;
    const QString value = m_groups.at(m_rows.at(header.row()).group).value;
    setExpanded(value, !isExpanded(value));
}

QModelIndex AlertGroupingProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex AlertGroupingProxyModel::parent(const QModelIndex &) const
{
    return {};
}

int AlertGroupingProxyModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_sorted)
        return 0;
    return grouped() ? int(m_rows.size()) : m_sorted->rowCount();
}

int AlertGroupingProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_sorted ? 0 : m_sorted->columnCount();
}

QModelIndex AlertGroupingProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_sorted || !proxyIndex.isValid() || proxyIndex.model() != this)
        return {};
    if (!grouped())
        return m_sorted->index(proxyIndex.row(), proxyIndex.column());
    const int sourceRow = proxyIndex.row() < m_rows.size() ? m_rows.at(proxyIndex.row()).sourceRow : -1;
    return sourceRow < 0 ? QModelIndex() : m_sorted->index(sourceRow, proxyIndex.column());
}

QModelIndex AlertGroupingProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_sorted || !sourceIndex.isValid() || sourceIndex.model() != m_sorted)
        return {};
    if (!grouped())
        return index(sourceIndex.row(), sourceIndex.column());
    const int proxyRow = sourceIndex.row() < m_proxyRowOf.size() ? m_proxyRowOf.at(sourceIndex.row()) : -1;
    return proxyRow < 0 ? QModelIndex() : index(proxyRow, sourceIndex.column());
}

QVariant AlertGroupingProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_sorted || orientation != Qt::Horizontal)
        return {};
    return m_sorted->headerData(section, orientation, role);
}

Qt::ItemFlags AlertGroupingProxyModel::flags(const QModelIndex &index) const
{
    if (isGroupHeader(index))
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return QAbstractProxyModel::flags(index);
}

QVariant AlertGroupingProxyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (!isGroupHeader(index))
        return role == GroupHeaderRole ? QVariant(false) : QAbstractProxyModel::data(index, role);
    const Group &group = m_groups.at(m_rows.at(index.row()).group);
    const int count = int(group.sourceRows.size());
    switch (role) {
    case GroupHeaderRole: return true;
    case GroupValueRole: return group.value;
    case GroupCountRole: return count;
    case GroupExpandedRole: return isExpanded(group.value);
    case AlertTableModel::SeverityRole: return static_cast<int>(group.worst);
    case AlertTableModel::AlertStateRole:
        return static_cast<int>(group.firing > 0 ? AlertState::Firing : AlertState::Resolved);
    case Qt::DisplayRole:
        switch (index.column()) {
        case AlertTableModel::State:
            return u"%1 %2"_s.arg(isExpanded(group.value) ? u"▾"_s : u"▸"_s, tr("%n alert(s)", nullptr, count));
        case AlertTableModel::SeverityColumn: return severityName(group.worst);
        case AlertTableModel::Name:
            return group.value.isEmpty() ? tr("(no %1)").arg(m_label) : u"%1 = %2"_s.arg(m_label, group.value);
        default: return {};
        }
    case Qt::ToolTipRole:
        // The value is anyone's text: shown as written, never as markup.
        return AlertTableModel::plainToolTip(
            tr("%1 = \"%2\": %n alert(s), %3 firing; the worst is %4. Enter or a double click folds the group.",
               nullptr, count)
                .arg(m_label, group.value, QString::number(group.firing), severityName(group.worst)));
    default: return {};
    }
}
