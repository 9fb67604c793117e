#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::UnorderedElementsAre;

TEST(CoLocation, ThreeVulnerableCompaniesRunFromOneHomeFire) {
  Builder b;
  uint32_t home = b.Address("5 Quiet Road");
  std::vector<uint32_t> companies;
  for (const char* sic : {"56103", "45200", "96020"}) {
    uint32_t p = b.Person(std::string("Resident ") + sic);
    b.Link(p, home, "lives_at");
    companies.push_back(b.Company(std::string("SHOP ") + sic, {.sic_codes = {sic}}));
    b.Director(p, companies.back());
  }
  auto found = testing::Run(b.net(), "N2");
  ASSERT_THAT(testing::Nodes(found), UnorderedElementsAre(companies[0], companies[1], companies[2]));
  EXPECT_EQ(found[0].evidence.size(), 6u);
}

TEST(CoLocation, TwoCompaniesOrOrdinarySectorsOrAnOfficeDoNot) {
  Builder b;
  uint32_t home = b.Address("5 Quiet Road");
  for (const char* sic : {"56103", "45200", "62020"}) {
    uint32_t p = b.Person(std::string("Resident ") + sic);
    b.Link(p, home, "lives_at");
    b.Director(p, b.Company(std::string("SHOP ") + sic, {.sic_codes = {sic}}));
  }
  EXPECT_TRUE(testing::Run(b.net(), "N2").empty());

  Builder office;
  uint32_t agent = office.Address("Agent House");
  for (int i = 0; i < 9; ++i) {
    uint32_t p = office.Person("Client " + std::to_string(i));
    office.Link(p, agent, "lives_at");
    office.Director(p, office.Company("TAXI " + std::to_string(i), {.sic_codes = {"49320"}}));
  }
  EXPECT_TRUE(testing::Run(office.net(), "N2").empty());
}

}  // namespace
}  // namespace cairn::risk

namespace cairn::risk {
namespace {

TEST(CoLocation, OnePersonWithThreeShopsIsNotCoLocationAndRepeatedRecordsCountOnce) {
  testing::Builder b;
  uint32_t home = b.Address("5 Quiet Road");
  uint32_t p = b.Person("Owner");
  for (int i = 0; i < 12; ++i) b.Link(p, home, "lives_at");  // one person's many records
  for (const char* sic : {"56103", "45200", "96020"}) b.Director(p, b.Company(std::string("SHOP ") + sic, {.sic_codes = {sic}}));
  EXPECT_TRUE(testing::Run(b.net(), "N2").empty());
  uint32_t partner = b.Person("Partner");
  b.Link(partner, home, "lives_at");
  b.Director(partner, b.Company("TAXI", {.sic_codes = {"49320"}}));
  EXPECT_EQ(testing::Run(b.net(), "N2").size(), 4u);
}

}  // namespace
}  // namespace cairn::risk
