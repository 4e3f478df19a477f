#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

// An alert store opened for reading only, on a connection of its own, in one read
// transaction (every query sees one moment): the reports and the `incidents` and `similar`
// commands read it while AlertDeck writes (WAL), and never write, create or upgrade.
class ReadOnlyStore final
{
    Q_DECLARE_TR_FUNCTIONS(ReadOnlyStore)

public:
    ~ReadOnlyStore();
    ReadOnlyStore(const ReadOnlyStore &) = delete;
    ReadOnlyStore &operator=(const ReadOnlyStore &) = delete;

    // `requested` (--data-dir), else the saved data directory, else the platform's default.
    static QString dataDirectory(const QString &requested);
    // Any schema: readers that look for what they need (the reports); Current: only a
    // store of this version (an older one is to be upgraded by AlertDeck first).
    enum class Schema { Any, Current };
    static Result<std::unique_ptr<ReadOnlyStore>> open(const QString &storePath, Schema schema = Schema::Current);
    // alerts.sqlite in `dataDir`.
    static Result<std::unique_ptr<ReadOnlyStore>> openIn(const QString &dataDir);

    QSqlDatabase database() const { return QSqlDatabase::database(m_connection, false); }
    const QString &path() const { return m_path; }

private:
    ReadOnlyStore(const QString &connection, const QString &path);

    QString m_connection;
    QString m_path;
};
