#include "core/TerminationSignalWatcher.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

class TestTerminationSignalWatcher : public QObject
{
    Q_OBJECT

private slots:
    void deliversSigtermAndSigintOnEventLoop()
    {
        TerminationSignalWatcher watcher;
        QSignalSpy spy(&watcher, &TerminationSignalWatcher::terminationRequested);
        std::raise(SIGTERM);
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), SIGTERM);
        std::raise(SIGINT);
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(0).toInt(), SIGINT);
    }

    void canBeRecreated()
    {
        // Destruction restores the handlers and frees the pipe for the next instance.
        for (int i = 0; i < 2; ++i) {
            TerminationSignalWatcher watcher;
            QSignalSpy spy(&watcher, &TerminationSignalWatcher::terminationRequested);
            std::raise(SIGTERM);
            QTRY_COMPARE(spy.size(), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestTerminationSignalWatcher)
#include "tst_terminationsignalwatcher.moc"
