// The noise report over a large store: 1M occurrences of 5,000 alerts (50 rules) over a
// year, written in one transaction (as the handover bench does); then noise reports of 30
// days and of the whole year and the what-if of the noisiest rule, timed, with the
// process's peak memory. Run a Release build:
//   alertdeck_noise_bench [occurrences]

#include "shift/NoiseReportBuilder.h"
#include "store/AlertStore.h"

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

namespace {

long peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 total = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    constexpr int alerts = 5000;
    const QDateTime end = QDateTime::fromString(u"2026-12-01T00:00:00Z"_s, Qt::ISODate);
    const qint64 yearMs = 365LL * 86400 * 1000;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"alerts.sqlite"_s);
    {
        AlertStore store; // the schema
        if (!store.open(path))
            return 1;
    }
    QElapsedTimer clock;
    clock.start();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bulk"_s);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery query(db);
        query.exec(u"PRAGMA synchronous=OFF"_s);
        db.transaction();
        query.prepare(u"INSERT INTO alerts (source, fingerprint, data, last_payload_id) VALUES (?, ?, ?, 0)"_s);
        const QStringList severities{u"critical"_s, u"warning"_s, u"info"_s};
        for (int i = 0; i < alerts; ++i) {
            const QString rule = u"Rule%1"_s.arg(i % 50);
            const QString severity = severities.at(i % 3);
            query.addBindValue(u"alertmanager"_s);
            query.addBindValue(u"fp%1"_s.arg(i, 8, 10, QChar(u'0')));
            query.addBindValue(
                u"{\"name\":\"%1\",\"severity\":\"%2\",\"state\":\"firing\",\"labels\":{\"alertname\":\"%1\","
                "\"severity\":\"%2\",\"instance\":\"host-%3:9100\"},\"annotations\":{\"summary\":\"s\"}}"_s
                    .arg(rule, severity)
                    .arg(i));
            query.exec();
        }
        query.prepare(u"INSERT OR IGNORE INTO occurrences (source, fingerprint, starts_at_ms, ends_at_ms, resolved,"
                      " first_payload_id, last_payload_id) VALUES ('alertmanager', ?, ?, ?, ?, 0, 0)"_s);
        QRandomGenerator random(42);
        for (qint64 n = 0; n < total; ++n) {
            // Skewed: low alert numbers fire far more often (a few noisy rules).
            const int alert = int(std::min<quint64>(alerts - 1, random.bounded(alerts) * random.bounded(1.0)));
            const qint64 start = end.toMSecsSinceEpoch() - qint64(random.bounded(double(yearMs)));
            const bool resolved = random.bounded(100) >= 2;
            const qint64 duration = 60'000 + qint64(random.bounded(7'200'000.0));
            query.addBindValue(u"fp%1"_s.arg(alert, 8, 10, QChar(u'0')));
            query.addBindValue(start);
            query.addBindValue(resolved ? QVariant(start + duration) : QVariant(QMetaType::fromType<qint64>()));
            query.addBindValue(resolved ? 1 : 0);
            query.exec();
        }
        db.commit();
        query = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"bulk"_s);
    std::printf("stored %lld occurrences of %d alerts in %.1f s\n", total, alerts, clock.elapsed() / 1000.0);

    QList<Silence> silences;
    for (int i = 0; i < 200; ++i) {
        Silence silence;
        silence.matchers = {{u"alertname"_s, u"Rule%1"_s.arg(i % 50)}, {u"instance"_s, u"host-%1:9100"_s.arg(i * 7)}};
        silence.startsAt = end.addSecs(-qint64(i) * 3 * 3600);
        silence.endsAt = silence.startsAt.addSecs(4 * 3600);
        silence.createdBy = u"bench"_s;
        silence.comment = i % 2 ? u"ack"_s : u"maintenance"_s;
        silences << silence;
    }
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
                    top.firings, top.medianDurationMs, top.neverAcknowledged, peakRssMb());

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
                    peakRssMb());
    }
    return 0;
}
