#include "model/AlertFilterProxyModel.h"

#include "model/AlertTableModel.h"

#include <QScopeGuard>

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
    // After the base class has seen each change: what a hold keeps waiting.
    connect(model, &QAbstractItemModel::dataChanged, this, &AlertFilterProxyModel::notePending);
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { noteInserted(first, last); });
    // Bulk insertions come as a layout change that only appends rows.
    connect(model, &QAbstractItemModel::layoutChanged, this, [this] {
        if (m_held && m_place.size() < m_alerts->rowCount())
            noteInserted(int(m_place.size()), m_alerts->rowCount() - 1);
    });
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { forgetRemoved(first, last); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_held)
            applyPendingUpdates();
    });
    announceHiddenCount();
}

void AlertFilterProxyModel::setHeld(bool held)
{
    if (held == m_held)
        return;
    if (held) {
        m_held = true;
        takePlaces();
        return;
    }
    const bool anyPending = !m_pending.isEmpty();
    m_held = false;
    m_place.clear();
    m_pending.clear();
    m_waitingRows = 0;
    // Rows kept in place may be out of order now: one re-sort and re-filter.
    invalidate();
    announceHiddenCount();
    if (anyPending)
        emit pendingUpdatesChanged(0);
}

void AlertFilterProxyModel::applyPendingUpdates()
{
    if (!m_held)
        return;
    setHeld(false);
    setHeld(true);
}

void AlertFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    // A new order asked for by the engineer applies everything, then holds again.
    const bool held = m_held;
    if (held)
        setHeld(false);
    QSortFilterProxyModel::sort(column, order);
    if (held)
        setHeld(true);
}

void AlertFilterProxyModel::takePlaces()
{
    m_place = QList<int>(m_alerts ? m_alerts->rowCount() : 0, -1);
    for (int row = 0, rows = rowCount(); row < rows; ++row)
        m_place[mapToSource(index(row, 0)).row()] = row;
}

void AlertFilterProxyModel::notePending(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                        const QList<int> &roles)
{
    // Only whole alerts replaced count; the duration tick, highlights and mutes do not.
    if (!m_held || !roles.isEmpty() || topLeft.column() != 0)
        return;
    const qsizetype before = m_pending.size();
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        // A change nobody sees (a hidden row that stays hidden) is no update.
        if ((row < m_place.size() && m_place.at(row) >= 0) || accepts(row)) {
            const Alert &alert = m_alerts->alertAt(row);
            m_pending.insert({AlertKey::of(alert), alert.replay});
        }
    }
    if (m_pending.size() != before)
        emit pendingUpdatesChanged(pendingUpdates());
}

void AlertFilterProxyModel::noteInserted(int first, int last)
{
    if (!m_held)
        return;
    // Appended rows have no place yet: they wait.
    if (m_place.size() < m_alerts->rowCount())
        m_place.resize(m_alerts->rowCount(), -1);
    const qsizetype before = m_pending.size();
    for (int row = first; row <= last; ++row) {
        if (accepts(row)) {
            const Alert &alert = m_alerts->alertAt(row);
            m_pending.insert({AlertKey::of(alert), alert.replay});
            ++m_waitingRows;
        }
    }
    announceHiddenCount();
    if (m_pending.size() != before)
        emit pendingUpdatesChanged(pendingUpdates());
}

void AlertFilterProxyModel::forgetRemoved(int first, int last)
{
    if (!m_held)
        return;
    const qsizetype before = m_pending.size();
    for (int row = first; row <= last; ++row) {
        const Alert &alert = m_alerts->alertAt(row);
        m_pending.remove({AlertKey::of(alert), alert.replay});
        if ((row >= m_place.size() || m_place.at(row) < 0) && accepts(row))
            m_waitingRows = std::max(0, m_waitingRows - 1);
    }
    // The remaining places keep their order, which is all they are used for.
    if (first < m_place.size())
        m_place.remove(first, std::min<qsizetype>(last + 1, m_place.size()) - first);
    if (m_pending.size() != before)
        emit pendingUpdatesChanged(pendingUpdates());
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
    emit batchAboutToBeApplied();
    const auto applied = qScopeGuard([this] { emit batchApplied(); });
    // A filter the engineer changes applies at once, with everything that waits.
    const bool held = std::exchange(m_held, false);
    m_place.clear();
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
    // Rows held in place may be out of order: those need the full rebuild too.
    m_lastRefilterRebuilt = changed > incrementalChangeLimit || held;
    if (m_lastRefilterRebuilt)
        invalidate();
    else
        invalidateRowsFilter();
    announceHiddenCount();
    if (held) {
        const bool anyPending = !m_pending.isEmpty();
        m_pending.clear();
        m_waitingRows = 0;
        if (anyPending)
            emit pendingUpdatesChanged(0);
        m_held = true;
        takePlaces();
    }
}

int AlertFilterProxyModel::hiddenCount() const
{
    return m_alerts ? m_alerts->rowCount() - rowCount() - (m_held ? m_waitingRows : 0) : 0;
}

bool AlertFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_alerts)
        return false;
    if (m_held) // the rows shown when the hold began, and no other
        return sourceRow < m_place.size() && m_place.at(sourceRow) >= 0;
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
    if (!m_alerts || left.model() != m_alerts)
        return QSortFilterProxyModel::lessThan(left, right);
    if (m_held) {
        // Each row keeps its place; the base class asks the other way round when descending.
        const int leftPlace = left.row() < m_place.size() ? m_place.at(left.row()) : -1;
        const int rightPlace = right.row() < m_place.size() ? m_place.at(right.row()) : -1;
        return sortOrder() == Qt::AscendingOrder ? leftPlace < rightPlace : rightPlace < leftPlace;
    }
    // Typed comparisons (sorting 50,000 rows through QVariant costs tens of ms), and
    // never a tie: equal rows keep their order through every update.
    return m_alerts->triageOrder(left.row(), right.row(), left.column()) < 0;
}
