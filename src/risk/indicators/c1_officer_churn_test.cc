#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::ElementsAre;

TEST(OfficerChurn, ThreeChangesInAYearFire) {
  Builder b;
  uint32_t c = b.Company("CHURN LTD");
  int64_t first = b.Director(b.Person("A"), c, "2020-01-01", "2025-10-01");
  b.Director(b.Person("B"), c, "2025-10-01", "2026-03-01");
  b.Director(b.Person("C"), c, "2026-03-01");
  auto found = testing::Run(b.net(), "C1");
  ASSERT_THAT(testing::Nodes(found), ElementsAre(c));
  EXPECT_EQ(found[0].summary.substr(0, 2), "4 ");
  EXPECT_EQ(found[0].evidence.front().record, first);
  EXPECT_EQ(found[0].evidence.front().note, "A resigned 2025-10-01");
}

TEST(OfficerChurn, ChangesSpreadOverYearsOrNotDirectorsDoNot) {
  Builder b;
  uint32_t c = b.Company("STEADY LTD");
  b.Director(b.Person("A"), c, "2019-01-01", "2022-01-01");
  b.Director(b.Person("B"), c, "2022-01-01", "2025-06-01");
  b.Link(b.Person("Sec"), c, "officer_of", "2026-01-01", "2026-02-01", {{"role", "secretary"}});
  EXPECT_TRUE(testing::Run(b.net(), "C1").empty());
  EXPECT_FALSE(testing::Run(b.net(), "C1", "[C1]\nmin_changes = 1\nwindow_days = 400\n").empty());
}

}  // namespace
}  // namespace cairn::risk

namespace cairn::risk {
namespace {

TEST(OfficerChurn, DirectorsAppointedAtFormationAreNotChurn) {
  testing::Builder b;
  uint32_t c = b.Company("NEW LTD", {.incorporated = "2026-03-01"});
  for (const char* name : {"A", "B", "C", "D"}) b.Director(b.Person(name), c, "2026-03-01");
  EXPECT_TRUE(testing::Run(b.net(), "C1").empty());
  b.Director(b.Person("E"), c, "2026-05-01", "2026-06-01");
  b.Director(b.Person("F"), c, "2026-06-01");
  EXPECT_EQ(testing::Run(b.net(), "C1").size(), 1u);
}

}  // namespace
}  // namespace cairn::risk
