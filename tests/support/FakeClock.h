#pragma once

#include <QDateTime>

#include <chrono>
#include <functional>

// "Now" for code under test that takes a clock (AlertTableModel::setClock,
// SilenceListModel::setClock): it stands still until the test sets or advances it, so
// durations and highlights are exact and never depend on how fast the machine is.
class FakeClock final
{
public:
    explicit FakeClock(const QDateTime &start)
        : m_now(start)
    { }
    // The function reads this clock: it must not outlive it.
    FakeClock(const FakeClock &) = delete;
    FakeClock &operator=(const FakeClock &) = delete;

    QDateTime now() const { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advance(std::chrono::seconds by) { m_now = m_now.addSecs(by.count()); }

    // What the production hooks take: reads this clock each time it is called.
    std::function<QDateTime()> function() const
    {
        return [this] { return m_now; };
    }

    // A clock that never moves, for a test that needs one fixed "now".
    static std::function<QDateTime()> stoppedAt(const QDateTime &now)
    {
        return [now] { return now; };
    }

private:
    QDateTime m_now;
};
