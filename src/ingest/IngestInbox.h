#pragma once

#include "ingest/IngestTypes.h"

#include <QList>
#include <QMutex>

#include <functional>
#include <optional>

// Where deliveries wait for the store thread. Any thread may post; the store thread
// takes everything waiting in one go, so a burst of requests costs one wake-up of
// that thread and lands in one commit. After close() (the store shutting down) posts
// are refused.
//
// The listener's thread parses what it posts (postParsed): the store thread, which
// every delivery waits for, then only writes. Other posters (replay on the UI thread)
// leave the parsing to the store thread.
class IngestInbox final
{
public:
    struct Entry {
        quint64 ticket = 0;
        WebhookDelivery delivery;
        PayloadLimits limits; // as they were when it was posted
        std::optional<PayloadParseResult> parsed; // empty: not parsed yet
    };

    // `wake` runs (under the inbox's lock) when the inbox stops being empty; it must
    // only post an event, never block.
    explicit IngestInbox(std::function<void()> wake);

    // The delivery's ticket, or 0 when the store has shut down.
    quint64 post(WebhookDelivery delivery);
    // The same, parsed first on the calling thread under the current limits.
    quint64 postParsed(WebhookDelivery delivery);
    QList<Entry> takeAll();

    // Applies to deliveries posted from now on.
    void setLimits(const PayloadLimits &limits);
    PayloadLimits limits() const;
    void close();

private:
    quint64 append(Entry entry);

    mutable QMutex m_mutex;
    PayloadLimits m_limits;
    QList<Entry> m_entries;
    std::function<void()> m_wake;
    quint64 m_nextTicket = 1;
    bool m_closed = false;
};
