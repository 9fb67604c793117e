// This process's memory as Linux reports it in /proc/self/status, for stage reports and metrics.
#pragma once

#include <cstdint>

namespace cairn {

// Resident memory now, and the most it has been since the process started (VmRSS, VmHWM), in
// bytes; 0 where the kernel does not say.
int64_t ResidentBytes();
int64_t PeakResidentBytes();

}  // namespace cairn
