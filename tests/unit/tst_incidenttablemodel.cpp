#include "AlertBuilder.h"
#include "IncidentTestAlerts.h"
#include "model/IncidentTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 1), QTime(10, 0), QTimeZone::utc());

Alert onHost(const QString &fingerprint, const QString &name, const QString &host, int at,
             Severity severity = Severity::Warning)
{
    return IncidentTestAlerts::onHost(t0, fingerprint, name, host, at, severity);
}

QList<AlertChange> changes(const QList<Alert> &alerts)
{
    return IncidentTestAlerts::newAlerts(alerts);
}

} // namespace

class IncidentTableModelTest : public QObject
{
    Q_OBJECT

private slots:
    void incidentsAreRowsAndTheirAlertsChildren()
    {
        IncidentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyChanges(changes({onHost(u"a"_s, u"HighLoad"_s, u"db-1"_s, 0)}));
        model.applyChanges(changes({onHost(u"b"_s, u"NodeDown"_s, u"db-1"_s, 30, Severity::Critical),
                                    onHost(u"c"_s, u"DiskFull"_s, u"web-2"_s, 40)}));
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex db1 = model.index(0, IncidentTableModel::Title);
        QCOMPARE(model.rowCount(db1), 2);
        QCOMPARE(db1.data().toString(), u"NodeDown and 1 related"_s); // the worst alert names it
        QCOMPARE(db1.siblingAtColumn(IncidentTableModel::SeverityColumn).data().toString(), u"critical"_s);
        QCOMPARE(db1.siblingAtColumn(IncidentTableModel::Scope).data().toString(), u"instance=db-1"_s);
        QCOMPARE(db1.siblingAtColumn(IncidentTableModel::Members).data().toInt(), 2);
        QCOMPARE(model.index(1, 0).data().toString(), u"DiskFull"_s);
        QCOMPARE(model.index(1, 0, db1).data().toString(), u"NodeDown"_s);
        QCOMPARE(model.index(1, IncidentTableModel::Scope, db1).data().toString(), u"db-1:9100"_s);
        QCOMPARE(model.membersOf(db1).constFirst().name, u"NodeDown"_s);
    }

    void aResolutionUpdatesRowsInPlace()
    {
        IncidentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Alert a = onHost(u"a"_s, u"HighLoad"_s, u"db-1"_s, 0);
        model.applyChanges(changes({a}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Alert resolved = a;
        resolved.state = AlertState::Resolved;
        resolved.endsAt = t0.addSecs(300);
        model.applyChanges(changes({resolved}));
        QCOMPARE(inserted.count(), 0);
        QVERIFY(changed.count() >= 2);
        QCOMPARE(model.index(0, IncidentTableModel::State).data().toString(), u"resolved"_s);
        QCOMPARE(model.index(0, IncidentTableModel::State, model.index(0, 0)).data().toString(), u"resolved"_s);
    }

    // The window keeps only the working set: incidents whose alerts all ended before the
    // cutoff leave (the store keeps them); firing ones stay whatever their age.
    void incidentsThatEndedLongAgoLeave()
    {
        IncidentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto resolvedAt = [](Alert alert, int seconds) {
            alert.state = AlertState::Resolved;
            alert.endsAt = t0.addSecs(seconds);
            return alert;
        };
        model.applyChanges(changes({resolvedAt(onHost(u"a"_s, u"HighLoad"_s, u"db-1"_s, 0), 600),
                                    resolvedAt(onHost(u"b"_s, u"NodeDown"_s, u"db-1"_s, 30), 700),
                                    onHost(u"c"_s, u"DiskFull"_s, u"web-2"_s, 40),
                                    resolvedAt(onHost(u"d"_s, u"Probe"_s, u"lb-3"_s, 50), 5000)}));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.dropIncidentsEndedBefore(t0.addSecs(1000)), 1); // db-1 only
        QCOMPARE(model.rowCount(), 2);
        QStringList titles{model.index(0, 0).data().toString(), model.index(1, 0).data().toString()};
        titles.sort();
        QCOMPARE(titles, (QStringList{u"DiskFull"_s, u"Probe"_s}));
        QCOMPARE(model.dropIncidentsEndedBefore(t0.addDays(30)), 1); // the probe; DiskFull still fires
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), u"DiskFull"_s);
        QCOMPARE(model.dropIncidentsEndedBefore(t0.addDays(30)), 0);
    }

    void aStormIsOneLayoutChange()
    {
        IncidentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Alert> storm;
        for (int i = 0; i < 2000; ++i)
            storm.append(onHost(u"s"_s + QString::number(i), u"Storm"_s, u"h"_s + QString::number(i % 50), i / 10));
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.applyChanges(changes(storm));
        QCOMPARE(layout.count(), 1);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.rowCount(model.index(0, 0)), 40);
    }

    void mergeAndSplitRebuildTheRowsAndAskToKeepThePins()
    {
        IncidentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyChanges(
            changes({onHost(u"a"_s, u"HighLoad"_s, u"db-1"_s, 0), onHost(u"b"_s, u"NodeDown"_s, u"db-1"_s, 30),
                     onHost(u"c"_s, u"DiskFull"_s, u"web-2"_s, 40)}));
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy pins(&model, &IncidentTableModel::pinsChanged);
        QVERIFY(model.merge({model.index(0, 0), model.index(1, 0)}));
        QCOMPARE(pins.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 3);
        QVERIFY(!model.merge({model.index(0, 0)}));
        const QModelIndex member = model.index(2, 0, model.index(0, 0));
        QCOMPARE(member.data().toString(), u"DiskFull"_s);
        QVERIFY(model.split(member));
        QCOMPARE(pins.count(), 2);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.split(model.index(0, 0))); // not a member row
        QVERIFY(!model.pins().isEmpty());
    }

    void otherRulesRegroupWhatIsHeld()
    {
        IncidentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyChanges(
            changes({onHost(u"a"_s, u"HighLoad"_s, u"db-1"_s, 0), onHost(u"b"_s, u"NodeDown"_s, u"db-1"_s, 30)}));
        QCOMPARE(model.rowCount(), 1);
        IncidentRules none;
        none.scopes = {};
        model.setRules(none);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, 0).data().toString(), u"NodeDown"_s); // each keeps its alert
        QCOMPARE(model.index(0, 0, model.index(1, 0)).data().toString(), u"NodeDown"_s);
    }

    void replayedAndDemoAlertsStayOut()
    {
        IncidentTableModel model;
        Alert replayed = onHost(u"r"_s, u"Replay"_s, u"db-1"_s, 0);
        replayed.replay = true;
        model.applyChanges(changes({replayed}));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(IncidentTableModelTest)
#include "tst_incidenttablemodel.moc"
