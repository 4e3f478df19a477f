#pragma once

#include "ingest/PayloadParser.h"
#include "model/AlertChange.h"
#include "replay/ReplayPlayer.h"

#include <QObject>

#include <deque>
#include <memory>

class StoreService;

// The console's replay session: replayed payloads go through the same parsers and
// store code as live traffic, but into a store of their own (replay.sqlite beside the
// live one), so they never change live alerts. Its alerts come out marked `replay`.
// Cleared in one action: the session's store is closed and deleted.
class ReplaySession final : public QObject
{
    Q_OBJECT

public:
    explicit ReplaySession(const QString &storePath, QObject *parent = nullptr);
    ~ReplaySession() override;

    // Hands one payload to the session's store (opened on first use); `done` follows
    // once it is stored or refused.
    void deliver(const ReplayItem &item, std::function<void(const ReplayOutcome &)> done);
    // Drops the session: its alerts leave the table (alertsCleared) and its store is deleted.
    void clear();
    bool isEmpty() const { return m_delivered == 0; }
    // Whether replayed alerts start automatic analysis and forwarding rules (off unless
    // a replay asks for it).
    void setTriggersRules(bool triggers) { m_triggersRules = triggers; }
    bool triggersRules() const { return m_triggersRules; }
    QString storePath() const { return m_storePath; }
    // What the live listener allows (Listener/maxAlertsPerPayload): the session's store
    // refuses the same payloads, and the replay dialog reads its files with it.
    void setMaxAlertsPerPayload(int maxAlerts);
    PayloadLimits payloadLimits() const { return m_limits; }

signals:
    // Replayed alerts that changed, marked `replay`.
    void alertsChanged(const QList<AlertChange> &changes);
    void alertsCleared();

private:
    void open();
    void flush();

    QString m_storePath;
    std::unique_ptr<StoreService> m_store;
    std::deque<std::pair<ReplayItem, std::function<void(const ReplayOutcome &)>>> m_waiting; // until it is open
    int m_delivered = 0;
    bool m_triggersRules = false;
    PayloadLimits m_limits;
};
