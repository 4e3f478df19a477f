#pragma once

// The labelled history of tests/data/incidents stored through AlertStore, for the
// handover report's tests (unit, command line, window): 324 occurrences in November 2026.

#include "TestData.h"
#include "incidents/IncidentCorrelator.h"
#include "ingest/PayloadParser.h"
#include "store/AlertStore.h"

#include <QByteArrayList>
#include <QString>

namespace HandoverFixture {

// Writes every payload of history.jsonl (plus `extra` bodies) to a new store at `path`;
// empty on success, else what went wrong.
inline QString write(const QString &path, const QByteArrayList &extra = {})
{
    AlertStore store;
    if (const Result<> opened = store.open(path); !opened)
        return opened.error();
    // Incident anchors as the running application's store writes them.
    IncidentCorrelator correlator;
    store.setIncidentCorrelator(&correlator);
    QList<IncomingPayload> batch;
    QByteArrayList lines = TestData::file(QStringLiteral("incidents/history.jsonl")).split('\n');
    lines += extra;
    for (const QByteArray &line : std::as_const(lines)) {
        if (line.trimmed().isEmpty())
            continue;
        const PayloadParseResult parsed
            = parsePayload(line, PayloadFormat::Alertmanager, QDateTime::currentDateTimeUtc());
        if (!parsed.ok())
            return QStringLiteral("unparsable payload: ") + QString::fromUtf8(line.left(120));
        IncomingPayload payload;
        QDateTime received;
        for (const Alert &alert : parsed.payload.alerts)
            received = std::max({received, alert.startsAt, alert.endsAt});
        payload.receivedAt = received;
        payload.path = QStringLiteral("/webhook/alertmanager");
        payload.format = PayloadFormat::Alertmanager;
        payload.headers = "{}";
        payload.body = line;
        payload.alerts = parsed.payload.alerts;
        batch.append(payload);
    }
    if (const auto written = store.write(batch); !written)
        return written.error();
    return {};
}

} // namespace HandoverFixture
