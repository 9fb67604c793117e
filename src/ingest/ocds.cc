#include "ingest/ocds.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace cairn::ingest {
namespace {

using nlohmann::json;

bool IsIdentifiedObjectArray(const json& a) {
  return a.is_array() && !a.empty() &&
         std::all_of(a.begin(), a.end(), [](const json& e) { return e.is_object() && e.contains("id"); });
}

void Merge(json& into, const json& from) {
  for (const auto& [key, value] : from.items()) {
    if (value.is_null()) {
      into.erase(key);
    } else if (value.is_object() && into.contains(key) && into[key].is_object()) {
      Merge(into[key], value);
    } else if (IsIdentifiedObjectArray(value) && into.contains(key) && into[key].is_array()) {
      json& existing = into[key];
      for (const json& item : value) {
        auto same = std::find_if(existing.begin(), existing.end(), [&](const json& e) {
          return e.is_object() && e.contains("id") && e["id"] == item["id"];
        });
        if (same == existing.end()) existing.push_back(item);
        else Merge(*same, item);
      }
    } else {
      into[key] = value;
    }
  }
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// A release's date, or `otherwise` when it has none or it is not a string (json::value would
// throw on the wrong type: found by make fuzz).
std::string DateOf(const json& release, const char* otherwise) {
  auto it = release.find("date");
  return it != release.end() && it->is_string() ? it->get<std::string>() : otherwise;
}

}  // namespace

bool IsCompiledReleaseLine(std::string_view line) {
  json j = json::parse(line, nullptr, false);
  return j.is_object() && j.contains("ocid") && j["ocid"].is_string();
}

bool LooksLikeOcds(std::string_view first_line) {
  size_t start = first_line.find_first_not_of(" \t\r");
  if (start == std::string_view::npos || first_line[start] != '{') return false;
  if (IsCompiledReleaseLine(first_line)) return true;
  json j = json::parse(first_line, nullptr, false);
  // A pretty-printed package starts "{" on its own, or a one-line package has "releases".
  return j.is_discarded() || (j.is_object() && j.contains("releases"));
}

Result<std::optional<SourceRecord>> ParseCompiledReleaseLine(std::string_view line) {
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded()) return InvalidArgument("invalid JSON");
  if (!j.is_object()) return InvalidArgument("the line is not a JSON object");
  if (!j.contains("ocid") || !j["ocid"].is_string()) return InvalidField("ocid", "ocid is missing or not a string");
  return std::optional<SourceRecord>(SourceRecord{j["ocid"].get<std::string>(), Dump(j)});
}

Result<CompiledPackage> CompileReleasePackage(std::string_view text) {
  json package = json::parse(text, nullptr, false);
  if (package.is_discarded()) return InvalidArgument("not valid JSON");
  if (!package.is_object() || !package.contains("releases") || !package["releases"].is_array()) {
    return InvalidArgument("not an OCDS release package (no releases array)");
  }
  CompiledPackage out;
  std::map<std::string, std::vector<const json*>> by_ocid;
  const json& releases = package["releases"];
  for (size_t i = 0; i < releases.size(); ++i) {
    const json& r = releases[i];
    if (!r.is_object() || !r.contains("ocid") || !r["ocid"].is_string()) {
      out.rejects.push_back("releases[" + std::to_string(i) + "]: ocid is missing or not a string");
      continue;
    }
    by_ocid[r["ocid"].get<std::string>()].push_back(&r);
  }
  for (auto& [ocid, list] : by_ocid) {
    // Date order (ISO timestamps sort as text); releases without a date count as earliest.
    std::stable_sort(list.begin(), list.end(), [](const json* a, const json* b) {
      return DateOf(*a, "") < DateOf(*b, "");
    });
    json compiled = json::object();
    for (const json* r : list) Merge(compiled, *r);
    compiled["tag"] = json::array({"compiled"});
    compiled["id"] = ocid + "-" + DateOf(compiled, "compiled");
    out.records.push_back({ocid, Dump(compiled)});
  }
  return out;
}

}  // namespace cairn::ingest
