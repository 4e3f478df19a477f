#include "replay/ReplayPlayer.h"

#include <QPointer>

#include <algorithm>
#include <cmath>

namespace {

QDateTime originalTime(const ReplayItem &item)
{
    return item.receivedAt.isValid() ? item.receivedAt : item.alertsStartAt;
}

} // namespace

ReplayPlayer::ReplayPlayer(const QList<ReplayItem> &items, const ReplayTiming &timing, Deliver deliver, QObject *parent)
    : QObject(parent)
    , m_items(items)
    , m_timing(timing)
    , m_deliver(std::move(deliver))
{
    // The timeline: original times (never going back), quiet stretches shortened.
    QDateTime previous;
    qint64 offset = 0;
    for (const ReplayItem &item : std::as_const(m_items)) {
        const QDateTime time = originalTime(item);
        if (!m_origin.isValid() && time.isValid())
            m_origin = time;
        if (previous.isValid() && time.isValid() && time > previous) {
            qint64 gap = previous.msecsTo(time);
            if (m_timing.idleGapLimit)
                gap = std::min<qint64>(gap, m_timing.idleGapLimit->count());
            offset += gap;
        }
        if (time.isValid() && (!previous.isValid() || time > previous))
            previous = time;
        m_offsets << offset;
    }
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReplayPlayer::fillPipeline);
    m_wall.start();
}

void ReplayPlayer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
    if (state == State::Finished || state == State::Stopped)
        emit finished();
}

qint64 ReplayPlayer::positionMs() const
{
    if (m_state != State::Playing || m_timing.speed <= 0)
        return m_anchorPositionMs;
    const qint64 moved = qint64(double(m_wall.elapsed() - m_anchorWallMs) * m_timing.speed);
    const qint64 next = m_next < m_offsets.size() ? m_offsets.at(m_next) : m_anchorPositionMs;
    return std::min(m_anchorPositionMs + moved, std::max(next, m_anchorPositionMs));
}

QDateTime ReplayPlayer::simulatedTime() const
{
    return m_origin.isValid() ? m_origin.addMSecs(positionMs()) : QDateTime();
}

std::optional<std::chrono::milliseconds> ReplayPlayer::remaining() const
{
    if (m_timing.speed <= 0 || m_offsets.isEmpty())
        return std::nullopt;
    const qint64 left = std::max<qint64>(0, m_offsets.constLast() - positionMs());
    return std::chrono::milliseconds(qint64(std::ceil(double(left) / m_timing.speed)));
}

void ReplayPlayer::start()
{
    if (m_state != State::Ready)
        return;
    if (m_items.isEmpty()) {
        setState(State::Finished);
        return;
    }
    m_anchorWallMs = m_wall.elapsed();
    m_anchorPositionMs = m_offsets.constFirst();
    setState(State::Playing);
    schedule();
}

void ReplayPlayer::pause()
{
    if (m_state != State::Playing)
        return;
    m_anchorPositionMs = positionMs();
    m_anchorWallMs = m_wall.elapsed();
    m_timer.stop();
    setState(State::Paused);
}

void ReplayPlayer::resume()
{
    if (m_state != State::Paused)
        return;
    m_anchorWallMs = m_wall.elapsed();
    setState(State::Playing);
    schedule();
}

void ReplayPlayer::step()
{
    if (m_state != State::Paused || m_inFlight > 0 || m_next >= m_items.size())
        return;
    m_anchorPositionMs = m_offsets.at(m_next);
    deliverNext();
}

void ReplayPlayer::stop()
{
    if (m_state == State::Finished || m_state == State::Stopped)
        return;
    m_timer.stop();
    setState(State::Stopped);
}

void ReplayPlayer::setSpeed(double speed)
{
    m_anchorPositionMs = positionMs();
    m_anchorWallMs = m_wall.elapsed();
    m_timing.speed = speed;
    if (m_state == State::Playing)
        schedule();
}

void ReplayPlayer::schedule()
{
    if (m_state != State::Playing)
        return;
    if (m_next >= m_items.size()) {
        if (m_inFlight == 0)
            setState(State::Finished);
        return;
    }
    if (m_timing.speed <= 0) {
        m_timer.start(0); // from the event loop: deliveries that answer at once never recurse
        return;
    }
    if (m_inFlight > 0)
        return;
    const qint64 due
        = m_anchorWallMs + qint64(std::ceil(double(m_offsets.at(m_next) - m_anchorPositionMs) / m_timing.speed));
    m_timer.start(int(std::max<qint64>(0, due - m_wall.elapsed())));
}

void ReplayPlayer::fillPipeline()
{
    if (m_timing.speed > 0) { // paced: the one payload that is due
        if (m_inFlight == 0)
            deliverNext();
        return;
    }
    const int limit = std::max(1, m_timing.inFlight);
    while (m_state == State::Playing && m_inFlight < limit && m_next < m_items.size())
        deliverNext();
}

void ReplayPlayer::deliverNext()
{
    if (m_next >= m_items.size())
        return;
    const int index = m_next++;
    ++m_inFlight;
    QPointer<ReplayPlayer> self(this);
    m_deliver(m_items.at(index), [self, index](const ReplayOutcome &outcome) {
        if (!self)
            return;
        --self->m_inFlight;
        ++self->m_sent;
        if (!outcome.ok)
            ++self->m_failed;
        // Keep to the original timeline: a slow delivery does not push the rest back.
        const qint64 reached = self->m_offsets.at(index);
        if (self->m_state != State::Playing || self->m_timing.speed <= 0 || self->positionMs() < reached) {
            self->m_anchorPositionMs = std::max(self->m_anchorPositionMs, reached);
            self->m_anchorWallMs = self->m_wall.elapsed();
        }
        emit self->delivered(index, outcome);
        if (!self)
            return;
        if (self->m_state == State::Playing)
            self->schedule();
        else if (self->m_state == State::Paused && self->m_sent >= self->m_items.size())
            self->setState(State::Finished);
    });
}
