#include "ingest/ftm.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace cairn::ingest {

bool IsFtmLine(std::string_view line) {
  auto j = nlohmann::json::parse(line, nullptr, false);
  return j.is_object() && j.contains("schema") && j.contains("properties") && j.contains("id");
}

Result<std::optional<SourceRecord>> ParseFtmLine(std::string_view line) {
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded()) return InvalidArgument("invalid JSON");
  if (!j.is_object()) return InvalidArgument("the line is not a JSON object");
  if (!j.contains("id") || !j["id"].is_string() || j["id"].get<std::string>().empty()) {
    return InvalidField("id", "id is missing or not a string");
  }
  // A schema of the wrong type is a bad row, not an exception (json::value would throw).
  std::string schema = j.contains("schema") && j["schema"].is_string() ? j["schema"].get<std::string>() : "";
  if (std::find(kFtmSchemas.begin(), kFtmSchemas.end(), schema) == kFtmSchemas.end()) {
    return InvalidField("schema", "schema '" + schema + "' is not one Cairn maps");
  }
  if (!j.contains("properties") || !j["properties"].is_object()) {
    return InvalidField("properties", "properties is missing or not an object");
  }
  for (const auto& [name, values] : j["properties"].items()) {
    bool strings = values.is_array() && std::all_of(values.begin(), values.end(), [](const auto& v) { return v.is_string(); });
    if (!strings) return InvalidField(name, "properties." + name + " must be a list of strings");
  }
  return std::optional<SourceRecord>(
      SourceRecord{j["id"].get<std::string>(), j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
}

}  // namespace cairn::ingest
