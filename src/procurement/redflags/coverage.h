// `cairn redflags coverage`: which OCDS fields the red flags read are present in a file, in how
// many processes, and so which indicators the data can support at all — the first question a
// procurement officer asks of a new publisher's data.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"

namespace cairn::procurement::redflags {

struct FieldCoverage {
  std::string path;                     // "bids/details/value/amount"; arrays are looked through
  std::vector<std::string> indicators;  // that need it
  uint64_t processes = 0;               // lines carrying a non-null value there
};

struct IndicatorSupport {
  std::string code;
  bool supported = false;      // every field it needs is in at least one process
  uint64_t processes = 0;      // processes carrying every field it needs
  std::vector<std::string> missing;  // needed fields no process carries
};

struct CoverageReport {
  uint64_t processes = 0;  // lines with a string ocid
  uint64_t invalid = 0;    // other non-blank lines
  std::vector<FieldCoverage> fields;
  std::vector<IndicatorSupport> indicators;

  nlohmann::json ToJson() const;
  std::string ToText() const;  // a table for the terminal
};

// Reads `path` ("-" for standard input) in parallel. NotFound if it cannot be opened.
Result<CoverageReport> Coverage(const std::string& path, const std::function<void(uint64_t, uint64_t)>& progress = {});

}  // namespace cairn::procurement::redflags
