#include "store/HistorySearch.h"

#include "model/AlertTableModel.h"
#include "store/StoreService.h"

HistorySearch::HistorySearch(StoreService *store, AlertTableModel *alerts, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_alerts(alerts)
{ }

int HistorySearch::workingSetHours() const
{
    return m_store->workingSetHours();
}

void HistorySearch::search(const AlertFilter &filter)
{
    clear();
    m_searching = true;
    const quint64 generation = ++m_generation;
    m_store->searchHistory(filter, maxResults, this, [this, generation](const StoreService::HistoryResult &result) {
        if (generation != m_generation)
            return; // cleared or replaced meanwhile
        m_searching = false;
        // Only what the table does not show: a row it has is as new or newer.
        QList<Alert> added;
        for (const Alert &alert : result.alerts) {
            const AlertKey key = AlertKey::of(alert);
            if (m_alerts->rowOf(key) < 0) {
                added << alert;
                m_shown.insert(key);
            }
        }
        m_alerts->upsert(added);
        emit finished(int(added.size()), result.more, result.error);
    });
}

void HistorySearch::clear()
{
    ++m_generation;
    m_searching = false;
    if (m_shown.isEmpty())
        return;
    const QDateTime cutoff = m_store->workingSetCutoff();
    QList<AlertKey> old;
    for (const AlertKey &key : std::as_const(m_shown)) {
        const int row = m_alerts->rowOf(key);
        if (row < 0)
            continue;
        const Alert &alert = m_alerts->alertAt(row);
        const QDateTime lastSeen = alert.lastUpdate.isValid() ? alert.lastUpdate : alert.endsAt;
        if (alert.state == AlertState::Resolved && (!lastSeen.isValid() || lastSeen < cutoff))
            old << key;
    }
    m_shown.clear();
    m_alerts->remove(old);
}
