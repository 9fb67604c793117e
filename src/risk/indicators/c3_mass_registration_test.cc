#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;

// n active companies registered at one address with this postcode; returns the address.
uint32_t Register(Builder& b, int n, const std::string& postcode) {
  uint32_t a = b.Address("1 Shell Street", postcode);
  for (int i = 0; i < n; ++i) b.Link(b.Company("CO " + std::to_string(i)), a, "registered_at");
  return a;
}

TEST(MassRegistration, MoreThanTwentyActiveCompaniesAtOneAddressFire) {
  Builder b;
  Register(b, 21, "G1 1AA");
  auto found = testing::Run(b.net(), "C3");
  ASSERT_EQ(found.size(), 21u);
  EXPECT_NE(found[0].summary.find("20 other active companies"), std::string::npos);
  EXPECT_EQ(found[0].evidence.size(), 11u);  // its own record and ten others
}

TEST(MassRegistration, TwentyOrAnAllowedAgentDoNot) {
  Builder b;
  Register(b, 20, "G1 1AA");
  EXPECT_TRUE(testing::Run(b.net(), "C3").empty());
  Builder agent;
  Register(agent, 40, "EH2 4AA");
  EXPECT_TRUE(testing::Run(agent.net(), "C3", "[C3]\nallow_postcodes = [\"eh24aa\"]\n").empty());
}

}  // namespace
}  // namespace cairn::risk
