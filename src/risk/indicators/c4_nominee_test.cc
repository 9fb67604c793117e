#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::ElementsAre;

TEST(NomineePattern, ElevenCurrentAppointmentsFire) {
  Builder b;
  uint32_t p = b.Person("Nominee");
  for (int i = 0; i < 11; ++i) b.Director(p, b.Company("CO " + std::to_string(i)));
  auto found = testing::Run(b.net(), "C4");
  ASSERT_THAT(testing::Nodes(found), ElementsAre(p));
  EXPECT_EQ(found[0].summary, "11 current appointments");
}

TEST(NomineePattern, RepeatedQuickResignationsFire) {
  Builder b;
  uint32_t p = b.Person("Quick");
  b.Director(p, b.Company("A"), "2026-01-01", "2026-01-20");
  b.Director(p, b.Company("B"), "2026-02-01", "2026-02-25");
  ASSERT_THAT(testing::Nodes(testing::Run(b.net(), "C4")), ElementsAre(p));
}

TEST(NomineePattern, TenAppointmentsAndOneQuickResignationDoNot) {
  Builder b;
  uint32_t p = b.Person("Busy");
  for (int i = 0; i < 9; ++i) b.Director(p, b.Company("CO " + std::to_string(i)));
  b.Director(p, b.Company("Brief"), "2026-01-01", "2026-01-20");
  b.Director(p, b.Company("Long"), "2020-01-01", "2021-01-20");
  EXPECT_TRUE(testing::Run(b.net(), "C4").empty());
}

}  // namespace
}  // namespace cairn::risk
