#pragma once

#include "cli/CommandLineOptions.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

// The alert store of a data directory opened for reading only, on a connection of its
// own: the `incidents` and `similar` commands read it while AlertDeck writes (WAL), and
// never write, create or upgrade anything. Only a store of the current schema opens.
class ReadOnlyStore final
{
    Q_DECLARE_TR_FUNCTIONS(ReadOnlyStore)

public:
    ~ReadOnlyStore();
    ReadOnlyStore(const ReadOnlyStore &) = delete;
    ReadOnlyStore &operator=(const ReadOnlyStore &) = delete;

    // --data-dir, else the saved data directory, else the platform's default.
    static QString dataDirectory(const CommandLineOptions &options);
    // alerts.sqlite in `dataDir`, in one read transaction (every query sees one moment).
    static Result<std::unique_ptr<ReadOnlyStore>> open(const QString &dataDir);

    QSqlDatabase database() const { return QSqlDatabase::database(m_connection, false); }
    const QString &path() const { return m_path; }

private:
    ReadOnlyStore(const QString &connection, const QString &path);

    QString m_connection;
    QString m_path;
};
