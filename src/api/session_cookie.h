// The session cookie: HttpOnly (no script can read it), SameSite=Strict (never sent on
// cross-site requests), Path=/, and over TLS Secure and named with the __Host- prefix, so the
// browser takes it only from this host over HTTPS and no sibling subdomain can set one in its
// place (ASVS 3.4.4). Plain HTTP (a local `make run`) keeps the unprefixed name, which browsers
// would refuse with the prefix.
#pragma once

#include <string>

namespace cairn::api {

inline constexpr char kSessionCookieName[] = "cairn_session";
inline constexpr char kSecureSessionCookieName[] = "__Host-cairn_session";
inline constexpr char kCsrfHeader[] = "X-CSRF-Token";

// A Set-Cookie value; an empty token with max_age 0 clears the cookie.
std::string SessionCookie(const std::string& token, int max_age_seconds, bool secure);

// The session token from a Cookie request header, or empty. A secure server reads only the
// prefixed name: an unprefixed cookie may have been planted by another host.
std::string SessionTokenFrom(const std::string& cookie_header, bool secure);

}  // namespace cairn::api
