#include "AlertBuilder.h"
#include "model/AlertMerge.h"

#include <QTest>

using namespace Qt::StringLiterals;
using AlertMerge::Outcome;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

Alert delivery(AlertState state, const QDateTime &startsAt, const QDateTime &endsAt = {})
{
    return AlertBuilder(u"f"_s)
        .state(state)
        .startsAt(startsAt)
        .endsAt(endsAt)
        .label(u"alertname"_s, u"X"_s)
        .summary(u"first"_s)
        .lastUpdate(t0.addSecs(5)); // arrival; the same for every delivery unless a test moves it
}

} // namespace

class TestAlertMerge : public QObject
{
    Q_OBJECT

private slots:
    void classify_data()
    {
        QTest::addColumn<Alert>("current");
        QTest::addColumn<Alert>("incoming");
        QTest::addColumn<Outcome>("outcome");
        const Alert firing = delivery(AlertState::Firing, t0);
        const Alert resolved = delivery(AlertState::Resolved, t0, t0.addSecs(60));
        Alert reworded = firing;
        reworded.annotations[u"summary"_s] = u"second"_s;

        QTest::newRow("retry of firing") << firing << firing << Outcome::Duplicate;
        QTest::newRow("retry of resolved") << resolved << resolved << Outcome::Duplicate;
        QTest::newRow("firing then resolved") << firing << resolved << Outcome::Resolved;
        QTest::newRow("late firing after resolved") << resolved << firing << Outcome::Stale;
        Alert resumedSoon = firing;
        resumedSoon.lastUpdate = resolved.lastUpdate.addSecs(AlertMerge::reopenAfterSeconds - 1);
        QTest::newRow("firing soon after the resolve is late") << resolved << resumedSoon << Outcome::Stale;
        Alert resumed = firing;
        resumed.lastUpdate = resolved.lastUpdate.addSecs(AlertMerge::reopenAfterSeconds);
        QTest::newRow("firing long after the resolve reopens") << resolved << resumed << Outcome::Reopened;
        QTest::newRow("fires again later")
            << resolved << delivery(AlertState::Firing, t0.addSecs(600)) << Outcome::NewOccurrence;
        QTest::newRow("older occurrence arrives late")
            << delivery(AlertState::Firing, t0.addSecs(600)) << resolved << Outcome::Stale;
        QTest::newRow("annotation changed while firing") << firing << reworded << Outcome::Updated;
    }

    void classify()
    {
        QFETCH(Alert, current);
        QFETCH(Alert, incoming);
        QFETCH(Outcome, outcome);
        QCOMPARE(AlertMerge::classify(&current, incoming), outcome);
    }

    void firstDeliveryIsNewEvenWhenResolved()
    {
        // A resolved alert never seen firing is still recorded.
        QCOMPARE(AlertMerge::classify(nullptr, delivery(AlertState::Resolved, t0, t0.addSecs(5))), Outcome::NewAlert);
    }

    void applyKeepsCountOfOccurrences()
    {
        Alert current = delivery(AlertState::Firing, t0);
        current.count = 1;
        const Alert resolved
            = AlertMerge::apply(current, delivery(AlertState::Resolved, t0, t0.addSecs(60)), Outcome::Resolved);
        QCOMPARE(resolved.state, AlertState::Resolved);
        QCOMPARE(resolved.count, 1);
        const Alert again
            = AlertMerge::apply(resolved, delivery(AlertState::Firing, t0.addSecs(600)), Outcome::NewOccurrence);
        QCOMPARE(again.state, AlertState::Firing);
        QCOMPARE(again.count, 2);
        QVERIFY(!again.endsAt.isValid());
        const Alert unchanged = AlertMerge::apply(again, resolved, Outcome::Stale);
        QCOMPARE(unchanged.state, AlertState::Firing);
        QCOMPARE(unchanged.startsAt, t0.addSecs(600));
        QVERIFY(AlertMerge::changesCurrent(Outcome::Updated));
        QVERIFY(!AlertMerge::changesCurrent(Outcome::Duplicate));
        QVERIFY(!AlertMerge::changesCurrent(Outcome::Stale));

        Alert resumed = delivery(AlertState::Firing, t0);
        resumed.lastUpdate = t0.addSecs(3600);
        const Alert reopened = AlertMerge::apply(resolved, resumed, Outcome::Reopened);
        QCOMPARE(reopened.state, AlertState::Firing);
        QCOMPARE(reopened.count, 1); // the same occurrence
        QVERIFY(!reopened.endsAt.isValid());
        QVERIFY(AlertMerge::changesCurrent(Outcome::Reopened));
    }
};

QTEST_GUILESS_MAIN(TestAlertMerge)
#include "tst_alertmerge.moc"
