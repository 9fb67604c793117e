#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::ElementsAre;

nlohmann::json Award(double amount, const std::string& status = "active") {
  return {{"status", status}, {"value", {{"amount", amount}, {"currency", "GBP"}}}};
}

TEST(YoungCompanyLargeAward, LargeAwardWithinAYearOfIncorporationFires) {
  Builder b;
  uint32_t young = b.Company("NEW WASTE LTD", {.incorporated = "2025-11-01"});
  int64_t award = b.Link(young, b.Process("Waste"), "supplier_to", "2026-04-01T09:00:00Z", "", Award(250000));
  auto found = testing::Run(b.net(), "C8");
  ASSERT_THAT(testing::Nodes(found), ElementsAre(young));
  EXPECT_EQ(found[0].summary, "awarded 250000 on 2026-04-01, 151 days after incorporation");
  EXPECT_EQ(found[0].evidence[0].record, award);
}

TEST(YoungCompanyLargeAward, SmallAwardsOldCompaniesAndCancelledAwardsDoNot) {
  Builder b;
  uint32_t process = b.Process("Waste");
  b.Link(b.Company("SMALL LTD", {.incorporated = "2025-11-01"}), process, "supplier_to", "2026-04-01", "", Award(49999));
  b.Link(b.Company("OLD LTD", {.incorporated = "2020-11-01"}), process, "supplier_to", "2026-04-01", "", Award(900000));
  b.Link(b.Company("GONE LTD", {.incorporated = "2025-11-01"}), process, "supplier_to", "2026-04-01", "",
         Award(900000, "cancelled"));
  EXPECT_TRUE(testing::Run(b.net(), "C8").empty());
}

}  // namespace
}  // namespace cairn::risk
