#include "store/PayloadJournal.h"

#include "store/DataDirectory.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "PayloadJournal" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(PayloadJournal)
};

QString queryError(const QSqlQuery &query)
{
    return query.lastError().text();
}

constexpr auto selectColumns = "SELECT id, received_at_ms, path, format, headers, body, truncated_alerts";

} // namespace

QString PayloadJournal::pathFor(const QString &storePath)
{
    // Beside the store's own -wal and -shm: whoever copies or removes "alerts.sqlite*"
    // takes the journal with it.
    return storePath + u"-ingest"_s;
}

PayloadJournal::PayloadJournal()
{
    static QAtomicInteger<int> counter;
    m_connectionName = u"alertdeck-journal-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

PayloadJournal::~PayloadJournal()
{
    close();
}

bool PayloadJournal::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void PayloadJournal::close()
{
    m_insert.reset(); // the query before its connection
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<> PayloadJournal::open(const QString &filePath)
{
    close();
    const bool created = DataDirectory::createPrivateFile(filePath);
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(filePath);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(AlertStore::busyTimeoutMs));
    const auto fail = [&](const QString &reason) -> Result<> {
        close();
        if (created)
            QFile::remove(filePath);
        return Failure{Text::tr("Cannot open the payload journal %1: %2").arg(filePath, reason)};
    };
    if (!m_db.open())
        return fail(m_db.lastError().text());
    if (const Result<> owned = checkOwnership(); !owned) {
        close();
        return Failure{
            Text::tr("The payload journal %1 cannot be used: %2 It was left untouched.").arg(filePath, owned.error())};
    }
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        DataDirectory::restrictToOwner(filePath + suffix);
    QSqlQuery query(m_db);
    // On an existing journal nothing here writes: another connection may be writing.
    for (const QString &statement : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s,
                                     u"CREATE TABLE IF NOT EXISTS payloads ("
                                     " id INTEGER PRIMARY KEY,"
                                     " received_at_ms INTEGER NOT NULL,"
                                     " path TEXT NOT NULL,"
                                     " format TEXT NOT NULL,"
                                     " headers TEXT NOT NULL,"
                                     " body BLOB NOT NULL,"
                                     " truncated_alerts INTEGER NOT NULL DEFAULT 0,"
                                     " alert_count INTEGER NOT NULL)"_s}) {
        if (!query.exec(statement))
            return fail(queryError(query));
    }
    if (!query.exec(u"PRAGMA application_id"_s) || !query.next())
        return fail(queryError(query));
    if (query.value(0).toUInt() != applicationId && !query.exec(u"PRAGMA application_id=%1"_s.arg(applicationId)))
        return fail(queryError(query));
    if (!query.exec(u"SELECT coalesce(max(id), 0) FROM payloads"_s) || !query.next())
        return fail(queryError(query));
    m_nextId = query.value(0).toLongLong() + 1;
    query.finish();
    m_insert = std::make_unique<QSqlQuery>(m_db);
    if (!m_insert->prepare(u"INSERT INTO payloads (id, received_at_ms, path, format, headers, body, "
                           "truncated_alerts, alert_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s))
        return fail(queryError(*m_insert));
    return {};
}

Result<> PayloadJournal::checkOwnership()
{
    const Result<AlertStore::FileIdentity> identity = AlertStore::identify(m_db);
    if (!identity)
        return identity.failure();
    if (identity->applicationId == applicationId || (identity->applicationId == 0 && identity->objects == 0))
        return {};
    // A journal whose creation was cut short before it was marked: only our table.
    QSqlQuery query(m_db);
    if (identity->applicationId == 0 && query.exec(u"SELECT group_concat(name) FROM sqlite_master"_s) && query.next()
        && query.value(0).toString() == u"payloads"_s)
        return {};
    return Failure{Text::tr("it belongs to another program.")};
}

void PayloadJournal::continueAfter(qint64 id)
{
    m_nextId = std::max(m_nextId, id + 1);
}

void PayloadJournal::bindPayload(QSqlQuery &query, const IncomingPayload &payload)
{
    query.addBindValue(payload.receivedAt.toMSecsSinceEpoch());
    query.addBindValue(payload.path);
    query.addBindValue(formatName(payload.format));
    query.addBindValue(QString::fromUtf8(payload.headers));
    query.addBindValue(payload.body);
    query.addBindValue(payload.truncatedAlerts);
    query.addBindValue(payload.alerts.size());
}

IncomingPayload PayloadJournal::readPayload(const QSqlQuery &query)
{
    IncomingPayload payload;
    payload.id = query.value(0).toLongLong();
    payload.receivedAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
    payload.path = query.value(2).toString();
    payload.format = formatNamed(query.value(3).toString());
    payload.headers = query.value(4).toString().toUtf8();
    payload.body = query.value(5).toByteArray();
    payload.truncatedAlerts = query.value(6).toInt();
    return payload;
}

Result<> PayloadJournal::append(QList<IncomingPayload> &batch)
{
    if (!isOpen())
        return Failure{Text::tr("the payload journal is not open")};
    if (!m_db.transaction())
        return Failure{m_db.lastError().text()};
    const auto rollBack = [this](const QString &error) -> Result<> {
        m_db.rollback();
        return Failure{error};
    };
    qint64 id = m_nextId;
    for (const IncomingPayload &payload : std::as_const(batch)) {
        m_insert->addBindValue(id++);
        bindPayload(*m_insert, payload);
        if (!m_insert->exec())
            return rollBack(queryError(*m_insert));
    }
    if (!m_db.commit())
        return rollBack(m_db.lastError().text());
    for (IncomingPayload &payload : batch)
        payload.id = m_nextId++;
    return {};
}

Result<> PayloadJournal::forgetThrough(qint64 id)
{
    if (!isOpen())
        return Failure{Text::tr("the payload journal is not open")};
    // Not flushed: rows a power loss brings back are at or below the store's applied
    // mark, and are forgotten again at the next start.
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA synchronous=NORMAL"_s))
        return Failure{queryError(query)};
    query.prepare(u"DELETE FROM payloads WHERE id <= ?"_s);
    query.addBindValue(id);
    const bool deleted = query.exec();
    const QString error = deleted ? QString() : queryError(query);
    query.exec(u"PRAGMA synchronous=FULL"_s);
    if (!deleted)
        return Failure{error};
    return {};
}

Result<QList<IncomingPayload>> PayloadJournal::after(qint64 id, int limit) const
{
    if (!isOpen())
        return Failure{Text::tr("the payload journal is not open")};
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QLatin1String(selectColumns) + u" FROM payloads WHERE id > ? ORDER BY id LIMIT ?"_s);
    query.addBindValue(id);
    query.addBindValue(limit);
    if (!query.exec())
        return Failure{queryError(query)};
    QList<IncomingPayload> payloads;
    while (query.next())
        payloads.append(readPayload(query));
    return payloads;
}
