// Files compiled into the binary by cairn_embed (cmake/CairnHelpers.cmake): migrations, seed
// data, the default configuration and the OpenAPI document. Paths are relative to the repo root.
#pragma once

#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace cairn::embedded {

// Every embedded file, keyed by its repo-relative path.
const std::map<std::string_view, std::string_view>& All();

// The contents of `path`, or nullopt if it was not embedded.
inline std::optional<std::string_view> Find(std::string_view path) {
  auto it = All().find(path);
  if (it == All().end()) return std::nullopt;
  return it->second;
}

// The paths that start with `prefix`, in sorted order.
inline std::vector<std::string_view> List(std::string_view prefix) {
  std::vector<std::string_view> out;
  for (const auto& [path, _] : All()) {
    if (path.substr(0, prefix.size()) == prefix) out.push_back(path);
  }
  return out;
}

}  // namespace cairn::embedded
