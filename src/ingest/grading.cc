#include "ingest/grading.h"

#include <map>

namespace cairn::ingest {
namespace {

// 5x5x5 source evaluation → 3x5x2: A always reliable, B mostly reliable → 1 reliable;
// C sometimes reliable, E untested → 2 untested; D unreliable → 3 not reliable.
const std::map<std::string, std::string> kSource = {{"A", "1"}, {"B", "1"}, {"C", "2"}, {"D", "3"}, {"E", "2"}};
// 5x5x5 intelligence assessment → 3x5x2 information: 1 known to be true, 2 known personally to
// the source → A known directly; 3 corroborated → B; 4 cannot be judged → D not known;
// 5 suspected false → E.
const std::map<std::string, std::string> kInformation = {{"1", "A"}, {"2", "A"}, {"3", "B"}, {"4", "D"}, {"5", "E"}};
// 5x5x5 handling → 3x5x2: 1 and 2 (may be shared with law enforcement and other UK agencies) →
// P lawful sharing permitted; 3 to 5 carry restrictions → C, with the restriction as a condition.
const std::map<std::string, std::pair<std::string, std::string>> kHandling = {
    {"1", {"P", ""}},
    {"2", {"P", ""}},
    {"3", {"C", "legacy handling 3: share outside the UK only with the originator's agreement"}},
    {"4", {"C", "legacy handling 4: only within the originating agency"}},
    {"5", {"C", "legacy handling 5: no further dissemination; refer to the originator"}},
};

std::string Get(const nlohmann::json& r, const char* key) {
  auto it = r.find(key);
  return it != r.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Status NormaliseGrading(nlohmann::json& r) {
  std::string source = Get(r, "source_grade"), information = Get(r, "information_grade"),
              handling = Get(r, "handling_code");
  bool legacy = kSource.count(source) > 0;
  if (!legacy) {
    if (kInformation.count(information)) {
      return InvalidField("information_grade", "information_grade: '" + information +
                                                   "' is a 5x5x5 grade but source_grade '" + source + "' is 3x5x2");
    }
    if (kHandling.count(handling)) {
      return InvalidField("handling_code",
                          "handling_code: '" + handling + "' is a 5x5x5 code but source_grade '" + source + "' is 3x5x2");
    }
    return Status::Ok();
  }
  auto info = kInformation.find(information);
  if (info == kInformation.end()) {
    return InvalidField("information_grade", "information_grade: a 5x5x5 record (source_grade " + source +
                                                 ") needs 1 to 5, not '" + information + "'");
  }
  auto handle = kHandling.find(handling);
  if (handle == kHandling.end()) {
    return InvalidField("handling_code", "handling_code: a 5x5x5 record (source_grade " + source +
                                             ") needs 1 to 5, not '" + handling + "'");
  }
  r["legacy_grading"] = {{"model", "5x5x5"}, {"source", source}, {"intelligence", information}, {"handling", handling}};
  r["source_grade"] = kSource.at(source);
  r["information_grade"] = info->second;
  r["handling_code"] = handle->second.first;
  std::string conditions = Get(r, "handling_conditions");
  if (!handle->second.second.empty()) {
    r["handling_conditions"] = conditions.empty() ? handle->second.second : conditions + "; " + handle->second.second;
  }
  return Status::Ok();
}

}  // namespace cairn::ingest
