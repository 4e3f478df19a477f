#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// What an engineer wrote down after fixing something: the cause, the action taken, a
// link (a runbook, a ticket) and free text. Stored with the occurrence, shown in "seen
// before", and given to the next analysis of a similar alert as prior evidence.
struct ResolutionNote {
    Q_DECLARE_TR_FUNCTIONS(ResolutionNote)

public:
    static constexpr qsizetype maxFieldCharacters = 2000;
    static constexpr qsizetype maxTextCharacters = 20'000;

    QString cause;
    QString action;
    QString link; // http(s) only
    QString text;
    QDateTime writtenAt;

    bool isEmpty() const { return cause.isEmpty() && action.isEmpty() && link.isEmpty() && text.isEmpty(); }
    // Names what is wrong (a link that is not http(s), a field too long), or nothing.
    Result<> validate() const;
    // "Cause: … Action: …" on one line, for a prompt or a list (no link, no free text).
    QString summary() const;

    // {"cause","action","link","text","writtenAt"}; read back within the bounds above.
    QByteArray toJson() const;
    static Result<ResolutionNote> fromJson(const QByteArray &json);

    friend bool operator==(const ResolutionNote &, const ResolutionNote &) = default;
};
