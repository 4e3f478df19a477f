#include "AlertBuilder.h"
#include "FakeClock.h"
#include "model/AlertFilter.h"
#include "model/AlertFilterProxyModel.h"
#include "model/AlertTableModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;

// Bytes allocated while a test counts them: malloc and realloc (what QString and QList
// allocate with) are glibc's, called through and counted. Work that copies the rest of
// the text at every step shows as allocations that grow with the square of its length.
#if defined(__SANITIZE_ADDRESS__)
#define ALERTDECK_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ALERTDECK_SANITIZED 1
#endif
#endif
#if defined(__GLIBC__) && !defined(ALERTDECK_SANITIZED)
#define ALERTDECK_COUNTS_ALLOCATIONS 1
namespace {
std::atomic_bool g_counting = false;
std::atomic<qint64> g_allocated = 0;
} // namespace
extern "C" void *__libc_malloc(size_t size);
extern "C" void *__libc_realloc(void *pointer, size_t size);
extern "C" void *malloc(size_t size)
{
    if (g_counting.load(std::memory_order_relaxed))
        g_allocated.fetch_add(qint64(size), std::memory_order_relaxed);
    return __libc_malloc(size);
}
extern "C" void *realloc(void *pointer, size_t size)
{
    if (g_counting.load(std::memory_order_relaxed))
        g_allocated.fetch_add(qint64(size), std::memory_order_relaxed);
    return __libc_realloc(pointer, size);
}
#endif

namespace {

Alert makeAlert(const QString &fingerprint, const LabelMap &labels, AlertState state = AlertState::Firing)
{
    return AlertBuilder(fingerprint)
        .labels(labels)
        .name(labels.value(u"alertname"_s))
        .severity(severityFromText(labels.value(u"severity"_s)))
        .summary(u"Disk on "_s + labels.value(u"instance"_s) + u" is full"_s)
        .state(state)
        .startsAt(QDateTime(QDate(2026, 11, 22), QTime(1, 0), Qt::UTC));
}

const QList<Alert> sample{
    makeAlert(u"1"_s,
              {{u"alertname"_s, u"DiskFull"_s},
               {u"severity"_s, u"critical"_s},
               {u"instance"_s, u"db-1"_s},
               {u"job"_s, u"node"_s}}),
    makeAlert(u"2"_s,
              {{u"alertname"_s, u"DiskFull"_s},
               {u"severity"_s, u"warning"_s},
               {u"instance"_s, u"db-2"_s},
               {u"job"_s, u"node"_s}}),
    makeAlert(u"3"_s,
              {{u"alertname"_s, u"HighLatency"_s},
               {u"severity"_s, u"critical"_s},
               {u"instance"_s, u"web-1"_s},
               {u"job"_s, u"api"_s}}),
    makeAlert(u"4"_s, {{u"alertname"_s, u"CertExpiry"_s}, {u"instance"_s, u"gw"_s}}, AlertState::Resolved),
};

QStringList matching(const QString &text)
{
    const Result<AlertFilter> parsed = AlertFilter::parse(text);
    if (!parsed)
        return {u"error: "_s + parsed.error()};
    QStringList fingerprints;
    for (const Alert &alert : sample)
        if (parsed->matches(alert))
            fingerprints << alert.fingerprint;
    return fingerprints;
}

} // namespace

class TestAlertFilter : public QObject
{
    Q_OBJECT

private slots:
    void filters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << QString() << QStringList{u"1"_s, u"2"_s, u"3"_s, u"4"_s};
        QTest::newRow("equal") << u"severity=\"critical\""_s << QStringList{u"1"_s, u"3"_s};
        QTest::newRow("equal unquoted") << u"severity=critical"_s << QStringList{u"1"_s, u"3"_s};
        QTest::newRow("not equal") << u"job!=\"node\""_s << QStringList{u"3"_s, u"4"_s};
        QTest::newRow("regex anchored") << u"instance=~\"db-.*\""_s << QStringList{u"1"_s, u"2"_s};
        QTest::newRow("regex is not a substring search") << u"instance=~\"db\""_s << QStringList{};
        QTest::newRow("negative regex") << u"instance!~\"db-.*\""_s << QStringList{u"3"_s, u"4"_s};
        QTest::newRow("missing label equals empty") << u"severity=\"\""_s << QStringList{u"4"_s};
        QTest::newRow("two matchers") << u"severity=\"critical\" job=\"node\""_s << QStringList{u"1"_s};
        QTest::newRow("alertmanager braces") << u"{severity=\"critical\", job=\"api\"}"_s << QStringList{u"3"_s};
        QTest::newRow("free word") << u"latency"_s << QStringList{u"3"_s};
        QTest::newRow("word in summary") << u"full"_s << QStringList{u"1"_s, u"2"_s, u"3"_s, u"4"_s};
        QTest::newRow("word and matcher") << u"disk severity=warning"_s << QStringList{u"2"_s};
        QTest::newRow("quoted phrase") << u"\"db-2 is\""_s << QStringList{u"2"_s};
        QTest::newRow("word ignores case") << u"LATENCY"_s << QStringList{u"3"_s};
        QTest::newRow("word in a label value") << u"api"_s << QStringList{u"3"_s};
        QTest::newRow("word in the source") << u"AlertManager"_s << QStringList{u"1"_s, u"2"_s, u"3"_s, u"4"_s};
        QTest::newRow("word does not span two fields") << u"\"full db\""_s << QStringList{};
        QTest::newRow("escaped quote") << u"instance=\"g\\w\""_s << QStringList{u"4"_s};
    }

    void filters()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(matching(text), expected);
    }

    void preparedWordsGiveTheSameResult()
    {
        const AlertFilter filter = AlertFilter::parse(u"DB-2 disk job=node"_s).value();
        const WordSearch words(filter.words);
        for (const Alert &alert : sample)
            QCOMPARE(filter.matchesLabels(alert.labels) && words.allIn(AlertFilter::searchText(alert)),
                     filter.matches(alert));
        const QByteArray text = AlertFilter::searchText(sample.at(2));
        QVERIFY(text.contains("highlatency"));
        QVERIFY(text.contains("web-1"));
        QCOMPARE(text, text.toLower());
        // Words outside ASCII are found as they are in the UTF-8 text.
        Alert chinese = sample.at(0);
        chinese.labels[u"机房"_s] = u"上海-Pudong"_s;
        QVERIFY(WordSearch({u"上海-pudong"_s}).allIn(AlertFilter::searchText(chinese)));
        QVERIFY(AlertFilter::parse(u"上海-PUDONG"_s).value().matches(chinese));
        QVERIFY(!AlertFilter::parse(u"上海-PUDONGX"_s).value().matches(chinese));
    }

    void literalRegexesMatchLikeTheRegex()
    {
        const QStringList patterns{u"db-.*"_s, u"db-1"_s, u".*"_s, u""_s, u"10\\.0\\..*"_s, u"a b:c/d"_s, u"db.*"_s,
                                   u"db-[0-9]"_s, u"(db|web)-.*"_s,
                                   // Found by the fuzz target: escapes other than "\." (a class, an escaped
                                   // backslash or dash) are not the characters themselves.
                                   u"db-\\d"_s, u"\\w.*"_s, u"a\\\\b"_s, u"a\\-b"_s, u"\\s"_s};
        const QStringList values{u""_s,         u"db"_s,     u"db-"_s,     u"db-1"_s,         u"db-12"_s, u"xdb-1"_s,
                                 u"10.0.3.4"_s, u"10x0.3"_s, u"a b:c/d"_s, u"db-1\nsecond"_s, u"web-1"_s, u"DB-1"_s,
                                 u"db-\\d"_s,   u"x1"_s,     u"a\\b"_s,    u"a\\\\b"_s,       u"a-b"_s,   u" "_s};
        for (const QString &pattern : patterns) {
            const AlertFilter filter
                = AlertFilter::parse(u"instance=~\"%1\""_s.arg(QString(pattern).replace(u"\\"_s, u"\\\\"_s))).value();
            QCOMPARE(filter.matchers.size(), 1);
            const QRegularExpression reference(QRegularExpression::anchoredPattern(pattern));
            for (const QString &value : values) {
                const bool expected = reference.match(value).hasMatch();
                QVERIFY2(filter.matchers.constFirst().matches({{u"instance"_s, value}}) == expected,
                         qPrintable(u"%1 on \"%2\""_s.arg(pattern, value)));
            }
            // Found by the fuzz target: a missing label matches as the empty string, ".*" included.
            QVERIFY2(filter.matchers.constFirst().matches({}) == reference.match(QString()).hasMatch(),
                     qPrintable(u"%1 on a missing label"_s.arg(pattern)));
        }
    }

    // Found by review: "a=b,,c" and "a=b, c" gave an empty word (which matches
    // everything, so a filter of commas was not empty).
    void emptyWordsAreDropped()
    {
        const AlertFilter doubled = AlertFilter::parse(u"a=b,,c"_s).value();
        QCOMPARE(doubled.matchers.size(), 1);
        QCOMPARE(doubled.words, QStringList{u"c"_s});
        QCOMPARE(AlertFilter::parse(u"a=b, c"_s).value().words, QStringList{u"c"_s});
        QCOMPARE(AlertFilter::parse(u"{a=b, \"x y\",, z}"_s).value().words, (QStringList{u"x y"_s, u"z"_s}));
        QVERIFY(AlertFilter::parse(u","_s).value().isEmpty());
        QVERIFY(AlertFilter::parse(u" , ,, \"\" "_s).value().isEmpty());
    }

    void overlongFiltersAreRefused()
    {
        QString longest;
        while (longest.size() < AlertFilter::maxTextLength)
            longest += u"w "_s;
        longest.truncate(AlertFilter::maxTextLength);
        QVERIFY(AlertFilter::parse(longest).ok());
        QVERIFY(AlertFilter::parse(u"   "_s + longest + u"\n"_s).ok()); // around it does not count
        const Result<AlertFilter> tooLong = AlertFilter::parse(longest + u"x"_s);
        QVERIFY(!tooLong);
        QCOMPARE(
            tooLong.error(),
            u"the filter is %1 characters long; at most %2 are allowed"_s.arg(
                QLocale().toString(AlertFilter::maxTextLength + 1), QLocale().toString(AlertFilter::maxTextLength)));
    }

    // Found by review: every matcher and word copied the rest of the text, so parsing
    // cost grew with the square of the filter's length. Twice the text, twice the work.
    void parsingCostGrowsLinearly()
    {
#ifndef ALERTDECK_COUNTS_ALLOCATIONS
        QSKIP("allocations are counted with glibc only, without a sanitizer");
#else
        const auto filterOf = [](int parts) {
            QString text;
            for (int i = 0; i < parts; ++i)
                text += u"job=node%1 w%1, \"a b\" "_s.arg(i % 10);
            return text;
        };
        const auto allocatedFor = [](const QString &text) {
            g_allocated = 0;
            g_counting = true;
            const Result<AlertFilter> parsed = AlertFilter::parse(text);
            g_counting = false;
            return std::pair{parsed.ok(), qint64(g_allocated)};
        };
        allocatedFor(filterOf(2)); // the pattern's first use compiles it
        const QString half = filterOf(200);
        const QString whole = filterOf(400);
        QVERIFY(whole.size() <= AlertFilter::maxTextLength);
        const auto [halfOk, halfBytes] = allocatedFor(half);
        const auto [wholeOk, wholeBytes] = allocatedFor(whole);
        QVERIFY(halfOk && wholeOk);
        QVERIFY2(halfBytes > 0, "nothing was counted");
        const double ratio = double(wholeBytes) / double(halfBytes);
        QVERIFY2(ratio < 2.3,
                 qPrintable(u"%1 bytes, then %2 for twice the text (%3 times)"_s.arg(halfBytes)
                                .arg(wholeBytes)
                                .arg(ratio, 0, 'f', 2)));
#endif
    }

    void errors()
    {
        const Result<AlertFilter> badRegex = AlertFilter::parse(u"instance=~\"db-(\""_s);
        QVERIFY(!badRegex);
        QVERIFY2(badRegex.error().contains(u"instance: invalid regular expression"_s), qPrintable(badRegex.error()));
        const Result<AlertFilter> unclosed = AlertFilter::parse(u"\"half"_s);
        QVERIFY(!unclosed);
        QVERIFY(unclosed.error().contains(u"unclosed quote"_s));
    }

    void proxyFiltersSortsAndCountsHidden()
    {
        AlertTableModel alerts;
        alerts.upsert(sample);
        AlertFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setAlertModel(&alerts);
        QSignalSpy hidden(&proxy, &AlertFilterProxyModel::hiddenCountChanged);
        QCOMPARE(proxy.rowCount(), 4);

        proxy.setAlertFilter(AlertFilter::parse(u"severity=\"critical\""_s).value());
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(proxy.hiddenCount(), 2);
        QCOMPARE(hidden.constLast().at(0).toInt(), 2);

        proxy.setAlertFilter({});
        proxy.setStateFilter(AlertFilterProxyModel::StateFilter::Firing);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setStateFilter(AlertFilterProxyModel::StateFilter::Resolved);
        QCOMPARE(proxy.rowCount(), 1);

        // An alert that resolves moves into the "resolved" view by itself.
        Alert resolved = sample.at(0);
        resolved.state = AlertState::Resolved;
        alerts.upsert({resolved});
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(proxy.hiddenCount(), 2);

        // Sorting uses raw values: severity order, not alphabetical names.
        proxy.setStateFilter(AlertFilterProxyModel::StateFilter::All);
        proxy.sort(AlertTableModel::SeverityColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, AlertTableModel::SeverityColumn).data().toString(), u"critical"_s);
        QCOMPARE(proxy.index(3, AlertTableModel::SeverityColumn).data().toString(), u"none"_s);
    }

    void proxySortsTimesAndCountsByValue()
    {
        QList<Alert> alerts = sample;
        alerts[0].startsAt = QDateTime(QDate(2026, 11, 22), QTime(3, 0), Qt::UTC);
        alerts[1].startsAt = QDateTime(); // unknown start sorts first
        alerts[2].startsAt = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        alerts[0].count = 10;
        alerts[1].count = 2;
        alerts[2].count = 1;
        alerts[3].count = 30;
        AlertTableModel model;
        model.upsert(alerts);
        AlertFilterProxyModel proxy;
        proxy.setAlertModel(&model);
        auto fingerprints = [&proxy] {
            QStringList order;
            for (int row = 0; row < proxy.rowCount(); ++row)
                order << proxy.mapToSource(proxy.index(row, 0)).data(AlertTableModel::FingerprintRole).toString();
            return order;
        };
        proxy.sort(AlertTableModel::Started, Qt::AscendingOrder);
        QCOMPARE(fingerprints(), (QStringList{u"2"_s, u"3"_s, u"4"_s, u"1"_s}));
        proxy.sort(AlertTableModel::Count, Qt::AscendingOrder); // 2 before 10: numbers, not text
        QCOMPARE(fingerprints(), (QStringList{u"3"_s, u"2"_s, u"1"_s, u"4"_s}));
        proxy.sort(AlertTableModel::Count, Qt::DescendingOrder);
        QCOMPARE(fingerprints(), (QStringList{u"4"_s, u"1"_s, u"2"_s, u"3"_s}));
        proxy.sort(AlertTableModel::Name, Qt::AscendingOrder); // text columns ignore case
        QCOMPARE(proxy.index(0, AlertTableModel::Name).data().toString(), u"CertExpiry"_s);
        QCOMPARE(proxy.index(3, AlertTableModel::Name).data().toString(), u"HighLatency"_s);
        proxy.sort(AlertTableModel::Target, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, AlertTableModel::Target).data().toString(), u"web-1"_s);
    }

    void durationSortMixesFiringAndResolved()
    {
        const QDateTime now(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC);
        QList<Alert> alerts{sample.at(0), sample.at(1), sample.at(2)};
        alerts[0].startsAt = now.addSecs(-600); // firing for 10 minutes
        alerts[1].startsAt = now.addSecs(-7200); // resolved after 30 minutes
        alerts[1].state = AlertState::Resolved;
        alerts[1].endsAt = now.addSecs(-5400);
        alerts[2].startsAt = now.addSecs(-3600); // firing for an hour
        AlertTableModel model;
        model.setClock(FakeClock::stoppedAt(now));
        model.upsert(alerts);
        AlertFilterProxyModel proxy;
        proxy.setAlertModel(&model);
        proxy.sort(AlertTableModel::Duration, Qt::AscendingOrder);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row)
            order << proxy.index(row, AlertTableModel::Duration).data().toString();
        QCOMPARE(order, (QStringList{u"10m 0s"_s, u"30m 0s"_s, u"1h 0m"_s}));
    }

    void bulkArrivalsKeepTheProxySortedAndSelectionIntact()
    {
        auto batch = [](int first, int count) {
            QList<Alert> alerts;
            for (int i = first; i < first + count; ++i) {
                alerts.append(makeAlert(QString::number(i), {{u"alertname"_s, u"HostDown"_s}}));
                alerts.last().startsAt = QDateTime(QDate(2026, 11, 22), QTime(0, 0), Qt::UTC).addSecs(i * 7919 % 3600);
            }
            return alerts;
        };
        AlertTableModel model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy relaidOut(&model, &QAbstractItemModel::layoutChanged);
        AlertFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setAlertModel(&model);
        proxy.sort(AlertTableModel::Started, Qt::DescendingOrder);

        model.upsert(batch(0, AlertTableModel::bulkInsertRows + 10)); // into an empty table: an insertion
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(relaidOut.count(), 0);
        const QPersistentModelIndex selected = proxy.index(17, 0);
        const QString selectedFingerprint = selected.data(AlertTableModel::FingerprintRole).toString();

        model.upsert(batch(5000, 20)); // a few: inserted where they belong
        QCOMPARE(inserted.count(), 2);
        model.upsert(batch(10000, AlertTableModel::bulkInsertRows)); // many: one layout change
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(relaidOut.count(), 1);

        const int total = 2 * AlertTableModel::bulkInsertRows + 30;
        QCOMPARE(model.rowCount(), total);
        QCOMPARE(proxy.rowCount(), total);
        auto startOf = [&proxy](int row) {
            return proxy.index(row, AlertTableModel::Started).data(AlertTableModel::SortRole).toDateTime();
        };
        QVERIFY(startOf(0).isValid());
        for (int row = 1; row < proxy.rowCount(); ++row)
            QVERIFY(startOf(row - 1) >= startOf(row));
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(AlertTableModel::FingerprintRole).toString(), selectedFingerprint);
        QCOMPARE(model.rowOf(u"alertmanager"_s, u"10999"_s), total - 1);
    }

    void largeFilterChangesRebuildWithTheSameResult()
    {
        // Every third alert is "critical": a filter on it hides scattered rows, far
        // more than the incremental limit, then shows them again.
        QList<Alert> alerts;
        for (int i = 0; i < 1000; ++i) {
            alerts.append(makeAlert(QString::number(i),
                                    {{u"alertname"_s, i % 2 ? u"DiskFull"_s : u"HostDown"_s},
                                     {u"severity"_s, i % 3 ? u"warning"_s : u"critical"_s},
                                     {u"instance"_s, u"host-%1"_s.arg(i)}}));
            alerts.last().count = 1000 - i;
        }
        AlertTableModel model;
        model.upsert(alerts);
        AlertFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setAlertModel(&model);
        proxy.sort(AlertTableModel::Count, Qt::AscendingOrder);
        // A selected row that stays visible keeps pointing at the same alert.
        const QPersistentModelIndex selected = proxy.index(proxy.rowCount() - 1, 0); // count 1000: alert 0
        QCOMPARE(proxy.mapToSource(selected).data(AlertTableModel::FingerprintRole).toString(), u"0"_s);

        proxy.setAlertFilter(AlertFilter::parse(u"severity=\"critical\""_s).value());
        QVERIFY(proxy.lastRefilterRebuilt());
        QCOMPARE(proxy.rowCount(), 334);
        QCOMPARE(proxy.hiddenCount(), 666);
        for (int row = 0; row < proxy.rowCount(); ++row) {
            QCOMPARE(proxy.index(row, AlertTableModel::SeverityColumn).data().toString(), u"critical"_s);
            if (row > 0) // still sorted
                QVERIFY(proxy.index(row - 1, AlertTableModel::Count).data().toInt()
                        < proxy.index(row, AlertTableModel::Count).data().toInt());
        }
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), proxy.rowCount() - 1);
        QCOMPARE(proxy.mapToSource(selected).data(AlertTableModel::FingerprintRole).toString(), u"0"_s);
        proxy.setAlertFilter(AlertFilter::parse(u"severity=\"critical\" job!=\"x\""_s).value()); // same rows
        QVERIFY(!proxy.lastRefilterRebuilt());
        QCOMPARE(proxy.mapToSource(selected).data(AlertTableModel::FingerprintRole).toString(), u"0"_s);

        // A narrow change stays incremental and agrees with the rebuilt mapping.
        proxy.setAlertFilter(AlertFilter::parse(u"severity=\"critical\" instance!=\"host-999\""_s).value());
        QVERIFY(!proxy.lastRefilterRebuilt());
        QCOMPARE(proxy.rowCount(), 333);

        // After the change, filtering follows live updates again.
        Alert changed = alerts.at(1);
        changed.severity = Severity::Critical;
        changed.labels[u"severity"_s] = u"critical"_s;
        model.upsert({changed});
        QCOMPARE(proxy.rowCount(), 334);
        model.refreshDurations(); // kept verdicts: nothing enters or leaves
        QCOMPARE(proxy.rowCount(), 334);
        // Rows removed below others shift them up; verdicts follow the alerts, not rows.
        model.remove({{u"alertmanager"_s, u"0"_s}, {u"alertmanager"_s, u"2"_s}});
        QCOMPARE(proxy.rowCount(), 333);
        model.refreshDurations();
        QCOMPARE(proxy.rowCount(), 333);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, AlertTableModel::SeverityColumn).data().toString(), u"critical"_s);

        proxy.setAlertFilter({});
        QVERIFY(proxy.lastRefilterRebuilt());
        QCOMPARE(proxy.rowCount(), 998);
        QCOMPARE(proxy.index(0, AlertTableModel::Count).data().toInt(), 1);
    }

    void triageOrderIsSeverityThenNewestAndNeverSwapsEqualRows()
    {
        // Five warnings with the same start and one critical: equal rows keep their
        // arrival order through every update (Qt re-inserts a changed row into its run
        // of equals, which used to put it last).
        const QDateTime start(QDate(2026, 11, 22), QTime(1, 0), Qt::UTC);
        QList<Alert> alerts;
        for (int i = 0; i < 5; ++i) {
            alerts.append(
                makeAlert(QString::number(i), {{u"alertname"_s, u"DiskFull"_s}, {u"severity"_s, u"warning"_s}}));
            alerts.last().startsAt = start;
        }
        alerts.append(makeAlert(u"old"_s, {{u"alertname"_s, u"HostDown"_s}, {u"severity"_s, u"critical"_s}}));
        alerts.last().startsAt = start.addSecs(-600);
        alerts.append(makeAlert(u"new"_s, {{u"alertname"_s, u"HostDown"_s}, {u"severity"_s, u"critical"_s}}));
        alerts.last().startsAt = start.addSecs(600);
        AlertTableModel model;
        model.upsert(alerts);
        AlertFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setAlertModel(&model);
        proxy.sort(AlertTableModel::SeverityColumn, Qt::AscendingOrder);
        auto order = [&proxy] {
            QStringList fingerprints;
            for (int row = 0; row < proxy.rowCount(); ++row)
                fingerprints << proxy.index(row, 0).data(AlertTableModel::FingerprintRole).toString();
            return fingerprints;
        };
        const QStringList expected{u"new"_s, u"old"_s, u"0"_s, u"1"_s, u"2"_s, u"3"_s, u"4"_s};
        QCOMPARE(order(), expected);
        for (int i : {1, 0, 3}) {
            Alert again = alerts.at(i);
            again.count = 2; // a repeat delivery: same keys
            model.applyChanges({{again, AlertMerge::Outcome::Updated}});
            QCOMPARE(order(), expected);
        }
        // Escalated and back: it returns to its place among its equals, not to the end
        // of them (where a later full re-sort would swap it back).
        Alert flapping = alerts.at(1);
        flapping.severity = Severity::Critical;
        model.applyChanges({{flapping, AlertMerge::Outcome::Updated}});
        flapping.severity = Severity::Warning;
        model.applyChanges({{flapping, AlertMerge::Outcome::Updated}});
        QCOMPARE(order(), expected);
        proxy.invalidate(); // a full re-sort agrees
        QCOMPARE(order(), expected);
    }

    void heldRowsStayInPlaceUntilApplied()
    {
        AlertTableModel model;
        model.upsert(sample);
        AlertFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setAlertModel(&model);
        proxy.setStateFilter(AlertFilterProxyModel::StateFilter::Firing);
        proxy.sort(AlertTableModel::SeverityColumn, Qt::AscendingOrder);
        auto order = [&proxy] {
            QStringList fingerprints;
            for (int row = 0; row < proxy.rowCount(); ++row)
                fingerprints << proxy.index(row, 0).data(AlertTableModel::FingerprintRole).toString();
            return fingerprints;
        };
        const QStringList before{u"1"_s, u"3"_s, u"2"_s}; // critical, critical, warning
        QCOMPARE(order(), before);
        const QPersistentModelIndex selected = proxy.index(1, 0);

        QSignalSpy pending(&proxy, &AlertFilterProxyModel::pendingUpdatesChanged);
        proxy.setHeld(true);
        Alert resolved = sample.at(0); // would leave the "firing" view
        resolved.state = AlertState::Resolved;
        Alert escalated = sample.at(1); // would move to the top
        escalated.severity = Severity::Critical;
        escalated.startsAt = escalated.startsAt.addSecs(60);
        Alert arrived = makeAlert(u"5"_s, {{u"alertname"_s, u"HostDown"_s}, {u"severity"_s, u"critical"_s}});
        arrived.startsAt = escalated.startsAt.addSecs(60);
        Alert hiddenArrival = sample.at(3); // resolved: not in this view, so no update
        hiddenArrival.fingerprint = u"6"_s;
        model.applyChanges({{resolved, AlertMerge::Outcome::Updated},
                            {escalated, AlertMerge::Outcome::Updated},
                            {arrived, AlertMerge::Outcome::NewAlert},
                            {hiddenArrival, AlertMerge::Outcome::NewAlert}});
        QCOMPARE(order(), before); // changed in place, the new one waits
        QCOMPARE(proxy.index(0, AlertTableModel::State).data().toString(), u"resolved"_s);
        QCOMPARE(selected.row(), 1);
        QCOMPARE(proxy.pendingUpdates(), 3);
        QCOMPARE(pending.constLast().at(0).toInt(), 3);
        QCOMPARE(proxy.hiddenCount(), 2); // the resolved two, not the one waiting
        model.applyChanges({{escalated, AlertMerge::Outcome::Updated}}); // counted once
        QCOMPARE(proxy.pendingUpdates(), 3);
        model.refreshDurations(); // the clock is no update
        QCOMPARE(proxy.pendingUpdates(), 3);

        proxy.applyPendingUpdates();
        QCOMPARE(order(), (QStringList{u"5"_s, u"2"_s, u"3"_s}));
        QCOMPARE(proxy.pendingUpdates(), 0);
        QCOMPARE(pending.constLast().at(0).toInt(), 0);
        QVERIFY(proxy.isHeld()); // still selected: holds from the new order
        QCOMPARE(selected.data(AlertTableModel::FingerprintRole).toString(), u"3"_s);

        // Descending, a removal and a filter change while held.
        proxy.sort(AlertTableModel::SeverityColumn, Qt::DescendingOrder);
        const QStringList descending = order();
        QCOMPARE(descending, (QStringList{u"3"_s, u"2"_s, u"5"_s}));
        Alert quieter = sample.at(2);
        quieter.severity = Severity::Info;
        model.upsert({quieter});
        QCOMPARE(order(), descending);
        model.remove({{u"alertmanager"_s, u"2"_s}});
        QCOMPARE(order(), (QStringList{u"3"_s, u"5"_s}));
        proxy.setAlertFilter(AlertFilter::parse(u"alertname=\"HostDown\""_s).value()); // applies at once
        QCOMPARE(order(), (QStringList{u"5"_s}));
        proxy.setAlertFilter({});
        proxy.setHeld(false);
        QCOMPARE(order(), (QStringList{u"3"_s, u"5"_s}));
    }
};

QTEST_GUILESS_MAIN(TestAlertFilter)
#include "tst_alertfilter.moc"
