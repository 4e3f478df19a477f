#include "incidents/IncidentFeed.h"

#include "model/IncidentTableModel.h"
#include "store/AlertHistory.h"

#include <algorithm>

IncidentFeed::IncidentFeed(IncidentTableModel *incidents, AlertHistory *store, QObject *parent)
    : QObject(parent)
    , m_incidents(incidents)
    , m_store(store)
{
    connect(m_incidents, &IncidentTableModel::pinsChanged, this, &IncidentFeed::savePins);
}

void IncidentFeed::addRestored(const QList<Alert> &alerts)
{
    if (m_started) {
        m_incidents->addAlerts(alerts);
        return;
    }
    m_restored.append(alerts);
}

void IncidentFeed::start()
{
    if (m_starting || m_started)
        return;
    m_starting = true;
    if (!m_store) {
        feed();
        return;
    }
    m_store->fetchIncidentPins(this, [this](const AlertHistory::Pins &pins) {
        m_incidents->setPins(pins);
        feed();
    });
}

void IncidentFeed::applyChanges(const QList<AlertChange> &changes)
{
    if (m_started)
        m_incidents->applyChanges(changes);
    else
        m_held.append(changes);
}

void IncidentFeed::feed()
{
    m_started = true;
    std::stable_sort(m_restored.begin(), m_restored.end(),
                     [](const Alert &a, const Alert &b) { return a.startsAt < b.startsAt; });
    m_incidents->addAlerts(std::exchange(m_restored, {}));
    m_incidents->applyChanges(std::exchange(m_held, {}));
}

void IncidentFeed::savePins()
{
    if (!m_store)
        return;
    m_store->saveIncidentPins(m_incidents->pins(), this, [this](const QString &error) {
        if (!error.isEmpty())
            emit pinsNotSaved(error);
    });
}
