#include "resolve/similarity.h"

#include <gtest/gtest.h>

namespace cairn::resolve {
namespace {

TEST(JaroWinkler, MatchesPublishedValues) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.84, 1e-4);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.8133, 1e-4);
  EXPECT_EQ(JaroWinkler("same", "same"), 1.0);
  EXPECT_EQ(JaroWinkler("", "x"), 0.0);
  EXPECT_EQ(JaroWinkler("abc", "xyz"), 0.0);
}

TEST(BoundedEditDistance, StopsPastTheLimit) {
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 5), 3);
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 1), 2);
  EXPECT_EQ(BoundedEditDistance("1804974", "1804947", 2), 2);
  EXPECT_EQ(BoundedEditDistance("abc", "abc", 0), 0);
}

TEST(Soundex, FollowsTheAmericanRules) {
  EXPECT_EQ(Soundex("robert"), "R163");
  EXPECT_EQ(Soundex("rupert"), "R163");
  EXPECT_EQ(Soundex("tymczak"), "T522");
  EXPECT_EQ(Soundex("pfister"), "P236");
  EXPECT_EQ(Soundex("ashcraft"), "A261");
  EXPECT_EQ(Soundex("lee"), "L000");
  EXPECT_EQ(Soundex("123"), "");
}

}  // namespace
}  // namespace cairn::resolve
