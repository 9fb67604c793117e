#include "taskforce/priority.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "config/toml_support.h"
#include "embedded/embedded.h"

namespace cairn::taskforce {
using config::Where;

Result<PrioritySettings> ParsePrioritySettings(const std::string& text, const std::string& source) {
  CAIRN_ASSIGN_OR_RETURN(toml::table root, config::ParseToml(text, source));
  PrioritySettings s;
  const toml::table* capacity = root["capacity"].as_table();
  if (!capacity || capacity->empty()) return InvalidArgument(source + ": a [capacity] table of modifiers is needed");
  for (const auto& [key, value] : *capacity) {
    auto m = value.value<double>();
    if (!m || *m <= 0) return InvalidArgument(Where(source, &value, "capacity." + std::string(key.str())) + " must be a number above 0");
    s.capacity_modifiers[std::string(key.str())] = *m;
  }
  if (!s.capacity_modifiers.count("full")) return InvalidArgument(source + ": capacity.full is needed (the default)");
  CAIRN_ASSIGN_OR_RETURN(auto bands, config::ParseBands(root, source));
  for (const auto& [name, min] : bands) s.bands.push_back({name, min});
  return s;
}

const PrioritySettings& DefaultPrioritySettings() {
  static const PrioritySettings kDefaults = [] {
    auto text = embedded::Find("config/tasking.toml");
    auto parsed = ParsePrioritySettings(std::string(text.value_or("")), "config/tasking.toml");
    // The defaults are part of the binary and tested; a broken one is a build bug.
    if (!parsed.ok()) std::abort();
    return *parsed;
  }();
  return kDefaults;
}

Result<Priority> ScorePriority(const PrioritySettings& s, const PriorityInput& in) {
  for (auto [field, value] : {std::pair{"harm", in.harm}, std::pair{"likelihood", in.likelihood},
                              std::pair{"confidence", in.confidence}}) {
    if (value < 1 || value > 5) return InvalidField(field, std::string(field) + " is scored 1 to 5");
  }
  Priority p;
  p.capacity = in.capacity.empty() ? "full" : in.capacity;
  auto m = s.capacity_modifiers.find(p.capacity);
  if (m == s.capacity_modifiers.end()) return InvalidField("capacity", "unknown capacity '" + p.capacity + "'");
  p.modifier = m->second;
  p.base = 100.0 * in.harm * in.likelihood * in.confidence / 125.0;
  p.score = std::min(100.0, std::round(10 * p.base * p.modifier) / 10);
  p.band = s.bands.back().name;
  for (const auto& b : s.bands) {
    if (p.score >= b.min) {
      p.band = b.name;
      break;
    }
  }
  return p;
}

}  // namespace cairn::taskforce
