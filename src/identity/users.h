// Managing users: create, change, disable, list. Every change is audited with what changed;
// reading one user's record (personal data) is audited as a read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "model/user.h"

namespace cairn::identity {

struct NewUser {
  std::string username;
  std::string display_name;
  std::string email;
  std::string role;  // model::RoleName form
  int64_t organisation_id = 0;
  // When absent a one-time password is generated and the user must change it at first sign-in.
  std::optional<std::string> password;
};

struct CreatedUser {
  model::User user;
  std::optional<std::string> one_time_password;  // set when one was generated
};

// InvalidField naming the field for a bad username, name, email, role or organisation, or a
// password that breaks the rules; AlreadyExists("username") if taken.
Result<CreatedUser> CreateUser(const app::Env& env, const model::Actor& actor, const NewUser& in);

struct UserChanges {
  std::optional<std::string> display_name;
  std::optional<std::string> email;
  std::optional<std::string> role;
  std::optional<int64_t> organisation_id;
  std::optional<bool> disabled;
};

// Applies the present fields. Disabling a user ends all their sessions in the same
// transaction. An actor may not disable or demote themselves (FailedPrecondition).
Result<model::User> UpdateUser(const app::Env& env, const model::Actor& actor, int64_t id,
                               const UserChanges& changes);

// Gives the user a new one-time password (returned), which they must change at next sign-in,
// and ends their sessions.
Result<std::string> ResetPassword(const app::Env& env, const model::Actor& actor, int64_t id);

// Looks a user up by username (for the CLI). NotFound if absent.
Result<model::User> FindUserByUsername(const app::Env& env, const std::string& username);

Result<std::vector<model::User>> ListUsers(const app::Env& env, std::optional<int64_t> organisation_id);

// One user's record; audited as a read of restricted data.
Result<model::User> ReadUser(const app::Env& env, const model::Actor& actor, int64_t id);

}  // namespace cairn::identity
