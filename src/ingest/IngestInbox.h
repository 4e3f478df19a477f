#pragma once

#include "ingest/IngestTypes.h"

#include <QList>
#include <QMutex>

#include <functional>

// Where deliveries wait for the store thread. Any thread may post; the store thread
// takes everything waiting in one go, so a burst of requests costs one wake-up of
// that thread and lands in one commit. After close() (the store shutting down) posts
// are refused.
class IngestInbox final
{
public:
    struct Entry {
        quint64 ticket = 0;
        WebhookDelivery delivery;
    };

    // `wake` runs (under the inbox's lock) when the inbox stops being empty; it must
    // only post an event, never block.
    explicit IngestInbox(std::function<void()> wake);

    // The delivery's ticket, or 0 when the store has shut down.
    quint64 post(WebhookDelivery delivery);
    QList<Entry> takeAll();
    void close();

private:
    QMutex m_mutex;
    QList<Entry> m_entries;
    std::function<void()> m_wake;
    quint64 m_nextTicket = 1;
    bool m_closed = false;
};
