// Small readers of stored records shared by the engine's pipelines.
#pragma once

#include <cctype>
#include <nlohmann/json.hpp>
#include <string>

namespace cairn::engine::internal {

// j[key] if it is a string, else "".
inline std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The letters a postcode starts with, in upper case: "eh1 1aa" → "EH".
inline std::string PostcodeArea(const std::string& postcode) {
  std::string area;
  for (char c : postcode) {
    if (!std::isalpha(static_cast<unsigned char>(c))) break;
    area += char(std::toupper(static_cast<unsigned char>(c)));
  }
  return area;
}

}  // namespace cairn::engine::internal
