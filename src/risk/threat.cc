#include "risk/threat.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <toml++/toml.h>

#include "config/toml_support.h"

#include "embedded/embedded.h"

namespace cairn::risk {
namespace {

using config::Where;

Result<std::vector<std::string>> Strings(const toml::table& root, const char* key, const std::string& source) {
  const toml::array* a = root[key].as_array();
  if (!a) return InvalidArgument(Where(source, root.get(key), key) + " must be a list of strings");
  std::vector<std::string> out;
  for (const auto& v : *a) {
    if (!v.is_string()) return InvalidArgument(Where(source, &v, key) + " must be a list of strings");
    out.push_back(*v.value<std::string>());
  }
  return out;
}

}  // namespace

Result<ThreatSettings> ParseThreatSettings(const std::string& text, const std::string& source) {
  CAIRN_ASSIGN_OR_RETURN(toml::table root, config::ParseToml(text, source));
  ThreatSettings s;
  auto share = root["attribute_share"].value<double>();
  if (!share || *share < 0 || *share > 1) {
    return InvalidArgument(Where(source, root.get("attribute_share"), "attribute_share") + " must be a number from 0 to 1");
  }
  s.attribute_share = *share;
  auto suppress = root["suppress_below"].value<int64_t>();
  if (suppress && *suppress < 1) return InvalidArgument(Where(source, root.get("suppress_below"), "suppress_below") + " must be 1 or more");
  if (suppress) s.suppress_below = int(*suppress);
  CAIRN_ASSIGN_OR_RETURN(s.confidence_grades, Strings(root, "confidence_grades", source));
  CAIRN_ASSIGN_OR_RETURN(s.crime_types, Strings(root, "crime_types", source));
  CAIRN_ASSIGN_OR_RETURN(s.scottish_postcode_areas, Strings(root, "scottish_postcode_areas", source));
  const toml::array* attributes = root["attribute"].as_array();
  if (!attributes || attributes->empty()) return InvalidArgument(source + ": at least one [[attribute]] is needed");
  for (const auto& a : *attributes) {
    const toml::table* t = a.as_table();
    auto code = t ? (*t)["code"].value<std::string>() : std::nullopt;
    auto weight = t ? (*t)["weight"].value<double>() : std::nullopt;
    if (!code || !weight || *weight < 0) {
      return InvalidArgument(Where(source, &a, "attribute") + " needs a code and a weight of 0 or more");
    }
    s.attributes.push_back({*code, (*t)["title"].value_or(*code), *weight});
  }
  CAIRN_ASSIGN_OR_RETURN(auto bands, config::ParseBands(root, source));
  for (const auto& [name, min] : bands) s.bands.push_back({name, min});
  return s;
}

const ThreatSettings& DefaultThreatSettings() {
  static const ThreatSettings kDefaults = [] {
    auto text = embedded::Find("config/threat.toml");
    auto parsed = ParseThreatSettings(std::string(text.value_or("")), "config/threat.toml");
    // The defaults are part of the binary and tested; a broken one is a build bug.
    if (!parsed.ok()) std::abort();
    return *parsed;
  }();
  return kDefaults;
}

Result<ThreatResult> Assess(const ThreatSettings& s, const ThreatInput& in) {
  double got = 0, most = 0;
  for (const auto& [code, _] : in.attributes) {
    bool known = std::any_of(s.attributes.begin(), s.attributes.end(), [&](const auto& a) { return a.code == code; });
    if (!known) return InvalidField("attributes." + code, "unknown attribute '" + code + "'");
  }
  for (const auto& a : s.attributes) {
    auto it = in.attributes.find(a.code);
    if (it == in.attributes.end()) return InvalidField("attributes." + a.code, "score " + a.title + " from 0 to 3");
    if (it->second < 0 || it->second > 3) return InvalidField("attributes." + a.code, a.title + " is scored 0 to 3");
    got += a.weight * it->second;
    most += a.weight * 3;
  }
  if (in.harm < 1 || in.harm > 5) return InvalidField("harm", "harm is 1 to 5");
  if (in.likelihood < 1 || in.likelihood > 5) return InvalidField("likelihood", "likelihood is 1 to 5");
  if (std::find(s.confidence_grades.begin(), s.confidence_grades.end(), in.confidence) == s.confidence_grades.end()) {
    return InvalidField("confidence", "confidence is one of the configured grades");
  }
  ThreatResult r;
  r.attribute_part = most > 0 ? got / most : 0;
  r.matrix_part = double(in.harm * in.likelihood) / 25.0;
  r.score = std::round(1000 * (s.attribute_share * r.attribute_part + (1 - s.attribute_share) * r.matrix_part)) / 10;
  for (const auto& b : s.bands) {
    if (r.score >= b.min) {
      r.band = b.name;
      break;
    }
  }
  if (r.band.empty()) r.band = s.bands.back().name;
  return r;
}

}  // namespace cairn::risk
