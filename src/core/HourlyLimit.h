#pragma once

#include <QDateTime>

#include <algorithm>
#include <deque>

// At most N starts in any hour (the automatic analyses and forwards of rules): a
// start is taken when fewer than N were taken in the last 60 minutes, and can be
// given back when it turned out to be unneeded.
class HourlyLimit final
{
public:
    // False (nothing taken) when the limit is reached.
    bool tryTake(int perHour, const QDateTime &now = QDateTime::currentDateTimeUtc())
    {
        forgetBefore(now.addSecs(-3600));
        if (int(m_starts.size()) >= perHour)
            return false;
        m_starts.push_back(now);
        return true;
    }
    // Undoes the latest tryTake() that succeeded.
    void giveBack()
    {
        if (!m_starts.empty())
            m_starts.pop_back();
    }
    int takenInLastHour(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        const QDateTime hourAgo = now.addSecs(-3600);
        return int(
            std::count_if(m_starts.cbegin(), m_starts.cend(), [&](const QDateTime &at) { return at > hourAgo; }));
    }

private:
    void forgetBefore(const QDateTime &hourAgo)
    {
        while (!m_starts.empty() && m_starts.front() <= hourAgo)
            m_starts.pop_front();
    }

    std::deque<QDateTime> m_starts; // oldest first
};
