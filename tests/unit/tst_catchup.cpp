// "While you were away": what the card lists, in which order, and what is kept.
#include "AlertBuilder.h"
#include "shift/CatchUp.h"

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
            if (a.fingerprint == u"muted"_s)
                return {AlertMute::Kind::Silenced, u"alice"_s};
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
