#include "ingest/IngestWorker.h"

#include "logging/LogCategories.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

IngestWorker::IngestWorker(QObject *parent)
    : QObject(parent)
{ }

std::optional<QString> IngestWorker::open(const QString &filePath)
{
    return m_store.open(filePath);
}

void IngestWorker::ingest(quint64 ticket, const WebhookDelivery &delivery)
{
    const PayloadParseResult parsed = parsePayload(delivery.body, delivery.format, delivery.receivedAt);
    if (!parsed.ok()) {
        qCInfo(lcIngest).noquote() << "refused" << delivery.path << parsed.error->httpStatus() << parsed.error->message;
        emit finished(ticket, {parsed.error->httpStatus(), json({{u"error"_s, parsed.error->message}}), {}, -1});
        return;
    }
    IncomingPayload payload;
    payload.receivedAt = delivery.receivedAt;
    payload.path = delivery.path;
    payload.format = parsed.payload.format;
    payload.headers = delivery.headers;
    payload.body = delivery.body;
    payload.truncatedAlerts = parsed.payload.truncatedAlerts;
    payload.alerts = parsed.payload.alerts;
    m_pending.append(payload);
    m_pendingTickets.append(ticket);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        // Runs after every delivery already queued to this thread: they share one commit.
        QMetaObject::invokeMethod(this, &IngestWorker::flush, Qt::QueuedConnection);
    }
}

void IngestWorker::flush()
{
    m_flushScheduled = false;
    const QList<IncomingPayload> batch = std::exchange(m_pending, {});
    const QList<quint64> tickets = std::exchange(m_pendingTickets, {});
    QList<AlertChange> changes;
    QElapsedTimer commitTimer;
    commitTimer.start();
    const std::optional<QString> error = m_store.write(batch, changes);
    const double commitSeconds = commitTimer.nsecsElapsed() / 1e9;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (error) {
            emit finished(tickets.at(i),
                          {503,
                           json({{u"error"_s, u"could not store the payload (%1); retry later"_s.arg(*error)}}),
                           {},
                           commitSeconds});
        } else {
            const QString format = formatName(batch.at(i).format);
            emit finished(
                tickets.at(i),
                {200,
                 json({{u"status"_s, u"stored"_s}, {u"format"_s, format}, {u"alerts"_s, batch.at(i).alerts.size()}}),
                 format, commitSeconds});
        }
    }
    if (!changes.isEmpty())
        emit alertsChanged(changes);
}
