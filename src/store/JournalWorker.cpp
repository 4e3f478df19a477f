#include "store/JournalWorker.h"

#include "core/JsonText.h"
#include "logging/LogCategories.h"
#include "store/StoreWorker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "StoreWorker" translation context, where these answers to
// senders were translated before they moved here.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(StoreWorker)
};

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Nightingale retries only after 429 (and network errors), Alertmanager and Grafana
// after any 5xx: each gets the answer that makes it send again.
IngestResult retryLater(PayloadFormat format, const QString &reason, double commitSeconds)
{
    return {format == PayloadFormat::Nightingale ? 429 : 503,
            json({{u"error"_s, Text::tr("could not store the payload (%1); retry later").arg(reason)}}),
            "Retry-After: " + QByteArray::number(JournalWorker::retryAfterSeconds) + "\r\n",
            {},
            commitSeconds};
}

} // namespace

JournalWorker::JournalWorker(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<QList<IngestOutcome>>();
    qRegisterMetaType<QList<IncomingPayload>>();
}

void JournalWorker::open(const QString &filePath, qint64 lastStoredId)
{
    if (const Result<> opened = m_journal.open(filePath); !opened) {
        qCWarning(lcStore).noquote() << opened.error() << "- trying again in" << reopenDelay.count() << "ms";
        QTimer::singleShot(reopenDelay, this, [this, filePath, lastStoredId] { open(filePath, lastStoredId); });
        unavailable(opened.error()); // meanwhile senders are asked to retry
        return;
    }
    m_journal.continueAfter(lastStoredId);
    m_unavailable.reset();
    drain(); // what arrived while the store was opening
}

void JournalWorker::unavailable(const QString &reason)
{
    m_unavailable = reason;
    drain();
}

void JournalWorker::forgetThrough(qint64 id)
{
    if (!m_journal.isOpen())
        return;
    if (const Result<> forgotten = m_journal.forgetThrough(id); !forgotten)
        qCWarning(lcStore).noquote() << "cannot remove applied payloads from the journal:" << forgotten.error();
}

void JournalWorker::drain()
{
    if (!m_inbox || (!m_journal.isOpen() && !m_unavailable))
        return; // the store is still opening: deliveries wait in the inbox
    const QList<IngestInbox::Entry> entries = m_inbox->takeAll();
    if (entries.isEmpty())
        return;
    QList<IngestOutcome> outcomes;
    outcomes.reserve(entries.size());
    QList<IncomingPayload> batch;
    QList<quint64> batchTickets;
    for (const IngestInbox::Entry &entry : entries) {
        const WebhookDelivery &delivery = entry.delivery;
        const PayloadParseResult parsed = entry.parsed
            ? *entry.parsed
            : parsePayload(delivery.body, delivery.format, delivery.receivedAt, entry.limits);
        if (!parsed.ok()) {
            qCInfo(lcIngest).noquote() << "refused" << delivery.path << parsed.error->httpStatus()
                                       << parsed.error->message;
            outcomes.append(
                {entry.ticket, {parsed.error->httpStatus(), json({{u"error"_s, parsed.error->message}}), {}, {}, -1}});
            continue;
        }
        if (parsed.payload.format == PayloadFormat::Grafana && !delivery.grafanaSignatureValid) {
            qCWarning(lcIngest).noquote()
                << "refused" << delivery.path << "401: Grafana body without a valid signature";
            outcomes.append(
                {entry.ticket,
                 {401, json({{u"error"_s, Text::tr("invalid or missing X-Grafana-Alerting-Signature")}}), {}, {}, -1}});
            continue;
        }
        IncomingPayload payload;
        payload.receivedAt = delivery.receivedAt;
        payload.path = delivery.path;
        payload.format = parsed.payload.format;
        payload.headers = delivery.headers;
        payload.body = delivery.body;
        payload.truncatedAlerts = parsed.payload.truncatedAlerts;
        payload.alerts = parsed.payload.alerts;
        batch.append(std::move(payload));
        batchTickets.append(entry.ticket);
    }

    if (!batch.isEmpty()) {
        QElapsedTimer commitTimer;
        commitTimer.start();
        const Result<> written = m_unavailable ? Result<>(Failure{*m_unavailable}) : m_journal.append(batch);
        const double commitSeconds = commitTimer.nsecsElapsed() / 1e9;
        if (written)
            emit stored(batch); // before the answers: a read after a 2xx sees the payload
        for (qsizetype i = 0; i < batch.size(); ++i) {
            if (!written) {
                outcomes.append({batchTickets.at(i), retryLater(batch.at(i).format, written.error(), commitSeconds)});
                continue;
            }
            const QString format = formatName(batch.at(i).format);
            // Written directly: one per stored payload.
            QByteArray answer = R"({"status":"stored","format":)";
            JsonText::appendString(answer, format);
            answer += R"(,"alerts":)" + QByteArray::number(batch.at(i).alerts.size()) + '}';
            outcomes.append({batchTickets.at(i), {200, answer, {}, format, commitSeconds}});
        }
    }
    emit finished(outcomes);
}

void connectJournal(JournalWorker *journal, StoreWorker *store)
{
    QObject::connect(journal, &JournalWorker::stored, store, &StoreWorker::takeStored);
    QObject::connect(store, &StoreWorker::journalReady, journal, &JournalWorker::open);
    QObject::connect(store, &StoreWorker::storeUnavailable, journal, &JournalWorker::unavailable);
    QObject::connect(store, &StoreWorker::appliedThrough, journal, &JournalWorker::forgetThrough);
}
