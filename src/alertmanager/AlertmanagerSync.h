#pragma once

#include "alertmanager/AlertmanagerApi.h"
#include "model/AlertMute.h"
#include "store/StoreWorker.h"

#include <QDateTime>
#include <QHash>
#include <QNetworkInformation>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

class StoreService;

// Catch-up with Alertmanager after webhooks were missed (the desktop was closed or
// asleep): reads GET /api/v2/alerts from every configured Alertmanager and reconciles
// with what the console shows. Alerts it missed are stored as if delivered (receiver
// "AlertDeck sync"); alerts shown firing that no Alertmanager has any more are stored
// as resolved ("resolved while offline"). The store's fingerprint dedupe keeps webhook
// and sync deliveries from doubling, and HA instances reporting the same alert give
// one. Runs at start, every interval, at once when the clock jumps (wake from sleep)
// and when the network comes back.
class AlertmanagerSync final : public QObject
{
    Q_OBJECT

public:
    static inline const QString syncPath = QStringLiteral("/sync/alertmanager");
    static inline const QString syncReceiver = QStringLiteral("AlertDeck sync");
    static inline const QString offlineReceiver = QStringLiteral("AlertDeck sync: resolved while offline");

    struct Status {
        QString state; // "active", "suppressed"
        QStringList silencedBy;
        QStringList inhibitedBy;
        QStringList instances; // which Alertmanagers reported it
    };

    // `current` gives the alerts the console shows now (the table's content).
    AlertmanagerSync(StoreService *store, std::function<QList<Alert>()> current, QObject *parent = nullptr);

    void setEndpoints(const QList<ConnectionCheckRequest> &endpoints);
    const QList<ConnectionCheckRequest> &endpoints() const { return m_endpoints; }
    void setInterval(std::chrono::milliseconds interval);
    // Starts the periodic sync (the first one at once); stop() ends it (syncNow() still works).
    void start();
    void stop();
    void syncNow();
    // Connected to QNetworkInformation where a backend exists: a sync when back online.
    void networkChanged(QNetworkInformation::Reachability reachability);

    // Alertmanager's view of each alert (by fingerprint) from the last sync.
    const QHash<QString, Status> &statuses() const { return m_statuses; }
    // Fingerprint → why it is muted, with who silenced it, until when and why when a
    // silence listed in the same sync says so (silences made in Alertmanager's own UI too).
    QHash<QString, AlertMute> mutes() const;
    QString lastError() const { return m_lastError; }

signals:
    // A sync ended: `error` names each Alertmanager that failed, empty when all answered.
    void synced(int added, int resolved, const QString &error);
    void statusesChanged();

private:
    void reconcile();
    void submit(const QByteArray &body);
    static QByteArray webhookBody(const QList<Alert> &alerts, bool resolved, const QString &receiver,
                                  const QString &externalUrl);

    StoreService *m_store;
    std::function<QList<Alert>()> m_current;
    AlertmanagerClient m_client;
    QList<ConnectionCheckRequest> m_endpoints;
    QTimer m_timer;
    QTimer m_wakeCheck; // notices a clock jump: the machine slept
    QDateTime m_lastTick;
    int m_pending = 0; // answers (alerts and silences of each endpoint) still to come in this round
    QHash<QString, AlertmanagerAlert> m_round; // by fingerprint
    QHash<QString, Silence> m_roundSilences; // by id
    QHash<QString, Silence> m_silences; // by id, from the last sync
    QHash<QString, QStringList> m_roundInstances;
    QStringList m_roundErrors;
    QHash<QString, Status> m_statuses;
    QString m_lastError;
};
