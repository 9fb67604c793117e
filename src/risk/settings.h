// Detection settings: thresholds and weights of every indicator, from TOML. The embedded
// config/detection.toml is both the defaults and the schema: a given file may only set keys it
// has, with the same type, so a typo is an error rather than a silently ignored line.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace cairn::risk {

// One table of the file: an indicator such as [C1], or [risk].
struct Section {
  bool enabled = true;
  std::map<std::string, double> numbers;  // includes weight
  std::map<std::string, std::vector<std::string>> lists;

  // REQUIRES: the key is in the defaults (they are the schema, so every caller's key is).
  double Number(const std::string& key) const { return numbers.at(key); }
  const std::vector<std::string>& List(const std::string& key) const { return lists.at(key); }
  double weight() const { return numbers.at("weight"); }
};

struct Settings {
  std::map<std::string, Section> sections;  // "C1" … "L1", "risk"
  const Section& operator[](const std::string& name) const { return sections.at(name); }
};

// The embedded defaults.
Settings DefaultSettings();

// The defaults overlaid with `text`. InvalidArgument naming `source_name`, the line and the key
// for a TOML syntax error, an unknown section or key, a value of the wrong type, a negative
// number or a weight above 1.
Result<Settings> ParseSettings(const std::string& text, const std::string& source_name);

// Reads `path`; an empty path yields the defaults.
Result<Settings> LoadSettings(const std::string& path);

}  // namespace cairn::risk
