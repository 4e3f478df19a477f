// When the store takes its next apply step: in step with the senders while the machine
// has room, leaving the listener room while they keep it busy, and never further
// behind them than ApplyPacing::maxLag.

#include "store/ApplyPacing.h"

#include <QTest>

using namespace std::chrono_literals;

class TestApplyPacing : public QObject
{
    Q_OBJECT

private slots:
    void idleStepsFollowEachOtherAtOnce()
    {
        ApplyPacing pacing;
        pacing.stored(10, 0);
        pacing.applied(5, 80ms);
        QCOMPARE(pacing.pauseBeforeNextStep(false, false, 100), 0ms);
        QCOMPARE(pacing.pauseBeforeNextStep(false, true, 100), 0ms);
    }

    void whileDeliveriesFlowASmallBacklogWaitsToTakeMore()
    {
        ApplyPacing pacing;
        pacing.stored(3, 0);
        QCOMPARE(pacing.pauseBeforeNextStep(true, false, 1), ApplyPacing::batchPause);
        // A full step waiting, after steps too short to matter: at once.
        pacing.applied(1, 0ms);
        QCOMPARE(pacing.pauseBeforeNextStep(true, true, 1), 0ms);
    }

    void aLongStepLeavesTheListenerRoom()
    {
        ApplyPacing pacing;
        pacing.stored(1000, 0);
        pacing.applied(500, 60ms);
        QCOMPARE(pacing.pauseBeforeNextStep(true, true, 60), ApplyPacing::busyPauseFactor * 60ms);
        // The batching pause when it is the longer one.
        pacing.applied(600, 10ms);
        QCOMPARE(pacing.pauseBeforeNextStep(true, false, 70), ApplyPacing::batchPause);
        QCOMPARE(pacing.pauseBeforeNextStep(true, true, 70), ApplyPacing::busyPauseFactor * 10ms);
    }

    void theLagIsTheAgeOfTheOldestUnappliedBatch()
    {
        ApplyPacing pacing;
        QCOMPARE(pacing.lag(1000), 0ms);
        pacing.stored(10, 1000);
        pacing.stored(20, 1500);
        pacing.stored(30, 2000);
        QCOMPARE(pacing.lag(4000), 3000ms);
        pacing.applied(5, 1ms); // the first batch is only partly applied
        QCOMPARE(pacing.lag(4000), 3000ms);
        pacing.applied(15, 1ms);
        QCOMPARE(pacing.lag(4000), 2500ms);
        pacing.applied(20, 1ms);
        QCOMPARE(pacing.lag(4000), 2000ms);
        pacing.applied(30, 1ms);
        QCOMPARE(pacing.lag(4000), 0ms);
        QCOMPARE(pacing.marks(), 0);
    }

    void atTheMaximumLagStepsRunBackToBack()
    {
        ApplyPacing pacing;
        pacing.stored(100, 0);
        pacing.applied(50, 200ms);
        const qint64 justBefore = ApplyPacing::maxLag.count() - 1;
        QCOMPARE(pacing.pauseBeforeNextStep(true, true, justBefore), ApplyPacing::busyPauseFactor * 200ms);
        QCOMPARE(pacing.pauseBeforeNextStep(true, true, ApplyPacing::maxLag.count()), 0ms);
        QCOMPARE(pacing.pauseBeforeNextStep(true, false, ApplyPacing::maxLag.count() + 5000), 0ms);
    }

    void marksStayBoundedAndTheOldestStaysExact()
    {
        // Applying stalled (a failing disk) while senders go on: memory does not grow.
        ApplyPacing pacing;
        for (qint64 batch = 1; batch <= 10 * ApplyPacing::maxMarks; ++batch)
            pacing.stored(batch, 7 + batch);
        QCOMPARE(pacing.marks(), ApplyPacing::maxMarks);
        QCOMPARE(pacing.lag(1008), 1000ms);
        pacing.applied(10 * ApplyPacing::maxMarks - 1, 1ms); // the newest mark covers the rest
        QCOMPARE(pacing.marks(), 1);
        pacing.applied(10 * ApplyPacing::maxMarks, 1ms);
        QCOMPARE(pacing.lag(1'000'000), 0ms);
    }
};

QTEST_APPLESS_MAIN(TestApplyPacing)
#include "tst_applypacing.moc"
