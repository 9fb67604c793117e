// Fuzzes the red flags' OCDS reader: one line of compiled release read into a Process, as
// `cairn redflags` does for every line (with a main currency and an exclusion, to reach both).
#include <simdjson.h>

#include <cstddef>
#include <cstdint>

#include "procurement/redflags/internal/read_process.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static simdjson::dom::parser parser;
  simdjson::padded_string json(reinterpret_cast<const char*>(data), size);
  simdjson::dom::element doc;
  if (parser.parse(json).get(doc) != simdjson::SUCCESS) return 0;
  simdjson::dom::object release;
  if (doc.get_object().get(release) != simdjson::SUCCESS) return 0;
  std::string_view ocid;
  if (release["ocid"].get_string().get(ocid) != simdjson::SUCCESS) return 0;
  cairn::procurement::redflags::Process process;
  std::vector<std::string> warnings;
  (void)cairn::procurement::redflags::internal::ReadProcess(release, "GBP", {"EXC"}, process, warnings);
  (void)cairn::procurement::redflags::internal::FirstBidCurrency(release);
  return 0;
}
