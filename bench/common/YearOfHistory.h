#pragma once

// A year of alert history for the report benches: `total` occurrences of `alerts` alerts
// (50 rules, skewed so that a few are noisy) written straight into a store in one
// transaction, and 200 Alertmanager silences over the same year.

#include "alertmanager/AlertmanagerApi.h"
#include "store/AlertStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <cstdio>
#include <sys/resource.h>

namespace YearOfHistory {

inline long peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// False when the store could not be created.
inline bool write(const QString &path, qint64 total, int alerts, const QDateTime &end)
{
    using namespace Qt::StringLiterals;
    const qint64 yearMs = 365LL * 86400 * 1000;
    {
        AlertStore store; // the schema
        if (!store.open(path))
            return false;
    }
    QElapsedTimer clock;
    clock.start();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bulk"_s);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery query(db);
        query.exec(u"PRAGMA synchronous=OFF"_s);
        db.transaction();
        query.prepare(u"INSERT INTO alerts (source, fingerprint, data, last_payload_id) VALUES (?, ?, ?, 0)"_s);
        const QStringList severities{u"critical"_s, u"warning"_s, u"info"_s};
        for (int i = 0; i < alerts; ++i) {
            const QString rule = u"Rule%1"_s.arg(i % 50);
            const QString severity = severities.at(i % 3);
            query.addBindValue(u"alertmanager"_s);
            query.addBindValue(u"fp%1"_s.arg(i, 8, 10, QChar(u'0')));
            query.addBindValue(
                u"{\"name\":\"%1\",\"severity\":\"%2\",\"state\":\"firing\",\"labels\":{\"alertname\":\"%1\","
                "\"severity\":\"%2\",\"instance\":\"host-%3:9100\"},\"annotations\":{\"summary\":\"s\"}}"_s
                    .arg(rule, severity)
                    .arg(i));
            query.exec();
        }
        query.prepare(u"INSERT OR IGNORE INTO occurrences (source, fingerprint, starts_at_ms, ends_at_ms, resolved,"
                      " first_payload_id, last_payload_id) VALUES ('alertmanager', ?, ?, ?, ?, 0, 0)"_s);
        QRandomGenerator random(42);
        for (qint64 n = 0; n < total; ++n) {
            // Skewed: low alert numbers fire far more often (a few noisy rules).
            const int alert = int(std::min<quint64>(alerts - 1, random.bounded(alerts) * random.bounded(1.0)));
            const qint64 start = end.toMSecsSinceEpoch() - qint64(random.bounded(double(yearMs)));
            const bool resolved = random.bounded(100) >= 2;
            const qint64 duration = 60'000 + qint64(random.bounded(7'200'000.0));
            query.addBindValue(u"fp%1"_s.arg(alert, 8, 10, QChar(u'0')));
            query.addBindValue(start);
            query.addBindValue(resolved ? QVariant(start + duration) : QVariant(QMetaType::fromType<qint64>()));
            query.addBindValue(resolved ? 1 : 0);
            query.exec();
        }
        db.commit();
        query = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"bulk"_s);
    std::printf("stored %lld occurrences of %d alerts in %.1f s\n", total, alerts, clock.elapsed() / 1000.0);

    return true;
}

// Groups the occurrences into incidents as the store's correlator would record them (its
// anchor columns): those that start in the same 10 minutes on the same fifth of the hosts
// are one incident, anchored at the first of them (about 4 members each).
inline bool anchorIncidents(const QString &path)
{
    using namespace Qt::StringLiterals;
    QElapsedTimer clock;
    clock.start();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"anchors"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery read(db);
            read.setForwardOnly(true);
            read.exec(u"PRAGMA synchronous=OFF"_s);
            db.transaction();
            QSqlQuery update(db);
            update.prepare(u"UPDATE occurrences SET anchor_source = 'alertmanager', anchor_fingerprint = ?,"
                           " anchor_starts_at_ms = ? WHERE source = 'alertmanager' AND fingerprint = ?"
                           " AND starts_at_ms = ?"_s);
            QHash<QString, std::pair<QString, qint64>> anchors; // group → its first occurrence
            ok = read.exec(u"SELECT fingerprint, starts_at_ms FROM occurrences ORDER BY starts_at_ms"_s);
            while (ok && read.next()) {
                const QString fingerprint = read.value(0).toString();
                const qint64 start = read.value(1).toLongLong();
                const QString group = u"%1/%2"_s.arg(start / 600'000).arg(QStringView(fingerprint).mid(2).toInt() % 5);
                const auto anchor
                    = anchors.contains(group) ? anchors.value(group) : *anchors.insert(group, {fingerprint, start});
                update.addBindValue(anchor.first);
                update.addBindValue(anchor.second);
                update.addBindValue(fingerprint);
                update.addBindValue(start);
                ok = update.exec();
            }
            ok = db.commit() && ok;
            read = QSqlQuery();
            update = QSqlQuery();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(u"anchors"_s);
    std::printf("anchored incidents in %.1f s\n", clock.elapsed() / 1000.0);
    return ok;
}

inline QList<Silence> silences(const QDateTime &end)
{
    using namespace Qt::StringLiterals;
    QList<Silence> silences;
    for (int i = 0; i < 200; ++i) {
        Silence silence;
        silence.matchers = {{u"alertname"_s, u"Rule%1"_s.arg(i % 50)}, {u"instance"_s, u"host-%1:9100"_s.arg(i * 7)}};
        silence.startsAt = end.addSecs(-qint64(i) * 3 * 3600);
        silence.endsAt = silence.startsAt.addSecs(4 * 3600);
        silence.createdBy = u"bench"_s;
        silence.comment = i % 2 ? u"ack"_s : u"maintenance"_s;
        silences << silence;
    }
    return silences;
}

} // namespace YearOfHistory
