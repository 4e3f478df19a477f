// The "seen before" card against a big store: one alert with 100,000 stored occurrences
// (a flapping probe over 60 days) among 50,000 other alerts on 500 hosts. Prints the
// card's time (median and slowest of 20) and the write cost of the incident anchors
// (the same 50,000 alerts written with and without the correlator).
//
// Usage: alertdeck_seen_before_bench [OCCURRENCES [OTHER_ALERTS]]   (defaults 100000, 50000)

#include "incidents/IncidentCorrelator.h"
#include "store/AlertStore.h"
#include "store/MemoryQueries.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

Alert makeAlert(const QString &fingerprint, const QString &name, const QString &host, const QDateTime &start)
{
    Alert alert;
    alert.source = u"alertmanager"_s;
    alert.fingerprint = fingerprint;
    alert.name = name;
    alert.severity = Severity::Warning;
    alert.labels = {{u"alertname"_s, name}, {u"instance"_s, host + u":9100"_s}, {u"job"_s, u"node"_s}};
    alert.annotations = {{u"summary"_s, u"%1 on %2"_s.arg(name, host)}};
    alert.startsAt = start;
    alert.lastUpdate = start;
    alert.state = AlertState::Resolved;
    alert.endsAt = start.addSecs(20);
    return alert;
}

IncomingPayload payloadOf(const QList<Alert> &alerts, const QDateTime &at)
{
    IncomingPayload payload;
    payload.receivedAt = at;
    payload.path = u"/webhook/alertmanager"_s;
    payload.format = PayloadFormat::Alertmanager;
    payload.headers = "{}";
    payload.body = "{}";
    payload.alerts = alerts;
    return payload;
}

const QStringList names{u"NodeDown"_s, u"HighLoad"_s, u"DiskFull"_s, u"ProbeFailed"_s, u"MemoryPressure"_s};

// Writes `count` other alerts, 500 per payload; returns the milliseconds the writes took.
double writeOthers(AlertStore &store, int count, const QDateTime &t0)
{
    QElapsedTimer timer;
    timer.start();
    for (int first = 0; first < count; first += 500) {
        QList<Alert> alerts;
        for (int i = first; i < std::min(count, first + 500); ++i)
            alerts.append(makeAlert(u"other-%1"_s.arg(i), names.at(i % names.size()), u"host-%1"_s.arg(i % 500),
                                    t0.addSecs(qint64(i) * 100)));
        if (!store.write({payloadOf(alerts, alerts.constLast().startsAt)}))
            std::fprintf(stderr, "write failed\n");
    }
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int occurrences = argc > 1 ? QByteArray(argv[1]).toInt() : 100'000;
    const int others = argc > 2 ? QByteArray(argv[2]).toInt() : 50'000;
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-60);
    QTemporaryDir dir;

    double withoutMs = 0;
    {
        AlertStore plain;
        if (!plain.open(dir.filePath(u"plain.sqlite"_s)))
            return 1;
        withoutMs = writeOthers(plain, others, t0);
    }

    AlertStore store;
    if (const Result<> opened = store.open(dir.filePath(u"alerts.sqlite"_s)); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    IncidentCorrelator correlator;
    store.setIncidentCorrelator(&correlator);
    const double withMs = writeOthers(store, others, t0);

    // The flapping alert: one occurrence every 60 days / OCCURRENCES, 1,000 per payload.
    const qint64 stepMs = 60LL * 24 * 3600 * 1000 / occurrences;
    for (int first = 0; first < occurrences; first += 1000) {
        QList<IncomingPayload> batch;
        for (int i = first; i < std::min(occurrences, first + 1000); ++i) {
            const Alert alert = makeAlert(u"flapping"_s, u"ProbeFailed"_s, u"web-1"_s, t0.addMSecs(qint64(i) * stepMs));
            batch.append(payloadOf({alert}, alert.startsAt));
        }
        if (!store.write(batch))
            std::fprintf(stderr, "write failed\n");
    }
    while (store.memory()->indexStep(5000, {}).valueOr(0) > 0) { }

    const Alert now = makeAlert(u"flapping"_s, u"ProbeFailed"_s, u"web-1"_s, QDateTime::currentDateTimeUtc());
    QList<double> times;
    SeenBefore::Report report;
    for (int run = 0; run < 20; ++run) {
        QElapsedTimer timer;
        timer.start();
        report = store.memory()->seenBefore({now}, {});
        times.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    std::printf("seen before for an alert with %d stored occurrences among %d other alerts: median %.1f ms, "
                "slowest %.1f ms (%d in 30 days, %lld matches, recurrence %s)\n",
                occurrences, others, times.at(times.size() / 2), times.constLast(), report.firedLast30Days,
                qint64(report.matches.size()), qPrintable(SeenBefore::recurrenceText(report.recurrence)));
    std::printf("writing %d alerts in payloads of 500: %.0f ms with incident anchors, %.0f ms without (%+.1f %%)\n",
                others, withMs, withoutMs, (withMs / withoutMs - 1) * 100);
    return 0;
}
