#pragma once

#include <QFutureWatcher>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

// Work that must not run on the caller's thread, and whose answer is only wanted
// while the one who asked still exists. Both helpers call `done(result)` on the
// receiver's thread, and never once the receiver is destroyed.
namespace Background {

// Runs `work()` on Qt's global thread pool. Call from `receiver`'s thread.
template<typename Work, typename Done> void run(QObject *receiver, Work work, Done done)
{
    using Result = std::invoke_result_t<Work>;
    // A child of the receiver: destroyed with it, it delivers nothing.
    auto *watcher = new QFutureWatcher<Result>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

// Runs `work()` on `worker`'s thread (e.g. the store thread, which owns a database
// connection), then `done(result)` on `receiver`'s thread.
template<typename Work, typename Done> void runOn(QObject *worker, QObject *receiver, Work work, Done done)
{
    using Result = std::invoke_result_t<Work>;
    QMetaObject::invokeMethod(
        worker,
        [guard = QPointer<QObject>(receiver), work = std::move(work), done = std::move(done)]() mutable {
            Result result = work();
            if (!guard)
                return;
            QMetaObject::invokeMethod(
                guard.data(),
                [guard, result = std::move(result), done = std::move(done)]() mutable {
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace Background
