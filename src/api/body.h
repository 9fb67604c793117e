// Strict reading of a JSON request body: every field is typed, required fields must be there,
// and any field the endpoint does not know is an error (so a typo is not silently ignored).
// Errors are InvalidField naming the field.
//
//   Body b(json);
//   CAIRN_ASSIGN_OR_RETURN(std::string name, b.String("name"));
//   CAIRN_ASSIGN_OR_RETURN(auto region, b.OptString("region"));
//   CAIRN_RETURN_IF_ERROR(b.Finish());
#pragma once

#include <nlohmann/json.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/status.h"

namespace cairn::api {

class Body {
 public:
  // REQUIRES: `json` is an object (the server checks before handlers run).
  explicit Body(const nlohmann::json& json) : json_(json) {}

  Result<std::string> String(const std::string& field);
  Result<std::optional<std::string>> OptString(const std::string& field);
  // Absent → nullopt; null → optional holding nullopt; a string → that string.
  Result<std::optional<std::optional<std::string>>> NullableString(const std::string& field);
  Result<int64_t> Int(const std::string& field);
  Result<std::optional<int64_t>> OptInt(const std::string& field);
  Result<std::optional<bool>> OptBool(const std::string& field);
  // A list of strings (at most 100).
  Result<std::optional<std::vector<std::string>>> OptStringList(const std::string& field);
  // A list of whole numbers (at most 100).
  Result<std::optional<std::vector<int64_t>>> OptIntList(const std::string& field);
  // A string longer than the usual limit allows (an uploaded file's text), up to `max_bytes`.
  Result<std::optional<std::string>> OptText(const std::string& field, size_t max_bytes);
  // A number, whole or not.
  Result<std::optional<double>> OptNumber(const std::string& field);
  // A list of at most `max` objects, for the caller to read each with its own Body.
  Result<std::optional<std::vector<nlohmann::json>>> OptObjectList(const std::string& field, size_t max);
  // An object whose values are whole numbers; errors name "field.key".
  Result<std::map<std::string, int64_t>> IntMap(const std::string& field);

  // InvalidField for the first field present in the body that no accessor asked for.
  Status Finish() const;

 private:
  const nlohmann::json* Get(const std::string& field);

  const nlohmann::json& json_;
  std::set<std::string> seen_;
};

// Reads the list of objects `field` (absent: empty), each with `read(Body&)` → Result<T>; an error
// in an item names it, "field[i].name".
template <typename T, typename Read>
Result<std::vector<T>> ReadObjectList(Body& b, const char* field, Read read, size_t max = 200) {
  CAIRN_ASSIGN_OR_RETURN(auto items, b.OptObjectList(field, max));
  std::vector<T> out;
  if (!items) return out;
  for (size_t i = 0; i < items->size(); ++i) {
    Body item((*items)[i]);
    std::string at = std::string(field) + "[" + std::to_string(i) + "].";
    auto prefixed = [&](Status s) { return InvalidField(at + s.field(), at + s.message()); };
    auto x = read(item);
    if (!x.ok()) return prefixed(x.status());
    Status done = item.Finish();
    if (!done.ok()) return prefixed(done);
    out.push_back(std::move(*x));
  }
  return out;
}

}  // namespace cairn::api
