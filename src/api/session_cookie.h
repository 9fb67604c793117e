// The session cookie: HttpOnly (no script can read it), SameSite=Strict (never sent on
// cross-site requests), Path=/, and Secure when served over TLS.
#pragma once

#include <string>

namespace cairn::api {

inline constexpr char kSessionCookieName[] = "cairn_session";
inline constexpr char kCsrfHeader[] = "X-CSRF-Token";

// A Set-Cookie value; an empty token with max_age 0 clears the cookie.
std::string SessionCookie(const std::string& token, int max_age_seconds, bool secure);

// The session token from a Cookie request header, or empty.
std::string SessionTokenFrom(const std::string& cookie_header);

}  // namespace cairn::api
