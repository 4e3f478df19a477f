#pragma once

#include <QString>

// Which malloc() serves the process. AlertDeck links jemalloc (CMake option
// ALERTDECK_JEMALLOC): the listener thread allocates every request's payload and the
// journal and store threads free it, a pattern glibc's per-thread arenas serve with
// heap growth and page faults on every request (bench/ingest: about a fifth more
// payloads per second with jemalloc).
namespace MemoryAllocator {
// "jemalloc 5.3.0-…" when malloc() is jemalloc's (checked by allocating, not assumed
// from the link), otherwise "the C library's".
QString description();
} // namespace MemoryAllocator
