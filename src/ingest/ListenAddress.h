#pragma once

#include "core/Result.h"

#include <QHostAddress>
#include <QString>

// Where the webhook listener binds: a literal IP address (or "localhost") and a port.
// Port 0 asks the system for a free port (used by tests).
struct ListenAddress {
    QHostAddress host;
    quint16 port = 0;

    static ListenAddress defaultAddress();

    bool isLoopback() const { return host.isLoopback(); }
    // "127.0.0.1:9095" or "[::1]:9095", as a person would type it.
    QString toString() const;

    friend bool operator==(const ListenAddress &, const ListenAddress &) = default;
};

// Parses "HOST:PORT", "[IPv6]:PORT" or ":PORT" (all interfaces). Host names other
// than "localhost" are refused: resolving them would block and they can change.
Result<ListenAddress> parseListenAddress(const QString &text);
