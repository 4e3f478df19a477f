// Start-up with a large store (issue 23): builds a store of ALERTS distinct alerts, most
// of them resolved days ago, then starts the real headless binary on it and measures the
// time until its listener answers GET /healthz, its resident memory once the restore is
// over, one delivery for an alert that is on disk only, and (after it stopped) a search
// of the older history.
//
// Usage: alertdeck_store_startup_bench ALERTDECK_BINARY [ALERTS [FIRING]]
//        (defaults 1000000, 1000; KEEP=DIR builds the store there once and reuses it)

#include "model/AlertJson.h"
#include "store/AlertStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

Alert benchAlert(int i, AlertState state, const QDateTime &startsAt)
{
    static const QStringList names{u"PodCrashLooping"_s, u"KubePodNotReady"_s, u"HighErrorRate"_s, u"NodeDown"_s,
                                   u"CPUThrottlingHigh"_s};
    Alert alert;
    alert.source = u"alertmanager"_s;
    alert.fingerprint = u"%1"_s.arg(quint64(i) * 2654435761u, 16, 16, QLatin1Char('0'));
    alert.state = state;
    alert.name = names.at(i % names.size());
    alert.severityText = i % 3 == 0 ? u"critical"_s : u"warning"_s;
    alert.severity = severityFromText(alert.severityText);
    alert.labels.insert(u"alertname"_s, alert.name);
    alert.labels.insert(u"namespace"_s, u"team-%1"_s.arg(i % 53));
    alert.labels.insert(u"pod"_s, u"api-%1-7f9c%2"_s.arg(i % 997).arg(i, 6, 36, QLatin1Char('0')));
    alert.labels.insert(u"cluster"_s, u"prod-eu1"_s);
    alert.labels.insert(u"severity"_s, alert.severityText);
    alert.annotations.insert(u"summary"_s, u"Pod %1 is restarting"_s.arg(alert.labels.value(u"pod"_s)));
    alert.annotations.insert(u"runbook_url"_s, u"https://runbooks.example/%1"_s.arg(alert.name));
    alert.startsAt = startsAt;
    if (state == AlertState::Resolved)
        alert.endsAt = startsAt.addSecs(300);
    alert.lastUpdate = state == AlertState::Resolved ? alert.endsAt : startsAt;
    alert.generatorUrl = u"http://prometheus:9090/graph?g0.expr=up"_s;
    alert.receiver = u"alertdeck"_s;
    return alert;
}

bool buildStore(const QString &file, int alerts, int firing)
{
    {
        AlertStore store; // the real schema, and whatever indexes this version adds
        if (const Result<> opened = store.open(file); !opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
            return false;
        }
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bench"_s);
    db.setDatabaseName(file);
    if (!db.open())
        return false;
    {
        QSqlQuery query(db);
        query.exec(u"PRAGMA synchronous=OFF"_s);
        db.transaction();
        query.exec(u"INSERT INTO payloads (id, received_at_ms, path, format, headers, body, alert_count)"
                   " VALUES (1, 0, '/webhook/alertmanager', 'alertmanager', '{}', '{}', 1)"_s);
        QSqlQuery alert(db);
        QSqlQuery occurrence(db);
        alert.prepare(u"INSERT INTO alerts (source, fingerprint, data, last_payload_id) VALUES (?, ?, ?, 1)"_s);
        occurrence.prepare(u"INSERT INTO occurrences (source, fingerprint, starts_at_ms, ends_at_ms, resolved,"
                           " first_payload_id, last_payload_id) VALUES (?, ?, ?, ?, ?, 1, 1)"_s);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const int recentResolved = std::min(1000, alerts / 10);
        for (int i = 0; i < alerts; ++i) {
            // The history spreads over the 90 days before yesterday; the newest alerts
            // fire now or resolved within the last hours.
            const AlertState state = i < firing ? AlertState::Firing : AlertState::Resolved;
            const QDateTime startsAt = i < firing + recentResolved
                ? now.addSecs(-3600 - i % 36000)
                : now.addDays(-2).addSecs(-qint64(i) * 88 * 86400 / std::max(1, alerts));
            const Alert a = benchAlert(i, state, startsAt);
            alert.addBindValue(a.source);
            alert.addBindValue(a.fingerprint);
            alert.addBindValue(QString::fromUtf8(AlertJson::toJsonText(a)));
            occurrence.addBindValue(a.source);
            occurrence.addBindValue(a.fingerprint);
            occurrence.addBindValue(a.startsAt.toMSecsSinceEpoch());
            occurrence.addBindValue(a.endsAt.isValid() ? QVariant(a.endsAt.toMSecsSinceEpoch()) : QVariant());
            occurrence.addBindValue(state == AlertState::Resolved ? 1 : 0);
            if (!alert.exec() || !occurrence.exec()) {
                std::fprintf(stderr, "insert: %s\n", qPrintable(alert.lastError().text()));
                return false;
            }
        }
        db.commit();
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"bench"_s);
    return true;
}

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// The status code of one request, 0 when nothing answered.
int request(quint16 port, const QByteArray &text)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(100))
        return 0;
    socket.write(text);
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    const QList<QByteArray> parts = answer.split(' ');
    return parts.size() > 1 ? parts.at(1).toInt() : 0;
}

qint64 residentKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: %s ALERTDECK_BINARY [ALERTS [FIRING]]\n", argv[0]);
        return 2;
    }
    const QString binary = args.at(1);
    const int alerts = args.size() > 2 ? args.at(2).toInt() : 1'000'000;
    const int firing = args.size() > 3 ? args.at(3).toInt() : 1000;

    QTemporaryDir temporary;
    const QString keep = qEnvironmentVariable("KEEP");
    const QString dataDir = keep.isEmpty() ? temporary.path() : keep;
    QDir().mkpath(dataDir);
    const QString file = QDir(dataDir).filePath(u"alerts.sqlite"_s);
    QElapsedTimer timer;
    if (!QFile::exists(file)) {
        timer.start();
        if (!buildStore(file, alerts, firing))
            return 1;
        std::printf("built %d alerts (%d firing) in %.1f s, %.0f MiB\n", alerts, firing, timer.elapsed() / 1000.0,
                    QFileInfo(file).size() / 1048576.0);
    } else {
        std::printf("reusing %s (%.0f MiB)\n", qPrintable(file), QFileInfo(file).size() / 1048576.0);
    }

    const quint16 port = freePort();
    QProcess alertdeck;
    alertdeck.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_CONFIG_HOME"_s, QDir(dataDir).filePath(u"config"_s)); // no saved settings
    alertdeck.setProcessEnvironment(environment);
    timer.start();
    alertdeck.start(binary,
                    {u"--headless"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(port), u"--data-dir"_s, dataDir,
                     u"--log-level"_s, u"warning"_s, u"--profile"_s,
                     u"bench%1"_s.arg(QCoreApplication::applicationPid())});
    if (!alertdeck.waitForStarted()) {
        std::fprintf(stderr, "cannot start %s\n", qPrintable(binary));
        return 1;
    }
    const QByteArray health = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    while (request(port, health) != 200) {
        if (alertdeck.state() != QProcess::Running || timer.elapsed() > 120'000) {
            std::fprintf(stderr, "the listener never answered (%lld ms, exit code %d)\n", timer.elapsed(),
                         alertdeck.exitCode());
            return 1;
        }
        QThread::msleep(5);
    }
    const qint64 upMs = timer.elapsed();
    const qint64 rssAtUp = residentKiB(alertdeck.processId());
    QThread::sleep(3); // the restore batches and the first retention wait are over
    const qint64 rssSettled = residentKiB(alertdeck.processId());

    // A delivery for an alert resolved weeks ago (on disk only): it fires again.
    const Alert old = benchAlert(alerts - 1, AlertState::Firing, QDateTime::currentDateTimeUtc());
    const QByteArray body = R"({"version":"4","status":"firing","receiver":"alertdeck","alerts":[{"status":"firing",)"
                            R"("fingerprint":")"
        + old.fingerprint.toUtf8() + R"(","labels":{"alertname":")" + old.name.toUtf8()
        + R"("},"annotations":{},"startsAt":")" + old.startsAt.toString(Qt::ISODateWithMs).toUtf8()
        + R"(","endsAt":"0001-01-01T00:00:00Z"}]})";
    QElapsedTimer post;
    post.start();
    const int stored = request(port,
                               "POST /webhook/alertmanager HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                               "application/json\r\nConnection: close\r\nContent-Length: "
                                   + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const qint64 postMs = post.elapsed();
    alertdeck.terminate();
    alertdeck.waitForFinished(30'000);

    std::printf("listener answered %lld ms after start\n", upMs);
    std::printf("RSS when it answered: %lld MiB; 3 s later: %lld MiB\n", rssAtUp / 1024, rssSettled / 1024);
    std::printf("delivery for an alert on disk only: HTTP %d in %lld ms\n", stored, postMs);

    // The older history, searched as the filter bar's "Search older history" does.
    AlertStore store;
    if (store.open(file)) {
        for (const QString &text : {u"api-996"_s, u"no-such-word"_s, u"namespace=\"team-7\""_s}) {
            QElapsedTimer search;
            search.start();
            bool more = false;
            const Result<QList<Alert>> found = store.searchHistory(AlertFilter::parse(text).value(), 500, &more);
            std::printf("history search %-22s %4lld alerts%s in %lld ms\n", qPrintable(text),
                        found ? qint64(found->size()) : -1LL, more ? "+" : "", search.elapsed());
        }
    }
    return 0;
}
