#include "TestData.h"

#include <QFile>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

QByteArray readOrDie(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test file %s", qPrintable(path));
    return file.readAll();
}

} // namespace

QByteArray TestData::fixture(const QString &relativePath)
{
    return readOrDie(fixturePath(relativePath));
}

QString TestData::fixturePath(const QString &relativePath)
{
    return path(u"fixtures/"_s + relativePath);
}

QByteArray TestData::file(const QString &relativePath)
{
    return readOrDie(path(relativePath));
}

QString TestData::path(const QString &relativePath)
{
    return QLatin1String(ALERTDECK_TEST_DATA) + u'/' + relativePath;
}

SqliteWriteLock::SqliteWriteLock(const QString &databasePath)
    : m_connectionName(u"test-write-lock-"_s + databasePath)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(databasePath);
    if (!db.open())
        return;
    m_query = std::make_unique<QSqlQuery>(db);
    m_held = m_query->exec(u"BEGIN EXCLUSIVE"_s);
}

SqliteWriteLock::~SqliteWriteLock()
{
    if (m_held)
        m_query->exec(u"ROLLBACK"_s);
    m_query.reset();
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}
