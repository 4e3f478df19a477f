#include "core/TerminationSignalWatcher.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_socketPair[2] = {-1, -1};

extern "C" void forwardSignal(int signalNumber)
{
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    // write() is async-signal-safe; if the pipe is full a signal is already pending.
    [[maybe_unused]] const ssize_t written = ::write(g_socketPair[0], &byte, 1);
}

void installHandler(int signalNumber, void (*handler)(int))
{
    struct sigaction action = {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(signalNumber, &action, nullptr);
}

} // namespace

TerminationSignalWatcher::TerminationSignalWatcher(QObject *parent)
    : QObject(parent)
{
    Q_ASSERT(g_socketPair[0] < 0);
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_socketPair) != 0)
        qFatal("TerminationSignalWatcher: socketpair failed");
    m_notifier = std::make_unique<QSocketNotifier>(g_socketPair[1], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &TerminationSignalWatcher::readSignal);
    installHandler(SIGINT, forwardSignal);
    installHandler(SIGTERM, forwardSignal);
}

TerminationSignalWatcher::~TerminationSignalWatcher()
{
    installHandler(SIGINT, SIG_DFL);
    installHandler(SIGTERM, SIG_DFL);
    m_notifier.reset(); // before its descriptor is closed
    ::close(g_socketPair[0]);
    ::close(g_socketPair[1]);
    g_socketPair[0] = g_socketPair[1] = -1;
}

void TerminationSignalWatcher::readSignal()
{
    unsigned char byte = 0;
    if (::read(g_socketPair[1], &byte, 1) == 1)
        emit terminationRequested(byte);
}
