// Replay benchmark: 100,000 payloads replayed as fast as possible into the console's
// replay session (the same parsers and store code as live traffic, its own SQLite
// file). Reports payloads per second, end to end: parse, store, commit, alerts out.
//
// Usage: alertdeck_replay_bench [PAYLOADS] [IN_FLIGHT]   (defaults 100000 and 512)

#include "replay/ReplayPlayer.h"
#include "replay/ReplaySession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 100'000;
    const int inFlight = args.size() > 2 ? args.at(2).toInt() : 512;

    // Stored payloads as history export gives them: one alert each, a few hundred
    // distinct alerts firing and resolving, one second apart.
    QList<ReplayItem> items;
    items.reserve(count);
    const QDateTime start = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        const bool resolved = (i / 500) % 2 == 1;
        const QByteArray body
            = u"{\"receiver\":\"bench\",\"status\":\"%1\",\"alerts\":[{\"status\":\"%1\",\"labels\":{\"alertname\":"
              "\"DiskFull\",\"instance\":\"host-%2:9100\",\"severity\":\"warning\"},\"annotations\":{\"summary\":"
              "\"Disk on host-%2 is 97% full\"},\"startsAt\":\"%3\",\"endsAt\":\"%4\",\"generatorURL\":"
              "\"http://prometheus:9090/graph\",\"fingerprint\":\"%5\"}],\"groupLabels\":{},\"commonLabels\":{},"
              "\"commonAnnotations\":{},\"externalURL\":\"http://alertmanager:9093\",\"version\":\"4\","
              "\"groupKey\":\"{}:{}\",\"truncatedAlerts\":0}"_s
                  .arg(resolved ? u"resolved"_s : u"firing"_s)
                  .arg(i % 500)
                  .arg(start.addSecs(i - i % 500).toString(Qt::ISODate),
                       resolved ? start.addSecs(i).toString(Qt::ISODate) : u"0001-01-01T00:00:00Z"_s)
                  .arg(QString::number(0xa000 + i % 500, 16))
                  .toUtf8();
        items.append({start.addSecs(i), u"/webhook/alertmanager"_s, body, {}, {}});
    }

    QTemporaryDir dir;
    ReplaySession session(dir.filePath(u"replay.sqlite"_s));
    qint64 changes = 0;
    QObject::connect(&session, &ReplaySession::alertsChanged, &app,
                     [&changes](const QList<AlertChange> &batch) { changes += batch.size(); });
    ReplayPlayer player(items, {0.0, {}, inFlight},
                        [&session](const ReplayItem &item, std::function<void(const ReplayOutcome &)> done) {
                            session.deliver(item, std::move(done));
                        });
    QElapsedTimer clock;
    QObject::connect(&player, &ReplayPlayer::finished, &app, [&] {
        const double seconds = clock.nsecsElapsed() / 1e9;
        std::printf("replayed %d payloads (%d refused) in %.2f s: %.0f payloads/s; %lld alert changes out\n",
                    player.sent(), player.failed(), seconds, player.sent() / seconds, changes);
        app.quit();
    });
    clock.start();
    player.start();
    return app.exec();
}
