#include "storage/sessions.h"

#include "storage/internal/soci_types.h"

namespace cairn::storage {

Status InsertSession(Tx& tx, const SessionRow& s) {
  tx.sql() << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
              "expires_at) VALUES (:t, :u, :c, :cr, :l, :e)",
      soci::use(s.token_hash), soci::use(s.user_id), soci::use(s.csrf_token),
      soci::use(s.created_at), soci::use(s.last_seen_at), soci::use(s.expires_at);
  return Status::Ok();
}

Result<std::optional<SessionRow>> FindSession(Tx& tx, const std::string& token_hash) {
  SessionRow s;
  tx.sql() << "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at "
              "FROM sessions WHERE token_hash = :t",
      soci::use(token_hash), soci::into(s.token_hash), soci::into(s.user_id),
      soci::into(s.csrf_token), soci::into(s.created_at), soci::into(s.last_seen_at),
      soci::into(s.expires_at);
  if (!tx.sql().got_data()) return std::optional<SessionRow>();
  return std::optional<SessionRow>(s);
}

Status TouchSession(Tx& tx, const std::string& token_hash, const std::string& last_seen_at) {
  tx.sql() << "UPDATE sessions SET last_seen_at = :l WHERE token_hash = :t",
      soci::use(last_seen_at), soci::use(token_hash);
  return Status::Ok();
}

Status DeleteSession(Tx& tx, const std::string& token_hash) {
  tx.sql() << "DELETE FROM sessions WHERE token_hash = :t", soci::use(token_hash);
  return Status::Ok();
}

Result<int64_t> DeleteUserSessions(Tx& tx, int64_t user_id) {
  soci::statement st =
      (tx.sql().prepare << "DELETE FROM sessions WHERE user_id = :u", soci::use(user_id));
  st.execute(true);
  return int64_t{st.get_affected_rows()};
}

Status DeleteOtherSessions(Tx& tx, int64_t user_id, const std::string& keep_token_hash) {
  tx.sql() << "DELETE FROM sessions WHERE user_id = :u AND token_hash <> :t", soci::use(user_id),
      soci::use(keep_token_hash);
  return Status::Ok();
}

Result<std::optional<ThrottleRow>> FindThrottle(Tx& tx, const std::string& username) {
  ThrottleRow r;
  tx.sql() << "SELECT username, failures, window_start, locked_until FROM login_throttle "
              "WHERE username = :u",
      soci::use(username), soci::into(r.username), soci::into(r.failures),
      soci::into(r.window_start), soci::into(r.locked_until);
  if (!tx.sql().got_data()) return std::optional<ThrottleRow>();
  return std::optional<ThrottleRow>(r);
}

Status UpsertThrottle(Tx& tx, const ThrottleRow& r) {
  tx.sql() << "INSERT INTO login_throttle (username, failures, window_start, locked_until) "
              "VALUES (:u, :f, :w, :l) ON CONFLICT (username) DO UPDATE SET failures = "
              "excluded.failures, window_start = excluded.window_start, locked_until = "
              "excluded.locked_until",
      soci::use(r.username), soci::use(r.failures), soci::use(r.window_start),
      soci::use(r.locked_until);
  return Status::Ok();
}

Status ClearThrottle(Tx& tx, const std::string& username) {
  tx.sql() << "DELETE FROM login_throttle WHERE username = :u", soci::use(username);
  return Status::Ok();
}

}  // namespace cairn::storage
