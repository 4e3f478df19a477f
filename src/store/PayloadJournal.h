#pragma once

#include "core/Result.h"
#include "store/AlertStore.h"

#include <QSqlDatabase>

#include <memory>

class QSqlQuery;

// Where a webhook payload becomes durable before its sender hears 2xx: a small SQLite
// file of its own beside the store, written by the journal thread. Being a separate
// file, its commits never wait for the store's (applying alerts, notes, retention run
// on the store thread at the same time). The store thread copies each payload into the
// store with what it changes; rows it has applied and flushed are then forgotten, so
// the journal holds only what is in flight. Ids continue the store's: a payload keeps
// its id from the journal into the store.
class PayloadJournal final
{
public:
    static constexpr quint32 applicationId = 0x41444B4A; // "ADKJ"

    // The journal that belongs to the store at `storePath` ("alerts.sqlite-ingest").
    static QString pathFor(const QString &storePath);

    PayloadJournal();
    ~PayloadJournal();
    PayloadJournal(const PayloadJournal &) = delete;
    PayloadJournal &operator=(const PayloadJournal &) = delete;

    // Opens or creates the journal; another program's file is refused and left untouched.
    Result<> open(const QString &filePath);
    bool isOpen() const;
    void close();

    // New payloads get ids after `id` (the store's newest) and after the journal's own.
    void continueAfter(qint64 id);
    // Writes the payloads in one transaction that is on disk when it returns and sets
    // their ids; on failure nothing is written and no id is used.
    Result<> append(QList<IncomingPayload> &batch);
    // Removes the payloads up to `id`: the store has them (applied, flushed).
    Result<> forgetThrough(qint64 id);
    // Payloads after `id`, oldest first, at most `limit`; their alerts are not parsed.
    Result<QList<IncomingPayload>> after(qint64 id, int limit) const;
    qint64 lastId() const { return m_nextId - 1; }

    // Shared with the store's payloads table (same columns).
    static void bindPayload(QSqlQuery &query, const IncomingPayload &payload);
    static IncomingPayload readPayload(const QSqlQuery &query); // id, received_at_ms, … truncated_alerts

private:
    Result<> checkOwnership();

    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<QSqlQuery> m_insert;
    qint64 m_nextId = 1;
};
