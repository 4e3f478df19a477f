#pragma once

#include "model/AlertFilter.h"

#include <QSortFilterProxyModel>

class AlertTableModel;

// Sorting (on raw values) and filtering of the live alert table: the filter bar's
// matchers and words, and which states to show.
class AlertFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class StateFilter { All, Firing, Resolved };
    Q_ENUM(StateFilter)

    explicit AlertFilterProxyModel(QObject *parent = nullptr);

    void setAlertModel(AlertTableModel *model);
    void setAlertFilter(const AlertFilter &filter);
    void setStateFilter(StateFilter state);
    StateFilter stateFilter() const { return m_state; }
    // Rows the filter hides right now.
    int hiddenCount() const;

signals:
    void hiddenCountChanged(int hidden);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void announceHiddenCount();

    AlertTableModel *m_alerts = nullptr;
    AlertFilter m_filter;
    StateFilter m_state = StateFilter::All;
    int m_lastHidden = -1;
};
