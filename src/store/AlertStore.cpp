#include "store/AlertStore.h"

#include "incidents/IncidentCorrelator.h"
#include "logging/LogCategories.h"
#include "model/AlertJson.h"
#include "store/DataDirectory.h"
#include "store/MemoryQueries.h"
#include "store/PayloadJournal.h"
#include "store/WorkingSetQueries.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "AlertStore" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(AlertStore)
};

QVariant msecs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

// Never NULL: a null QString binds as SQL NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(u""_s) : QVariant(value);
}

QDateTime fromMsecs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString queryError(const QSqlQuery &query)
{
    return query.lastError().text();
}

// Schema 2 on top of schema 1: the same statements upgrade an existing store.
const char *const analysesStatements[] = {
    "CREATE TABLE IF NOT EXISTS analyses ("
    " id INTEGER PRIMARY KEY,"
    " source TEXT NOT NULL,"
    " fingerprint TEXT NOT NULL,"
    " starts_at_ms INTEGER,"
    " created_at_ms INTEGER NOT NULL,"
    " duration_ms INTEGER NOT NULL,"
    " model TEXT NOT NULL,"
    " prompt_hash TEXT NOT NULL,"
    " outcome TEXT NOT NULL,"
    " error TEXT NOT NULL,"
    " content TEXT NOT NULL,"
    " reasoning TEXT NOT NULL,"
    " prompt_tokens INTEGER NOT NULL,"
    " completion_tokens INTEGER NOT NULL,"
    " automatic INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS analyses_by_alert ON analyses(source, fingerprint, created_at_ms)",
};

// Schema 3: the forward log.
const char *const forwardsStatements[] = {
    "CREATE TABLE IF NOT EXISTS forwards ("
    " id INTEGER PRIMARY KEY,"
    " source TEXT NOT NULL,"
    " fingerprint TEXT NOT NULL,"
    " starts_at_ms INTEGER,"
    " sent_at_ms INTEGER NOT NULL,"
    " destination_id TEXT NOT NULL,"
    " destination_name TEXT NOT NULL,"
    " tool TEXT NOT NULL,"
    " ok INTEGER NOT NULL,"
    " message TEXT NOT NULL,"
    " automatic INTEGER NOT NULL,"
    " with_analysis INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS forwards_by_alert ON forwards(source, fingerprint, sent_at_ms)",
};

// Schema 4: each analysis keeps the evidence it saw and its hypotheses (JSON; empty for
// analyses stored before). Not repeatable, so only run on a store older than 4.
const char *const evidenceStatements[] = {
    "ALTER TABLE analyses ADD COLUMN evidence TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE analyses ADD COLUMN hypotheses TEXT NOT NULL DEFAULT ''",
};

// Schema 5: each analysis keeps its conversation (follow-up questions, tool calls; JSON,
// empty for analyses stored before). Only run on a store older than 5.
const char *const conversationStatements[] = {
    "ALTER TABLE analyses ADD COLUMN conversation TEXT NOT NULL DEFAULT ''",
};

const char *const schemaStatements[] = {
    "CREATE TABLE payloads ("
    " id INTEGER PRIMARY KEY,"
    " received_at_ms INTEGER NOT NULL,"
    " path TEXT NOT NULL,"
    " format TEXT NOT NULL,"
    " headers TEXT NOT NULL,"
    " body BLOB NOT NULL,"
    " truncated_alerts INTEGER NOT NULL DEFAULT 0,"
    " alert_count INTEGER NOT NULL)",
    "CREATE INDEX payloads_by_time ON payloads(received_at_ms)",
    "CREATE TABLE alerts ("
    " source TEXT NOT NULL,"
    " fingerprint TEXT NOT NULL,"
    " data TEXT NOT NULL,"
    " last_payload_id INTEGER NOT NULL,"
    " PRIMARY KEY (source, fingerprint)) WITHOUT ROWID",
    "CREATE TABLE occurrences ("
    " source TEXT NOT NULL,"
    " fingerprint TEXT NOT NULL,"
    " starts_at_ms INTEGER NOT NULL,"
    " ends_at_ms INTEGER,"
    " resolved INTEGER NOT NULL,"
    " first_payload_id INTEGER NOT NULL,"
    " last_payload_id INTEGER NOT NULL,"
    " PRIMARY KEY (source, fingerprint, starts_at_ms)) WITHOUT ROWID",
};

} // namespace

struct AlertStore::Statements {
    explicit Statements(const QSqlDatabase &db)
        : insertPayload(db)
        , occurrence(db)
        , upsertAlert(db)
        , findAlert(db)
        , markApplied(db)
    { }
    bool prepare()
    {
        // A payload from the journal keeps its id (and is there already when applied again).
        return insertPayload.prepare(u"INSERT OR IGNORE INTO payloads (id, received_at_ms, path, format, headers, "
                                     "body, truncated_alerts, alert_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s)
            // One row per (alert, startsAt). A resolved state is turned back into firing
            // only when the occurrence is reopened (the last two parameters).
            // The incident anchor is written with a new occurrence and never changed here.
            && occurrence.prepare(u"INSERT INTO occurrences (source, fingerprint, starts_at_ms, ends_at_ms, resolved, "
                                  "first_payload_id, last_payload_id, anchor_source, anchor_fingerprint, "
                                  "anchor_starts_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                  "ON CONFLICT (source, fingerprint, starts_at_ms) DO UPDATE SET "
                                  " ends_at_ms = CASE WHEN ? THEN NULL WHEN excluded.resolved THEN excluded.ends_at_ms "
                                  "  ELSE ends_at_ms END,"
                                  " resolved = CASE WHEN ? THEN 0 ELSE max(resolved, excluded.resolved) END,"
                                  " last_payload_id = excluded.last_payload_id"_s)
            && upsertAlert.prepare(
                u"INSERT INTO alerts (source, fingerprint, data, last_payload_id) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (source, fingerprint) DO UPDATE SET data = excluded.data, "
                "last_payload_id = excluded.last_payload_id"_s)
            && findAlert.prepare(u"SELECT data FROM alerts WHERE source = ? AND fingerprint = ?"_s)
            && markApplied.prepare(u"UPDATE ingest_state SET applied_payload_id = ? WHERE id = 1"_s);
    }

    QSqlQuery insertPayload;
    QSqlQuery occurrence;
    QSqlQuery upsertAlert;
    QSqlQuery findAlert; // by primary key: an alert outside the working set
    QSqlQuery markApplied;
};

AlertStore::AlertStore()
{
    static QAtomicInteger<int> counter;
    m_connectionName = u"alertdeck-store-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

AlertStore::~AlertStore()
{
    m_statements.reset(); // queries before their connection
    m_memory.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QStringList AlertStore::filesOf(const QString &storePath)
{
    const QString journal = PayloadJournal::pathFor(storePath);
    return {storePath, storePath + u"-wal"_s, storePath + u"-shm"_s, journal, journal + u"-wal"_s, journal + u"-shm"_s};
}

bool AlertStore::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

Result<> AlertStore::open(const QString &filePath)
{
    // Payloads and analyses are for the owner only, whatever the umask: a new store is
    // created 0600 before SQLite opens it (its -wal and -shm files take that mode).
    const bool created = DataDirectory::createPrivateFile(filePath);
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(filePath);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
    if (!m_db.open()) {
        if (created)
            QFile::remove(filePath);
        return Failure{Text::tr("Cannot open the alert store %1: %2").arg(filePath, m_db.lastError().text())};
    }

    // Read-only checks first: nothing may be written to a file that is not ours.
    if (const Result<> owned = checkOwnership(); !owned) {
        m_db.close();
        return Failure{
            Text::tr("The alert store %1 cannot be used: %2 It was left untouched.").arg(filePath, owned.error())};
    }
    // A store an earlier version wrote under a lax umask becomes private before anything is written.
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        if (!DataDirectory::restrictToOwner(filePath + suffix))
            qCWarning(lcStore).noquote() << "cannot make" << filePath + suffix << "private to its owner";
    QSqlQuery pragma(m_db);
    // auto_vacuum takes effect only in a new file, and only before the switch to WAL
    // writes its header: retention then gives space back in small steps instead of a
    // VACUUM that rewrites the whole file. In an existing file it changes nothing.
    for (const char *statement : {"PRAGMA auto_vacuum=INCREMENTAL", "PRAGMA journal_mode=WAL",
                                  "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (!pragma.exec(QLatin1String(statement)))
            return Failure{Text::tr("Cannot configure the alert store %1: %2").arg(filePath, queryError(pragma))};
    }
    if (const Result<> created = createSchema(); !created)
        return Failure{Text::tr("Cannot initialise the alert store %1: %2").arg(filePath, created.error())};
    if (const Result<> indexed = createWorkingSetIndex(); !indexed)
        return Failure{Text::tr("Cannot initialise the alert store %1: %2").arg(filePath, indexed.error())};
    if (const Result<> created = createIngestState(); !created)
        return Failure{Text::tr("Cannot initialise the alert store %1: %2").arg(filePath, created.error())};
    if (const Result<> loaded = loadCurrentAlerts(); !loaded)
        return Failure{Text::tr("Cannot read the alert store %1: %2").arg(filePath, loaded.error())};
    m_statements = std::make_unique<Statements>(m_db);
    if (!m_statements->prepare())
        return Failure{Text::tr("Cannot prepare the alert store %1: %2").arg(filePath, m_db.lastError().text())};
    m_memory = std::make_unique<MemoryQueries>(m_db);
    qCInfo(lcStore).noquote() << "opened" << filePath << "with" << m_current.size()
                              << "alerts in the working set (firing, or resolved within"
                              << m_workingSetWindow.count() / 3600 << "hours)";
    return {};
}

Result<AlertStore::FileIdentity> AlertStore::identify(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA application_id"_s) || !query.next())
        return Failure{Text::tr("it is not a SQLite database or it is damaged (%1).").arg(queryError(query))};
    FileIdentity identity;
    identity.applicationId = query.value(0).toUInt();
    if (!query.exec(u"SELECT count(*) FROM sqlite_master"_s) || !query.next())
        return Failure{Text::tr("it is damaged (%1).").arg(queryError(query))};
    identity.objects = query.value(0).toInt();
    return identity;
}

Result<> AlertStore::checkOwnership()
{
    const Result<FileIdentity> identity = identify(m_db);
    if (!identity)
        return identity.failure();
    if (identity->applicationId == 0 && identity->objects == 0)
        return {}; // a new, empty file
    if (identity->applicationId != applicationId)
        return Failure{Text::tr("it belongs to another program.")};
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return Failure{Text::tr("it is damaged (%1).").arg(queryError(query))};
    if (query.value(0).toInt() > schemaVersion)
        return Failure{Text::tr("it was written by a newer AlertDeck (schema %1; this version reads up to %2).")
                           .arg(query.value(0).toInt())
                           .arg(schemaVersion)};
    return {};
}

Result<> AlertStore::createSchema()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return Failure{queryError(query)};
    if (query.value(0).toInt() == schemaVersion) {
        for (const QString &statement : MemoryQueries::laterIndexStatements())
            if (!query.exec(statement))
                return Failure{queryError(query)};
        return {};
    }

    const int version = query.value(0).toInt();
    m_db.transaction();
    std::vector<const char *> statements;
    if (version < 1)
        statements.assign(std::begin(schemaStatements), std::end(schemaStatements));
    statements.insert(statements.end(), std::begin(analysesStatements), std::end(analysesStatements));
    statements.insert(statements.end(), std::begin(forwardsStatements), std::end(forwardsStatements));
    if (version < 4)
        statements.insert(statements.end(), std::begin(evidenceStatements), std::end(evidenceStatements));
    if (version < 5)
        statements.insert(statements.end(), std::begin(conversationStatements), std::end(conversationStatements));
    QStringList all;
    for (const char *statement : std::as_const(statements))
        all.append(QLatin1String(statement));
    if (version < 6)
        all.append(MemoryQueries::upgradeStatements(m_db));
    all.append(MemoryQueries::laterIndexStatements());
    for (const QString &statement : std::as_const(all)) {
        if (!query.exec(statement)) {
            const QString error = queryError(query);
            m_db.rollback();
            return Failure{error};
        }
    }
    if (!query.exec(u"PRAGMA application_id=%1"_s.arg(applicationId))
        || !query.exec(u"PRAGMA user_version=%1"_s.arg(schemaVersion))) {
        const QString error = queryError(query);
        m_db.rollback();
        return Failure{error};
    }
    if (!m_db.commit())
        return Failure{m_db.lastError().text()};
    return {};
}

Result<> AlertStore::loadCurrentAlerts()
{
    const Result<QList<Alert>> loaded = WorkingSetQueries::workingSet(m_db, workingSetCutoff());
    if (!loaded)
        return loaded.failure();
    m_current.clear();
    m_current.reserve(loaded->size());
    for (const Alert &alert : *loaded)
        m_current.insert(AlertKey::of(alert), alert);
    return {};
}

// Not part of the numbered schema, like the index below: any version may add it. A store
// written before it existed has applied every payload it holds.
Result<> AlertStore::createIngestState()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"CREATE TABLE IF NOT EXISTS ingest_state (id INTEGER PRIMARY KEY CHECK (id = 1),"
                    " applied_payload_id INTEGER NOT NULL)"_s)
        || !query.exec(u"INSERT OR IGNORE INTO ingest_state VALUES (1, (SELECT coalesce(max(id), 0) FROM payloads))"_s)
        || !query.exec(u"SELECT applied_payload_id FROM ingest_state WHERE id = 1"_s) || !query.next())
        return Failure{queryError(query)};
    m_appliedPayloadId = query.value(0).toLongLong();
    return {};
}

// Not part of the numbered schema: an index that any version may add (IF NOT EXISTS).
Result<> AlertStore::createWorkingSetIndex()
{
    return WorkingSetQueries::createIndex(m_db);
}

void AlertStore::setWorkingSetWindow(std::chrono::seconds window)
{
    m_workingSetWindow = std::max(window, std::chrono::seconds(1));
}

void AlertStore::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime AlertStore::workingSetCutoff() const
{
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    return now.addSecs(-m_workingSetWindow.count());
}

QList<AlertKey> AlertStore::evictAgedOut()
{
    const QDateTime cutoff = workingSetCutoff();
    QList<AlertKey> evicted;
    for (auto it = m_current.begin(); it != m_current.end();) {
        const Alert &alert = it.value();
        const QDateTime lastSeen = alert.lastUpdate.isValid() ? alert.lastUpdate : alert.endsAt;
        // As the start-up read: no time at all counts as old.
        if (alert.state == AlertState::Resolved && (!lastSeen.isValid() || lastSeen < cutoff)) {
            evicted.append(it.key());
            it = m_current.erase(it);
        } else {
            ++it;
        }
    }
    if (!evicted.isEmpty())
        m_current.squeeze();
    return evicted;
}

Result<QList<Alert>> AlertStore::searchHistory(const AlertFilter &filter, int limit, bool *more) const
{
    if (!isOpen())
        return Failure{Text::tr("the alert store is not open")};
    const Result<WorkingSetQueries::HistoryPage> page
        = WorkingSetQueries::searchResolvedBefore(m_db, filter, workingSetCutoff(), std::max(1, limit));
    if (!page)
        return page.failure();
    if (more)
        *more = page->more;
    return page->alerts;
}

std::optional<Alert> AlertStore::storedAlert(const AlertKey &key)
{
    QSqlQuery &query = m_statements->findAlert;
    query.addBindValue(key.source);
    query.addBindValue(key.fingerprint);
    if (!query.exec() || !query.next()) {
        query.finish(); // reset: a statement left running holds its read until the next use
        return std::nullopt;
    }
    const QByteArray data = query.value(0).toByteArray();
    query.finish();
    return AlertJson::fromJson(QJsonDocument::fromJson(data).object());
}

Result<QList<AlertChange>> AlertStore::apply(QList<IncomingPayload> payloads)
{
    if (!isOpen())
        return Failure{Text::tr("the alert store is not open")};
    if (!m_db.transaction())
        return Failure{m_db.lastError().text()};
    for (IncomingPayload &payload : payloads) { // a payload without an id gets one here
        if (const Result<> inserted = insertPayload(payload); !inserted)
            return rollBack(inserted.error());
    }
    Changes changes;
    if (const Result<> applied = applyAll(payloads, changes); !applied)
        return rollBack(applied.error());
    if (!m_db.commit())
        return rollBack(m_db.lastError().text());
    return publish(std::move(changes));
}

Result<QList<AlertChange>> AlertStore::rollBack(const QString &error)
{
    m_db.rollback();
    qCWarning(lcStore).noquote() << "write failed, rolled back:" << error;
    return Failure{error};
}

Result<> AlertStore::applyAll(const QList<IncomingPayload> &payloads, Changes &changes)
{
    qsizetype alertCount = 0;
    for (const IncomingPayload &payload : payloads)
        alertCount += payload.alerts.size();
    changes.pending.reserve(alertCount);
    changes.list.reserve(alertCount);
    changes.appliedUpTo = m_appliedPayloadId;
    for (const IncomingPayload &payload : payloads) {
        if (const Result<> applied = applyPayload(payload, changes.pending, changes.list); !applied)
            return applied;
        changes.appliedUpTo = std::max(changes.appliedUpTo, payload.id);
    }
    return markApplied(changes.appliedUpTo);
}

QList<AlertChange> AlertStore::publish(Changes changes)
{
    // Alerts changed by the transaction become current only once it committed.
    m_appliedPayloadId = changes.appliedUpTo;
    for (auto it = changes.pending.begin(); it != changes.pending.end(); ++it)
        m_current.insert(it.key(), std::move(it.value()));
    return std::move(changes.list);
}

Result<> AlertStore::markApplied(qint64 payloadId)
{
    QSqlQuery &mark = m_statements->markApplied;
    mark.addBindValue(payloadId);
    if (!mark.exec())
        return Failure{queryError(mark)};
    return {};
}

Result<qint64> AlertStore::lastPayloadId() const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT coalesce(max(id), 0) FROM payloads"_s) || !query.next())
        return Failure{queryError(query)};
    return query.value(0).toLongLong();
}

Result<QList<IncomingPayload>> AlertStore::unappliedPayloads(int limit) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT id, received_at_ms, path, format, headers, body, truncated_alerts FROM payloads"
                  " WHERE id > ? ORDER BY id LIMIT ?"_s);
    query.addBindValue(m_appliedPayloadId);
    query.addBindValue(limit);
    if (!query.exec())
        return Failure{queryError(query)};
    QList<IncomingPayload> payloads;
    while (query.next())
        payloads.append(PayloadJournal::readPayload(query));
    return payloads;
}

Result<> AlertStore::insertPayload(IncomingPayload &payload)
{
    QSqlQuery &insertPayload = m_statements->insertPayload;
    insertPayload.addBindValue(payload.id > 0 ? QVariant(payload.id) : QVariant(QMetaType::fromType<qint64>()));
    PayloadJournal::bindPayload(insertPayload, payload);
    if (!insertPayload.exec())
        return Failure{queryError(insertPayload)};
    if (payload.id <= 0)
        payload.id = insertPayload.lastInsertId().toLongLong();
    return {};
}

Result<> AlertStore::applyPayload(const IncomingPayload &payload, QHash<AlertKey, Alert> &pending,
                                  QList<AlertChange> &changes)
{
    const qint64 payloadId = payload.id;
    QSqlQuery &occurrence = m_statements->occurrence;
    QSqlQuery &upsertAlert = m_statements->upsertAlert;

    for (const Alert &incoming : payload.alerts) {
        const AlertKey key = AlertKey::of(incoming);
        auto pendingIt = pending.constFind(key);
        auto currentIt = m_current.constFind(key);
        // Outside the working set: its stored state, read by key.
        const std::optional<Alert> stored
            = pendingIt == pending.cend() && currentIt == m_current.cend() ? storedAlert(key) : std::nullopt;
        const Alert *current = pendingIt != pending.cend() ? &*pendingIt
            : currentIt != m_current.cend()                ? &*currentIt
            : stored                                       ? &*stored
                                                           : nullptr;
        const AlertMerge::Outcome outcome = AlertMerge::classify(current, incoming);

        occurrence.addBindValue(incoming.source);
        occurrence.addBindValue(incoming.fingerprint);
        occurrence.addBindValue(incoming.startsAt.toMSecsSinceEpoch());
        occurrence.addBindValue(msecs(incoming.endsAt));
        occurrence.addBindValue(incoming.state == AlertState::Resolved ? 1 : 0);
        occurrence.addBindValue(payloadId);
        occurrence.addBindValue(payloadId);
        const bool reopened = outcome == AlertMerge::Outcome::Reopened;
        const std::optional<OccurrenceKey> anchor = incidentAnchor(incoming, outcome);
        occurrence.addBindValue(anchor ? QVariant(anchor->alert.source) : QVariant(QMetaType::fromType<QString>()));
        occurrence.addBindValue(anchor ? QVariant(anchor->alert.fingerprint)
                                       : QVariant(QMetaType::fromType<QString>()));
        occurrence.addBindValue(anchor ? QVariant(anchor->startsAtMs) : QVariant(QMetaType::fromType<qint64>()));
        occurrence.addBindValue(reopened ? 1 : 0);
        occurrence.addBindValue(reopened ? 1 : 0);
        if (!occurrence.exec())
            return Failure{queryError(occurrence)};

        if (!AlertMerge::changesCurrent(outcome)) {
            changes.append({current ? *current : incoming, outcome});
            continue;
        }
        const Alert merged = AlertMerge::apply(current ? *current : incoming, incoming, outcome);
        upsertAlert.addBindValue(merged.source);
        upsertAlert.addBindValue(merged.fingerprint);
        upsertAlert.addBindValue(QString::fromUtf8(AlertJson::toJsonText(merged)));
        upsertAlert.addBindValue(payloadId);
        if (!upsertAlert.exec())
            return Failure{queryError(upsertAlert)};
        pending.insert(key, merged);
        changes.append({merged, outcome});
    }
    return {};
}

std::optional<OccurrenceKey> AlertStore::incidentAnchor(const Alert &incoming, AlertMerge::Outcome outcome)
{
    if (!m_correlator)
        return std::nullopt;
    // A member it knows: only its resolution counts (the stored anchor stays).
    if (m_correlator->member(OccurrenceKey::of(incoming))) {
        m_correlator->add(incoming);
        return std::nullopt;
    }
    // Resolutions and updates of occurrences it no longer holds (older than its horizon)
    // change no incident: their rows keep their anchors.
    using Outcome = AlertMerge::Outcome;
    if (outcome != Outcome::NewAlert && outcome != Outcome::NewOccurrence && outcome != Outcome::Stale)
        return std::nullopt;
    return m_correlator->incident(m_correlator->add(incoming)).anchor;
}

QList<Alert> AlertStore::alerts() const
{
    return m_current.values();
}

QList<StoredOccurrence> AlertStore::occurrences(const AlertKey &alert) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT starts_at_ms, ends_at_ms, resolved FROM occurrences WHERE source = ? AND fingerprint = ? "
                  "ORDER BY starts_at_ms"_s);
    query.addBindValue(alert.source);
    query.addBindValue(alert.fingerprint);
    QList<StoredOccurrence> result;
    if (!query.exec())
        return result;
    while (query.next())
        result.append({fromMsecs(query.value(0)), fromMsecs(query.value(1)),
                       query.value(2).toBool() ? AlertState::Resolved : AlertState::Firing});
    return result;
}

AlertDetails AlertStore::details(const AlertKey &alert) const
{
    AlertDetails details;
    details.occurrences = occurrences(alert);
    details.analyses = analyses(alert);
    details.forwards = forwards(alert);
    QSqlQuery query(m_db);
    query.prepare(u"SELECT p.body, p.path, p.truncated_alerts, p.alert_count FROM alerts a JOIN payloads p ON p.id = "
                  u"a.last_payload_id "
                  "WHERE a.source = ? AND a.fingerprint = ?"_s);
    query.addBindValue(alert.source);
    query.addBindValue(alert.fingerprint);
    if (query.exec() && query.next()) {
        details.lastPayloadBody = query.value(0).toByteArray();
        details.lastPayloadPath = query.value(1).toString();
        details.truncatedAlerts = query.value(2).toInt();
        details.payloadAlertCount = query.value(3).toInt();
    }
    return details;
}

Result<> AlertStore::addAnalysis(StoredAnalysis &analysis)
{
    if (!isOpen())
        return Failure{Text::tr("the alert store is not open")};
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO analyses (source, fingerprint, starts_at_ms, created_at_ms, duration_ms, model,"
                  " prompt_hash, outcome, error, content, reasoning, prompt_tokens, completion_tokens, automatic,"
                  " evidence, hypotheses, conversation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &value :
         {text(analysis.source), text(analysis.fingerprint), msecs(analysis.occurrenceStartsAt),
          msecs(analysis.createdAt), QVariant(analysis.durationMs), text(analysis.model), text(analysis.promptHash),
          text(analysisOutcomeName(analysis.outcome)), text(analysis.error), text(analysis.content),
          text(analysis.reasoning), QVariant(analysis.promptTokens), QVariant(analysis.completionTokens),
          QVariant(analysis.automatic ? 1 : 0), text(QString::fromUtf8(analysis.evidence)),
          text(QString::fromUtf8(analysis.hypotheses)), text(QString::fromUtf8(analysis.conversation))})
        query.addBindValue(value);
    if (!query.exec())
        return Failure{queryError(query)};
    analysis.id = query.lastInsertId().toLongLong();
    return {};
}

Result<> AlertStore::updateAnalysis(StoredAnalysis &analysis)
{
    if (!isOpen())
        return Failure{Text::tr("the alert store is not open")};
    QSqlQuery query(m_db);
    // Only the analysis of this alert: an id alone could name another alert's.
    query.prepare(u"UPDATE analyses SET duration_ms = ?, outcome = ?, error = ?, content = ?, reasoning = ?,"
                  " prompt_tokens = ?, completion_tokens = ?, evidence = ?, hypotheses = ?, conversation = ?"
                  " WHERE id = ? AND source = ? AND fingerprint = ?"_s);
    for (const QVariant &value :
         {QVariant(analysis.durationMs), text(analysisOutcomeName(analysis.outcome)), text(analysis.error),
          text(analysis.content), text(analysis.reasoning), QVariant(analysis.promptTokens),
          QVariant(analysis.completionTokens), text(QString::fromUtf8(analysis.evidence)),
          text(QString::fromUtf8(analysis.hypotheses)), text(QString::fromUtf8(analysis.conversation)),
          QVariant(analysis.id), text(analysis.source), text(analysis.fingerprint)})
        query.addBindValue(value);
    if (!query.exec())
        return Failure{queryError(query)};
    // Gone meanwhile (retention removed it with its alert): kept as a new one.
    if (query.numRowsAffected() == 0)
        return addAnalysis(analysis);
    return {};
}

QList<StoredAnalysis> AlertStore::analyses(const AlertKey &alert) const
{
    QList<StoredAnalysis> list;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT id, starts_at_ms, created_at_ms, duration_ms, model, prompt_hash, outcome, error, content,"
                  " reasoning, prompt_tokens, completion_tokens, automatic, evidence, hypotheses, conversation"
                  " FROM analyses"
                  " WHERE source = ? AND fingerprint = ? ORDER BY created_at_ms DESC, id DESC"_s);
    query.addBindValue(alert.source);
    query.addBindValue(alert.fingerprint);
    if (!query.exec())
        return list;
    while (query.next()) {
        StoredAnalysis analysis;
        analysis.id = query.value(0).toLongLong();
        analysis.source = alert.source;
        analysis.fingerprint = alert.fingerprint;
        analysis.occurrenceStartsAt = fromMsecs(query.value(1));
        analysis.createdAt = fromMsecs(query.value(2));
        analysis.durationMs = query.value(3).toLongLong();
        analysis.model = query.value(4).toString();
        analysis.promptHash = query.value(5).toString();
        analysis.outcome = analysisOutcomeFromName(query.value(6).toString()).value_or(AnalysisOutcome::Failed);
        analysis.error = query.value(7).toString();
        analysis.content = query.value(8).toString();
        analysis.reasoning = query.value(9).toString();
        analysis.promptTokens = query.value(10).toInt();
        analysis.completionTokens = query.value(11).toInt();
        analysis.automatic = query.value(12).toInt() != 0;
        analysis.evidence = query.value(13).toString().toUtf8();
        analysis.hypotheses = query.value(14).toString().toUtf8();
        analysis.conversation = query.value(15).toString().toUtf8();
        list << analysis;
    }
    return list;
}

Result<> AlertStore::addForward(StoredForward &forward)
{
    if (!isOpen())
        return Failure{Text::tr("the alert store is not open")};
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO forwards (source, fingerprint, starts_at_ms, sent_at_ms, destination_id,"
                  " destination_name, tool, ok, message, automatic, with_analysis)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &value :
         {text(forward.source), text(forward.fingerprint), msecs(forward.occurrenceStartsAt), msecs(forward.sentAt),
          text(forward.destinationId), text(forward.destinationName), text(forward.tool), QVariant(forward.ok ? 1 : 0),
          text(forward.message), QVariant(forward.automatic ? 1 : 0), QVariant(forward.withAnalysis ? 1 : 0)})
        query.addBindValue(value);
    if (!query.exec())
        return Failure{queryError(query)};
    forward.id = query.lastInsertId().toLongLong();
    return {};
}

QList<StoredForward> AlertStore::forwards(const AlertKey &alert) const
{
    QList<StoredForward> list;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT id, starts_at_ms, sent_at_ms, destination_id, destination_name, tool, ok, message,"
                  " automatic, with_analysis FROM forwards"
                  " WHERE source = ? AND fingerprint = ? ORDER BY sent_at_ms DESC, id DESC"_s);
    query.addBindValue(alert.source);
    query.addBindValue(alert.fingerprint);
    if (!query.exec())
        return list;
    while (query.next()) {
        StoredForward forward;
        forward.id = query.value(0).toLongLong();
        forward.source = alert.source;
        forward.fingerprint = alert.fingerprint;
        forward.occurrenceStartsAt = fromMsecs(query.value(1));
        forward.sentAt = fromMsecs(query.value(2));
        forward.destinationId = query.value(3).toString();
        forward.destinationName = query.value(4).toString();
        forward.tool = query.value(5).toString();
        forward.ok = query.value(6).toInt() != 0;
        forward.message = query.value(7).toString();
        forward.automatic = query.value(8).toInt() != 0;
        forward.withAnalysis = query.value(9).toInt() != 0;
        list << forward;
    }
    return list;
}

qint64 AlertStore::payloadCount() const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT count(*) FROM payloads"_s) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

Result<PruneStep> AlertStore::pruneStep(const QDateTime &cutoff, int limit)
{
    if (!isOpen())
        return Failure{Text::tr("the alert store is not open")};
    const qint64 cutoffMs = cutoff.toMSecsSinceEpoch();
    // Most of them are on disk only (older than the working set): found through the index.
    const Result<QList<AlertKey>> found = WorkingSetQueries::resolvedBefore(m_db, cutoff, limit);
    if (!found)
        return found.failure();
    const QList<AlertKey> &expired = *found;

    if (!m_db.transaction())
        return Failure{m_db.lastError().text()};
    auto fail = [this](const QSqlQuery &query) {
        const QString error = queryError(query);
        m_db.rollback();
        qCWarning(lcStore).noquote() << "retention step failed, rolled back:" << error;
        return Failure{error};
    };
    QSqlQuery removeAlert(m_db);
    QSqlQuery removeHistory(m_db);
    QSqlQuery removeAnalyses(m_db);
    QSqlQuery removeForwards(m_db);
    removeAlert.prepare(u"DELETE FROM alerts WHERE source = ? AND fingerprint = ?"_s);
    removeHistory.prepare(u"DELETE FROM occurrences WHERE source = ? AND fingerprint = ?"_s);
    removeAnalyses.prepare(u"DELETE FROM analyses WHERE source = ? AND fingerprint = ?"_s);
    removeForwards.prepare(u"DELETE FROM forwards WHERE source = ? AND fingerprint = ?"_s);
    qint64 occurrences = 0;
    for (const AlertKey &key : std::as_const(expired)) {
        for (QSqlQuery *query : {&removeAlert, &removeHistory, &removeAnalyses, &removeForwards}) {
            query->addBindValue(key.source);
            query->addBindValue(key.fingerprint);
            if (!query->exec())
                return fail(*query);
        }
        occurrences += removeHistory.numRowsAffected();
    }

    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM occurrences WHERE (source, fingerprint, starts_at_ms) IN ("
                  " SELECT source, fingerprint, starts_at_ms FROM occurrences"
                  " WHERE resolved = 1 AND ends_at_ms < ? LIMIT ?)"_s);
    query.addBindValue(cutoffMs);
    query.addBindValue(limit);
    if (!query.exec())
        return fail(query);
    const qint64 oldOccurrences = query.numRowsAffected();
    occurrences += oldOccurrences;

    // Payloads a kept alert still points to stay: the detail view shows them.
    query.prepare(u"DELETE FROM payloads WHERE id IN ("
                  " SELECT id FROM payloads WHERE received_at_ms < ?"
                  " AND id NOT IN (SELECT last_payload_id FROM alerts) ORDER BY received_at_ms LIMIT ?)"_s);
    query.addBindValue(cutoffMs);
    query.addBindValue(limit);
    if (!query.exec())
        return fail(query);
    const qint64 payloads = query.numRowsAffected();
    if (const Result<> removed = m_memory->removeOrphans(expired); !removed) {
        m_db.rollback();
        qCWarning(lcStore).noquote() << "retention step failed, rolled back:" << removed.error();
        return removed.failure();
    }

    if (!m_db.commit()) {
        const QString error = m_db.lastError().text();
        m_db.rollback();
        return Failure{error};
    }
    for (const AlertKey &key : std::as_const(expired))
        m_current.remove(key);
    PruneStep step;
    step.removedAlerts = expired;
    step.removedOccurrences = occurrences;
    step.removedPayloads = payloads;
    step.finished = expired.size() < limit && oldOccurrences < limit && payloads < limit;
    return step;
}

qint64 AlertStore::reclaimFreePages(int pages)
{
    if (!isOpen())
        return 0;
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA auto_vacuum"_s) || !query.next() || query.value(0).toInt() != 2)
        return 0; // not incremental: freed pages are reused by later writes instead
    // Each step of incremental_vacuum frees one page, and QSqlQuery steps a pragma
    // only once per exec(): so one page per exec, all in one transaction (one fsync).
    m_db.transaction();
    QSqlQuery vacuum(m_db);
    vacuum.prepare(u"PRAGMA incremental_vacuum(1)"_s);
    for (int page = 0; page < pages; ++page) {
        if (!vacuum.exec()) {
            qCWarning(lcStore).noquote() << "incremental vacuum failed:" << queryError(vacuum);
            break;
        }
    }
    vacuum.finish();
    if (!m_db.commit()) {
        qCWarning(lcStore).noquote() << "incremental vacuum failed:" << m_db.lastError().text();
        m_db.rollback();
        return 0;
    }
    if (!query.exec(u"PRAGMA freelist_count"_s) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}
