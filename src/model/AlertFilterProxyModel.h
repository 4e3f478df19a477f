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
    // Replayed alerts shown beside live ones (the default) or hidden.
    void setShowReplayed(bool show);
    bool showReplayed() const { return m_showReplayed; }
    // Rows the filter hides right now.
    int hiddenCount() const;
    // Above this many rows entering or leaving, a filter change rebuilds the mapping.
    static constexpr int incrementalChangeLimit = 64;
    // Whether the last filter change rebuilt the mapping (tests).
    bool lastRefilterRebuilt() const { return m_lastRefilterRebuilt; }

signals:
    void hiddenCountChanged(int hidden);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool accepts(int sourceRow) const;
    void refilter();
    void announceHiddenCount();

    AlertTableModel *m_alerts = nullptr;
    AlertFilter m_filter;
    WordSearch m_words; // m_filter's words, prepared
    StateFilter m_state = StateFilter::All;
    bool m_showReplayed = true;
    int m_lastHidden = -1;
    // The current filter's verdict per source row, valid while the row's alert has
    // that revision (0: not known yet).
    struct Verdict {
        quint64 revision = 0;
        bool accepted = false;
    };
    mutable QList<Verdict> m_verdicts;
    bool m_lastRefilterRebuilt = false;
};
