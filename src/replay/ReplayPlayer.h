#pragma once

#include "replay/ReplaySource.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

// How a replay is paced against the original receive times.
struct ReplayTiming {
    double speed = 1.0; // ×1, ×10, ×60…; 0: as fast as possible
    // Quiet stretches longer than this are shortened to it (none: kept as they were).
    std::optional<std::chrono::milliseconds> idleGapLimit{};
    // As fast as possible: this many payloads may be on their way at once (a store
    // then commits them together).
    int inFlight = 1;
};

// What happened to one replayed payload.
struct ReplayOutcome {
    bool ok = false;
    QString message{}; // "HTTP 500: …", the store's refusal…
};

// Plays payloads one after the other at their original pacing (scaled by the speed,
// idle gaps optionally shortened), handing each to a delivery function and waiting
// for its outcome before the next. Pause, resume, step and stop; progress with the
// simulated clock and an ETA. Timers only: the event loop never blocks.
class ReplayPlayer final : public QObject
{
    Q_OBJECT

public:
    using Deliver = std::function<void(const ReplayItem &, std::function<void(const ReplayOutcome &)> done)>;
    enum class State { Ready, Playing, Paused, Finished, Stopped };

    ReplayPlayer(const QList<ReplayItem> &items, const ReplayTiming &timing, Deliver deliver,
                 QObject *parent = nullptr);

    void start();
    void pause();
    void resume();
    // While paused: sends the next payload now.
    void step();
    void stop();
    void setSpeed(double speed);

    State state() const { return m_state; }
    int total() const { return int(m_items.size()); }
    int sent() const { return m_sent; }
    int failed() const { return m_failed; }
    // The original time the replay has reached.
    QDateTime simulatedTime() const;
    // Until the last payload at this speed; none when going as fast as possible.
    std::optional<std::chrono::milliseconds> remaining() const;
    // The offsets from the first payload, idle gaps shortened (for tests and the dialog).
    const QList<qint64> &offsetsMs() const { return m_offsets; }

signals:
    void delivered(int index, const ReplayOutcome &outcome);
    void stateChanged(ReplayPlayer::State state);
    void finished();

private:
    void schedule();
    void deliverNext();
    void fillPipeline();
    void setState(State state);
    qint64 positionMs() const; // on the (shortened) original timeline

    QList<ReplayItem> m_items;
    QList<qint64> m_offsets;
    QDateTime m_origin; // the first payload's original time
    ReplayTiming m_timing;
    Deliver m_deliver;
    State m_state = State::Ready;
    int m_next = 0; // the next payload to send
    int m_sent = 0; // outcomes received
    int m_failed = 0;
    int m_inFlight = 0;
    QElapsedTimer m_wall;
    qint64 m_anchorWallMs = 0; // wall clock when the position was last known
    qint64 m_anchorPositionMs = 0;
    QTimer m_timer;
};
