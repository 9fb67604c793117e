// Sign-in, sessions and sign-out.
//
// A session is a 256-bit random token held by the browser in an HttpOnly cookie; the store
// keeps only its SHA-256. Each session has a CSRF token that state-changing requests must echo
// in the X-CSRF-Token header. Sessions end after the configured idle time, at the absolute
// limit, on sign-out, or at once when their user is disabled.
//
// Repeated failures for one username within the window lock that username for the lockout
// time. Every sign-in attempt, success or failure, is audited.
#pragma once

#include <string>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "model/user.h"

namespace cairn::identity {

struct LoginResult {
  std::string token;       // for the cookie; never stored
  std::string csrf_token;
  model::User user;
};

// Unauthenticated("wrong username or password") for any bad credentials or a disabled user;
// ResourceExhausted when the username is locked by throttling.
Result<LoginResult> Login(const app::Env& env, const std::string& username,
                          const std::string& password, const std::string& source);

struct SessionContext {
  model::User user;
  std::string token_hash;
  std::string csrf_token;
};

// The session behind `token`. Unauthenticated if unknown, idle too long, past its absolute
// expiry, or its user is disabled; expired sessions are deleted.
Result<SessionContext> Authenticate(const app::Env& env, const std::string& token);

// The actor for audit and policy, from a session.
model::Actor ActorFor(const SessionContext& session, const std::string& source);

Status Logout(const app::Env& env, const SessionContext& session, const std::string& source);

// Replaces the signed-in user's password after checking the current one and the rules.
// Clears must_change_password. Other sessions of the user are ended.
Status ChangePassword(const app::Env& env, const SessionContext& session,
                      const std::string& current_password, const std::string& new_password,
                      const std::string& source);

}  // namespace cairn::identity
