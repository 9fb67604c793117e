#include "identity/password.h"

#include <gtest/gtest.h>

#include "common/crypto.h"

namespace cairn::identity {
namespace {

TEST(Password, HashIsArgon2idAndVerifies) {
  InitCrypto();
  auto h = HashPassword("a long enough passphrase");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u) << *h;
  EXPECT_TRUE(VerifyPassword(*h, "a long enough passphrase"));
  EXPECT_FALSE(VerifyPassword(*h, "a long enough passphrasE"));
  EXPECT_NE(*HashPassword("a long enough passphrase"), *h) << "salted: the same password hashes differently";
}

TEST(Password, RulesRejectShortAndRepeatedPasswords) {
  EXPECT_EQ(CheckPasswordRules("short", 12).field(), "password");
  EXPECT_FALSE(CheckPasswordRules("aaaaaaaaaaaaaaaa", 12).ok());
  EXPECT_TRUE(CheckPasswordRules("twelve chars!", 12).ok());
}

}  // namespace
}  // namespace cairn::identity
