#pragma once

#include "ingest/HttpListener.h"
#include "store/StoreService.h"

#include <QString>

#include <memory>

// A fresh alert store with a listener in front of it on a free loopback port: what the
// webhook tests post to. The listener goes first when it is destroyed.
struct ServedStore {
    std::unique_ptr<StoreService> store;
    std::unique_ptr<HttpListener> listener;

    // Removes the store's old files at `storePath`, opens it and starts listening.
    Result<> start(const QString &storePath);
    void stop();
    quint16 port() const { return listener->boundAddress().port; }
};

// Hundreds of client and server sockets in one test process: the soft limit on open
// files raised to `wanted` (or the hard limit, if lower).
void raiseOpenFileLimit(int wanted = 4096);
