#include "procurement/blind/oprf.h"

#include <gtest/gtest.h>
#include <sodium.h>

namespace cairn::procurement::blind {
namespace {

class Oprf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
};

TEST_F(Oprf, TheBlindRoundTripGivesWhatTheKeyHolderPublishes) {
  Scalar k = NewKey();
  Blinded b = Blind("cn:SC612345");
  auto evaluated = EvaluateBlinded(k, b.point);
  ASSERT_TRUE(evaluated.ok());
  auto f = Finalize(b, "cn:SC612345", *evaluated);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(*f, Evaluate(k, "cn:SC612345"));
  EXPECT_NE(*f, Evaluate(k, "cn:SC612346"));
  EXPECT_NE(*f, Evaluate(NewKey(), "cn:SC612345")) << "another key, another set";
}

TEST_F(Oprf, BlindedPointsDoNotRepeatOrRevealTheIdentifier) {
  Blinded a = Blind("cn:SC612345"), b = Blind("cn:SC612345");
  EXPECT_NE(Hex(a.point), Hex(b.point)) << "the same identifier blinds differently each time";
  EXPECT_EQ(Hex(a.point).find("SC612345"), std::string::npos);
}

TEST_F(Oprf, CraftedPointsAreRefused) {
  Scalar k = NewKey();
  Point identity{};
  EXPECT_FALSE(EvaluateBlinded(k, identity).ok());
  Point junk;
  junk.fill(0xff);
  EXPECT_FALSE(EvaluateBlinded(k, junk).ok());
  EXPECT_FALSE(FromHex("abc", "point").ok());
  auto round = FromHex(Hex(Blind("x").point), "point");
  EXPECT_TRUE(round.ok());
}

}  // namespace
}  // namespace cairn::procurement::blind
