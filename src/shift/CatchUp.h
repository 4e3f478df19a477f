#pragma once

#include "core/Result.h"
#include "model/Alert.h"
#include "model/AlertMute.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <functional>
#include <optional>

// What happened while the engineer was away (the screen locked, or AlertDeck not
// running): what fired, what resolved, what others silenced or acknowledged; the most
// urgent first (critical, then newest). Built from the alerts the window holds.
struct CatchUp {
    Q_DECLARE_TR_FUNCTIONS(CatchUp)

public:
    enum class Reason { ScreenLocked, NotRunning };
    enum class What {
        Fired, // started while away and still fires
        FiredAndCleared, // started and resolved while away: easy to miss
        Resolved, // started before, resolved while away
        // Fires, silenced or acknowledged by someone else while away (AlertMute::since within
        // [from, until]). A silence that began before, or whose start is unknown, is no news.
        MutedByOthers,
    };
    struct Entry {
        Alert alert;
        What what = What::Fired;
        AlertMute mute{};
    };

    QDateTime from;
    QDateTime until;
    Reason reason = Reason::ScreenLocked;
    QList<Entry> entries;

    bool isEmpty() const { return entries.isEmpty(); }
    int count(What what) const;
    // Critical alerts that fired and cleared while away: they stay until dismissed.
    bool hasClearedCriticals() const;

    // Away for less than this is no absence worth a card.
    static constexpr qint64 minimumAwaySeconds = 120;
    static constexpr qsizetype maxEntries = 500;

    // `me`: who this console silences as (their own silences are no news to them).
    static CatchUp build(const QList<Alert> &alerts, const std::function<AlertMute(const Alert &)> &muteOf,
                         const QDateTime &from, const QDateTime &until, Reason reason, const QString &me);
    // Joins a card not yet dismissed with a newer one (the same alert once, the newer state).
    static CatchUp merged(const CatchUp &older, const CatchUp &newer);

    // Kept in the data directory while it holds cleared criticals, so a restart keeps them.
    QByteArray toJson() const;
    static Result<CatchUp> fromJson(const QByteArray &json);
    // "While you were away (22:10 – 06:30)"
    QString title() const;
    static QString whatText(What what);
};

// When AlertDeck last ran, kept in a small file beside the store and refreshed while it
// runs, so the next start knows how long it was not running (also after a crash).
class LastSeenFile final
{
public:
    explicit LastSeenFile(const QString &dataDirectory);
    // When it was last written; invalid when never (or unreadable).
    QDateTime read() const;
    void write(const QDateTime &now) const;

    static constexpr int refreshSeconds = 60;

private:
    QString m_path;
};

// The card not yet dismissed, kept beside the store while it holds cleared criticals.
class CatchUpFile final
{
public:
    explicit CatchUpFile(const QString &dataDirectory);
    std::optional<CatchUp> read() const; // none: nothing kept (or unreadable)
    // Keeps it when it has cleared criticals; otherwise forgets what was kept.
    void keep(const CatchUp &catchUp) const;
    void forget() const;

    static constexpr qint64 maxBytes = 4 * 1024 * 1024;

private:
    QString m_path;
};
