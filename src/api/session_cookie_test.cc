#include "api/session_cookie.h"

#include <gtest/gtest.h>

namespace cairn::api {
namespace {

TEST(SessionCookie, IsHttpOnlyStrictAndSecureOnlyOverTls) {
  std::string plain = SessionCookie("tok", 60, false);
  EXPECT_NE(plain.find("HttpOnly"), std::string::npos);
  EXPECT_NE(plain.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(plain.find("Secure"), std::string::npos);
  EXPECT_NE(SessionCookie("tok", 60, true).find("; Secure"), std::string::npos);
}

TEST(SessionCookie, FindsTheTokenAmongOtherCookies) {
  EXPECT_EQ(SessionTokenFrom("a=1; cairn_session=abc; b=2"), "abc");
  EXPECT_EQ(SessionTokenFrom("cairn_session=xyz"), "xyz");
  EXPECT_EQ(SessionTokenFrom("not_cairn_session=abc"), "");
  EXPECT_EQ(SessionTokenFrom(""), "");
}

}  // namespace
}  // namespace cairn::api
