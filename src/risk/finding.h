// A finding: one indicator firing on one entity, with the records that made it fire. A prompt
// for review, never a verdict (INDICATORS.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cairn::risk {

// A source record behind a finding, and what it shows.
struct Evidence {
  int64_t record = 0;
  std::string note = {};
  bool operator==(const Evidence&) const = default;
};

struct Finding {
  std::string indicator = {};  // "C1" … "L1"
  uint32_t node = 0;      // index into the Network
  double score = 0;       // 0..1
  std::string summary = {};    // one sentence a person can check against the evidence
  std::vector<Evidence> evidence = {};
  // Restricted findings rest on intelligence: only the owner's analysts may see them.
  bool restricted = false;
  std::optional<int64_t> owner = {};
};

}  // namespace cairn::risk
