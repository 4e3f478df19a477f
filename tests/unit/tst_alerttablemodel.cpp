#include "AlertBuilder.h"
#include "FakeClock.h"
#include "model/AlertTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

Alert makeAlert(const QString &fingerprint, Severity severity, AlertState state = AlertState::Firing)
{
    return AlertBuilder(fingerprint)
        .named(u"Alert-"_s + fingerprint)
        .severity(severity)
        .severityText(severityName(severity))
        .state(state)
        .label(u"instance"_s, u"host-"_s + fingerprint)
        .summary(u"summary of "_s + fingerprint)
        .startsAt(t0)
        .lastUpdate(t0);
}

} // namespace

class TestAlertTableModel : public QObject
{
    Q_OBJECT

private slots:
    void insertsNewFingerprintsInOneBatch()
    {
        AlertTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.upsert({makeAlert(u"a"_s, Severity::Critical), makeAlert(u"b"_s, Severity::Warning),
                      makeAlert(u"c"_s, Severity::Info)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.columnCount(), int(AlertTableModel::ColumnCount));
        QCOMPARE(model.rowOf(u"alertmanager"_s, u"b"_s), 1);
        QCOMPARE(model.rowOf(u"grafana"_s, u"b"_s), -1);
    }

    void updatesKnownFingerprintInPlace()
    {
        AlertTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert({makeAlert(u"a"_s, Severity::Critical), makeAlert(u"b"_s, Severity::Warning)});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        Alert resolved = makeAlert(u"b"_s, Severity::Warning, AlertState::Resolved);
        resolved.endsAt = t0.addSecs(90);
        resolved.count = 2;
        model.upsert({resolved});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(model.alertAt(1).state, AlertState::Resolved);
        QCOMPARE(model.index(1, AlertTableModel::Count).data().toInt(), 2);
        QCOMPARE(model.index(1, AlertTableModel::State).data().toString(), u"resolved"_s);
    }

    void repeatsInsideOneBatchCollapse()
    {
        AlertTableModel model;
        Alert later = makeAlert(u"a"_s, Severity::Critical, AlertState::Resolved);
        model.upsert({makeAlert(u"a"_s, Severity::Critical), later});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.alertAt(0).state, AlertState::Resolved); // the last one wins
    }

    void sameFingerprintFromTwoSourcesIsTwoRows()
    {
        AlertTableModel model;
        Alert grafana = makeAlert(u"a"_s, Severity::Critical);
        grafana.source = u"grafana"_s;
        model.upsert({makeAlert(u"a"_s, Severity::Critical), grafana});
        QCOMPARE(model.rowCount(), 2);
    }

    void appliesOnlyChangesToCurrentState()
    {
        AlertTableModel model;
        const Alert a = makeAlert(u"a"_s, Severity::Critical);
        Alert stale = makeAlert(u"b"_s, Severity::Info);
        model.applyChanges({{a, AlertMerge::Outcome::NewAlert}, {stale, AlertMerge::Outcome::Stale}});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.alertAt(0).fingerprint, u"a"_s);
    }

    void liveChangesAreHighlightedBriefly()
    {
        FakeClock clock(t0); // outlives the model that reads it
        AlertTableModel model;
        model.setClock(clock.function());
        model.upsert({makeAlert(u"restored"_s, Severity::Info)}); // a restore: no highlight
        model.applyChanges({{makeAlert(u"live"_s, Severity::Critical), AlertMerge::Outcome::NewAlert}});
        QVERIFY(!model.index(0, 0).data(AlertTableModel::RecentlyChangedRole).toBool());
        QVERIFY(model.index(1, 0).data(AlertTableModel::RecentlyChangedRole).toBool());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        clock.advance(std::chrono::seconds(AlertTableModel::highlightSeconds));
        model.refreshDurations();
        QVERIFY(!model.index(1, 0).data(AlertTableModel::RecentlyChangedRole).toBool());
        // The row is repainted once when its highlight ends, the next tick does not repeat it.
        auto repaintsOfRow1 = [&changed] {
            return std::count_if(changed.begin(), changed.end(), [](const QList<QVariant> &args) {
                return args.at(0).value<QModelIndex>().row() == 1 && args.at(0).value<QModelIndex>().column() == 0;
            });
        };
        QCOMPARE(repaintsOfRow1(), 1);
        model.refreshDurations();
        QCOMPARE(repaintsOfRow1(), 1);
    }

    void removesRetiredAlertsWithoutReset()
    {
        AlertTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock(FakeClock::stoppedAt(t0));
        QList<Alert> alerts;
        for (const QString &name : {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s})
            alerts.append(makeAlert(name, Severity::Warning));
        model.upsert(alerts);
        model.applyChanges({{makeAlert(u"e"_s, Severity::Critical), AlertMerge::Outcome::Updated}});
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy counts(&model, &AlertTableModel::countsChanged);

        model.remove({{u"alertmanager"_s, u"b"_s},
                      {u"alertmanager"_s, u"c"_s},
                      {u"alertmanager"_s, u"f"_s},
                      {u"grafana"_s, u"a"_s},
                      {u"alertmanager"_s, u"unknown"_s}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(removed.size(), 2); // rows 5 and 1..2: two contiguous runs
        QCOMPARE(reset.size(), 0);
        QCOMPARE(counts.size(), 1);
        QCOMPARE(model.rowOf(u"alertmanager"_s, u"a"_s), 0);
        QCOMPARE(model.rowOf(u"alertmanager"_s, u"d"_s), 1);
        QCOMPARE(model.rowOf(u"alertmanager"_s, u"e"_s), 2);
        QCOMPARE(model.rowOf(u"alertmanager"_s, u"b"_s), -1);
        // The highlight moved with its row.
        QVERIFY(model.index(2, 0).data(AlertTableModel::RecentlyChangedRole).toBool());
        QVERIFY(!model.index(1, 0).data(AlertTableModel::RecentlyChangedRole).toBool());
        QCOMPARE(model.alertAt(2).severity, Severity::Critical);
    }

    void displayAndSortValues()
    {
        AlertTableModel model;
        model.setClock(FakeClock::stoppedAt(t0.addSecs(3 * 3600 + 5 * 60)));
        Alert alert = makeAlert(u"a"_s, Severity::Other);
        alert.severityText = u"P0-urgent"_s;
        model.upsert({alert});
        auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
        QCOMPARE(cell(AlertTableModel::State).toString(), u"firing"_s);
        QCOMPARE(cell(AlertTableModel::SeverityColumn).toString(), u"P0-urgent"_s); // unknown values are kept
        QCOMPARE(cell(AlertTableModel::Name).toString(), u"Alert-a"_s);
        QCOMPARE(cell(AlertTableModel::Target).toString(), u"host-a"_s);
        QCOMPARE(cell(AlertTableModel::Summary).toString(), u"summary of a"_s);
        QCOMPARE(cell(AlertTableModel::Summary, Qt::ToolTipRole).toString(), u"summary of a"_s);
        QCOMPARE(cell(AlertTableModel::Source).toString(), u"alertmanager"_s);
        QCOMPARE(cell(AlertTableModel::Duration).toString(), u"3h 5m"_s);
        QCOMPARE(cell(AlertTableModel::Duration, AlertTableModel::SortRole).toLongLong(), 3 * 3600 + 5 * 60);
        QCOMPARE(cell(AlertTableModel::Started, AlertTableModel::SortRole).toDateTime(), t0);
        QCOMPARE(cell(AlertTableModel::SeverityColumn, AlertTableModel::SortRole).toInt(), int(Severity::Other));
        QCOMPARE(cell(0, AlertTableModel::FingerprintRole).toString(), u"a"_s);
        QVERIFY(!model.headerData(AlertTableModel::Name, Qt::Horizontal).toString().isEmpty());
    }

    void resolvedDurationStopsAtEnd()
    {
        AlertTableModel model;
        model.setClock(FakeClock::stoppedAt(t0.addDays(5)));
        Alert alert = makeAlert(u"a"_s, Severity::Info, AlertState::Resolved);
        alert.endsAt = t0.addSecs(42);
        model.upsert({alert});
        QCOMPARE(model.index(0, AlertTableModel::Duration).data().toString(), u"42s"_s);
    }

    void durationTicks()
    {
        AlertTableModel model;
        model.upsert({makeAlert(u"a"_s, Severity::Info)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refreshDurations();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(), int(AlertTableModel::Duration));
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 2, 3000); // the model's own 1 s timer
    }

    void formatsDurations()
    {
        QCOMPARE(AlertTableModel::formatDuration(0), u"0s"_s);
        QCOMPARE(AlertTableModel::formatDuration(59), u"59s"_s);
        QCOMPARE(AlertTableModel::formatDuration(61), u"1m 1s"_s);
        QCOMPARE(AlertTableModel::formatDuration(3600), u"1h 0m"_s);
        QCOMPARE(AlertTableModel::formatDuration(2 * 86400 + 3 * 3600 + 59), u"2d 3h"_s);
    }

    void formatsTimesShortForToday()
    {
        const QDateTime now = QDateTime(QDate(2026, 11, 22), QTime(12, 0));
        QCOMPARE(AlertTableModel::formatTime(QDateTime(QDate(2026, 11, 22), QTime(9, 5, 7)), now), u"09:05:07"_s);
        QCOMPARE(AlertTableModel::formatTime(QDateTime(QDate(2026, 11, 21), QTime(23, 59, 1)), now), u"11-21 23:59"_s);
        QCOMPARE(AlertTableModel::formatTime(QDateTime(QDate(2025, 12, 31), QTime(23, 59, 1)), now), u"2025-12-31"_s);
        QCOMPARE(AlertTableModel::formatTime(QDateTime(), now), QString());
    }

    void timeToolTipsAreComplete()
    {
        AlertTableModel model;
        model.upsert({makeAlert(u"a"_s, Severity::Info)});
        const QString tip = model.index(0, AlertTableModel::Started).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(t0.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s)), qPrintable(tip));
    }

    // Views read a tooltip as HTML when it looks like HTML: an annotation's markup is
    // escaped (tst_hostiletext checks what Qt then shows), plain text stays as it is.
    void summaryToolTipsCannotBeMarkup()
    {
        AlertTableModel model;
        Alert alert = makeAlert(u"a"_s, Severity::Info);
        alert.annotations = {{u"summary"_s, u"<img src=x> & <a href=\"https://evil.example\">re-login</a>"_s}};
        model.upsert({alert});
        const QString tip = model.index(0, AlertTableModel::Summary).data(Qt::ToolTipRole).toString();
        QVERIFY2(!tip.contains(u"<img"_s) && !tip.contains(u"<a "_s)
                     && tip.contains(u"&lt;img src=x&gt; &amp; &lt;a href=&quot;https://evil.example&quot;&gt;"_s),
                 qPrintable(tip));
        QCOMPARE(AlertTableModel::plainToolTip(u"disk 91% full\non db-1"_s), u"disk 91% full\non db-1"_s);
    }

    void firingCountsBySeverity()
    {
        AlertTableModel model;
        QSignalSpy countsChanged(&model, &AlertTableModel::countsChanged);
        model.upsert({makeAlert(u"a"_s, Severity::Critical), makeAlert(u"b"_s, Severity::Critical),
                      makeAlert(u"c"_s, Severity::Warning), makeAlert(u"d"_s, Severity::Info),
                      makeAlert(u"e"_s, Severity::None), makeAlert(u"f"_s, Severity::Critical, AlertState::Resolved)});
        QCOMPARE(countsChanged.size(), 1);
        const SeverityCounts counts = model.firingCounts();
        QCOMPARE(counts.critical, 2);
        QCOMPARE(counts.warning, 1);
        QCOMPARE(counts.info, 1);
        QCOMPARE(counts.other, 1);
        QCOMPARE(counts.total(), 5);
    }

    void replayedAlertsNeverCountAsLive()
    {
        AlertTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Alert replayed = makeAlert(u"a"_s, Severity::Critical);
        replayed.replay = true;
        Alert replayedResolved = makeAlert(u"b"_s, Severity::Warning, AlertState::Resolved);
        replayedResolved.replay = true;
        model.upsert({makeAlert(u"a"_s, Severity::Critical), replayed, replayedResolved});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.firingCounts().critical, 1); // the real one only
        QCOMPARE(model.firingCounts().total(), 1);
        QCOMPARE(model.replayedFiringCounts().critical, 1);
        QCOMPARE(model.stateCounts().value(u"firing"_s), 1); // /metrics
        QCOMPARE(model.stateCounts().value(u"resolved"_s), 0);
        // The row says so in its State column too.
        const int row = model.rowOf(u"alertmanager"_s, u"a"_s, true);
        QCOMPARE(model.index(row, AlertTableModel::State).data().toString(), u"firing (replay)"_s);
        QVERIFY(!model.index(row, AlertTableModel::State).data(Qt::ToolTipRole).toString().isEmpty());
    }

    void mutedAlertsShowWhoAndUntilWhenAndCountApart()
    {
        FakeClock clock(t0);
        AlertTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock(clock.function());
        model.upsert({makeAlert(u"a"_s, Severity::Critical), makeAlert(u"b"_s, Severity::Critical),
                      makeAlert(u"c"_s, Severity::Critical), makeAlert(u"d"_s, Severity::Warning),
                      makeAlert(u"e"_s, Severity::Warning, AlertState::Resolved)});
        QSignalSpy counts(&model, &AlertTableModel::countsChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSyncedMutes({{u"b"_s, {AlertMute::Kind::Silenced}},
                              {u"c"_s, {AlertMute::Kind::Inhibited}},
                              {u"e"_s, {AlertMute::Kind::Silenced}}}); // resolved: nothing to mute
        QCOMPARE(counts.size(), 1);
        QVERIFY(!changed.isEmpty());
        QVERIFY(!changed.constLast().at(2).value<QList<int>>().isEmpty()); // not a new alert
        SeverityCounts firing = model.firingCounts();
        QCOMPARE(firing.critical, 1);
        QCOMPARE(firing.warning, 1);
        QCOMPARE(firing.muted, 2);
        QVERIFY(!model.index(0, 0).data(AlertTableModel::MutedRole).toBool());
        QVERIFY(model.index(1, 0).data(AlertTableModel::MutedRole).toBool());
        QVERIFY(!model.index(4, 0).data(AlertTableModel::MutedRole).toBool());
        QCOMPARE(model.index(1, AlertTableModel::State).data().toString(), u"silenced"_s);
        QCOMPARE(model.index(2, AlertTableModel::State).data().toString(), u"inhibited"_s);
        QCOMPARE(model.index(4, AlertTableModel::State).data().toString(), u"resolved"_s);

        // Made here: who and until when, in full in the tooltip.
        const QDateTime until = t0.addSecs(2 * 3600);
        model.setLocalMute(u"b"_s, {AlertMute::Kind::Silenced, u"bob"_s, until, false, u"<b>deploy</b>"_s});
        model.setLocalMute(u"d"_s, {AlertMute::Kind::Acknowledged, u"alice"_s, {}, true, {}});
        QCOMPARE(model.index(1, AlertTableModel::State).data().toString(),
                 u"silenced by bob until %1"_s.arg(until.toLocalTime().toString(u"HH:mm"_s)));
        QCOMPARE(model.index(3, AlertTableModel::State).data().toString(), u"acknowledged by alice"_s);
        const QString tip = model.index(1, AlertTableModel::State).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"bob"_s) && tip.contains(until.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s))
                     && tip.contains(u"&lt;b&gt;deploy"_s),
                 qPrintable(tip));
        firing = model.firingCounts();
        QCOMPARE(firing.warning, 0);
        QCOMPARE(firing.muted, 3);
        // Muted sorts after firing in the State column.
        QCOMPARE(model.compare(0, 1, AlertTableModel::State).value_or(0), -1);

        // Alertmanager no longer lists them: the silence was expired there.
        model.setSyncedMutes({{u"c"_s, {AlertMute::Kind::Inhibited}}});
        QCOMPARE(model.index(1, AlertTableModel::State).data().toString(), u"firing"_s);
        QCOMPARE(model.index(3, AlertTableModel::State).data().toString(), u"firing"_s);
        QCOMPARE(model.firingCounts().muted, 1);
        // A replayed copy of a muted alert is not muted (it is not live).
        Alert replayed = makeAlert(u"c"_s, Severity::Critical);
        replayed.replay = true;
        model.upsert({replayed});
        QVERIFY(!model.muteOf(replayed).isMuted());
    }

    void severityMapping_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Severity>("severity");
        QTest::newRow("critical") << u"critical"_s << Severity::Critical;
        QTest::newRow("upper") << u"CRITICAL"_s << Severity::Critical;
        QTest::newRow("warning") << u"warning"_s << Severity::Warning;
        QTest::newRow("warn") << u"warn"_s << Severity::Warning;
        QTest::newRow("info") << u"info"_s << Severity::Info;
        QTest::newRow("notice") << u"notice"_s << Severity::Info;
        QTest::newRow("empty") << QString() << Severity::None;
        QTest::newRow("none") << u"none"_s << Severity::None;
        QTest::newRow("unknown") << u"sev-7"_s << Severity::Other;
    }

    void severityMapping()
    {
        QFETCH(QString, text);
        QFETCH(Severity, severity);
        QCOMPARE(severityFromText(text), severity);
    }
};

QTEST_GUILESS_MAIN(TestAlertTableModel)
#include "tst_alerttablemodel.moc"
