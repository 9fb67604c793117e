// A task's priority (config/tasking.toml): harm × likelihood × confidence, each 1–5, scaled to
// 0–100 and modified by the owning organisation's declared capacity, with every factor kept so
// that the page can show how the total came about.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace cairn::taskforce {

struct PrioritySettings {
  std::map<std::string, double> capacity_modifiers;  // "full" → 1.0
  struct Band {
    std::string name;
    double min = 0;
  };
  std::vector<Band> bands;  // highest first
};

// InvalidArgument naming the source, line and key for a syntax error or a missing or bad value.
Result<PrioritySettings> ParsePrioritySettings(const std::string& text, const std::string& source);
// The embedded config/tasking.toml.
const PrioritySettings& DefaultPrioritySettings();

struct PriorityInput {
  int harm = 0, likelihood = 0, confidence = 0;  // each 1 to 5
  std::string capacity = "full";                  // the owner's; "" counts as full
};

struct Priority {
  double base = 0;      // 100 × harm × likelihood × confidence ÷ 125
  double modifier = 1;  // from the capacity
  double score = 0;     // base × modifier, at most 100, to one decimal
  std::string band;
  std::string capacity;
};

// InvalidField("harm" | "likelihood" | "confidence" | "capacity") for a value out of range or a
// capacity the settings do not know.
Result<Priority> ScorePriority(const PrioritySettings& s, const PriorityInput& in);

}  // namespace cairn::taskforce
