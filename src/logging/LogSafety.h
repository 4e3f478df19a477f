#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <chrono>

// Log lines carry text that clients choose (paths, statuses, error details). Before a
// line is written it is made safe: one line per message (control characters such as
// CR, LF and ESC are shown as escapes, so nobody can forge a line or drive the
// terminal), bounded in length, and repeated messages of a category are rate-limited.
namespace LogSafety {

inline constexpr qsizetype maxMessageChars = 2000;

// `text` with every control character (but tab) written as \n, \r or \xNN, and cut to
// `maxChars` with a note of how much was left out.
QString clean(const QString &text, qsizetype maxChars = maxMessageChars);

// A token bucket per key (a category and a level): `burst` messages at once, then
// `perSecond` on average. Thread-safe.
class RateLimiter final
{
public:
    RateLimiter(int burst, double perSecond);
    // True when a message under `key` may be written now. When some were dropped
    // before it, `suppressed` says how many.
    bool admit(const QString &key, qint64 nowMs, int *suppressed);

private:
    struct Bucket {
        double tokens = 0;
        qint64 lastMs = 0;
        int suppressed = 0;
    };
    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    int m_burst;
    double m_perSecond;
};

} // namespace LogSafety
