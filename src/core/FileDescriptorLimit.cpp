#include "core/FileDescriptorLimit.h"

#include <algorithm>
#include <limits>
#include <sys/resource.h>

namespace FileDescriptorLimit {

namespace {

long asLong(rlim_t value)
{
    return value == RLIM_INFINITY ? std::numeric_limits<long>::max()
                                  : long(std::min<rlim_t>(value, std::numeric_limits<long>::max()));
}

} // namespace

long softLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    return asLong(limit.rlim_cur);
}

long raiseSoftLimit(long ceiling)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    const rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? rlim_t(ceiling) : std::min<rlim_t>(limit.rlim_max, ceiling);
    if (wanted > limit.rlim_cur) {
        limit.rlim_cur = wanted;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    return softLimit();
}

} // namespace FileDescriptorLimit
