#pragma once

#include "ingest/PayloadParser.h"
#include "store/AlertStore.h"

#include <QObject>

// One webhook body as received, before parsing.
struct WebhookDelivery {
    QDateTime receivedAt;
    QString path;
    PayloadFormat format = PayloadFormat::Auto; // from the endpoint
    QByteArray headers; // JSON object, secrets removed
    QByteArray body;
};

// The HTTP answer for one delivery.
struct IngestResult {
    int status = 0;
    QByteArray body; // JSON
    QString format; // as detected, for accepted payloads
    double commitSeconds = -1; // time of the commit this payload was part of; -1: none
};

Q_DECLARE_METATYPE(WebhookDelivery)
Q_DECLARE_METATYPE(IngestResult)
Q_DECLARE_METATYPE(QList<AlertChange>)
Q_DECLARE_METATYPE(AlertDetails)

// Lives on the store thread: parses deliveries and writes them to the store. All
// deliveries queued while a write is running are committed together in the next
// transaction (group commit), so each gets its 2xx only once it is on disk.
class IngestWorker final : public QObject
{
    Q_OBJECT

public:
    explicit IngestWorker(QObject *parent = nullptr);

    std::optional<QString> open(const QString &filePath);
    QList<Alert> alerts() const { return m_store.alerts(); }
    QList<StoredOccurrence> occurrences(const QString &source, const QString &fingerprint) const
    {
        return m_store.occurrences(source, fingerprint);
    }
    AlertDetails details(const QString &source, const QString &fingerprint) const
    {
        return m_store.details(source, fingerprint);
    }

    void ingest(quint64 ticket, const WebhookDelivery &delivery);

signals:
    void finished(quint64 ticket, const IngestResult &result);
    void alertsChanged(const QList<AlertChange> &changes);

private:
    void flush();

    AlertStore m_store;
    QList<quint64> m_pendingTickets;
    QList<IncomingPayload> m_pending;
    bool m_flushScheduled = false;
};
