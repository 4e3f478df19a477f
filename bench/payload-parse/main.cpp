// Parsing one webhook body on the listener's thread (IngestInbox::postParsed): the
// payload bench/peers/webhook_post.lua sends, parsed N times with distinct labels.
// Usage: alertdeck_payload_parse_bench [COUNT]   (default 200000)

#include "ingest/PayloadParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200'000;
    const QByteArray head
        = R"({"version":"4","groupKey":"{}:{alertname=\"HighCPU\"}","truncatedAlerts":0,"status":"firing","receiver":"console","groupLabels":{"alertname":"HighCPU"},"commonLabels":{"alertname":"HighCPU","job":"node","severity":"critical"},"commonAnnotations":{},"externalURL":"http://alertmanager:9093","alerts":[{"status":"firing","labels":{"alertname":"HighCPU","instance":"host)";
    QList<QByteArray> bodies;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray id = QByteArray::number(i) + "-" + QByteArray::number(i * 7919);
        bodies << head + id
                + R"(:9100","job":"node","severity":"critical"},"annotations":{"summary":"CPU usage above 90% on host)"
                + id
                + R"(","description":"CPU has been above 90% for 5 minutes."},"startsAt":"2026-11-22T03:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph?g0.expr=100+-+avg+by(instance)(rate(node_cpu_seconds_total%7Bmode%3D%22idle%22%7D%5B5m%5D))*100+%3E+90&g0.tab=1","fingerprint":")"
                + QByteArray::number(i, 16).rightJustified(16, '0') + R"("}]})";
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const PayloadLimits limits;
    int alerts = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        const PayloadParseResult parsed = parsePayload(bodies.at(i % bodies.size()), PayloadFormat::Auto, now, limits);
        alerts += int(parsed.payload.alerts.size());
    }
    const double micros = timer.nsecsElapsed() / 1e3 / count;
    QTextStream(stdout) << "parsed " << count << " payloads (" << alerts << " alerts, " << bodies.first().size()
                        << " bytes each): " << QString::number(micros, 'f', 2) << " us per payload\n";
    return alerts == count ? 0 : 1;
}
