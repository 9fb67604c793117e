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

}  // namespace cairn
