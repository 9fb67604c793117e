// Users: each belongs to one organisation and holds one role.
#pragma once

#include <cstdint>
#include <string>

#include "model/role.h"

namespace cairn::model {

struct User {
  int64_t id = 0;
  int64_t organisation_id = 0;
  std::string username;  // lower-case, [a-z0-9._-], 3–64 characters
  std::string display_name;
  std::string email;
  Role role = Role::kPartner;
  bool disabled = false;
  bool must_change_password = false;  // set for one-time passwords
  std::string created_at;
  std::string updated_at;
};

// A user as stored, with the argon2id hash that never leaves the identity layer.
struct UserCredentials {
  User user;
  std::string password_hash;
};

}  // namespace cairn::model
