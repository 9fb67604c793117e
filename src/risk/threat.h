// A SOC group's threat assessment: attribute scores in the style of organised crime group
// mapping and a harm × likelihood matrix in the style of MoRiLE, combined into a score and a
// band as config/threat.toml says (the file documents the formula).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace cairn::risk {

struct ThreatAttribute {
  std::string code, title;
  double weight = 0;
};

struct ThreatBand {
  std::string name;
  double min = 0;
};

struct ThreatSettings {
  std::vector<ThreatAttribute> attributes;
  std::vector<ThreatBand> bands;  // highest first
  double attribute_share = 0.5;
  int suppress_below = 5;
  std::vector<std::string> confidence_grades, crime_types, scottish_postcode_areas;
};

// The embedded config/threat.toml.
const ThreatSettings& DefaultThreatSettings();
// Parses a threat settings file. InvalidArgument naming the source, line and key for a missing
// or wrongly typed key, a negative weight, a share outside 0–1 or bands not in descending order.
Result<ThreatSettings> ParseThreatSettings(const std::string& text, const std::string& source);

struct ThreatInput {
  std::map<std::string, int> attributes;  // code → 0..3
  int harm = 0, likelihood = 0;           // 1..5
  std::string confidence;
};

struct ThreatResult {
  double attribute_part = 0, matrix_part = 0;  // each 0..1
  double score = 0;                            // 0..100
  std::string band;
};

// InvalidField naming the field for an unknown or missing attribute, a score out of range, or an
// unknown confidence grade.
Result<ThreatResult> Assess(const ThreatSettings& settings, const ThreatInput& input);

}  // namespace cairn::risk
