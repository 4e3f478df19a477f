// The handover report over a large store: 1M occurrences of 5,000 alerts over a year,
// written in one transaction and grouped into incidents of about 4 occurrences; then reports of 30 days and of the
// whole year, timed, with the process's peak memory. Run a Release build:
//   alertdeck_handover_bench [occurrences]

#include "YearOfHistory.h"
#include "shift/HandoverReport.h"
#include "shift/HandoverReportText.h"

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
    if (!YearOfHistory::write(path, total, alerts, end) || !YearOfHistory::anchorIncidents(path))
        return 1;
    const QList<Silence> silences = YearOfHistory::silences(end);
    QElapsedTimer clock;
    for (int days : {30, 365}) {
        HandoverReportBuilder::Request request;
        request.storePath = path;
        request.since = end.addDays(-days);
        request.until = end;
        request.silences = silences;
        int steps = 0;
        QStringList stepTimes; // ms per step, to see where the time goes
        qint64 last = 0;
        clock.restart();
        const Result<HandoverReport> report = HandoverReportBuilder::build(request, [&](int step, int) {
            ++steps;
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
        const qsizetype markdown = HandoverReportText::markdown(*report).size();
        std::printf(
            "  steps (counts, time to resolve, open alerts, open incidents, analyses, notes, silences), ms: %s\n",
            qPrintable(stepTimes.join(u", "_s)));
        std::printf("%3d-day report: %.3f s (%d progress calls), fired %d, resolved %d, open %d, TTR median %lld ms, "
                    "open incidents %d, TTA n=%d, top rule %s (%d), markdown %lld chars, peak RSS %ld MB\n",
                    days, seconds, steps, report->firedTotal, report->resolvedTotal, report->openAlertsTotal,
                    report->timeToResolve.medianMs, report->openIncidentsTotal, report->timeToAcknowledge.count,
                    qPrintable(report->noisiest.value(0).rule), report->noisiest.value(0).firings, qint64(markdown),
                    YearOfHistory::peakRssMb());
    }
    return 0;
}
