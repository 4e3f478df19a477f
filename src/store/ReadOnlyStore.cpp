#include "store/ReadOnlyStore.h"

#include "settings/AppSettings.h"
#include "store/AlertStore.h"
#include "store/DataDirectory.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

ReadOnlyStore::ReadOnlyStore(const QString &connection, const QString &path)
    : m_connection(connection)
    , m_path(path)
{ }

ReadOnlyStore::~ReadOnlyStore()
{
    {
        QSqlDatabase db = database();
        if (db.isOpen()) {
            db.rollback(); // the read transaction; nothing was written
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString ReadOnlyStore::dataDirectory(const QString &requested)
{
    QString dataDir = requested.isEmpty() ? AppSettings().value(Settings::dataDirectory) : requested;
    return dataDir.isEmpty() ? DataDirectory::defaultPath() : dataDir;
}

Result<std::unique_ptr<ReadOnlyStore>> ReadOnlyStore::openIn(const QString &dataDir)
{
    return open(QDir(dataDir).filePath(u"alerts.sqlite"_s));
}

Result<std::unique_ptr<ReadOnlyStore>> ReadOnlyStore::open(const QString &path, Schema schema)
{
    if (!QFileInfo(path).isFile())
        return Failure{tr("There is no alert store at %1.").arg(path)};
    static QAtomicInteger<int> counter;
    const QString connection = u"alertdeck-read-only-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    std::unique_ptr<ReadOnlyStore> store(new ReadOnlyStore(connection, path));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(AlertStore::busyTimeoutMs));
    if (!db.open())
        return Failure{tr("Cannot open the alert store %1: %2").arg(path, db.lastError().text())};
    QSqlQuery check(db);
    if (!check.exec(u"PRAGMA application_id"_s) || !check.next()
        || check.value(0).toUInt() != AlertStore::applicationId)
        return Failure{tr("%1 is not an AlertDeck alert store.").arg(path)};
    if (!check.exec(u"PRAGMA user_version"_s) || !check.next())
        return Failure{tr("Cannot read the alert store %1: %2").arg(path, check.lastError().text())};
    const int version = check.value(0).toInt();
    check.finish();
    // Upgrading is the application's job (this connection never writes).
    if (schema == Schema::Current && version < AlertStore::schemaVersion)
        return Failure{
            tr("The alert store %1 was written by an older AlertDeck; start AlertDeck once to upgrade it.").arg(path)};
    if (schema == Schema::Current && version > AlertStore::schemaVersion)
        return Failure{tr("The alert store %1 was written by a newer AlertDeck (schema %2; this one reads %3).")
                           .arg(path)
                           .arg(version)
                           .arg(AlertStore::schemaVersion)};
    if (!db.transaction())
        return Failure{tr("Cannot read the alert store %1: %2").arg(path, db.lastError().text())};
    return store;
}
