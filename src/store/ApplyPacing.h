#pragma once

#include <QList>

#include <chrono>

// When the store thread takes its next apply step. Applying a payload (alerts,
// occurrences, incident anchors, the payload copied into the store, and the table and
// incident views after it) costs more CPU than receiving and journaling it. With
// senders keeping the machine busy, applying in step with them would take the CPU the
// listener needs to answer them, so while deliveries flow a step leaves room after it:
// the next one waits `busyPauseFactor` times as long as it took (applying then takes
// at most about a seventh of a core). Payloads wait durable in the journal meanwhile;
// the table falls behind the senders, never by more than `maxLag`: beyond it, steps run
// back to back again and the senders are answered at the rate applying keeps up with.
// Idle, or with little to apply, steps follow each other at once.
//
// Times are milliseconds of a monotonic clock the caller reads (tests pass their own).
class ApplyPacing final
{
public:
    using Milliseconds = std::chrono::milliseconds;

    static constexpr Milliseconds batchPause{100};
    static constexpr int busyPauseFactor = 6;
    static constexpr Milliseconds maxLag{10'000};
    // From this lag on the user is told the table is catching up.
    static constexpr Milliseconds noticeableLag{1000};

    // Payloads up to `lastId` became durable at `nowMs`.
    void stored(qint64 lastId, qint64 nowMs);
    // Everything up to `appliedId` is applied; the step took `took`.
    void applied(qint64 appliedId, Milliseconds took);
    // How long the oldest payload not yet applied has waited (0 when none waits).
    Milliseconds lag(qint64 nowMs) const;
    // The pause before the next step. `flowing`: deliveries keep coming;
    // `fullStepWaiting`: at least a step's worth waits.
    Milliseconds pauseBeforeNextStep(bool flowing, bool fullStepWaiting, qint64 nowMs) const;

    // Marks of stored batches kept to tell the lag; beyond this, the newest mark
    // takes later batches too (the oldest, which tells the lag, stays exact).
    static constexpr qsizetype maxMarks = 2048;
    qsizetype marks() const { return m_marks.size(); }

private:
    struct Mark {
        qint64 lastId = 0;
        qint64 storedAtMs = 0; // of the first payload it covers
    };
    QList<Mark> m_marks; // oldest first
    Milliseconds m_lastStepTook{0};
};
