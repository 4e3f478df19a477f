#include "store/MemoryQueries.h"

#include "logging/LogCategories.h"
#include "model/AlertJson.h"
#include "store/SeenBeforeQuery.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString queryError(const QSqlQuery &query)
{
    return query.lastError().text();
}

Alert alertFromData(const QVariant &data)
{
    return AlertJson::fromJson(QJsonDocument::fromJson(data.toString().toUtf8()).object());
}

void bindKey(QSqlQuery &query, const OccurrenceKey &key)
{
    query.addBindValue(key.alert.source);
    query.addBindValue(key.alert.fingerprint);
    query.addBindValue(key.startsAtMs);
}

} // namespace

MemoryQueries::MemoryQueries(const QSqlDatabase &db)
    : m_db(db)
{ }

QStringList MemoryQueries::laterIndexStatements()
{
    // The occurrences that started an incident, one per incident: counting incidents over
    // 30 days reads these, not every occurrence.
    return {u"CREATE INDEX IF NOT EXISTS occurrences_anchoring ON occurrences(starts_at_ms) WHERE"
            " anchor_starts_at_ms = starts_at_ms AND anchor_source = source AND anchor_fingerprint = fingerprint"_s};
}

QStringList MemoryQueries::upgradeStatements(const QSqlDatabase &db)
{
    // Repeatable: a store that already has a part (a downgrade and upgrade again) keeps it.
    QStringList statements;
    QSqlQuery columns(db);
    // Each occurrence's incident: the occurrence that started it (NULL for history
    // written before schema 6).
    bool anchored = false;
    if (columns.exec(u"PRAGMA table_info(occurrences)"_s))
        while (columns.next())
            anchored = anchored || columns.value(1).toString() == u"anchor_source";
    if (!anchored)
        statements << u"ALTER TABLE occurrences ADD COLUMN anchor_source TEXT"_s
                   << u"ALTER TABLE occurrences ADD COLUMN anchor_fingerprint TEXT"_s
                   << u"ALTER TABLE occurrences ADD COLUMN anchor_starts_at_ms INTEGER"_s;
    for (const char *statement : {
             "CREATE INDEX IF NOT EXISTS occurrences_by_start ON occurrences(starts_at_ms)",
             "CREATE INDEX IF NOT EXISTS occurrences_by_anchor ON occurrences(anchor_starts_at_ms, anchor_source, "
             "anchor_fingerprint)",

             "CREATE TABLE IF NOT EXISTS occurrence_notes ("
             " source TEXT NOT NULL,"
             " fingerprint TEXT NOT NULL,"
             " starts_at_ms INTEGER NOT NULL,"
             " note TEXT NOT NULL,"
             " updated_at_ms INTEGER NOT NULL,"
             " PRIMARY KEY (source, fingerprint, starts_at_ms)) WITHOUT ROWID",
             "CREATE TABLE IF NOT EXISTS incident_pins ("
             " source TEXT NOT NULL,"
             " fingerprint TEXT NOT NULL,"
             " starts_at_ms INTEGER NOT NULL,"
             " anchor_source TEXT NOT NULL,"
             " anchor_fingerprint TEXT NOT NULL,"
             " anchor_starts_at_ms INTEGER NOT NULL,"
             " PRIMARY KEY (source, fingerprint, starts_at_ms)) WITHOUT ROWID",
             // The words of each alert (SeenBefore::indexedText), filled lazily after writes;
             // alert_word_rows gives each alert its full-text row id.
             "CREATE TABLE IF NOT EXISTS alert_word_rows ("
             " id INTEGER PRIMARY KEY,"
             " source TEXT NOT NULL,"
             " fingerprint TEXT NOT NULL,"
             " UNIQUE (source, fingerprint))",
             "CREATE VIRTUAL TABLE IF NOT EXISTS alert_words USING fts5(words)",
             // How many alerts have each word: words most alerts share are left out of a search.
             "CREATE VIRTUAL TABLE IF NOT EXISTS alert_words_vocabulary USING fts5vocab(alert_words, 'row')",
             // "alert name␟scope token" → alert, for "the same alert on the same target".
             "CREATE TABLE IF NOT EXISTS alert_scopes ("
             " token TEXT NOT NULL,"
             " source TEXT NOT NULL,"
             " fingerprint TEXT NOT NULL,"
             " PRIMARY KEY (token, source, fingerprint)) WITHOUT ROWID",
             "CREATE INDEX IF NOT EXISTS alert_scopes_by_alert ON alert_scopes(source, fingerprint)",
             // Where indexing stands: alerts are indexed in (last_payload_id, source,
             // fingerprint) order; `scopes` are the rules the scope tokens were made with.
             "CREATE TABLE IF NOT EXISTS word_index_state ("
             " id INTEGER PRIMARY KEY CHECK (id = 1),"
             " payload_id INTEGER NOT NULL,"
             " source TEXT NOT NULL,"
             " fingerprint TEXT NOT NULL,"
             " scopes TEXT NOT NULL)",
             "INSERT OR IGNORE INTO word_index_state VALUES (1, 0, '', '', '')",
             "CREATE INDEX IF NOT EXISTS alerts_by_payload ON alerts(last_payload_id)",
         })
        statements << QString::fromLatin1(statement);
    return statements;
}

Result<ResolutionNote> MemoryQueries::note(const OccurrenceKey &occurrence) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT note FROM occurrence_notes WHERE source = ? AND fingerprint = ? AND starts_at_ms = ?"_s);
    bindKey(query, occurrence);
    if (!query.exec())
        return Failure{queryError(query)};
    if (!query.next())
        return ResolutionNote{};
    return ResolutionNote::fromJson(query.value(0).toString().toUtf8());
}

Result<> MemoryQueries::saveNote(const QList<OccurrenceKey> &occurrences, const ResolutionNote &note,
                                 const QDateTime &now)
{
    if (const Result<> valid = note.validate(); !valid)
        return valid;
    if (!m_db.transaction())
        return Failure{m_db.lastError().text()};
    QSqlQuery query(m_db);
    // An empty note removes the one written before.
    if (note.isEmpty())
        query.prepare(u"DELETE FROM occurrence_notes WHERE source = ? AND fingerprint = ? AND starts_at_ms = ?"_s);
    else
        query.prepare(u"INSERT OR REPLACE INTO occurrence_notes (source, fingerprint, starts_at_ms, note,"
                      " updated_at_ms) VALUES (?, ?, ?, ?, ?)"_s);
    const QString json = QString::fromUtf8(note.toJson());
    for (const OccurrenceKey &occurrence : occurrences) {
        bindKey(query, occurrence);
        if (!note.isEmpty()) {
            query.addBindValue(json);
            query.addBindValue(now.toMSecsSinceEpoch());
        }
        if (!query.exec()) {
            const QString error = queryError(query);
            m_db.rollback();
            return Failure{error};
        }
    }
    if (!m_db.commit()) {
        const QString error = m_db.lastError().text();
        m_db.rollback();
        return Failure{error};
    }
    return {};
}

Result<MemoryQueries::Pins> MemoryQueries::pins() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT source, fingerprint, starts_at_ms, anchor_source, anchor_fingerprint,"
                    " anchor_starts_at_ms FROM incident_pins"_s))
        return Failure{queryError(query)};
    Pins pins;
    while (query.next())
        pins.insert({{query.value(0).toString(), query.value(1).toString()}, query.value(2).toLongLong()},
                    {{query.value(3).toString(), query.value(4).toString()}, query.value(5).toLongLong()});
    return pins;
}

Result<> MemoryQueries::savePins(const Pins &pins)
{
    if (!m_db.transaction())
        return Failure{m_db.lastError().text()};
    QSqlQuery clear(m_db);
    QSqlQuery insert(m_db);
    QSqlQuery move(m_db);
    insert.prepare(u"INSERT INTO incident_pins (source, fingerprint, starts_at_ms, anchor_source, anchor_fingerprint,"
                   " anchor_starts_at_ms) VALUES (?, ?, ?, ?, ?, ?)"_s);
    // The stored incident follows the pin, for the recurrence counts and the command line.
    move.prepare(u"UPDATE occurrences SET anchor_source = ?, anchor_fingerprint = ?, anchor_starts_at_ms = ?"
                 " WHERE source = ? AND fingerprint = ? AND starts_at_ms = ?"_s);
    bool ok = clear.exec(u"DELETE FROM incident_pins"_s);
    QSqlQuery *failed = &clear;
    for (auto it = pins.cbegin(); ok && it != pins.cend(); ++it) {
        bindKey(insert, it.key());
        bindKey(insert, it.value());
        bindKey(move, it.value());
        bindKey(move, it.key());
        ok = insert.exec();
        failed = &insert;
        if (ok) {
            ok = move.exec();
            failed = &move;
        }
    }
    if (!ok) {
        const QString error = queryError(*failed);
        m_db.rollback();
        return Failure{error};
    }
    if (!m_db.commit()) {
        const QString error = m_db.lastError().text();
        m_db.rollback();
        return Failure{error};
    }
    return {};
}

Result<> MemoryQueries::useScopes(const IncidentRules &rules)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE word_index_state SET payload_id = 0, source = '', fingerprint = '', scopes = ?"
                  " WHERE scopes <> ?"_s);
    query.addBindValue(rules.scopesText());
    query.addBindValue(rules.scopesText());
    if (!query.exec())
        return Failure{queryError(query)};
    return {};
}

Result<int> MemoryQueries::indexStep(int limit, const IncidentRules &rules)
{
    if (!m_db.transaction())
        return Failure{m_db.lastError().text()};
    auto fail = [this](const QSqlQuery &query) {
        const QString error = queryError(query);
        m_db.rollback();
        return Failure{error};
    };
    QSqlQuery state(m_db);
    if (!state.exec(u"SELECT payload_id, source, fingerprint FROM word_index_state WHERE id = 1"_s) || !state.next())
        return fail(state);
    QSqlQuery alerts(m_db);
    alerts.setForwardOnly(true);
    alerts.prepare(u"SELECT source, fingerprint, data, last_payload_id FROM alerts"
                   " WHERE (last_payload_id, source, fingerprint) > (?, ?, ?)"
                   " ORDER BY last_payload_id, source, fingerprint LIMIT ?"_s);
    alerts.addBindValue(state.value(0));
    alerts.addBindValue(state.value(1));
    alerts.addBindValue(state.value(2));
    alerts.addBindValue(limit);
    if (!alerts.exec())
        return fail(alerts);
    struct Row {
        AlertKey key;
        QVariant data;
        qint64 payloadId;
    };
    QList<Row> rows;
    while (alerts.next())
        rows.append(
            {{alerts.value(0).toString(), alerts.value(1).toString()}, alerts.value(2), alerts.value(3).toLongLong()});
    alerts.finish();
    if (rows.isEmpty()) {
        m_db.rollback();
        return 0;
    }

    const QList<IncidentRules::Scope> scopes = rules.compiledScopes();
    QSqlQuery addRow(m_db), rowId(m_db), oldWords(m_db), removeWords(m_db), addWords(m_db), removeScopes(m_db),
        addScope(m_db), advance(m_db);
    addRow.prepare(u"INSERT INTO alert_word_rows (source, fingerprint) VALUES (?, ?) ON CONFLICT DO NOTHING"_s);
    rowId.prepare(u"SELECT id FROM alert_word_rows WHERE source = ? AND fingerprint = ?"_s);
    oldWords.prepare(u"SELECT words FROM alert_words WHERE rowid = ?"_s);
    removeWords.prepare(u"DELETE FROM alert_words WHERE rowid = ?"_s);
    addWords.prepare(u"INSERT INTO alert_words (rowid, words) VALUES (?, ?)"_s);
    removeScopes.prepare(u"DELETE FROM alert_scopes WHERE source = ? AND fingerprint = ?"_s);
    addScope.prepare(u"INSERT OR IGNORE INTO alert_scopes (token, source, fingerprint) VALUES (?, ?, ?)"_s);
    for (const Row &row : std::as_const(rows)) {
        const Alert alert = alertFromData(row.data);
        const QString words = SeenBefore::indexedText(alert);
        for (QSqlQuery *query : {&addRow, &rowId}) {
            query->addBindValue(row.key.source);
            query->addBindValue(row.key.fingerprint);
            if (!query->exec())
                return fail(*query);
        }
        if (!rowId.next())
            return fail(rowId);
        const qint64 id = rowId.value(0).toLongLong();
        rowId.finish();
        oldWords.addBindValue(id);
        if (!oldWords.exec())
            return fail(oldWords);
        const bool had = oldWords.next();
        const bool same = had && oldWords.value(0).toString() == words;
        oldWords.finish();
        if (!same) {
            removeWords.addBindValue(id);
            if (had && !removeWords.exec())
                return fail(removeWords);
            addWords.addBindValue(id);
            addWords.addBindValue(words);
            if (!words.isEmpty() && !addWords.exec())
                return fail(addWords);
        }
        removeScopes.addBindValue(row.key.source);
        removeScopes.addBindValue(row.key.fingerprint);
        if (!removeScopes.exec())
            return fail(removeScopes);
        for (const QString &token : SeenBeforeQuery::nameScopeTokens(alert, scopes)) {
            addScope.addBindValue(token);
            addScope.addBindValue(row.key.source);
            addScope.addBindValue(row.key.fingerprint);
            if (!addScope.exec())
                return fail(addScope);
        }
    }
    advance.prepare(u"UPDATE word_index_state SET payload_id = ?, source = ?, fingerprint = ? WHERE id = 1"_s);
    advance.addBindValue(rows.constLast().payloadId);
    advance.addBindValue(rows.constLast().key.source);
    advance.addBindValue(rows.constLast().key.fingerprint);
    if (!advance.exec())
        return fail(advance);
    if (!m_db.commit()) {
        const QString error = m_db.lastError().text();
        m_db.rollback();
        return Failure{error};
    }
    return int(rows.size());
}

Result<QList<std::pair<Alert, OccurrenceKey>>> MemoryQueries::recentIncidentMembers(qint64 horizonMs, int limit) const
{
    QList<std::pair<Alert, OccurrenceKey>> members;
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT max(starts_at_ms) FROM occurrences"_s) || !query.next())
        return Failure{queryError(query)};
    if (query.value(0).isNull())
        return members;
    const qint64 since = query.value(0).toLongLong() - horizonMs;
    query.prepare(u"SELECT DISTINCT anchor_source, anchor_fingerprint, anchor_starts_at_ms FROM occurrences"
                  " WHERE starts_at_ms >= ? AND anchor_starts_at_ms IS NOT NULL LIMIT ?"_s);
    query.addBindValue(since);
    query.addBindValue(limit);
    if (!query.exec())
        return Failure{queryError(query)};
    QList<OccurrenceKey> anchors;
    while (query.next())
        anchors.append({{query.value(0).toString(), query.value(1).toString()}, query.value(2).toLongLong()});

    QSqlQuery memberQuery(m_db);
    memberQuery.setForwardOnly(true);
    memberQuery.prepare(
        u"SELECT o.source, o.fingerprint, o.starts_at_ms, o.ends_at_ms, o.resolved, a.data FROM occurrences o"
        " JOIN alerts a ON a.source = o.source AND a.fingerprint = o.fingerprint"
        " WHERE o.anchor_starts_at_ms = ? AND o.anchor_source = ? AND o.anchor_fingerprint = ? LIMIT ?"_s);
    QHash<AlertKey, Alert> parsed;
    for (const OccurrenceKey &anchor : std::as_const(anchors)) {
        if (members.size() >= limit)
            break;
        memberQuery.addBindValue(anchor.startsAtMs);
        memberQuery.addBindValue(anchor.alert.source);
        memberQuery.addBindValue(anchor.alert.fingerprint);
        memberQuery.addBindValue(limit - members.size());
        if (!memberQuery.exec())
            return Failure{queryError(memberQuery)};
        while (memberQuery.next()) {
            const AlertKey key{memberQuery.value(0).toString(), memberQuery.value(1).toString()};
            auto known = parsed.find(key);
            if (known == parsed.end())
                known = parsed.insert(key, alertFromData(memberQuery.value(5)));
            Alert alert = *known;
            alert.startsAt = QDateTime::fromMSecsSinceEpoch(memberQuery.value(2).toLongLong(), Qt::UTC);
            const bool resolved = memberQuery.value(4).toBool();
            alert.state = resolved ? AlertState::Resolved : AlertState::Firing;
            alert.endsAt = memberQuery.value(3).isNull()
                ? QDateTime()
                : QDateTime::fromMSecsSinceEpoch(memberQuery.value(3).toLongLong(), Qt::UTC);
            members.append({alert, anchor});
        }
    }
    std::stable_sort(members.begin(), members.end(), [](const auto &a, const auto &b) {
        return a.first.startsAt.toMSecsSinceEpoch() < b.first.startsAt.toMSecsSinceEpoch();
    });
    return members;
}

Result<> MemoryQueries::removeOrphans(const QList<AlertKey> &removedAlerts)
{
    QSqlQuery rowId(m_db), removeWords(m_db), removeRow(m_db), removeScopes(m_db);
    rowId.prepare(u"SELECT id FROM alert_word_rows WHERE source = ? AND fingerprint = ?"_s);
    removeWords.prepare(u"DELETE FROM alert_words WHERE rowid = ?"_s);
    removeRow.prepare(u"DELETE FROM alert_word_rows WHERE id = ?"_s);
    removeScopes.prepare(u"DELETE FROM alert_scopes WHERE source = ? AND fingerprint = ?"_s);
    for (const AlertKey &key : removedAlerts) {
        for (QSqlQuery *query : {&rowId, &removeScopes}) {
            query->addBindValue(key.source);
            query->addBindValue(key.fingerprint);
            if (!query->exec())
                return Failure{queryError(*query)};
        }
        if (!rowId.next())
            continue;
        const qint64 id = rowId.value(0).toLongLong();
        rowId.finish();
        for (QSqlQuery *query : {&removeWords, &removeRow}) {
            query->addBindValue(id);
            if (!query->exec())
                return Failure{queryError(*query)};
        }
    }
    // Notes and pins are written by hand, so there are few: a check of each is cheap.
    QSqlQuery query(m_db);
    for (const QString &table : {u"occurrence_notes"_s, u"incident_pins"_s}) {
        if (!query.exec(u"DELETE FROM %1 WHERE NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.source = %1.source"
                        " AND o.fingerprint = %1.fingerprint AND o.starts_at_ms = %1.starts_at_ms)"_s.arg(table)))
            return Failure{queryError(query)};
    }
    // Payload ids are reused when the newest payloads are gone: indexing goes back to
    // the newest one left, or it would skip alerts written with a reused id.
    if (!query.exec(u"UPDATE word_index_state SET payload_id = (SELECT coalesce(max(id), 0) FROM payloads),"
                    " source = '', fingerprint = '' WHERE payload_id > (SELECT coalesce(max(id), 0) FROM payloads)"_s))
        return Failure{queryError(query)};
    return {};
}

SeenBefore::Report MemoryQueries::seenBefore(const QList<Alert> &alerts, const IncidentRules &rules) const
{
    return SeenBeforeQuery(m_db, rules).run(alerts);
}
