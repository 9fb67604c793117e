#include <gmock/gmock.h>
#include <map>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::ElementsAre;

TEST(NetworkProximity, SubjectsCompaniesAndTheirOtherDirectorsAreRestrictedFindings) {
  Builder b;
  uint32_t subject = b.Person("Subject");
  int64_t intel = b.Subject(subject, "SOCG-W-001");
  uint32_t front = b.Company("FRONT LTD");
  int64_t role = b.Director(subject, front);
  uint32_t partner = b.Person("Partner");
  b.Director(partner, front);
  uint32_t far = b.Company("FAR LTD");
  b.Director(partner, far);  // three links away
  auto found = testing::Run(b.net(), "N1");
  ASSERT_THAT(testing::Nodes(found), ElementsAre(subject, front, partner));
  EXPECT_TRUE(found[1].restricted);
  EXPECT_EQ(found[1].owner, 7);
  EXPECT_DOUBLE_EQ(found[0].score, 0.8);
  EXPECT_DOUBLE_EQ(found[1].score, 0.8);
  EXPECT_DOUBLE_EQ(found[2].score, 0.8 * 0.6);
  EXPECT_EQ(found[1].evidence[0].record, intel);
  EXPECT_EQ(found[1].evidence[1].record, role);
  EXPECT_NE(found[1].summary.find("SOCG-W-001"), std::string::npos);
}

TEST(NetworkProximity, HubsAndTenderPartiesDoNotCarryIt) {
  Builder b;
  uint32_t subject = b.Person("Subject");
  b.Subject(subject);
  uint32_t office = b.Address("Formation agent");
  b.Link(subject, office, "lives_at");
  for (int i = 0; i < 45; ++i) b.Link(b.Company("SHELF " + std::to_string(i)), office, "registered_at");
  uint32_t tender = b.Process("Tender");
  uint32_t rival = b.Company("RIVAL LTD");
  b.Link(subject, tender, "bidder_in");
  b.Link(rival, tender, "bidder_in");
  auto found = testing::Run(b.net(), "N1");
  EXPECT_THAT(testing::Nodes(found), ElementsAre(subject));
}

}  // namespace
}  // namespace cairn::risk

namespace cairn::risk {
namespace {

TEST(NetworkProximity, ALoneSubjectCountsForLessThanASocGroupMember) {
  testing::Builder b;
  uint32_t lone = b.Person("Lone"), member = b.Person("Member");
  b.Subject(lone);
  b.Subject(member, "SOCG-E-002");
  uint32_t near_lone = b.Company("LONE LTD"), near_both = b.Company("BOTH LTD");
  b.Director(lone, near_lone);
  b.Director(lone, near_both);
  b.Director(member, near_both);
  auto found = testing::Run(b.net(), "N1");
  std::map<uint32_t, double> score;
  for (const auto& f : found) score[f.node] = f.score;
  EXPECT_DOUBLE_EQ(score[near_lone], 0.4);
  EXPECT_DOUBLE_EQ(score[near_both], 0.8);
  // Named alone (0.4), but also two links from a group member (0.8 × 0.6): the higher holds.
  EXPECT_DOUBLE_EQ(score[lone], 0.8 * 0.6);
}

}  // namespace
}  // namespace cairn::risk
