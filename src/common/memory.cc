#include "common/memory.h"

#include <malloc.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace cairn {
namespace {

// The "Name:   1234 kB" line of /proc/self/status, in bytes.
int64_t StatusField(const std::string& name) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.compare(0, name.size(), name) == 0 && line.size() > name.size() && line[name.size()] == ':') {
      return std::strtoll(line.c_str() + name.size() + 1, nullptr, 10) * 1024;
    }
  }
  return 0;
}

}  // namespace

int64_t ResidentBytes() { return StatusField("VmRSS"); }
int64_t PeakResidentBytes() { return StatusField("VmHWM"); }

void ReleaseFreeMemory() { malloc_trim(0); }

int64_t HeapBytesInUse() {
  const struct mallinfo2 m = mallinfo2();
  return int64_t(m.uordblks + m.hblkhd);
}

}  // namespace cairn
