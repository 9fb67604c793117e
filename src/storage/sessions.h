// Sessions and login-throttle tables. All functions run inside a transaction lent by Database.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct SessionRow {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;  // absolute expiry
};

Status InsertSession(Tx& tx, const SessionRow& s);
Result<std::optional<SessionRow>> FindSession(Tx& tx, const std::string& token_hash);
Status TouchSession(Tx& tx, const std::string& token_hash, const std::string& last_seen_at);
Status DeleteSession(Tx& tx, const std::string& token_hash);
// Ends every session of `user_id`; returns how many there were.
Result<int64_t> DeleteUserSessions(Tx& tx, int64_t user_id);
// Ends every session of `user_id` but the one whose hash is `keep_token_hash`.
Status DeleteOtherSessions(Tx& tx, int64_t user_id, const std::string& keep_token_hash);

struct ThrottleRow {
  std::string username;
  int failures = 0;
  std::string window_start;
  std::optional<std::string> locked_until;
};

Result<std::optional<ThrottleRow>> FindThrottle(Tx& tx, const std::string& username);
Status UpsertThrottle(Tx& tx, const ThrottleRow& row);
Status ClearThrottle(Tx& tx, const std::string& username);

}  // namespace cairn::storage
