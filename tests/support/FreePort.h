#pragma once

#include <QHostAddress>
#include <QTcpServer>

// A loopback port nothing listens on right now, for a program that must be told its
// port up front (Prometheus, Alertmanager, a configuration file); 0 if none was free.
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
