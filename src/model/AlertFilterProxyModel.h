#pragma once

#include "model/AlertFilter.h"
#include "model/AlertKey.h"

#include <QSet>
#include <QSortFilterProxyModel>

class AlertTableModel;

// Sorting (on raw values) and filtering of the live alert table: the filter bar's
// matchers and words, and which states to show.
//
// Rows never tie (see AlertTableModel::triageOrder), so updates never swap equal rows.
// While held (an alert is selected and being read), the rows keep their places: a
// changed alert is shown changed where it is, a new one waits, and pendingUpdates()
// counts what waits until applyPendingUpdates() or the hold ends.
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

    // Holds the rows in their places (true) or applies what waits and follows every
    // update again (false).
    void setHeld(bool held);
    bool isHeld() const { return m_held; }
    // Alerts that arrived or changed while held (each counted once).
    int pendingUpdates() const { return int(m_pending.size()); }
    // Shows what waits, sorted and filtered, and keeps holding from there.
    void applyPendingUpdates();

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void hiddenCountChanged(int hidden);
    void pendingUpdatesChanged(int pending);
    // Around a filter change, which may move many runs of rows.
    void batchAboutToBeApplied();
    void batchApplied();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool accepts(int sourceRow) const;
    void refilter();
    void announceHiddenCount();
    // Remembers where each shown row is now: while held, that is its place.
    void takePlaces();
    void notePending(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void noteInserted(int first, int last);
    void forgetRemoved(int first, int last);

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

    bool m_held = false;
    QList<int> m_place; // while held: each source row's shown position, -1 if not shown
    struct PendingKey {
        AlertKey alert;
        bool replay = false;
        friend bool operator==(const PendingKey &, const PendingKey &) = default;
        friend size_t qHash(const PendingKey &key, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, key.alert, key.replay);
        }
    };
    QSet<PendingKey> m_pending;
    int m_waitingRows = 0; // new rows the filter accepts, not shown yet: not "hidden"
};
