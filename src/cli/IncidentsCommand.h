#pragma once

#include "cli/CommandLineOptions.h"

#include <QObject>
#include <QTextStream>

class IncidentList;

// `alertdeck incidents`: the incidents of the store in --data-dir that started since
// --since (default: the last 24 hours), newest first, as a table (members with
// --verbose) or one JSON object. Reads only, on its own connection, so it works while
// AlertDeck runs. finished() carries the exit status.
class IncidentsCommand final : public QObject
{
    Q_OBJECT

public:
    IncidentsCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent = nullptr);

    void start();

    static constexpr qint64 defaultWindowSeconds = 24 * 3600;

signals:
    void finished(int exitCode);

private:
    void printTable(const IncidentList &list, const QDateTime &since);
    void printJson(const IncidentList &list, const QDateTime &since);
    void fail(const QString &message);

    CommandLineOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
};
