// The strategy's four strands: Divert, Deter, Detect, Disrupt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cairn::model {

struct Strand {
  int64_t id = 0;
  std::string code;  // "divert", "deter", "detect", "disrupt"
  std::string name;
  std::string aim;   // as written in the strategy
  std::optional<int64_t> lead_organisation_id;
  std::optional<std::string> lead_person;  // the named lead, where the seeds give one
  int position = 0;
};

}  // namespace cairn::model
