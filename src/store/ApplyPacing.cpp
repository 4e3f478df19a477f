#include "store/ApplyPacing.h"

#include <algorithm>

void ApplyPacing::stored(qint64 lastId, qint64 nowMs)
{
    if (!m_marks.isEmpty() && m_marks.size() >= maxMarks) {
        m_marks.last().lastId = std::max(m_marks.last().lastId, lastId);
        return;
    }
    m_marks.append({lastId, nowMs});
}

void ApplyPacing::applied(qint64 appliedId, Milliseconds took)
{
    m_lastStepTook = took;
    qsizetype done = 0;
    while (done < m_marks.size() && m_marks.at(done).lastId <= appliedId)
        ++done;
    m_marks.remove(0, done);
}

ApplyPacing::Milliseconds ApplyPacing::lag(qint64 nowMs) const
{
    if (m_marks.isEmpty())
        return Milliseconds{0};
    return Milliseconds{std::max<qint64>(0, nowMs - m_marks.constFirst().storedAtMs)};
}

ApplyPacing::Milliseconds ApplyPacing::pauseBeforeNextStep(bool flowing, bool fullStepWaiting, qint64 nowMs) const
{
    if (!flowing || lag(nowMs) >= maxLag)
        return Milliseconds{0};
    const Milliseconds leaveRoom = busyPauseFactor * m_lastStepTook;
    return std::max(fullStepWaiting ? Milliseconds{0} : batchPause, leaveRoom);
}
