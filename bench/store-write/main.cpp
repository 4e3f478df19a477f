// The cost per payload of the write path, without HTTP: batches of B single-alert
// Alertmanager payloads (as bench/peers/webhook_post.lua sends: every alert new),
// parsed as the listener's thread would, written by a JournalWorker to the journal and
// applied by a StoreWorker to a durable store in a temporary directory (both on this
// thread). Reports the time a sender waits for (the journal's commit and flush) and the
// time applying them takes (on the store thread, not waited for), per payload, so a
// change to the write path can be measured without wrk's run-to-run noise.
// Usage: alertdeck_store_write_bench [PAYLOADS] [BATCH...]   (defaults: 30000 1 8 16)
#include "ingest/IngestInbox.h"
#include "store/JournalWorker.h"
#include "store/StoreWorker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <iostream>

namespace {

QByteArray payload(int counter)
{
    const QByteArray id = QByteArray::number(counter) + '-' + QByteArray::number(counter * 7919 % 1000000000);
    return R"({"version":"4","groupKey":"{}:{alertname=\"HighCPU\"}","truncatedAlerts":0,"status":"firing",)"
           R"("receiver":"console","groupLabels":{"alertname":"HighCPU"},"commonLabels":{"alertname":"HighCPU",)"
           R"("job":"node","severity":"critical"},"commonAnnotations":{},"externalURL":"http://alertmanager:9093",)"
           R"("alerts":[{"status":"firing","labels":{"alertname":"HighCPU","instance":"host)"
        + id + R"(:9100","job":"node","severity":"critical"},"annotations":{"summary":"CPU usage above 90% on host)"
        + id
        + R"(","description":"CPU has been above 90% for 5 minutes."},"startsAt":"2026-11-22T03:00:00Z",)"
          R"("endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph?g0.expr=100","fingerprint":")"
        + QByteArray::number(counter, 16).rightJustified(16, '0') + R"("}]})";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int payloads = args.size() > 1 ? args.at(1).toInt() : 30'000;
    QList<int> batches;
    for (qsizetype i = 2; i < args.size(); ++i)
        batches.append(args.at(i).toInt());
    if (batches.isEmpty())
        batches = {1, 8, 16};

    std::cout << "batch  payloads  journal us/payload (waited for)  apply us/payload  payloads/s (both)\n";
    int counter = 0;
    for (const int batch : batches) {
        QTemporaryDir dir;
        IngestInbox inbox([] {});
        StoreWorker worker;
        JournalWorker journal;
        journal.setInbox(&inbox);
        connectJournal(&journal, &worker);
        if (const Result<> opened = worker.open(dir.filePath(QStringLiteral("alerts.sqlite"))); !opened) {
            std::cerr << "cannot open the store: " << qPrintable(opened.error()) << '\n';
            return 1;
        }
        qint64 storeNs = 0;
        qint64 applyNs = 0;
        for (int done = 0; done < payloads; done += batch) {
            for (int i = 0; i < batch; ++i)
                inbox.postParsed({QDateTime::currentDateTimeUtc(), QStringLiteral("/webhook"), PayloadFormat::Auto,
                                  R"({"content-type":"application/json"})", payload(++counter), true});
            QElapsedTimer wall;
            wall.start();
            journal.drain();
            storeNs += wall.nsecsElapsed();
            wall.restart();
            worker.catchUp();
            applyNs += wall.nsecsElapsed();
            QCoreApplication::processEvents(); // the worker's timers (word index), as on its thread
        }
        std::printf("%5d  %8d  %31.1f  %16.1f  %10.0f\n", batch, payloads, storeNs / 1e3 / payloads,
                    applyNs / 1e3 / payloads, payloads / ((storeNs + applyNs) / 1e9));
    }
    return 0;
}
