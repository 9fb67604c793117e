// Fuzzes ingest::CompileReleasePackage: an OCDS release package, compiled per ocid.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/ocds.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)cairn::ingest::CompileReleasePackage(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
