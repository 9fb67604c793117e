// What Cairn's TOML configuration files share (config/threat.toml, tasking.toml,
// self_assessment.toml, rapid_support.toml): parsing with the error naming file and line, the
// place of a key for an error message, and descending [[band]] lists. Header-only: include it
// from a library that links toml++.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace cairn::config {

// "source line N: key" (without the line when the node has none).
inline std::string Where(const std::string& source, const toml::node* node, const std::string& key) {
  std::string out = source;
  if (node && node->source().begin.line > 0) out += " line " + std::to_string(node->source().begin.line);
  return out + ": " + key;
}

// InvalidArgument "source line N: why" for a syntax error.
inline Result<toml::table> ParseToml(const std::string& text, const std::string& source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    return InvalidArgument(source + " line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
}

// The [[band]] list: each with a name and a min, highest first. InvalidArgument naming the
// place for none, a band without both, or minimums that do not go down.
inline Result<std::vector<std::pair<std::string, double>>> ParseBands(const toml::table& root, const std::string& source) {
  const toml::array* bands = root["band"].as_array();
  if (!bands || bands->empty()) return InvalidArgument(source + ": at least one [[band]] is needed");
  std::vector<std::pair<std::string, double>> out;
  for (const auto& b : *bands) {
    const toml::table* t = b.as_table();
    auto name = t ? (*t)["name"].value<std::string>() : std::nullopt;
    auto min = t ? (*t)["min"].value<double>() : std::nullopt;
    if (!name || !min) return InvalidArgument(Where(source, &b, "band") + " needs a name and a min");
    if (!out.empty() && *min >= out.back().second)
      return InvalidArgument(Where(source, &b, "band") + " minimums must go down, highest band first");
    out.emplace_back(*name, *min);
  }
  return out;
}

}  // namespace cairn::config
