#include "MemoryAllocator.h"

#ifdef ALERTDECK_WITH_JEMALLOC
#include <cstdint>
#include <cstdlib>
#include <jemalloc/jemalloc.h>

namespace {
// jemalloc counts what this thread allocated: a malloc() it did not see went elsewhere
// (the symbol was not interposed, e.g. a linker dropped the library).
bool mallocIsJemallocs()
{
    std::uint64_t *counter = nullptr;
    std::size_t size = sizeof(counter);
    if (mallctl("thread.allocatedp", static_cast<void *>(&counter), &size, nullptr, 0) != 0)
        return false;
    // volatile: the compiler assumes malloc() writes no memory it can see.
    const volatile std::uint64_t *allocated = counter;
    constexpr std::size_t probeBytes = 4096;
    const std::uint64_t before = *allocated;
    void *volatile probe = std::malloc(probeBytes); // volatile: the pair must not be elided
    const bool counted = *allocated >= before + probeBytes;
    std::free(probe);
    return counted;
}

QString jemallocVersion()
{
    const char *version = nullptr;
    std::size_t size = sizeof(version);
    if (mallctl("version", static_cast<void *>(&version), &size, nullptr, 0) != 0 || !version)
        return {};
    return QString::fromLatin1(version);
}
} // namespace
#endif

QString MemoryAllocator::description()
{
#ifdef ALERTDECK_WITH_JEMALLOC
    if (mallocIsJemallocs())
        return QLatin1String("jemalloc ") + jemallocVersion();
#endif
    return QStringLiteral("the C library's");
}
