#include "AlertBuilder.h"
#include "model/AlertFilterProxyModel.h"
#include "model/AlertGroupingProxyModel.h"
#include "model/AlertTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

Alert alert(const QString &fingerprint, const QString &name, const QString &cluster, Severity severity, int minute)
{
    return AlertBuilder(fingerprint)
        .named(name)
        .label(u"cluster"_s, cluster)
        .severity(severity)
        .startsAt(t0.addSecs(minute * 60));
}

// The table as shown: "# value (count)" for headers, fingerprints for alerts.
QStringList shown(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(AlertGroupingProxyModel::GroupHeaderRole).toBool())
            rows << u"# %1 (%2)"_s.arg(index.data(AlertGroupingProxyModel::GroupValueRole).toString())
                        .arg(index.data(AlertGroupingProxyModel::GroupCountRole).toInt());
        else
            rows << index.data(AlertTableModel::FingerprintRole).toString();
    }
    return rows;
}

} // namespace

class TestAlertGrouping : public QObject
{
    Q_OBJECT

private:
    AlertTableModel m_alerts;
    AlertFilterProxyModel m_sorted;
    AlertGroupingProxyModel m_groups;

private slots:
    void init()
    {
        m_alerts.remove([this] {
            QList<AlertKey> keys;
            for (const Alert &alert : m_alerts.alerts())
                keys << AlertKey::of(alert);
            return keys;
        }());
        m_sorted.setAlertModel(&m_alerts);
        m_sorted.setAlertFilter({});
        m_sorted.sort(AlertTableModel::SeverityColumn, Qt::AscendingOrder);
        m_groups.setModels(&m_sorted, &m_alerts);
        m_groups.setGroupLabel({});
        m_alerts.upsert({alert(u"a"_s, u"HostDown"_s, u"eu"_s, Severity::Warning, 1),
                         alert(u"b"_s, u"DiskFull"_s, u"us"_s, Severity::Critical, 2),
                         alert(u"c"_s, u"HostDown"_s, u"us"_s, Severity::Info, 3),
                         alert(u"d"_s, u"DiskFull"_s, u"eu"_s, Severity::Warning, 4)});
    }

    void withoutAGroupRowsPassThrough()
    {
        QAbstractItemModelTester tester(&m_groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(shown(m_groups), (QStringList{u"b"_s, u"d"_s, u"a"_s, u"c"_s}));
        m_alerts.upsert({alert(u"e"_s, u"X"_s, u"eu"_s, Severity::Critical, 9)});
        QCOMPARE(shown(m_groups), (QStringList{u"e"_s, u"b"_s, u"d"_s, u"a"_s, u"c"_s}));
        QCOMPARE(m_groups.mapToSource(m_groups.index(1, 2)), m_sorted.index(1, 2));

        // A large delivery reaches the sorted model as one layout change: passed on.
        const QPersistentModelIndex kept = m_groups.index(1, 0); // b
        QList<Alert> many;
        for (int i = 0; i < AlertTableModel::bulkInsertRows; ++i)
            many.append(alert(u"n%1"_s.arg(i), u"Y"_s, u"eu"_s, Severity::Critical, 20 + i));
        m_alerts.upsert(many);
        QCOMPARE(m_groups.rowCount(), 5 + AlertTableModel::bulkInsertRows);
        QCOMPARE(kept.data(AlertTableModel::FingerprintRole).toString(), u"b"_s);
        QCOMPARE(kept.row(), AlertTableModel::bulkInsertRows + 1); // the newer criticals come first
    }

    void groupsByAnyLabelWithCountAndWorstSeverity()
    {
        QAbstractItemModelTester tester(&m_groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_groups.setGroupLabel(u"cluster"_s);
        // Groups in the order of their first alert; alerts in triage order inside.
        QCOMPARE(shown(m_groups), (QStringList{u"# us (2)"_s, u"b"_s, u"c"_s, u"# eu (2)"_s, u"d"_s, u"a"_s}));
        const QModelIndex eu = m_groups.index(3, AlertTableModel::SeverityColumn);
        QCOMPARE(eu.data().toString(), u"warning"_s);
        QCOMPARE(eu.data(AlertTableModel::SeverityRole).toInt(), int(Severity::Warning));
        QVERIFY(m_groups.index(3, AlertTableModel::Name).data().toString().contains(u"cluster = eu"_s));
        QVERIFY(!m_groups.mapToSource(eu).isValid());

        m_groups.setGroupLabel(u"alertname"_s);
        QCOMPARE(shown(m_groups),
                 (QStringList{u"# DiskFull (2)"_s, u"b"_s, u"d"_s, u"# HostDown (2)"_s, u"a"_s, u"c"_s}));
        m_groups.setGroupLabel(u"team"_s); // nobody has it: one group, named as such
        QCOMPARE(shown(m_groups), (QStringList{u"#  (4)"_s, u"b"_s, u"d"_s, u"a"_s, u"c"_s}));
        QCOMPARE(m_groups.index(0, AlertTableModel::Name).data().toString(), u"(no team)"_s);
    }

    void collapsedGroupsAndSelectionFollowUpdates()
    {
        QAbstractItemModelTester tester(&m_groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_groups.setGroupLabel(u"cluster"_s);
        const QPersistentModelIndex selectedAlert = m_groups.index(5, 0); // a
        const QPersistentModelIndex euHeader = m_groups.index(3, 0);
        m_groups.toggle(m_groups.index(0, 0)); // fold "us"
        QCOMPARE(shown(m_groups), (QStringList{u"# us (2)"_s, u"# eu (2)"_s, u"d"_s, u"a"_s}));
        QVERIFY(m_groups.index(0, 0).data().toString().startsWith(u"▸"_s));
        QCOMPARE(selectedAlert.row(), 3);
        QCOMPARE(euHeader.row(), 1);

        // A new alert, a severity change (the header's worst follows), an alert that
        // moves to another group, a removal and a filter.
        m_alerts.upsert({alert(u"e"_s, u"X"_s, u"eu"_s, Severity::Info, 9)});
        QCOMPARE(shown(m_groups), (QStringList{u"# us (2)"_s, u"# eu (3)"_s, u"d"_s, u"a"_s, u"e"_s}));
        // The group of the worst, newest alert comes first.
        m_alerts.upsert({alert(u"e"_s, u"X"_s, u"eu"_s, Severity::Critical, 9)});
        QCOMPARE(shown(m_groups), (QStringList{u"# eu (3)"_s, u"e"_s, u"d"_s, u"a"_s, u"# us (2)"_s}));
        QCOMPARE(m_groups.index(0, AlertTableModel::SeverityColumn).data().toString(), u"critical"_s);
        m_alerts.upsert({alert(u"d"_s, u"DiskFull"_s, u"ap"_s, Severity::Warning, 4)});
        QCOMPARE(shown(m_groups), (QStringList{u"# eu (2)"_s, u"e"_s, u"a"_s, u"# us (2)"_s, u"# ap (1)"_s, u"d"_s}));
        m_alerts.remove({{u"alertmanager"_s, u"e"_s}});
        QCOMPARE(shown(m_groups), (QStringList{u"# us (2)"_s, u"# ap (1)"_s, u"d"_s, u"# eu (1)"_s, u"a"_s}));
        QCOMPARE(selectedAlert.data(AlertTableModel::FingerprintRole).toString(), u"a"_s);
        QCOMPARE(euHeader.row(), 3);
        m_sorted.setAlertFilter(AlertFilter::parse(u"alertname=\"HostDown\""_s).value()); // matchers still work
        QCOMPARE(shown(m_groups), (QStringList{u"# eu (1)"_s, u"a"_s, u"# us (1)"_s}));
        QCOMPARE(euHeader.row(), 0);
        m_groups.setExpanded(u"us"_s, true);
        QCOMPARE(shown(m_groups), (QStringList{u"# eu (1)"_s, u"a"_s, u"# us (1)"_s, u"c"_s}));
    }

    void regroupingFiftyThousandAlertsIsQuick()
    {
        QList<Alert> many;
        many.reserve(50'000);
        for (int i = 0; i < 50'000; ++i)
            many.append(
                alert(u"m%1"_s.arg(i), u"Name%1"_s.arg(i % 40), u"cluster-%1"_s.arg(i % 97), Severity(i % 3), i % 600));
        m_alerts.upsert(many);
        QElapsedTimer timer;
        timer.start();
        m_groups.setGroupLabel(u"cluster"_s);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(m_groups.groupCount(), 97 + 2); // and "eu", "us" from init()
        qInfo("regrouping 50,000 alerts by cluster: %lld ms", elapsed);
        // Generous for a debug build on a shared machine; bench/grouping measures a release one.
        QVERIFY2(elapsed < 1000, qPrintable(u"%1 ms"_s.arg(elapsed)));
    }
};

QTEST_GUILESS_MAIN(TestAlertGrouping)
#include "tst_alertgrouping.moc"
