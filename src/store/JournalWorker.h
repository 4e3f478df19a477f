#pragma once

#include "ingest/IngestInbox.h"
#include "ingest/IngestTypes.h"
#include "store/PayloadJournal.h"

#include <QObject>

#include <optional>

class StoreWorker;

Q_DECLARE_METATYPE(QList<IngestOutcome>)
Q_DECLARE_METATYPE(QList<IncomingPayload>)

// Lives on the journal thread and answers senders: takes everything waiting in the inbox,
// parses what the poster has not, writes the accepted payloads to the PayloadJournal in
// one transaction (group commit) and answers all of them with one finished() signal once
// they are on disk. Before that it hands them to the store thread (stored()), which
// applies them on its own time: a sender never waits for alerts being applied, notes,
// retention or reads on the store thread.
class JournalWorker final : public QObject
{
    Q_OBJECT

public:
    // Asked of senders when the journal cannot write right now.
    static constexpr int retryAfterSeconds = 5;
    // A journal that cannot be opened (locked, a full disk) is tried again this often.
    static constexpr std::chrono::milliseconds reopenDelay{5'000};

    explicit JournalWorker(QObject *parent = nullptr);

    // Deliveries come from `inbox` (owned by the StoreService, which outlives this).
    void setInbox(IngestInbox *inbox) { m_inbox = inbox; }
    // Opens the journal of the store whose newest payload is `lastStoredId`. Deliveries
    // wait in the inbox until the journal is open, or are refused after unavailable().
    void open(const QString &filePath, qint64 lastStoredId);
    // The store could not be opened: deliveries are refused, saying why.
    void unavailable(const QString &reason);
    // Writes and answers what waits in the inbox.
    void drain();
    // The store has applied (and flushed) the payloads up to `id`.
    void forgetThrough(qint64 id);

signals:
    void stored(const QList<IncomingPayload> &payloads);
    void finished(const QList<IngestOutcome> &outcomes);

private:
    PayloadJournal m_journal;
    IngestInbox *m_inbox = nullptr;
    std::optional<QString> m_unavailable; // deliveries are refused with this
};

// The journal's payloads go to the store worker to be applied; the store worker's
// open tells the journal where it is (or why there is none) and what it has applied.
// The same wiring for the service's two threads and for tests on one thread.
void connectJournal(JournalWorker *journal, StoreWorker *store);
