// How two records are compared, field by field. Each Comparison turns a pair into an
// agreement level (higher = closer) or kMissing when either side lacks the field; the
// Fellegi–Sunter model (model.h) learns how much each level says about a match.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "resolve/record.h"

namespace cairn::resolve {

inline constexpr uint8_t kMissing = 255;

struct Comparison {
  std::string name;                 // the role's name
  Role role;
  std::vector<std::string> levels;  // labels, lowest agreement first, e.g. "different", "exact"
  bool term_frequency = false;      // an exact match on a common value counts for less
  // The level for `a` vs `b`, or kMissing.
  uint8_t (*compare)(const Record& a, const Record& b, Role role) = nullptr;

  uint8_t top() const { return uint8_t(levels.size() - 1); }
};

// The comparisons for the roles present, in a fixed order.
std::vector<Comparison> ComparisonsFor(const std::vector<Role>& roles);

}  // namespace cairn::resolve
