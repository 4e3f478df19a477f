#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QSqlQuery;

namespace TestData {
// A file from tests/data/fixtures (real-format captures; its README says where each came
// from), e.g. "alertmanager/firing-single.json". Fails the test binary loudly when
// missing: a silent empty fixture would prove nothing.
QByteArray fixture(const QString &relativePath);
// Where a fixture is, for programs that read it themselves.
QString fixturePath(const QString &relativePath);
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
