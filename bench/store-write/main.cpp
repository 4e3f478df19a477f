// The store thread's cost per payload, without HTTP: batches of B single-alert
// Alertmanager payloads (as bench/peers/webhook_post.lua sends: every alert new),
// parsed as the listener's thread would, then drained by a StoreWorker into a durable
// store in a temporary directory. Reports CPU and wall time per payload, so a change to
// the write path can be measured without wrk's run-to-run noise. Each batch size runs
// twice: every commit flushed before it returns, and flushes deferred to a CommitSyncer
// on its own thread (as StoreService runs it); the wall time then ends when the last
// answer arrived.
// Usage: alertdeck_store_write_bench [PAYLOADS] [BATCH...]   (defaults: 30000 1 8 16)
#include "ingest/IngestInbox.h"
#include "store/CommitSyncer.h"
#include "store/StoreWorker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <ctime>
#include <iostream>

namespace {

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

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

    std::cout << "batch  flush     payloads  cpu us/payload  wall us/payload  payloads/s (store alone)\n";
    int counter = 0;
    for (const int batch : batches) {
        for (const bool deferred : {false, true}) {
            QTemporaryDir dir;
            QThread syncThread;
            CommitSyncer syncer;
            StoreWorker worker;
            IngestInbox inbox([] {});
            worker.setInbox(&inbox);
            if (deferred) {
                syncer.moveToThread(&syncThread);
                syncThread.start();
                worker.setCommitSyncer(&syncer);
            }
            if (const Result<> opened = worker.open(dir.filePath(QStringLiteral("alerts.sqlite"))); !opened) {
                std::cerr << "cannot open the store: " << qPrintable(opened.error()) << '\n';
                return 1;
            }
            qsizetype answered = 0;
            QObject::connect(&worker, &StoreWorker::finished, &app,
                             [&answered](const QList<IngestOutcome> &outcomes) { answered += outcomes.size(); });
            double cpu = 0;
            QElapsedTimer wall;
            wall.start();
            for (int done = 0; done < payloads; done += batch) {
                for (int i = 0; i < batch; ++i)
                    inbox.postParsed({QDateTime::currentDateTimeUtc(), QStringLiteral("/webhook"), PayloadFormat::Auto,
                                      R"({"content-type":"application/json"})", payload(++counter), true});
                const double cpuBefore = threadCpuSeconds();
                worker.drain();
                cpu += threadCpuSeconds() - cpuBefore;
                // The worker's timers (word index) and the flushes' answers, as on its thread.
                QCoreApplication::processEvents();
            }
            while (answered < payloads)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            const qint64 wallNs = wall.nsecsElapsed();
            syncThread.quit();
            syncThread.wait();
            std::printf("%5d  %-8s  %8d  %14.1f  %15.1f  %10.0f\n", batch, deferred ? "deferred" : "commit", payloads,
                        cpu * 1e6 / payloads, wallNs / 1e3 / payloads, payloads / (wallNs / 1e9));
        }
    }
    return 0;
}
