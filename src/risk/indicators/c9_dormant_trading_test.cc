#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::UnorderedElementsAre;

TEST(DormantThenTrading, DormantWithLicenceOrOverdueWithAwardFire) {
  Builder b;
  uint32_t pub = b.Company("QUIET PUB LTD", {.accounts_category = "DORMANT", .accounts_next_due = "2027-01-01"});
  b.Link(pub, b.Address("1 High St"), "licence_holder_of", "2026-01-01", "2029-01-01",
         {{"licence_type", "premises_alcohol"}, {"status", "granted"}, {"licence_id", "PL/1"}});
  uint32_t late = b.Company("LATE LTD", {.accounts_category = "FULL", .accounts_next_due = "2025-12-31"});
  b.Link(late, b.Process("Roads"), "supplier_to", "2026-02-01", "", {{"status", "active"}});
  auto found = testing::Run(b.net(), "C9");
  ASSERT_THAT(testing::Nodes(found), UnorderedElementsAre(pub, late));
  EXPECT_EQ(found[0].summary, "files dormant accounts, yet 1 record(s) show it trading");
}

TEST(DormantThenTrading, DormantButIdleOrTradingAndFilingDoNot) {
  Builder b;
  b.Company("IDLE LTD", {.accounts_category = "DORMANT", .accounts_next_due = "2027-01-01"});
  uint32_t busy = b.Company("BUSY LTD", {.accounts_category = "FULL", .accounts_next_due = "2027-01-01"});
  b.Link(busy, b.Process("Roads"), "supplier_to", "2026-02-01", "", {{"status", "active"}});
  uint32_t lapsed = b.Company("LAPSED LTD", {.accounts_category = "DORMANT", .accounts_next_due = "2027-01-01"});
  b.Link(lapsed, b.Address("2 High St"), "licence_holder_of", "2020-01-01", "2023-01-01", {{"status", "granted"}});
  EXPECT_TRUE(testing::Run(b.net(), "C9").empty());
}

}  // namespace
}  // namespace cairn::risk
