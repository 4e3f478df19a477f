#include "logging/LogSafety.h"

using namespace Qt::StringLiterals;

namespace LogSafety {

QString clean(const QString &text, qsizetype maxChars)
{
    QString result;
    const qsizetype length = std::min(text.size(), maxChars);
    result.reserve(length + 16);
    for (qsizetype i = 0; i < length; ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u == u'\t' || (u >= 0x20 && u != 0x7f && !(u >= 0x80 && u < 0xa0) && u != 0x2028 && u != 0x2029)) {
            result += c;
        } else if (u == u'\n') {
            result += u"\\n"_s;
        } else if (u == u'\r') {
            result += u"\\r"_s;
        } else {
            result += u"\\x%1"_s.arg(int(u), 2, 16, QChar(u'0'));
        }
    }
    if (text.size() > maxChars)
        result += u" …[%1 more characters]"_s.arg(text.size() - maxChars);
    return result;
}

RateLimiter::RateLimiter(int burst, double perSecond)
    : m_burst(burst)
    , m_perSecond(perSecond)
{ }

bool RateLimiter::admit(const QString &key, qint64 nowMs, int *suppressed)
{
    const QMutexLocker locker(&m_mutex);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_burst), nowMs, 0});
    Bucket &bucket = *it;
    bucket.tokens = std::min<double>(m_burst, bucket.tokens + (nowMs - bucket.lastMs) / 1000.0 * m_perSecond);
    bucket.lastMs = nowMs;
    if (bucket.tokens < 1) {
        ++bucket.suppressed;
        return false;
    }
    bucket.tokens -= 1;
    *suppressed = std::exchange(bucket.suppressed, 0);
    return true;
}

} // namespace LogSafety
