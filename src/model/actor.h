// Who is doing something: a signed-in user, or the system itself (CLI, seeding).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/role.h"

namespace cairn::model {

struct Actor {
  std::optional<int64_t> user_id;          // nullopt for the system or an anonymous caller
  std::optional<int64_t> organisation_id;
  std::optional<Role> role;                // nullopt when anonymous
  std::string name;                        // username, or "system" / "anonymous"
  std::string source;                      // client IP, or "cli"

  static Actor System(std::string source = "cli") {
    return {std::nullopt, std::nullopt, std::nullopt, "system", std::move(source)};
  }
};

}  // namespace cairn::model
