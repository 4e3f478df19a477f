#include "core/Background.h"
#include "core/HourlyLimit.h"
#include "core/Result.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

class TestCoreUtilities : public QObject
{
    Q_OBJECT

private slots:
    void resultHoldsAValueOrAFailure()
    {
        const Result<int> answer = 42;
        QVERIFY(answer.ok());
        QVERIFY(bool(answer));
        QCOMPARE(*answer, 42);
        QCOMPARE(answer.valueOr(7), 42);

        const Result<int> refused = Failure{u"the port is taken"_s};
        QVERIFY(!refused);
        QCOMPARE(refused.error(), u"the port is taken"_s);
        QCOMPARE(refused.valueOr(7), 7);

        // A failure passes up unchanged, into a result of another type.
        const Result<> passedOn = refused.failure();
        QVERIFY(!passedOn);
        QCOMPARE(passedOn.error(), u"the port is taken"_s);
        QVERIFY(Result<>().ok());

        // A QString value is a value, never mistaken for an error message.
        const Result<QString> text = u"hello"_s;
        QVERIFY(text.ok());
        QCOMPARE(text.value(), u"hello"_s);
        QVERIFY(!Result<QString>(Failure{u"no"_s}));
    }

    void hourlyLimitTakesAtMostNInAnyHour()
    {
        HourlyLimit limit;
        const QDateTime start = QDateTime::fromString(u"2026-12-06T10:00:00Z"_s, Qt::ISODate);
        QVERIFY(limit.tryTake(2, start));
        QVERIFY(limit.tryTake(2, start.addSecs(600)));
        QVERIFY(!limit.tryTake(2, start.addSecs(1200)));
        QCOMPARE(limit.takenInLastHour(start.addSecs(1200)), 2);
        // An hour after the first start, its slot is free again; the second is not.
        QVERIFY(limit.tryTake(2, start.addSecs(3600)));
        QVERIFY(!limit.tryTake(2, start.addSecs(3601)));
        QCOMPARE(limit.takenInLastHour(start.addSecs(4200)), 1);
    }

    void hourlyLimitGivesBackTheLatestStart()
    {
        HourlyLimit limit;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(limit.tryTake(1, now));
        QVERIFY(!limit.tryTake(1, now));
        limit.giveBack();
        QCOMPARE(limit.takenInLastHour(now), 0);
        QVERIFY(limit.tryTake(1, now));
        limit.giveBack();
        limit.giveBack(); // nothing left to give back: no effect
        QCOMPARE(limit.takenInLastHour(now), 0);
    }

    void backgroundWorkAnswersOnTheReceiversThread()
    {
        QObject receiver;
        std::optional<int> answer;
        Qt::HANDLE workThread = nullptr;
        Qt::HANDLE answerThread = nullptr;
        Background::run(
            &receiver,
            [&workThread] {
                workThread = QThread::currentThreadId();
                return 42;
            },
            [&](int value) {
                answerThread = QThread::currentThreadId();
                answer = value;
            });
        QVERIFY(!answer); // never inline
        QTRY_COMPARE(answer, std::optional<int>(42));
        QVERIFY(workThread != QThread::currentThreadId());
        QCOMPARE(answerThread, QThread::currentThreadId());
    }

    void backgroundWorkForAGoneReceiverAnswersNobody()
    {
        QSemaphore release;
        QSemaphore finished;
        bool answered = false;
        {
            QObject receiver;
            Background::run(
                &receiver,
                [&] {
                    release.acquire();
                    finished.release();
                    return 1;
                },
                [&](int) { answered = true; });
        } // the receiver is gone before the work ends
        release.release();
        QVERIFY(finished.tryAcquire(1, 5000));
        // Any answer would be queued by now; let the event loop deliver it if it were.
        QObject later;
        bool laterAnswered = false;
        Background::run(
            &later, [] { return 2; }, [&](int) { laterAnswered = true; });
        QTRY_VERIFY(laterAnswered);
        QVERIFY(!answered);
    }

    void runOnAnswersOnlyAReceiverThatLives()
    {
        QThread workerThread;
        QObject worker;
        worker.moveToThread(&workerThread);
        workerThread.start();
        auto stop = qScopeGuard([&] {
            workerThread.quit();
            workerThread.wait();
        });

        QObject receiver;
        std::optional<Qt::HANDLE> ranOn;
        bool answered = false;
        Background::runOn(
            &worker, &receiver, [] { return QThread::currentThreadId(); },
            [&](Qt::HANDLE thread) {
                ranOn = thread;
                answered = true;
            });
        QTRY_VERIFY(answered);
        QVERIFY(*ranOn != QThread::currentThreadId());

        bool goneAnswered = false;
        {
            QObject gone;
            Background::runOn(
                &worker, &gone, [] { return 1; }, [&](int) { goneAnswered = true; });
        }
        answered = false;
        Background::runOn(
            &worker, &receiver, [] { return 2; }, [&](int) { answered = true; });
        QTRY_VERIFY(answered); // queued behind the first: that one had its turn
        QVERIFY(!goneAnswered);
    }
};

QTEST_GUILESS_MAIN(TestCoreUtilities)
#include "tst_coreutilities.moc"
