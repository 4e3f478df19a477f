#pragma once

#include "ingest/IngestWorker.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <functional>

// Main-thread face of the store thread: hands deliveries to the IngestWorker and
// brings results back. Parsing and disk I/O never run on the caller's thread.
class IngestService final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const IngestResult &)>;

    explicit IngestService(QObject *parent = nullptr);
    ~IngestService() override;

    // Start-up only (blocks until the store thread has answered).
    std::optional<QString> open(const QString &filePath);
    QList<Alert> storedAlerts();
    QList<StoredOccurrence> occurrences(const QString &source, const QString &fingerprint);

    // Reads an alert's history and last payload on the store thread; `done` runs on
    // this thread with the result, unless `context` is gone by then.
    void fetchDetails(const QString &source, const QString &fingerprint, QObject *context,
                      std::function<void(const AlertDetails &)> done);

    // `done` runs on this thread once the delivery is stored or refused, unless
    // `context` was destroyed meanwhile (a client that hung up).
    void submit(const WebhookDelivery &delivery, QObject *context, Callback done);

    // Retention: resolved alerts and payloads older than `days` are removed on the
    // store thread, soon after start-up and then every few hours. 0 keeps everything.
    static constexpr int defaultRetentionDays = 90;
    void setRetentionDays(int days);
    int retentionDays() const { return m_retentionDays; }
    // Starts a retention run now with the given cutoff (tests, and the periodic timer).
    void pruneOlderThan(const QDateTime &cutoff);

signals:
    void alertsChanged(const QList<AlertChange> &changes);
    void alertsRemoved(const QList<AlertKey> &alerts);
    void pruneFinished(const PruneSummary &summary);

private:
    void complete(quint64 ticket, const IngestResult &result);

    void pruneByRetention();

    QThread m_thread;
    QTimer m_retentionTimer;
    int m_retentionDays = 0;
    IngestWorker *m_worker; // lives on m_thread, deleted when it finishes
    quint64 m_nextTicket = 1;
    struct Pending {
        QPointer<QObject> context;
        Callback done;
    };
    QHash<quint64, Pending> m_pending;
};
