#include "ingest/IngestInbox.h"

#include <algorithm>

IngestInbox::IngestInbox(std::function<void()> wake)
    : m_wake(std::move(wake))
{ }

quint64 IngestInbox::post(WebhookDelivery delivery)
{
    return append({0, std::move(delivery), limits(), std::nullopt});
}

quint64 IngestInbox::postParsed(WebhookDelivery delivery)
{
    // Outside the lock: other posters and the store thread never wait for a parse.
    const PayloadLimits current = limits();
    PayloadParseResult parsed = parsePayload(delivery.body, delivery.format, delivery.receivedAt, current);
    return append({0, std::move(delivery), current, std::move(parsed)});
}

void IngestInbox::setLimits(const PayloadLimits &limits)
{
    const QMutexLocker locker(&m_mutex);
    m_limits = limits;
}

PayloadLimits IngestInbox::limits() const
{
    const QMutexLocker locker(&m_mutex);
    return m_limits;
}

quint64 IngestInbox::append(Entry entry)
{
    const QMutexLocker locker(&m_mutex);
    if (m_closed)
        return 0;
    const quint64 ticket = m_nextTicket++;
    entry.ticket = ticket;
    m_entries.append(std::move(entry));
    if (m_entries.size() == 1)
        m_wake();
    return ticket;
}

QList<IngestInbox::Entry> IngestInbox::takeAll()
{
    const QMutexLocker locker(&m_mutex);
    QList<Entry> taken = std::exchange(m_entries, {});
    // Room for a batch like this one: posting then seldom grows the list under the lock.
    m_entries.reserve(std::max<qsizetype>(taken.size(), 16));
    return taken;
}

void IngestInbox::close()
{
    const QMutexLocker locker(&m_mutex);
    m_closed = true;
    m_entries.clear();
}
