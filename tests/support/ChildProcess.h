#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <chrono>

// A program a test starts (the alertdeck binary, Prometheus, promtool…). Its output is
// collected as it arrives, so a long-running child never blocks on a full pipe and a
// test can watch its log; waits run the event loop, so fake servers in the test keep
// answering it. Whatever happens to the test, the child is killed and reaped when this
// object goes: no process outlives the test that started it.
class ChildProcess
{
public:
    // What one run to its end gave (see finish()).
    struct Result {
        int exitCode = -1; // -1 when it did not finish in time
        QProcess::ExitStatus exitStatus = QProcess::CrashExit;
        QString out;
        QString err;
    };

    ChildProcess();
    virtual ~ChildProcess();
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;

    // Before start(): the environment is this test's, changed by these.
    void setEnvironmentVariable(const QString &name, const QString &value);
    void removeEnvironmentVariable(const QString &name);
    void setWorkingDirectory(const QString &directory) { m_process.setWorkingDirectory(directory); }
    // QProcess::MergedChannels (stderr into standardOutput()), ForwardedErrorChannel (a
    // server's log goes to the test's own stderr)…; collected separately by default.
    void setChannelMode(QProcess::ProcessChannelMode mode) { m_process.setProcessChannelMode(mode); }

    void start(const QString &program, const QStringList &arguments);
    bool waitForStarted(std::chrono::milliseconds timeout = std::chrono::seconds(30));
    // Writes `input` to the child's stdin and closes it.
    void writeInput(const QByteArray &input);

    // Waits on the event loop for the child to end; false if it is still running after
    // `timeout` (or never started).
    bool waitForFinished(std::chrono::milliseconds timeout = std::chrono::seconds(30));
    // SIGTERM, as a service manager stops it; does not wait.
    void terminate() { m_process.terminate(); }
    // SIGTERM, then waitForFinished(timeout).
    bool terminateAndWait(std::chrono::milliseconds timeout = std::chrono::seconds(20));
    // SIGKILL: no chance to clean up; does not wait.
    void kill() { m_process.kill(); }
    // SIGTERM, then SIGKILL if it still runs after `timeout`; reaped either way. True if
    // it ended on its own (or had already).
    bool stop(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // Waits up to `timeout` for the end, kills the child if it is still running, and
    // gives what it did: a whole run in one call.
    Result finish(std::chrono::milliseconds timeout = std::chrono::seconds(30));

    QProcess::ProcessState state() const { return m_process.state(); }
    bool hasFinished() const { return m_finished; }
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    // Everything the child wrote so far, decoded as UTF-8.
    QString standardOutput() const { return QString::fromUtf8(m_out); }
    QString standardError() const { return QString::fromUtf8(m_err); }
    // For signals a test connects to itself (QProcess::readyReadStandardOutput…).
    const QProcess &process() const { return m_process; }

private:
    void collect();

    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    bool m_finished = false;
};
