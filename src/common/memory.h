// This process's memory as Linux reports it in /proc/self/status, for stage reports and metrics.
#pragma once

#include <cstdint>

namespace cairn {

// Resident memory now, and the most it has been since the process started (VmRSS, VmHWM), in
// bytes; 0 where the kernel does not say.
int64_t ResidentBytes();
int64_t PeakResidentBytes();

// Gives memory the process has freed back to the system (glibc's malloc_trim). Freed small
// blocks otherwise stay resident in malloc's heaps, the worker threads' among them, and the
// next stage's large allocations come on top of them.
void ReleaseFreeMemory();

// Gives a container's memory back to the heap. `c = {}` does not: for std::vector and the
// unordered containers it picks the initializer-list assignment, which empties the container but
// keeps its capacity (on the Scotland store 157 MiB that resolve's later stages carried).
template <typename Container>
void ReleaseMemory(Container& c) {
  Container().swap(c);
}

// Bytes malloc has handed out and not had back, in its heaps and in blocks of their own
// (glibc's mallinfo2): what the process holds, whether or not the pages have been touched.
int64_t HeapBytesInUse();

}  // namespace cairn
