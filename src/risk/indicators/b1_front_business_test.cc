#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::ElementsAre;

TEST(FrontBusiness, SignalsFromVisitsAddUp) {
  Builder b;
  uint32_t front = b.Company("QUIET BAR LTD");
  uint32_t premises = b.Address("1 Bar St");
  int64_t visit = b.Link(front, premises, "trades_at", "2026-01-10", "", {{"signals", {"cash_only", "few_customers_long_hours"}}});
  b.Link(front, premises, "trades_at", "2026-03-10", "", {{"signals", "cash_only; high_value_notes"}});
  uint32_t once = b.Company("ONE SIGN LTD");
  b.Link(once, premises, "trades_at", "2026-01-10", "", {{"signals", {"cash_only"}}});
  auto found = testing::Run(b.net(), "B1");
  ASSERT_THAT(testing::Nodes(found), ElementsAre(front, once));
  EXPECT_DOUBLE_EQ(found[0].score, 0.5);  // three distinct signals: the full weight
  EXPECT_DOUBLE_EQ(found[1].score, 0.5 / 3);
  EXPECT_EQ(found[0].summary, "3 front-business signals seen on 2 visits");
  EXPECT_EQ(found[0].evidence[0].record, visit);
}

TEST(FrontBusiness, CleanVisitsAndExploitationSignalsDoNot) {
  Builder b;
  uint32_t c = b.Company("CLEAN LTD");
  b.Link(c, b.Address("2 Bar St"), "trades_at", "2026-01-10", "", {{"signals", {"little_english"}}});
  b.Link(c, b.Address("3 Bar St"), "trades_at", "2026-01-10", "", {{"signals", nlohmann::json::array()}});
  EXPECT_TRUE(testing::Run(b.net(), "B1").empty());
}

}  // namespace
}  // namespace cairn::risk
