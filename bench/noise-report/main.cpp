// The noise report over a large store: 1M occurrences of 5,000 alerts (50 rules) over a
// year, written in one transaction (as the handover bench does); then noise reports of 30
// days and of the whole year and the what-if of the noisiest rule, timed, with the
// process's peak memory. Run a Release build:
//   alertdeck_noise_bench [occurrences]

#include "YearOfHistory.h"
#include "shift/NoiseReportBuilder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 total = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    constexpr int alerts = 5000;
    const QDateTime end = QDateTime::fromString(u"2026-12-01T00:00:00Z"_s, Qt::ISODate);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"alerts.sqlite"_s);
    if (!YearOfHistory::write(path, total, alerts, end))
        return 1;
    const QList<Silence> silences = YearOfHistory::silences(end);
    QElapsedTimer clock;
    for (int days : {30, 365}) {
        NoiseReportBuilder::Request request;
        request.storePath = path;
        request.since = end.addDays(-days);
        request.until = end;
        request.silences = silences;
        int progressCalls = 0;
        QStringList stepTimes; // ms per step, to see where the time goes
        qint64 last = 0;
        clock.restart();
        const Result<NoiseReportBuilder::Report> report = NoiseReportBuilder::build(request, [&](int step, int) {
            ++progressCalls;
            if (step > 0)
                stepTimes << QString::number(clock.elapsed() - last);
            last = clock.elapsed();
            return true;
        });
        const double seconds = clock.elapsed() / 1000.0;
        if (!report) {
            std::printf("failed: %s\n", qPrintable(report.error()));
            return 1;
        }
        std::printf("  steps (ranking, trends, expressions, acknowledgements), ms: %s\n",
                    qPrintable(stepTimes.join(u", "_s)));
        const NoiseReport::RuleStats top = report->rules.value(0);
        std::printf("%3d-day noise report: %.3f s (%d progress calls), %d firings of %d rules, top %s (%d, median "
                    "%lld ms, never acked %.2f), peak RSS %ld MB\n",
                    days, seconds, progressCalls, report->firingsTotal, report->rulesTotal, qPrintable(top.rule),
                    top.firings, top.medianDurationMs, top.neverAcknowledged, YearOfHistory::peakRssMb());

        NoiseReportBuilder::WhatIfRequest whatIf;
        whatIf.storePath = path;
        whatIf.rule = top.rule;
        whatIf.since = request.since;
        whatIf.until = request.until;
        whatIf.extraFor = std::chrono::minutes(10);
        clock.restart();
        const Result<NoiseReportBuilder::WhatIfResult> counted = NoiseReportBuilder::whatIf(whatIf);
        if (!counted) {
            std::printf("failed: %s\n", qPrintable(counted.error()));
            return 1;
        }
        std::printf("%3d-day what-if of %s, for +10m: %.3f s, %d of %d remain, %d loaded%s, peak RSS %ld MB\n", days,
                    qPrintable(top.rule), clock.elapsed() / 1000.0, counted->whatIf.notificationsAfter,
                    counted->whatIf.notificationsBefore, counted->occurrencesLoaded, counted->capped ? " (capped)" : "",
                    YearOfHistory::peakRssMb());
    }
    return 0;
}
