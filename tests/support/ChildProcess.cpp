#include "ChildProcess.h"

#include <QEventLoop>
#include <QProcessEnvironment>
#include <QTimer>

ChildProcess::ChildProcess()
{
    m_process.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { collect(); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError, [this] { collect(); });
    QObject::connect(&m_process, &QProcess::finished, [this] {
        collect();
        m_finished = true;
    });
}

ChildProcess::~ChildProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(-1); // reaped: no zombie left behind
    }
}

void ChildProcess::setEnvironmentVariable(const QString &name, const QString &value)
{
    QProcessEnvironment environment = m_process.processEnvironment();
    environment.insert(name, value);
    m_process.setProcessEnvironment(environment);
}

void ChildProcess::removeEnvironmentVariable(const QString &name)
{
    QProcessEnvironment environment = m_process.processEnvironment();
    environment.remove(name);
    m_process.setProcessEnvironment(environment);
}

void ChildProcess::start(const QString &program, const QStringList &arguments)
{
    m_out.clear();
    m_err.clear();
    m_finished = false;
    m_process.start(program, arguments);
}

bool ChildProcess::waitForStarted(std::chrono::milliseconds timeout)
{
    return m_process.waitForStarted(int(timeout.count()));
}

void ChildProcess::writeInput(const QByteArray &input)
{
    m_process.write(input);
    m_process.closeWriteChannel();
}

bool ChildProcess::waitForFinished(std::chrono::milliseconds timeout)
{
    if (!m_finished && m_process.state() != QProcess::NotRunning) {
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(&m_process, &QProcess::finished, &loop, &QEventLoop::quit);
        QObject::connect(&m_process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        timer.start(timeout);
        while (!m_finished && m_process.state() != QProcess::NotRunning && timer.isActive())
            loop.exec();
    }
    collect();
    return m_finished;
}

bool ChildProcess::terminateAndWait(std::chrono::milliseconds timeout)
{
    terminate();
    return waitForFinished(timeout);
}

bool ChildProcess::stop(std::chrono::milliseconds timeout)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_finished;
    if (terminateAndWait(timeout))
        return true;
    m_process.kill();
    m_process.waitForFinished(-1);
    collect();
    return false;
}

ChildProcess::Result ChildProcess::finish(std::chrono::milliseconds timeout)
{
    const bool finished = waitForFinished(timeout);
    if (!finished && m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(-1);
    }
    collect();
    return {finished ? exitCode() : -1, exitStatus(), standardOutput(), standardError()};
}

void ChildProcess::collect()
{
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
}
