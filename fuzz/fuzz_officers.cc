// Fuzzes ingest::ParseOfficerLine, as `cairn ingest` calls it for each line of a file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/companies_house_jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)cairn::ingest::ParseOfficerLine(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
