#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

// A second SQLite connection to a store file, as another program (or an older version)
// would have: opened on construction, closed and removed on destruction, so a test
// cannot leave a named connection behind. exec() runs one statement.
class SideConnection final
{
public:
    SideConnection(const QString &filePath, const QString &name)
        : m_name(name)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(filePath);
        m_open = db.open();
    }
    ~SideConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    SideConnection(const SideConnection &) = delete;
    SideConnection &operator=(const SideConnection &) = delete;

    bool isOpen() const { return m_open; }
    bool exec(const QString &statement) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(statement);
    }

private:
    QString m_name;
    bool m_open = false;
};
