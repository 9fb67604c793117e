#include "identity/sessions.h"

#include <algorithm>

#include "audit/chain.h"
#include "common/crypto.h"
#include "common/time.h"
#include "identity/password.h"
#include "storage/sessions.h"
#include "storage/users.h"

namespace cairn::identity {
namespace {

// Last-seen times are written at most this often, so a busy user does not write on every request.
constexpr std::chrono::seconds kTouchEvery{60};
constexpr size_t kMaxUsernameInAudit = 64;

std::string Normalise(const std::string& username) {
  std::string out = username.substr(0, kMaxUsernameInAudit);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

TimePoint ParseOr(const std::string& text, TimePoint fallback) {
  auto t = ParseTimestamp(text);
  return t.ok() ? *t : fallback;
}

// Records a failed attempt, locking the username when the count reaches the limit.
Status RecordFailure(storage::Tx& tx, const app::Env& env, const std::string& username) {
  TimePoint now = env.clock.Now();
  CAIRN_ASSIGN_OR_RETURN(auto existing, storage::FindThrottle(tx, username));
  storage::ThrottleRow row{username, 0, FormatTimestamp(now), std::nullopt};
  if (existing && ParseOr(existing->window_start, now) + env.settings.login_window > now) {
    row = *existing;
  }
  row.failures += 1;
  if (row.failures >= env.settings.login_max_failures) {
    row.locked_until = FormatTimestamp(now + env.settings.login_lockout);
  }
  return storage::UpsertThrottle(tx, row);
}

}  // namespace

Result<LoginResult> Login(const app::Env& env, const std::string& raw_username,
                          const std::string& password, const std::string& source) {
  const std::string username = Normalise(raw_username);
  const TimePoint now = env.clock.Now();
  std::optional<model::UserCredentials> creds;
  std::optional<std::string> locked_until;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) {
    CAIRN_ASSIGN_OR_RETURN(auto throttle, storage::FindThrottle(tx, username));
    if (throttle && throttle->locked_until && ParseOr(*throttle->locked_until, now) > now) {
      locked_until = throttle->locked_until;
    }
    CAIRN_ASSIGN_OR_RETURN(creds, storage::FindCredentials(tx, username));
    return Status::Ok();
  }));

  // Verify even for unknown users so response time does not reveal which usernames exist.
  bool password_ok = VerifyPassword(creds ? creds->password_hash : DummyHash(), password);
  std::string failure;
  if (locked_until) failure = "locked";
  else if (!creds) failure = "unknown_user";
  else if (!password_ok) failure = "wrong_password";
  else if (creds->user.disabled) failure = "disabled";

  model::Actor actor{creds ? std::optional(creds->user.id) : std::nullopt,
                     creds ? std::optional(creds->user.organisation_id) : std::nullopt,
                     creds ? std::optional(creds->user.role) : std::nullopt, username, source};
  LoginResult result;
  // The failure path commits too: the audit entry and throttle count must persist.
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
    if (!failure.empty()) {
      if (failure != "locked") CAIRN_RETURN_IF_ERROR(RecordFailure(tx, env, username));
      return audit::Append(tx, env.clock, actor,
                           {"login_failed", "session", "", false, {{"reason", failure}}});
    }
    result.token = RandomToken();
    result.csrf_token = RandomToken();
    result.user = creds->user;
    storage::SessionRow row{Sha256Hex(result.token), creds->user.id, result.csrf_token,
                            FormatTimestamp(now), FormatTimestamp(now),
                            FormatTimestamp(now + env.settings.session_absolute)};
    CAIRN_RETURN_IF_ERROR(storage::InsertSession(tx, row));
    CAIRN_RETURN_IF_ERROR(storage::ClearThrottle(tx, username));
    return audit::Append(tx, env.clock, actor, {"login", "session", "", true, {}});
  }));
  if (failure == "locked") {
    return ResourceExhausted("too many failed sign-ins for this username; try again after " +
                             *locked_until);
  }
  if (!failure.empty()) return Unauthenticated("wrong username or password");
  return result;
}

Result<SessionContext> Authenticate(const app::Env& env, const std::string& token) {
  if (token.empty()) return Unauthenticated("sign in first");
  const std::string hash = Sha256Hex(token);
  const TimePoint now = env.clock.Now();
  SessionContext ctx;
  bool expired = false;
  bool touch = false;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto row, storage::FindSession(tx, hash));
    if (!row) return Unauthenticated("your session is not valid; sign in again");
    TimePoint last_seen = ParseOr(row->last_seen_at, TimePoint{});
    expired = ParseOr(row->expires_at, TimePoint{}) <= now ||
              last_seen + env.settings.session_idle <= now;
    touch = last_seen + kTouchEvery <= now;
    ctx.token_hash = hash;
    ctx.csrf_token = row->csrf_token;
    CAIRN_ASSIGN_OR_RETURN(ctx.user, storage::GetUser(tx, row->user_id));
    return Status::Ok();
  }));
  if (expired) {
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) { return storage::DeleteSession(tx, hash); }));
    return Unauthenticated("your session has expired; sign in again");
  }
  if (ctx.user.disabled) return Unauthenticated("this account is disabled");
  if (touch) {
    CAIRN_RETURN_IF_ERROR(env.db.Write(
        [&](storage::Tx& tx) { return storage::TouchSession(tx, hash, FormatTimestamp(now)); }));
  }
  return ctx;
}

model::Actor ActorFor(const SessionContext& s, const std::string& source) {
  return {s.user.id, s.user.organisation_id, s.user.role, s.user.username, source};
}

Status Logout(const app::Env& env, const SessionContext& session, const std::string& source) {
  return env.db.Write([&](storage::Tx& tx) {
    CAIRN_RETURN_IF_ERROR(storage::DeleteSession(tx, session.token_hash));
    return audit::Append(tx, env.clock, ActorFor(session, source), {"logout", "session", "", true, {}});
  });
}

Status ChangePassword(const app::Env& env, const SessionContext& session,
                      const std::string& current_password, const std::string& new_password,
                      const std::string& source) {
  CAIRN_RETURN_IF_ERROR(CheckPasswordRules(new_password, env.settings.password_min_length));
  if (new_password == current_password) {
    return InvalidField("new_password", "must differ from the current password");
  }
  std::optional<model::UserCredentials> creds;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(creds, storage::FindCredentials(tx, session.user.username));
    return Status::Ok();
  }));
  if (!creds || !VerifyPassword(creds->password_hash, current_password)) {
    return InvalidField("current_password", "is not your current password");
  }
  CAIRN_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password));
  return env.db.Write([&](storage::Tx& tx) {
    std::string now = FormatTimestamp(env.clock.Now());
    CAIRN_RETURN_IF_ERROR(storage::SetPasswordHash(tx, session.user.id, hash, false, now));
    // Other sessions may belong to whoever knew the old password.
    CAIRN_RETURN_IF_ERROR(storage::DeleteOtherSessions(tx, session.user.id, session.token_hash));
    return audit::Append(tx, env.clock, ActorFor(session, source),
                         {"change_password", "user", std::to_string(session.user.id), true, {}});
  });
}

}  // namespace cairn::identity
