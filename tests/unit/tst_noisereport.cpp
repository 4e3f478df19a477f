#include "PromtoolCheck.h"
#include "shift/NoiseReport.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

#include <numeric>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qint64 minute = 60'000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
const qint64 from = QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
const qint64 to = from + 7 * day;

NoiseReport::Occurrence occurrence(const QString &rule, const QString &fingerprint, qint64 start, qint64 duration,
                                   bool acknowledged = false)
{
    NoiseReport::Occurrence o;
    o.rule = rule;
    o.alert = {u"alertmanager"_s, fingerprint};
    o.startMs = start;
    o.endMs = duration < 0 ? -1 : start + duration;
    o.acknowledged = acknowledged;
    return o;
}

// A week of history with known answers: a flapping disk alert (short, never acked),
// steady CPU alerts, and one long outage still firing.
QList<NoiseReport::Occurrence> fixture()
{
    QList<NoiseReport::Occurrence> history;
    for (int i = 0; i < 60; ++i) // every ~2.8 h, 2-4 minutes each
        history << occurrence(u"DiskLatencyHigh"_s, u"d1"_s, from + i * 168 * minute, (2 + i % 3) * minute);
    for (int i = 0; i < 20; ++i) // 30-90 minutes, half acknowledged
        history << occurrence(u"CPUHigh"_s, u"c%1"_s.arg(i % 4), from + i * 8 * hour + 7 * minute,
                              (30 + (i % 4) * 20) * minute, i % 2 == 0);
    history << occurrence(u"NodeDown"_s, u"n1"_s, from + 6 * day, -1, true);
    // Outside the period: left out.
    history << occurrence(u"CPUHigh"_s, u"c9"_s, from - day, 10 * minute);
    return history;
}

} // namespace

class NoiseReportTest : public QObject
{
    Q_OBJECT

private slots:
    void theNoisiestRuleRanksFirstWithItsNumbers()
    {
        const QList<NoiseReport::RuleStats> ranked = NoiseReport::rank(fixture(), from, to);
        QCOMPARE(ranked.size(), 3);
        const NoiseReport::RuleStats &disk = ranked.at(0);
        QCOMPARE(disk.rule, u"DiskLatencyHigh"_s);
        QCOMPARE(disk.firings, 60);
        QCOMPARE(disk.flapsPerHour, 120.0 / (7 * 24)); // 60 starts and 60 ends in 168 hours
        QCOMPARE(disk.medianDurationMs, 3 * minute);
        QCOMPARE(disk.resolvedWithin5Min, 1.0);
        QCOMPARE(disk.neverAcknowledged, 1.0);
        QCOMPARE(std::accumulate(disk.trend.cbegin(), disk.trend.cend(), 0), 60);
        QCOMPARE(disk.trend.size(), NoiseReport::trendBuckets);

        const NoiseReport::RuleStats &cpu = ranked.at(1);
        QCOMPARE(cpu.rule, u"CPUHigh"_s);
        QCOMPARE(cpu.firings, 20); // not the one from before the period
        QCOMPARE(cpu.resolvedWithin5Min, 0.0);
        QCOMPARE(cpu.neverAcknowledged, 0.5);
        QCOMPARE(cpu.medianDurationMs, 70 * minute); // 30, 50, 70, 90 five times each: the upper middle

        const NoiseReport::RuleStats &node = ranked.at(2);
        QCOMPARE(node.firings, 1);
        QCOMPARE(node.medianDurationMs, -1); // still firing: no duration yet
    }

    void whatIfMatchesAReferenceComputation_data()
    {
        QTest::addColumn<int>("extraMinutes");
        for (int minutes : {0, 1, 3, 5, 10, 45, 120})
            QTest::addRow("for +%dm", minutes) << minutes;
    }

    void whatIfMatchesAReferenceComputation()
    {
        QFETCH(int, extraMinutes);
        // A random history, checked against the plainest possible count.
        QRandomGenerator random(7);
        QList<NoiseReport::Occurrence> history = fixture();
        for (int i = 0; i < 500; ++i)
            history << occurrence(u"Random"_s, u"r%1"_s.arg(i % 9), from + random.bounded(7 * day),
                                  random.bounded(10) == 0 ? -1 : random.bounded(180) * minute);
        for (const QString &rule : {u"DiskLatencyHigh"_s, u"CPUHigh"_s, u"NodeDown"_s, u"Random"_s}) {
            int before = 0, after = 0;
            for (const auto &o : history) {
                if (o.rule != rule || o.startMs < from || o.startMs >= to)
                    continue;
                ++before;
                const qint64 lasted = (o.endMs < 0 ? to : o.endMs) - o.startMs;
                after += lasted >= extraMinutes * minute ? 1 : 0;
            }
            const NoiseReport::WhatIf whatIf
                = NoiseReport::whatIf(history, rule, std::chrono::minutes(extraMinutes), from, to);
            QCOMPARE(whatIf.notificationsBefore, before);
            QCOMPARE(whatIf.notificationsAfter, after);
            QCOMPARE(whatIf.delayCostMs, qint64(after) * extraMinutes * minute);
        }
        // The flapping disk alert (2-4 minutes) disappears entirely with 5 more minutes.
        if (extraMinutes == 5)
            QCOMPARE(NoiseReport::whatIf(history, u"DiskLatencyHigh"_s, 5min, from, to).notificationsAfter, 0);
    }

    void durationsReadAsPrometheusWritesThem()
    {
        QCOMPARE(NoiseReport::promDuration(0s), u"0s"_s);
        QCOMPARE(NoiseReport::promDuration(600s), u"10m"_s);
        QCOMPARE(NoiseReport::promDuration(5400s), u"1h30m"_s);
        QCOMPARE(NoiseReport::promDuration(90061s), u"1d1h1m1s"_s);
    }

    void theRuleSnippetIsValidForPrometheusWhateverItHolds()
    {
        NoiseReport::RuleStats rule;
        rule.rule = u"DiskLatencyHigh"_s;
        rule.expression = u"up{job=\"x\\\" # \\n- alert: Injected\"} == 0"_s;
        rule.severity = u"critical\"\n  injected: \"yes\u2028more"_s;
        const QString snippet = NoiseReport::ruleSnippet(rule, 10min);
        QCOMPARE(snippet.count(u'\n'), 5); // alert, expr, for, labels, severity: nothing injected
        QVERIFY(snippet.contains(u"  for: 10m\n"_s));
        if (PromtoolCheck::executable().isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus; tools/deps installs it)");
        QString indented;
        for (const QString &line : snippet.split(u'\n', Qt::SkipEmptyParts))
            indented += u"  "_s + line + u'\n';
        QTemporaryDir dir;
        QFile file(dir.filePath(u"rules.yml"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write((u"groups:\n- name: noise\n  rules:\n"_s + indented).toUtf8());
        file.close();
        ChildProcess promtool;
        promtool.setChannelMode(QProcess::MergedChannels);
        promtool.start(PromtoolCheck::executable(), {u"check"_s, u"rules"_s, file.fileName()});
        QVERIFY(promtool.waitForFinished(std::chrono::seconds(60)));
        QVERIFY2(promtool.exitCode() == 0, qPrintable(promtool.standardOutput() + u'\n' + indented));
        QVERIFY2(promtool.standardOutput().contains(u"1 rules found"_s), qPrintable(promtool.standardOutput()));
    }
};

QTEST_GUILESS_MAIN(NoiseReportTest)
#include "tst_noisereport.moc"
