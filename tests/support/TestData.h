#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QSqlQuery;

namespace TestData {
// A file from ../shared/fixtures, e.g. "alertmanager/firing-single.json". Fails the
// test binary loudly when missing: a silent empty fixture would prove nothing.
QByteArray sharedFixture(const QString &relativePath);
// Where a shared fixture is, for programs that read it themselves.
QString sharedFixturePath(const QString &relativePath);
// A file from tests/data.
QByteArray file(const QString &relativePath);
// The absolute path of a file in tests/data (for code that reads files itself).
QString path(const QString &relativePath);
} // namespace TestData

// Holds SQLite's write lock on a database file from a second connection, so a test
// can see what the code under test does when the store cannot write.
class SqliteWriteLock final
{
public:
    explicit SqliteWriteLock(const QString &databasePath);
    ~SqliteWriteLock();
    bool isHeld() const { return m_held; }

private:
    QString m_connectionName;
    std::unique_ptr<QSqlQuery> m_query;
    bool m_held = false;
};
