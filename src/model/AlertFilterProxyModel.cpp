#include "model/AlertFilterProxyModel.h"

#include "model/AlertTableModel.h"

AlertFilterProxyModel::AlertFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AlertTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &AlertFilterProxyModel::announceHiddenCount);
    connect(this, &QAbstractItemModel::modelReset, this, &AlertFilterProxyModel::announceHiddenCount);
    connect(this, &QAbstractItemModel::layoutChanged, this, &AlertFilterProxyModel::announceHiddenCount);
}

void AlertFilterProxyModel::setAlertModel(AlertTableModel *model)
{
    m_alerts = model;
    m_verdicts.clear();
    setSourceModel(model);
    // Rows whose state changes (firing → resolved) may enter or leave the filter.
    setDynamicSortFilter(true);
    connect(model, &QAbstractItemModel::rowsInserted, this, &AlertFilterProxyModel::announceHiddenCount);
    connect(model, &QAbstractItemModel::dataChanged, this, &AlertFilterProxyModel::announceHiddenCount);
    announceHiddenCount();
}

void AlertFilterProxyModel::setAlertFilter(const AlertFilter &filter)
{
    m_filter = filter;
    m_words = WordSearch(filter.words);
    refilter();
}

void AlertFilterProxyModel::setStateFilter(StateFilter state)
{
    m_state = state;
    refilter();
}

void AlertFilterProxyModel::setShowReplayed(bool show)
{
    if (m_showReplayed == show)
        return;
    m_showReplayed = show;
    refilter();
}

void AlertFilterProxyModel::refilter()
{
    // Qt removes and inserts each run of changed rows separately, at a cost that
    // grows with the table: one letter typed into 50,000 alerts hid thousands of
    // scattered rows and took over a second. So the new filter is evaluated once
    // here; past a few changed rows the mapping is rebuilt in one layout change.
    const int rows = m_alerts ? m_alerts->rowCount() : 0;
    // The previous verdicts say what is shown now (asking the proxy costs more).
    const QList<Verdict> shown = std::exchange(m_verdicts, QList<Verdict>(rows));
    int changed = 0;
    for (int row = 0; row < rows; ++row) {
        const bool wasShown = row < shown.size() && shown.at(row).revision == m_alerts->revisionAt(row)
            ? shown.at(row).accepted
            : mapFromSource(m_alerts->index(row, 0)).isValid();
        if (filterAcceptsRow(row, {}) != wasShown)
            ++changed;
    }
    m_lastRefilterRebuilt = changed > incrementalChangeLimit;
    if (m_lastRefilterRebuilt)
        invalidate();
    else
        invalidateRowsFilter();
    announceHiddenCount();
}

int AlertFilterProxyModel::hiddenCount() const
{
    return m_alerts ? m_alerts->rowCount() - rowCount() : 0;
}

bool AlertFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_alerts)
        return false;
    // Qt asks again for every row the model reports changed, and the duration column
    // changes every second: the verdict is kept until the alert itself changes.
    if (sourceRow >= m_verdicts.size())
        m_verdicts.resize(m_alerts->rowCount());
    Verdict &verdict = m_verdicts[sourceRow];
    const quint64 revision = m_alerts->revisionAt(sourceRow);
    if (verdict.revision != revision)
        verdict = {revision, accepts(sourceRow)};
    return verdict.accepted;
}

bool AlertFilterProxyModel::accepts(int sourceRow) const
{
    const Alert &alert = m_alerts->alertAt(sourceRow);
    if (alert.replay && !m_showReplayed)
        return false;
    if (m_state == StateFilter::Firing && alert.state != AlertState::Firing)
        return false;
    if (m_state == StateFilter::Resolved && alert.state != AlertState::Resolved)
        return false;
    return m_filter.matchesLabels(alert.labels)
        && (m_words.isEmpty() || m_words.allIn(m_alerts->searchTextAt(sourceRow)));
}

void AlertFilterProxyModel::announceHiddenCount()
{
    const int hidden = hiddenCount();
    if (hidden != m_lastHidden) {
        m_lastHidden = hidden;
        emit hiddenCountChanged(hidden);
    }
}

bool AlertFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Typed comparisons: sorting 50,000 rows through QVariant costs tens of ms.
    if (m_alerts && left.model() == m_alerts) {
        if (const std::optional<bool> less = m_alerts->lessThan(left.row(), right.row(), left.column()))
            return *less;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}
