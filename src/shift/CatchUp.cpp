#include "shift/CatchUp.h"

#include "model/AlertJson.h"
#include "model/AlertKey.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool within(const QDateTime &time, const QDateTime &from, const QDateTime &until)
{
    return time.isValid() && time >= from && time <= until;
}

void sortByUrgency(QList<CatchUp::Entry> &entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const CatchUp::Entry &a, const CatchUp::Entry &b) {
        if (a.alert.severity != b.alert.severity)
            return a.alert.severity < b.alert.severity;
        return a.alert.startsAt > b.alert.startsAt;
    });
}

QString whatName(CatchUp::What what)
{
    switch (what) {
    case CatchUp::What::Fired: return u"fired"_s;
    case CatchUp::What::FiredAndCleared: return u"fired-and-cleared"_s;
    case CatchUp::What::Resolved: return u"resolved"_s;
    case CatchUp::What::MutedByOthers: return u"muted"_s;
    }
    return {};
}

} // namespace

int CatchUp::count(What what) const
{
    return int(std::count_if(entries.cbegin(), entries.cend(), [what](const Entry &e) { return e.what == what; }));
}

bool CatchUp::hasClearedCriticals() const
{
    return std::any_of(entries.cbegin(), entries.cend(), [](const Entry &e) {
        return e.what == What::FiredAndCleared && e.alert.severity == Severity::Critical;
    });
}

CatchUp CatchUp::build(const QList<Alert> &alerts, const std::function<AlertMute(const Alert &)> &muteOf,
                       const QDateTime &from, const QDateTime &until, Reason reason, const QString &me)
{
    CatchUp catchUp{from, until, reason, {}};
    for (const Alert &alert : alerts) {
        if (!alert.inLiveStore())
            continue;
        const bool resolved = alert.state == AlertState::Resolved;
        const bool started = within(alert.startsAt, from, until);
        const bool ended = resolved && within(alert.endsAt, from, until);
        std::optional<What> what;
        AlertMute mute;
        if (started && ended)
            what = What::FiredAndCleared;
        else if (started && !resolved)
            what = What::Fired;
        else if (ended)
            what = What::Resolved;
        if (!resolved && muteOf) {
            mute = muteOf(alert);
            const bool byOthers = (mute.kind == AlertMute::Kind::Silenced || mute.kind == AlertMute::Kind::Acknowledged)
                && mute.by != me;
            // A silence that stood before the engineer left (a maintenance window, a
            // colleague's acknowledgement of yesterday) is no news on return.
            if (byOthers && within(mute.since, from, until))
                what = What::MutedByOthers;
            else
                mute = {};
        }
        if (what)
            catchUp.entries.append({alert, *what, mute});
    }
    sortByUrgency(catchUp.entries);
    if (catchUp.entries.size() > maxEntries)
        catchUp.entries.resize(maxEntries);
    return catchUp;
}

CatchUp CatchUp::merged(const CatchUp &older, const CatchUp &newer)
{
    CatchUp result = newer;
    result.from = std::min(older.from, newer.from);
    QHash<AlertKey, int> seen;
    for (int i = 0; i < result.entries.size(); ++i)
        seen.insert(AlertKey::of(result.entries.at(i).alert), i);
    for (const Entry &entry : older.entries)
        if (!seen.contains(AlertKey::of(entry.alert)))
            result.entries.append(entry);
    sortByUrgency(result.entries);
    if (result.entries.size() > maxEntries)
        result.entries.resize(maxEntries);
    return result;
}

QByteArray CatchUp::toJson() const
{
    QJsonArray list;
    for (const Entry &entry : entries) {
        QJsonObject object{{u"what"_s, whatName(entry.what)}, {u"alert"_s, AlertJson::toJson(entry.alert)}};
        if (entry.mute.isMuted()) {
            object.insert(u"mutedBy"_s, entry.mute.by);
            if (entry.mute.since.isValid())
                object.insert(u"mutedSince"_s, entry.mute.since.toUTC().toString(Qt::ISODateWithMs));
        }
        list.append(object);
    }
    return QJsonDocument(QJsonObject{{u"from"_s, from.toString(Qt::ISODateWithMs)},
                                     {u"until"_s, until.toString(Qt::ISODateWithMs)},
                                     {u"reason"_s, reason == Reason::NotRunning ? u"not-running"_s : u"locked"_s},
                                     {u"entries"_s, list}})
        .toJson(QJsonDocument::Compact);
}

Result<CatchUp> CatchUp::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError)
        return Failure{tr("The kept catch-up card is not valid JSON: %1").arg(error.errorString())};
    CatchUp catchUp;
    catchUp.from = QDateTime::fromString(object.value(u"from"_s).toString(), Qt::ISODateWithMs);
    catchUp.until = QDateTime::fromString(object.value(u"until"_s).toString(), Qt::ISODateWithMs);
    if (!catchUp.from.isValid() || !catchUp.until.isValid())
        return Failure{tr("The kept catch-up card has no valid time span.")};
    catchUp.reason
        = object.value(u"reason"_s).toString() == u"not-running"_s ? Reason::NotRunning : Reason::ScreenLocked;
    const QJsonArray list = object.value(u"entries"_s).toArray();
    for (const QJsonValue &value : list) {
        if (catchUp.entries.size() >= maxEntries)
            break;
        const QJsonObject item = value.toObject();
        Entry entry;
        entry.alert = AlertJson::fromJson(item.value(u"alert"_s).toObject());
        const QString what = item.value(u"what"_s).toString();
        for (What candidate : {What::Fired, What::FiredAndCleared, What::Resolved, What::MutedByOthers})
            if (whatName(candidate) == what)
                entry.what = candidate;
        // Files kept before "mutedSince" existed still read: the start stays unknown.
        if (item.contains(u"mutedBy"_s)) {
            entry.mute = {AlertMute::Kind::Silenced, item.value(u"mutedBy"_s).toString()};
            entry.mute.since = QDateTime::fromString(item.value(u"mutedSince"_s).toString(), Qt::ISODateWithMs);
        }
        if (!entry.alert.fingerprint.isEmpty())
            catchUp.entries.append(entry);
    }
    return catchUp;
}

QString CatchUp::title() const
{
    const QLocale locale;
    const QString span = tr("%1 – %2").arg(locale.toString(from.toLocalTime(), QLocale::ShortFormat),
                                           locale.toString(until.toLocalTime(), QLocale::ShortFormat));
    return reason == Reason::NotRunning ? tr("While AlertDeck was not running (%1)").arg(span)
                                        : tr("While you were away (%1)").arg(span);
}

QString CatchUp::whatText(What what)
{
    switch (what) {
    case What::Fired: return tr("fired");
    case What::FiredAndCleared: return tr("fired and cleared");
    case What::Resolved: return tr("resolved");
    case What::MutedByOthers: return tr("silenced by others");
    }
    return {};
}

LastSeenFile::LastSeenFile(const QString &dataDirectory)
    : m_path(QDir(dataDirectory).filePath(u"last-seen"_s))
{ }

QDateTime LastSeenFile::read() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QDateTime::fromString(QString::fromLatin1(file.read(64)).trimmed(), Qt::ISODateWithMs);
}

void LastSeenFile::write(const QDateTime &now) const
{
    QSaveFile file(m_path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(now.toUTC().toString(Qt::ISODateWithMs).toLatin1());
        file.commit();
    }
}

CatchUpFile::CatchUpFile(const QString &dataDirectory)
    : m_path(QDir(dataDirectory).filePath(u"catch-up.json"_s))
{ }

std::optional<CatchUp> CatchUpFile::read() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxBytes)
        return std::nullopt;
    Result<CatchUp> catchUp = CatchUp::fromJson(file.readAll());
    if (!catchUp || catchUp->isEmpty())
        return std::nullopt;
    return std::move(catchUp).value();
}

void CatchUpFile::keep(const CatchUp &catchUp) const
{
    if (!catchUp.hasClearedCriticals()) {
        forget();
        return;
    }
    QSaveFile file(m_path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(catchUp.toJson());
        file.commit();
    }
}

void CatchUpFile::forget() const
{
    QFile::remove(m_path);
}
