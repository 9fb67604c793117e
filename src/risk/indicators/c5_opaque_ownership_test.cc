#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST(OpaqueOwnership, TwoLayersToAnOffshoreOwnerFire) {
  Builder b;
  uint32_t trading = b.Company("TRADING LTD");
  uint32_t holding = b.Company("HOLDING LTD");
  uint32_t offshore = b.Organisation("HOLDING INTERNATIONAL S.A.");
  b.Link(holding, trading, "psc_of", "2020-01-01", "", {{"country_registered", "Scotland"}});
  int64_t abroad = b.Link(offshore, holding, "psc_of", "2020-01-01", "", {{"country_registered", "Belize"}});
  auto found = testing::Run(b.net(), "C5");
  ASSERT_THAT(testing::Nodes(found), UnorderedElementsAre(trading, holding));
  EXPECT_NE(found[0].summary.find("2 corporate layers"), std::string::npos);
  EXPECT_NE(found[0].summary.find("Belize"), std::string::npos);
  EXPECT_EQ(found[0].evidence.front().record, abroad);
}

TEST(OpaqueOwnership, NoIndividualStatementOnATradingCompanyFires) {
  Builder b;
  uint32_t c = b.Company("SECURE LTD", {.sic_codes = {"80100"}});
  b.net().node(c).psc_statement = "no-individual-or-entity-with-signficant-control";
  b.net().node(c).psc_statement_record = 55;
  uint32_t holding = b.Company("HOLDCO LTD", {.sic_codes = {"64209"}});
  b.net().node(holding).psc_statement = "no-individual-or-entity-with-signficant-control";
  auto found = testing::Run(b.net(), "C5");
  ASSERT_THAT(testing::Nodes(found), ElementsAre(c));
  EXPECT_EQ(found[0].evidence.front().record, 55);
}

TEST(OpaqueOwnership, OneUkLayerToAPersonDoesNot) {
  Builder b;
  uint32_t trading = b.Company("TRADING LTD");
  uint32_t holding = b.Company("HOLDING LTD");
  b.Link(holding, trading, "psc_of", "2020-01-01", "", {{"country_registered", "England and Wales"}});
  b.Link(b.Person("Owner"), holding, "psc_of", "2020-01-01");
  EXPECT_TRUE(testing::Run(b.net(), "C5").empty());
}

}  // namespace
}  // namespace cairn::risk
