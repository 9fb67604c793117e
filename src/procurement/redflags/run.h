// `cairn redflags`: every enabled red flag over a file of line-delimited OCDS compiled releases,
// in the output shape of Open Contracting's Cardinal (FORMATS.md). The file is read in blocks
// whose lines are parsed and folded in parallel (TBB), so memory does not grow with the file,
// only with the parties and processes the fence-based indicators must remember.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "procurement/redflags/settings.h"

namespace cairn::procurement::redflags {

struct RunOptions {
  bool parse_only = false;  // parse every line and do nothing else: the benchmark's baseline
  size_t max_warnings = 1000;  // kept in the report, in line order; the rest are only counted
  std::function<void(uint64_t done, uint64_t total)> progress;  // bytes read, file size (0 if unknown)
};

struct Counts {
  uint64_t lines = 0;      // non-blank lines
  uint64_t processes = 0;  // lines the indicators looked at
  uint64_t invalid = 0;    // skipped: not JSON, not an object, or no string ocid
  uint64_t cancelled = 0;  // skipped: tender/status "cancelled"
  uint64_t excluded = 0;   // skipped: [exclusions] procurement_method_details
};

struct Report {
  // {"OCID": {ocid: {code: value}}, …} as compact JSON text: written straight from the flags, as
  // a million processes' results are too many small objects to build as a JSON tree first.
  std::string results = "{}";
  nlohmann::json meta = nlohmann::json::object();     // computed fences, currency, counts
  Counts counts;
  std::vector<std::string> warnings;  // "line N: …", first max_warnings in line order
  uint64_t warnings_total = 0;
  std::string currency;  // the main currency used

  // The Cardinal-shaped object: results plus "Meta" unless `with_meta` is false.
  std::string Text(bool with_meta) const;
  nlohmann::json Output(bool with_meta) const { return nlohmann::json::parse(Text(with_meta)); }
};

// Reads `path` ("-" for standard input). Bad lines (invalid JSON or UTF-8, not an object, no
// string ocid) and unusable values (unparsable dates and amounts, another currency) are warned
// about with their line number and skipped; they never stop the run. NotFound if the file cannot
// be opened; DataLoss if reading fails part-way.
Result<Report> RunRedFlags(const std::string& path, const Settings& settings, const RunOptions& options);

}  // namespace cairn::procurement::redflags
