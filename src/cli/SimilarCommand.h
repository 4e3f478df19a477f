#pragma once

#include "cli/CommandLineOptions.h"

#include <QObject>
#include <QTextStream>

struct Alert;

// `alertdeck similar`: the "seen before" card of an alert of --payload against the
// store in --data-dir: how often it fired in the last 30 days, how long it usually
// lasted, and the earlier occurrences that match with why, their resolution notes and
// analyses. Reads only (works while AlertDeck runs); the word index is the one the
// running application has filled so far. finished() carries the exit status.
class SimilarCommand final : public QObject
{
    Q_OBJECT

public:
    SimilarCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent = nullptr);

    void start();

signals:
    void finished(int exitCode);

private:
    void fail(const QString &message, int exitCode);

    CommandLineOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
};
