#include "api/session_cookie.h"

#include <gtest/gtest.h>

namespace cairn::api {
namespace {

TEST(SessionCookie, IsHttpOnlyStrictAndSecureOnlyOverTls) {
  std::string plain = SessionCookie("tok", 60, false);
  EXPECT_NE(plain.find("HttpOnly"), std::string::npos);
  EXPECT_NE(plain.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(plain.find("Secure"), std::string::npos);
  EXPECT_EQ(plain.rfind("cairn_session=tok;", 0), 0u);
  std::string secure = SessionCookie("tok", 60, true);
  EXPECT_NE(secure.find("; Secure"), std::string::npos);
  // The __Host- prefix: the browser keeps it only if Secure, Path=/ and no Domain.
  EXPECT_EQ(secure.rfind("__Host-cairn_session=tok;", 0), 0u);
  EXPECT_NE(secure.find("; Path=/;"), std::string::npos);
  EXPECT_EQ(secure.find("Domain"), std::string::npos);
}

TEST(SessionCookie, FindsTheTokenAmongOtherCookies) {
  EXPECT_EQ(SessionTokenFrom("a=1; cairn_session=abc; b=2", false), "abc");
  EXPECT_EQ(SessionTokenFrom("cairn_session=xyz", false), "xyz");
  EXPECT_EQ(SessionTokenFrom("not_cairn_session=abc", false), "");
  EXPECT_EQ(SessionTokenFrom("", false), "");
  EXPECT_EQ(SessionTokenFrom("a=1; __Host-cairn_session=abc", true), "abc");
}

// Over TLS only the prefixed cookie counts: one without the prefix may have been set by a
// sibling host (cookie tossing), and plain HTTP never sees the prefixed one.
TEST(SessionCookie, ASecureServerReadsOnlyThePrefixedName) {
  EXPECT_EQ(SessionTokenFrom("cairn_session=planted", true), "");
  EXPECT_EQ(SessionTokenFrom("cairn_session=planted; __Host-cairn_session=mine", true), "mine");
  EXPECT_EQ(SessionTokenFrom("__Host-cairn_session=abc", false), "");
}

}  // namespace
}  // namespace cairn::api
