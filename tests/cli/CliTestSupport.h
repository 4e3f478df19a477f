#pragma once

// What the tests of the alertdeck command line share: they run the real binary as a
// child process and see what a user or a service manager sees (exit codes, messages,
// clean shutdown).

#include "AlertDeckLog.h"
#include "ChildProcess.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

using RunResult = ChildProcess::Result;

// The alertdeck binary with its settings in `configHome` (XDG_CONFIG_HOME), so a run
// never touches the user's; no display needed. stderr is collected as it arrives.
class AlertDeckProcess final : public ChildProcess
{
public:
    explicit AlertDeckProcess(const QString &configHome);

    using ChildProcess::start;
    void start(const QStringList &arguments);
    // The port its log says it listens on; 0 until then.
    quint16 listeningPort() const { return ::listeningPort(standardError()); }
};

// Runs alertdeck to its end (killed after 30 s) in `locale`, without a display.
RunResult run(const QStringList &arguments, const QString &locale = QStringLiteral("C.UTF-8"));

// A captured error fixture without its trailing "HTTP <status>" line.
QByteArray errorBody(const QString &fixture);

// Writes `contents` to `path` and returns the path (empty if it could not).
QString writeFile(const QString &path, const QByteArray &contents);
