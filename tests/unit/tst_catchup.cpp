// "While you were away": what the card lists, in which order, and what is kept.
#include "AlertBuilder.h"
#include "FakeHttpServer.h"
#include "alertmanager/AlertmanagerSync.h"
#include "shift/CatchUp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QDateTime from = QDateTime(QDate(2026, 12, 6), QTime(22, 0), QTimeZone::utc());
const QDateTime until = from.addSecs(8 * 3600);

Alert alert(const QString &fingerprint, Severity severity, const QDateTime &start, const QDateTime &end = {})
{
    Alert a = AlertBuilder(fingerprint).named(u"Alert-"_s + fingerprint).severity(severity).startsAt(start);
    if (end.isValid()) {
        a.state = AlertState::Resolved;
        a.endsAt = end;
    }
    return a;
}

QStringList order(const CatchUp &catchUp)
{
    QStringList list;
    for (const CatchUp::Entry &entry : catchUp.entries)
        list << entry.alert.fingerprint + u':' + CatchUp::whatText(entry.what);
    return list;
}

} // namespace

class CatchUpTest : public QObject
{
    Q_OBJECT

private slots:
    void listsWhatHappenedMostUrgentFirst()
    {
        const QList<Alert> alerts{
            alert(u"before"_s, Severity::Critical, from.addSecs(-600)), // fired before, still fires: no news
            alert(u"w-new"_s, Severity::Warning, from.addSecs(3600)),
            alert(u"c-cleared"_s, Severity::Critical, from.addSecs(600), from.addSecs(1200)),
            alert(u"c-new"_s, Severity::Critical, from.addSecs(7200)),
            alert(u"resolved"_s, Severity::Info, from.addSecs(-3600), from.addSecs(60)),
            alert(u"after"_s, Severity::Critical, until.addSecs(60)), // after coming back
            alert(u"old"_s, Severity::Critical, from.addDays(-2), from.addDays(-1)),
            alert(u"muted"_s, Severity::Warning, from.addSecs(-7200)),
            alert(u"mine"_s, Severity::Warning, from.addSecs(-7200)),
        };
        auto muteOf = [](const Alert &a) -> AlertMute {
            if (a.fingerprint == u"muted"_s) // silenced half an hour after leaving
                return {AlertMute::Kind::Silenced, u"alice"_s, until.addSecs(3600), false, {}, from.addSecs(1800)};
            if (a.fingerprint == u"mine"_s)
                return {AlertMute::Kind::Acknowledged, u"me"_s};
            return {};
        };
        const CatchUp catchUp = CatchUp::build(alerts, muteOf, from, until, CatchUp::Reason::ScreenLocked, u"me"_s);
        QCOMPARE(order(catchUp),
                 (QStringList{u"c-new:fired"_s, u"c-cleared:fired and cleared"_s, u"w-new:fired"_s,
                              u"muted:silenced by others"_s, u"resolved:resolved"_s}));
        QCOMPARE(catchUp.entries.at(3).mute.by, u"alice"_s);
        QCOMPARE(catchUp.count(CatchUp::What::Fired), 2);
        QVERIFY(catchUp.hasClearedCriticals());
        QVERIFY(catchUp.title().startsWith(u"While you were away"_s));
    }

    void onlySilencesOthersMadeWhileAwayAreNews()
    {
        const QList<Alert> alerts{
            alert(u"standing"_s, Severity::Critical, from.addSecs(-7200)), // bob silenced it before I left
            alert(u"new-silence"_s, Severity::Critical, from.addSecs(-7200)), // carol silenced it while away
            alert(u"mine"_s, Severity::Critical, from.addSecs(-7200)), // I silenced it (another console)
            alert(u"unknown"_s, Severity::Critical, from.addSecs(-7200)), // no start known
            alert(u"fired-under-old"_s, Severity::Warning, from.addSecs(600)), // fired into bob's old silence
        };
        auto muteOf = [](const Alert &a) -> AlertMute {
            const QDateTime end = until.addSecs(3600);
            if (a.fingerprint == u"new-silence"_s)
                return {AlertMute::Kind::Silenced, u"carol"_s, end, false, {}, from.addSecs(3600)};
            if (a.fingerprint == u"mine"_s)
                return {AlertMute::Kind::Acknowledged, u"me"_s, end, true, u"ack"_s, from.addSecs(3600)};
            if (a.fingerprint == u"unknown"_s)
                return {AlertMute::Kind::Silenced, u"dave"_s};
            return {AlertMute::Kind::Silenced, u"bob"_s, end, false, u"maintenance"_s, from.addSecs(-60)};
        };
        const CatchUp catchUp = CatchUp::build(alerts, muteOf, from, until, CatchUp::Reason::ScreenLocked, u"me"_s);
        QCOMPARE(order(catchUp), (QStringList{u"new-silence:silenced by others"_s, u"fired-under-old:fired"_s}));
        QCOMPARE(catchUp.entries.constFirst().mute.since, from.addSecs(3600));
        QVERIFY(!catchUp.entries.at(1).mute.isMuted());

        // The card kept across a restart keeps the silence's start; a file kept before it
        // was recorded still reads, its silenced entries as they were.
        const Result<CatchUp> back = CatchUp::fromJson(catchUp.toJson());
        QVERIFY(back);
        QCOMPARE(back->entries.constFirst().mute.since, from.addSecs(3600));
        QCOMPARE(back->entries.constFirst().mute.by, u"carol"_s);
        QJsonObject old = QJsonDocument::fromJson(catchUp.toJson()).object();
        QJsonArray entries = old.value(u"entries"_s).toArray();
        QJsonObject first = entries.at(0).toObject();
        first.remove(u"mutedSince"_s);
        entries.replace(0, first);
        old.insert(u"entries"_s, entries);
        const Result<CatchUp> older = CatchUp::fromJson(QJsonDocument(old).toJson());
        QVERIFY(older);
        QCOMPARE(order(*older), order(catchUp));
        QCOMPARE(older->entries.constFirst().mute.by, u"carol"_s);
        QVERIFY(!older->entries.constFirst().mute.since.isValid());
    }

    void aFakeAlertmanagersSilencesCountFromTheirStart()
    {
        // Alertmanager lists three firing alerts, each silenced: by bob before I left, by
        // carol while I was away, by me while I was away (from another console).
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        QJsonArray alerts;
        QJsonArray silences;
        const QList<std::tuple<QString, QString, QDateTime>> cases{
            {u"a1a1a1a1a1a1a1a1"_s, u"bob"_s, from.addSecs(-3600)},
            {u"b2b2b2b2b2b2b2b2"_s, u"carol"_s, from.addSecs(5400)},
            {u"c3c3c3c3c3c3c3c3"_s, u"me"_s, from.addSecs(5400)},
        };
        QList<Alert> firing;
        for (const auto &[fingerprint, author, startsAt] : cases) {
            const QString id = u"silence-"_s + author;
            alerts.append(QJsonObject{
                {u"fingerprint"_s, fingerprint},
                {u"labels"_s, QJsonObject{{u"alertname"_s, u"Disk-"_s + author}, {u"severity"_s, u"critical"_s}}},
                {u"annotations"_s, QJsonObject{}},
                {u"startsAt"_s, from.addSecs(-7200).toString(Qt::ISODateWithMs)},
                {u"updatedAt"_s, until.toString(Qt::ISODateWithMs)},
                {u"endsAt"_s, until.addSecs(600).toString(Qt::ISODateWithMs)},
                {u"status"_s,
                 QJsonObject{{u"state"_s, u"suppressed"_s},
                             {u"silencedBy"_s, QJsonArray{id}},
                             {u"inhibitedBy"_s, QJsonArray{}}}}});
            silences.append(QJsonObject{{u"id"_s, id},
                                        {u"status"_s, QJsonObject{{u"state"_s, u"active"_s}}},
                                        // Renewed in place a minute ago: updatedAt moves, startsAt does not.
                                        {u"updatedAt"_s, until.addSecs(-60).toString(Qt::ISODateWithMs)},
                                        {u"startsAt"_s, startsAt.toString(Qt::ISODateWithMs)},
                                        {u"endsAt"_s, until.addSecs(3600).toString(Qt::ISODateWithMs)},
                                        {u"createdBy"_s, author},
                                        {u"comment"_s, u"ack"_s},
                                        {u"matchers"_s,
                                         QJsonArray{QJsonObject{{u"name"_s, u"alertname"_s},
                                                                {u"value"_s, u"Disk-"_s + author},
                                                                {u"isRegex"_s, false},
                                                                {u"isEqual"_s, true}}}}});
            Alert shown = alert(fingerprint, Severity::Critical, from.addSecs(-7200));
            shown.name = u"Disk-"_s + author;
            firing << shown;
        }
        alertmanager.route("/api/v2/alerts", {200, QJsonDocument(alerts).toJson()});
        alertmanager.route("/api/v2/silences", {200, QJsonDocument(silences).toJson()});
        AlertmanagerSync sync(nullptr, [firing] { return firing; });
        sync.setEndpoints({{alertmanager.url()}});
        QSignalSpy synced(&sync, &AlertmanagerSync::synced);
        sync.syncNow();
        QVERIFY(synced.wait(10'000));
        const QHash<QString, AlertMute> mutes = sync.mutes();
        QCOMPARE(mutes.value(u"b2b2b2b2b2b2b2b2"_s).since, from.addSecs(5400));

        const CatchUp catchUp = CatchUp::build(
            firing, [&mutes](const Alert &a) { return mutes.value(a.fingerprint); }, from, until,
            CatchUp::Reason::ScreenLocked, u"me"_s);
        QCOMPARE(order(catchUp), QStringList{u"b2b2b2b2b2b2b2b2:silenced by others"_s});
        QCOMPARE(catchUp.entries.constFirst().mute.by, u"carol"_s);
    }

    void replayedAlertsAreNoNews()
    {
        Alert replayed = alert(u"r"_s, Severity::Critical, from.addSecs(60));
        replayed.replay = true;
        QVERIFY(CatchUp::build({replayed}, {}, from, until, CatchUp::Reason::NotRunning, {}).isEmpty());
    }

    void aNewerCardJoinsTheOneNotDismissed()
    {
        const CatchUp older = CatchUp::build({alert(u"a"_s, Severity::Critical, from.addSecs(60), from.addSecs(120))},
                                             {}, from, from.addSecs(3600), CatchUp::Reason::ScreenLocked, {});
        const CatchUp newer = CatchUp::build({alert(u"b"_s, Severity::Warning, until.addSecs(-60))}, {},
                                             from.addSecs(7200), until, CatchUp::Reason::ScreenLocked, {});
        const CatchUp joined = CatchUp::merged(older, newer);
        QCOMPARE(joined.from, from);
        QCOMPARE(joined.until, until);
        QCOMPARE(order(joined), (QStringList{u"a:fired and cleared"_s, u"b:fired"_s}));
    }

    void clearedCriticalsAreKeptAcrossARestartUntilDismissed()
    {
        QTemporaryDir dir;
        const CatchUpFile file(dir.path());
        QVERIFY(!file.read());
        const CatchUp warningsOnly = CatchUp::build({alert(u"w"_s, Severity::Warning, from.addSecs(60))}, {}, from,
                                                    until, CatchUp::Reason::NotRunning, {});
        file.keep(warningsOnly);
        QVERIFY(!file.read()); // nothing that must not be missed

        Alert hostile = alert(u"c"_s, Severity::Critical, from.addSecs(60), from.addSecs(90));
        hostile.name = u"<b>Evil</b>\u001b[2J"_s;
        const CatchUp critical = CatchUp::build({hostile}, {}, from, until, CatchUp::Reason::NotRunning, {});
        file.keep(critical);
        const std::optional<CatchUp> kept = file.read();
        QVERIFY(kept);
        QCOMPARE(kept->from, from);
        QCOMPARE(kept->reason, CatchUp::Reason::NotRunning);
        QCOMPARE(order(*kept), order(critical));
        QCOMPARE(kept->entries.constFirst().alert.name, hostile.name);
        file.forget();
        QVERIFY(!file.read());
    }

    void badKeptFilesAreIgnored()
    {
        QVERIFY(!CatchUp::fromJson("not json"));
        QVERIFY(!CatchUp::fromJson("{\"from\":\"yesterday\"}"));
    }

    void lastSeenRoundTrips()
    {
        QTemporaryDir dir;
        const LastSeenFile file(dir.path());
        QVERIFY(!file.read().isValid());
        file.write(until);
        QCOMPARE(file.read(), until);
    }
};

QTEST_GUILESS_MAIN(CatchUpTest)
#include "tst_catchup.moc"
