// What an update changed, for the audit entry's detail: {"field": {"from": …, "to": …}}.
// Fields whose value did not change are left out, so an empty Changes means a no-op update.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace cairn::audit {

class Changes {
 public:
  // Records `field` if `from` and `to` differ.
  void Note(const std::string& field, const nlohmann::json& from, const nlohmann::json& to) {
    if (from != to) json_[field] = {{"from", from}, {"to", to}};
  }
  bool empty() const { return json_.empty(); }
  nlohmann::json& json() { return json_; }

 private:
  nlohmann::json json_ = nlohmann::json::object();
};

}  // namespace cairn::audit
