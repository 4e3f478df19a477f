#pragma once

// The process's limit on open files, which caps how many clients the listener can
// hold at once.
namespace FileDescriptorLimit {

// Raises the soft limit to the hard one, but not beyond `ceiling` (a huge soft limit
// slows down code that walks every descriptor, e.g. when starting a child process).
// Returns the soft limit now in force; -1 when it cannot be read.
long raiseSoftLimit(long ceiling = 65536);
// The soft limit in force (a large number when unlimited); -1 when it cannot be read.
long softLimit();

} // namespace FileDescriptorLimit
