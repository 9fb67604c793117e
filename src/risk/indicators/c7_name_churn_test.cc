#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::ElementsAre;

TEST(NameChurn, TwoChangesInTwoYearsFireOldOnesDoNot) {
  Builder b;
  uint32_t churn = b.Company("NEW NAME LTD", {.name_changes = {"2026-03-01", "2025-01-15", "2019-01-01"}});
  b.Company("STABLE LTD", {.name_changes = {"2026-03-01", "2020-01-15"}});
  auto found = testing::Run(b.net(), "C7");
  ASSERT_THAT(testing::Nodes(found), ElementsAre(churn));
  EXPECT_EQ(found[0].evidence[0].note, "previous names changed on 2026-03-01, 2025-01-15");
}

}  // namespace
}  // namespace cairn::risk
