#include "context/TimeRange.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(TimeRange)
};
} // namespace

TimeRange TimeRange::custom(const QDateTime &start, const QDateTime &end)
{
    TimeRange range;
    range.kind = Kind::Custom;
    range.customStart = std::min(start, end).toUTC();
    range.customEnd = std::max(start, end).toUTC();
    return range;
}

qint64 TimeRange::lastSeconds() const
{
    switch (kind) {
    case Kind::Last15Minutes: return 15 * 60;
    case Kind::LastHour: return 3600;
    case Kind::Last6Hours: return 6 * 3600;
    case Kind::Last24Hours: return 24 * 3600;
    case Kind::AroundAlert:
    case Kind::Custom: break;
    }
    return 0;
}

QString TimeRange::text() const
{
    switch (kind) {
    case Kind::AroundAlert: return Text::tr("Around the alert");
    case Kind::Last15Minutes: return Text::tr("Last 15 minutes");
    case Kind::LastHour: return Text::tr("Last hour");
    case Kind::Last6Hours: return Text::tr("Last 6 hours");
    case Kind::Last24Hours: return Text::tr("Last 24 hours");
    case Kind::Custom: break;
    }
    const QLocale locale;
    const QDateTime start = customStart.toLocalTime();
    const QDateTime end = customEnd.toLocalTime();
    const QString endText = start.date() == end.date() ? locale.toString(end.time(), QLocale::ShortFormat)
                                                       : locale.toString(end, QLocale::ShortFormat);
    return Text::tr("Custom: %1 – %2").arg(locale.toString(start, QLocale::ShortFormat), endText);
}
