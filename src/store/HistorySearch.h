#pragma once

#include "model/AlertFilter.h"
#include "model/AlertKey.h"

#include <QObject>
#include <QSet>

class AlertTableModel;
class StoreService;

// "Search older history": the table holds the working set (firing alerts, and those
// resolved within the window); this brings stored alerts older than that which match a
// filter into the table, read on the store thread (the window never waits), and takes
// them out again when the search is over.
class HistorySearch final : public QObject
{
    Q_OBJECT

public:
    HistorySearch(StoreService *store, AlertTableModel *alerts, QObject *parent = nullptr);

    // Older alerts per search: enough for an engineer to read, few enough for memory.
    static constexpr int maxResults = 500;

    // Replaces the results of any earlier search. Answers with finished().
    void search(const AlertFilter &filter);
    // Takes the found alerts out of the table again, except those that are back in the
    // working set meanwhile (fired again, or resolved within the window).
    void clear();
    bool isSearching() const { return m_searching; }
    bool hasResults() const { return !m_shown.isEmpty(); }
    int workingSetHours() const;

signals:
    // `found` alerts were added; `more`: there were more than the limit (or the search
    // stopped early): a narrower filter finds the rest. `error` empty when it worked.
    void finished(int found, bool more, const QString &error);

private:
    StoreService *m_store;
    AlertTableModel *m_alerts;
    QSet<AlertKey> m_shown;
    quint64 m_generation = 0; // answers to an older search are dropped
    bool m_searching = false;
};
