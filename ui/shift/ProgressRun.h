#pragma once

#include "core/Background.h"

#include <QObject>
#include <QProgressBar>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

// One long read run off the UI thread with a progress bar and Cancel, as the shift
// reports build theirs. The worker only writes a number that a timer shows (nothing
// calls into a window that may be gone); a cancelled or superseded run's result is
// dropped.
class ProgressRun final : public QObject
{
public:
    // What the work calls between its steps: false once cancelled.
    using Progress = std::function<bool(int done, int total)>;

    explicit ProgressRun(QProgressBar *bar, QObject *parent = nullptr)
        : QObject(parent)
        , m_bar(bar)
    {
        m_timer.setInterval(100);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_progress)
                m_bar->setValue(m_progress->load());
        });
    }

    bool isRunning() const { return m_cancel != nullptr; }

    // Cancels a run in progress, then runs `work(progress)` on a worker thread and
    // `done(result)` here once it ends (unless cancelled or started again meanwhile).
    template<typename Work, typename Done> void start(Work work, Done done)
    {
        cancel();
        auto cancelled = std::make_shared<std::atomic<bool>>(false);
        auto progress = std::make_shared<std::atomic<int>>(0);
        m_cancel = cancelled;
        m_progress = progress;
        m_bar->setValue(0);
        m_timer.start();
        Background::run(
            this,
            [work = std::move(work), cancelled, progress] {
                return work(Progress([cancelled, progress](int step, int total) {
                    progress->store(total > 0 ? step * 100 / total : 0);
                    return !cancelled->load();
                }));
            },
            [this, cancelled, done = std::move(done)](const auto &result) {
                if (cancelled != m_cancel)
                    return; // an earlier run, cancelled meanwhile
                m_cancel.reset();
                m_timer.stop();
                done(result);
            });
    }

    // False when nothing was running.
    bool cancel()
    {
        if (!m_cancel)
            return false;
        m_cancel->store(true);
        m_cancel.reset();
        m_timer.stop();
        return true;
    }

private:
    QProgressBar *m_bar;
    QTimer m_timer;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<int>> m_progress;
};
