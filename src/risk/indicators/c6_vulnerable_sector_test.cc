#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::ElementsAre;

TEST(VulnerableSector, ListedSicCodeFiresUnlistedOrDissolvedDoNot) {
  Builder b;
  uint32_t wash = b.Company("SPARKLE CAR WASH LTD", {.sic_codes = {"62020", "45200"}});
  b.Company("CODE LTD", {.sic_codes = {"62020"}});
  b.Company("OLD PUB LTD", {.status = "Dissolved", .dissolved = "2024-01-01", .sic_codes = {"56302"}});
  auto found = testing::Run(b.net(), "C6");
  ASSERT_THAT(testing::Nodes(found), ElementsAre(wash));
  EXPECT_EQ(found[0].summary, "trades in a vulnerable sector (SIC 45200)");
  EXPECT_EQ(found[0].evidence[0].record, b.net().node(wash).company->record);
}

}  // namespace
}  // namespace cairn::risk
