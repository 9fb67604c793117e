// Users table. All functions run inside a transaction lent by Database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "model/user.h"
#include "storage/database.h"

namespace cairn::storage {

struct UserFilter {
  std::optional<int64_t> organisation_id;
};

Result<std::vector<model::User>> ListUsers(Tx& tx, const UserFilter& filter = {});
// NotFound if absent.
Result<model::User> GetUser(Tx& tx, int64_t id);
// The user and password hash, or nullopt if no such username.
Result<std::optional<model::UserCredentials>> FindCredentials(Tx& tx, const std::string& username);
// Inserts and returns the new id; AlreadyExists if the username is taken.
Result<int64_t> InsertUser(Tx& tx, const model::UserCredentials& user);
// Overwrites display name, email, role, organisation, disabled, must_change_password and
// updated_at. NotFound if absent.
Status UpdateUser(Tx& tx, const model::User& user);
Status SetPasswordHash(Tx& tx, int64_t user_id, const std::string& hash, bool must_change,
                       const std::string& updated_at);
Result<int64_t> CountUsers(Tx& tx);

}  // namespace cairn::storage
