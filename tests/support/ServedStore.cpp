#include "ServedStore.h"

#include <QFile>

#include <algorithm>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

Result<> ServedStore::start(const QString &storePath)
{
    for (const QString &file : AlertStore::filesOf(storePath))
        QFile::remove(file);
    store = std::make_unique<StoreService>();
    if (const Result<> opened = store->open(storePath); !opened)
        return opened;
    listener = std::make_unique<HttpListener>();
    listener->setStore(store.get());
    if (!listener->start({QHostAddress(QHostAddress::LocalHost), 0}))
        return Failure{u"the listener did not start"_s};
    return {};
}

void ServedStore::stop()
{
    listener.reset();
    store.reset();
}

void raiseOpenFileLimit(int wanted)
{
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, rlim_t(wanted));
    setrlimit(RLIMIT_NOFILE, &limit);
}
