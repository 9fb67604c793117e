#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

nlohmann::json Licence(const std::string& type, const std::string& id, int occupancy = 0) {
  nlohmann::json d = {{"licence_type", type}, {"licence_id", id}, {"status", "granted"}};
  if (occupancy) d["occupancy"] = std::to_string(occupancy);
  return d;
}

TEST(Licensing, AHolderNearASubjectIsARestrictedFinding) {
  Builder b;
  uint32_t subject = b.Person("Subject");
  b.Subject(subject);
  uint32_t holder = b.Person("Holder");
  uint32_t pub = b.Company("PUB LTD");
  b.Director(subject, pub);
  b.Director(holder, pub);
  b.Link(holder, b.Address("The Pub"), "licence_holder_of", "2025-01-01", "", Licence("premises_alcohol", "PL/1"));
  auto found = testing::Run(b.net(), "L1");
  ASSERT_THAT(testing::Nodes(found), ElementsAre(holder));
  EXPECT_TRUE(found[0].restricted);
}

TEST(Licensing, ThreeLicencesAtOnePremisesByDifferentHolders) {
  Builder b;
  uint32_t premises = b.Address("9 Market St");
  std::vector<uint32_t> holders;
  for (const char* type : {"premises_alcohol", "late_hours_catering", "nail_bar"}) {
    holders.push_back(b.Person(type));
    b.Link(holders.back(), premises, "licence_holder_of", "2025-01-01", "", Licence(type, type));
  }
  auto found = testing::Run(b.net(), "L1");
  EXPECT_THAT(testing::Nodes(found), UnorderedElementsAre(holders[0], holders[1], holders[2]));
  EXPECT_FALSE(found[0].restricted);
  EXPECT_EQ(found[0].evidence.size(), 3u);
}

TEST(Licensing, ACrowdedHmoOfAVulnerableBusinessOwner) {
  Builder b;
  uint32_t landlord = b.Person("Landlord");
  uint32_t wash = b.Company("WASH LTD", {.sic_codes = {"45200"}});
  b.Director(landlord, wash);
  b.Link(landlord, b.Address("HMO"), "licence_holder_of", "2025-01-01", "", Licence("hmo", "HMO/1", 12));
  auto found = testing::Run(b.net(), "L1");
  EXPECT_THAT(testing::Nodes(found), UnorderedElementsAre(landlord, wash));
}

TEST(Licensing, OrdinaryLicencesDoNot) {
  Builder b;
  uint32_t landlord = b.Person("Landlord");
  b.Director(landlord, b.Company("SOFTWARE LTD", {.sic_codes = {"62020"}}));
  b.Link(landlord, b.Address("HMO"), "licence_holder_of", "2025-01-01", "", Licence("hmo", "HMO/1", 12));
  uint32_t small = b.Person("Small landlord");
  b.Director(small, b.Company("WASH LTD", {.sic_codes = {"45200"}}));
  b.Link(small, b.Address("HMO 2"), "licence_holder_of", "2025-01-01", "", Licence("hmo", "HMO/2", 5));
  uint32_t premises = b.Address("Shop");
  b.Link(b.Person("One"), premises, "licence_holder_of", "2025-01-01", "", Licence("premises_alcohol", "PL/1"));
  b.Link(b.Person("Two"), premises, "licence_holder_of", "2025-01-01", "", Licence("late_hours_catering", "LC/1"));
  b.Link(b.Person("Three"), premises, "licence_holder_of", "2020-01-01", "2024-01-01", Licence("nail_bar", "NB/1"));
  EXPECT_TRUE(testing::Run(b.net(), "L1").empty());
}

}  // namespace
}  // namespace cairn::risk
