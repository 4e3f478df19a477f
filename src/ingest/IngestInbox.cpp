#include "ingest/IngestInbox.h"

IngestInbox::IngestInbox(std::function<void()> wake)
    : m_wake(std::move(wake))
{ }

quint64 IngestInbox::post(WebhookDelivery delivery)
{
    const QMutexLocker locker(&m_mutex);
    if (m_closed)
        return 0;
    const quint64 ticket = m_nextTicket++;
    m_entries.append({ticket, std::move(delivery)});
    if (m_entries.size() == 1)
        m_wake();
    return ticket;
}

QList<IngestInbox::Entry> IngestInbox::takeAll()
{
    const QMutexLocker locker(&m_mutex);
    return std::exchange(m_entries, {});
}

void IngestInbox::close()
{
    const QMutexLocker locker(&m_mutex);
    m_closed = true;
    m_entries.clear();
}
