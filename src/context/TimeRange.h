#pragma once

#include <QDateTime>
#include <QString>

// The time range the Metrics and Logs tabs show, chosen by the engineer: around
// the alert (the default: from before its start to now while it fires, to a while
// after its end once resolved), the last 15 minutes … 24 hours, or a custom span
// (picked, or dragged on a chart).
struct TimeRange {
    enum class Kind { AroundAlert, Last15Minutes, LastHour, Last6Hours, Last24Hours, Custom };

    Kind kind = Kind::AroundAlert;
    QDateTime customStart{}; // Custom only
    QDateTime customEnd{};

    static TimeRange custom(const QDateTime &start, const QDateTime &end);
    // The length of a "last …" range in seconds; 0 for the others.
    qint64 lastSeconds() const;
    // Short words for a picker: "Last hour", "Custom: 10:05 – 10:20".
    QString text() const;

    friend bool operator==(const TimeRange &a, const TimeRange &b)
    {
        return a.kind == b.kind
            && (a.kind != Kind::Custom || (a.customStart == b.customStart && a.customEnd == b.customEnd));
    }
};
