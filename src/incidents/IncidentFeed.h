#pragma once

#include "model/Alert.h"
#include "model/AlertChange.h"

#include <QList>
#include <QObject>
#include <QPointer>

class AlertHistory;
class IncidentTableModel;

// Feeds the Incidents model in the order correlation needs: first the manual merges and
// splits kept in the store, then the stored alerts oldest start first (the store hands
// them out newest first, in batches), then live changes. Whatever arrives before the
// pins are known waits here. Merges and splits made in the model go back to the store.
class IncidentFeed final : public QObject
{
    Q_OBJECT

public:
    // Without a store (demo data only) nothing is pinned and nothing is kept.
    IncidentFeed(IncidentTableModel *incidents, AlertHistory *store, QObject *parent = nullptr);

    // Stored alerts, in any order, before start().
    void addRestored(const QList<Alert> &alerts);
    // Asks the store for the pins; once they are in, everything held goes to the model.
    void start();
    void applyChanges(const QList<AlertChange> &changes);
    bool isStarted() const { return m_started; }

signals:
    // The store refused to keep a merge or split (shown to the engineer).
    void pinsNotSaved(const QString &error);

private:
    void feed();
    void savePins();

    IncidentTableModel *m_incidents;
    QPointer<AlertHistory> m_store;
    QList<Alert> m_restored;
    QList<AlertChange> m_held;
    bool m_starting = false;
    bool m_started = false;
};
