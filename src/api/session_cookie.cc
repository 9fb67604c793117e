#include "api/session_cookie.h"

namespace cairn::api {
namespace {

// Over TLS the cookie carries the __Host- prefix (session_cookie.h).
std::string CookieName(bool secure) { return secure ? kSecureSessionCookieName : kSessionCookieName; }

}  // namespace

std::string SessionCookie(const std::string& token, int max_age_seconds, bool secure) {
  std::string c = CookieName(secure) + "=" + token +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds);
  if (secure) c += "; Secure";
  return c;
}

std::string SessionTokenFrom(const std::string& header, bool secure) {
  const std::string key = CookieName(secure) + "=";
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    size_t start = header.find_first_not_of(' ', pos);
    if (start != std::string::npos && start < end && header.compare(start, key.size(), key) == 0) {
      return header.substr(start + key.size(), end - start - key.size());
    }
    pos = end + 1;
  }
  return "";
}

}  // namespace cairn::api
