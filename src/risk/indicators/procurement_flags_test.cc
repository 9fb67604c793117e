// The procurement flags P1–P5 and P7, firing and not firing, on small hand-built networks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::UnorderedElementsAre;

// A process bought by a council, with its CPV codes.
struct Tender {
  uint32_t process, buyer;
};

Tender NewTender(Builder& b, const std::string& title, const std::string& cpv, const std::string& category = "services",
                 uint32_t buyer = UINT32_MAX) {
  if (buyer == UINT32_MAX) buyer = b.Organisation("COUNCIL");
  uint32_t p = b.Process(title);
  b.Link(buyer, p, "buyer_in", "2026-01-01", "", {{"cpv", nlohmann::json::array({cpv})}, {"category", category}});
  return {p, buyer};
}

int64_t Bid(Builder& b, uint32_t org, uint32_t process, const std::string& date = "2026-02-01") {
  return b.Link(org, process, "bidder_in", date, "", {{"status", "valid"}});
}

int64_t Award(Builder& b, uint32_t org, uint32_t process, double amount, const std::string& date = "2026-03-01") {
  return b.Link(org, process, "supplier_to", date, "", {{"status", "active"}, {"value", {{"amount", amount}, {"currency", "GBP"}}}});
}

bool Fired(const std::vector<Finding>& found, uint32_t node) {
  return std::any_of(found.begin(), found.end(), [&](const Finding& f) { return f.node == node; });
}

TEST(RelatedBidders, BiddersSharingADirectorAreFlaggedWithTheTender) {
  Builder b;
  auto t = NewTender(b, "Waste collection", "90500000");
  uint32_t one = b.Company("ONE LTD"), two = b.Company("TWO LTD"), other = b.Company("OTHER LTD");
  uint32_t director = b.Person("John Smith");
  int64_t role_one = b.Director(director, one), role_two = b.Director(director, two);
  b.Director(b.Person("Someone Else"), other);
  int64_t bid_one = Bid(b, one, t.process);
  Bid(b, two, t.process);
  Bid(b, other, t.process);
  auto found = testing::Run(b.net(), "P1");
  EXPECT_THAT(testing::Nodes(found), UnorderedElementsAre(one, two, t.process));
  const Finding& f = *std::find_if(found.begin(), found.end(), [&](const Finding& x) { return x.node == one; });
  EXPECT_NE(f.summary.find("TWO LTD"), std::string::npos);
  EXPECT_NE(f.summary.find("John Smith"), std::string::npos);
  std::vector<int64_t> records;
  for (const auto& e : f.evidence) records.push_back(e.record);
  EXPECT_THAT(records, UnorderedElementsAre(bid_one, role_one, role_two));
}

TEST(RelatedBidders, ASharedRegisteredAddressRelatesThem) {
  Builder b;
  auto t = NewTender(b, "Security guarding", "79710000");
  uint32_t one = b.Company("ONE LTD"), two = b.Company("TWO LTD");
  uint32_t office = b.Address("1 High Street");
  b.Link(one, office, "registered_at");
  b.Link(two, office, "trades_at");
  Bid(b, one, t.process);
  Bid(b, two, t.process);
  EXPECT_EQ(testing::Run(b.net(), "P1").size(), 3u);
}

TEST(RelatedBidders, AResignedDirectorOrABusyAddressDoesNot) {
  Builder b;
  auto t = NewTender(b, "Works", "45000000");
  uint32_t one = b.Company("ONE LTD"), two = b.Company("TWO LTD");
  uint32_t former = b.Person("Former");
  b.Director(former, one, "2015-01-01", "2025-06-30");  // left before the bid
  b.Director(former, two);
  uint32_t agent = b.Address("Formation agent");
  b.Link(one, agent, "registered_at");
  b.Link(two, agent, "registered_at");
  for (int i = 0; i < 40; ++i) b.Link(b.Company("FILLER " + std::to_string(i)), agent, "registered_at");
  Bid(b, one, t.process);
  Bid(b, two, t.process);
  EXPECT_TRUE(testing::Run(b.net(), "P1").empty());
}

TEST(YoungSupplierLargeAward, FlagsTheAwardOnSupplierAndTender) {
  Builder b;
  auto t = NewTender(b, "Roofing", "45000000");
  CompanyFacts young;
  young.incorporated = "2025-12-01";
  uint32_t supplier = b.Company("NEW LTD", young);
  Award(b, supplier, t.process, 250000, "2026-03-01");
  uint32_t old_firm = b.Company("OLD LTD");
  auto t2 = NewTender(b, "Roofing 2", "45000000");
  Award(b, old_firm, t2.process, 250000);
  auto t3 = NewTender(b, "Roofing 3", "45000000");
  Award(b, supplier, t3.process, 20000);  // too small
  EXPECT_THAT(testing::Nodes(testing::Run(b.net(), "P2")), UnorderedElementsAre(supplier, t.process));
}

TEST(HighRiskCategory, ByCpvOrTitleButNotForOrdinaryMarkets) {
  Builder b;
  auto waste = NewTender(b, "Refuse collection", "90500000");
  auto taxis = NewTender(b, "Taxi services for schools", "60000000");
  auto it = NewTender(b, "IT support", "72000000");
  uint32_t a = b.Company("A LTD"), c = b.Company("C LTD"), d = b.Company("D LTD");
  Award(b, a, waste.process, 1000);
  Award(b, c, taxis.process, 1000);
  Award(b, d, it.process, 1000);
  auto found = testing::Run(b.net(), "P3");
  EXPECT_THAT(testing::Nodes(found), UnorderedElementsAre(a, waste.process, c, taxis.process));
  EXPECT_DOUBLE_EQ(found[0].score, 0.1);
}

TEST(SplitPurchases, ThreeAwardsJustUnderTheThresholdWithinNinetyDays) {
  Builder b;
  uint32_t council = b.Organisation("COUNCIL");
  uint32_t supplier = b.Company("SPLIT LTD");
  std::vector<uint32_t> processes;
  for (const char* day : {"2026-01-10", "2026-02-05", "2026-03-20"}) {
    auto t = NewTender(b, "Repairs", "50000000", "services", council);
    Award(b, supplier, t.process, 48500, day);
    processes.push_back(t.process);
  }
  auto found = testing::Run(b.net(), "P4");
  EXPECT_THAT(testing::Nodes(found), UnorderedElementsAre(supplier, processes[0], processes[1], processes[2]));
}

TEST(SplitPurchases, NotWhenSpreadOutFromAnotherBuyerOrWellUnder) {
  Builder b;
  uint32_t council = b.Organisation("COUNCIL");
  uint32_t spread = b.Company("SPREAD LTD"), small = b.Company("SMALL LTD");
  for (const char* day : {"2026-01-10", "2026-03-05", "2026-05-20"}) {
    Award(b, spread, NewTender(b, "Repairs", "50000000", "services", council).process, 48500, day);
    Award(b, small, NewTender(b, "Repairs", "50000000", "services", council).process, 30000, day);
  }
  EXPECT_TRUE(testing::Run(b.net(), "P4").empty());
}

TEST(SplitPurchases, WorksUseTheWorksThreshold) {
  Builder b;
  uint32_t council = b.Organisation("COUNCIL");
  uint32_t builder = b.Company("BUILD LTD");
  for (const char* day : {"2026-01-10", "2026-01-20", "2026-01-30"})
    Award(b, builder, NewTender(b, "Extension", "45000000", "works", council).process, 1950000, day);
  uint32_t goods = b.Company("GOODS LTD");
  for (const char* day : {"2026-01-10", "2026-01-20", "2026-01-30"})
    Award(b, goods, NewTender(b, "Vans", "34000000", "goods", council).process, 1950000, day);
  auto found = testing::Run(b.net(), "P4");
  EXPECT_TRUE(Fired(found, builder));
  EXPECT_FALSE(Fired(found, goods));
}

TEST(SupplierNearSubject, ABidderWhoseDirectorIsASubjectIsARestrictedFinding) {
  Builder b;
  auto t = NewTender(b, "Waste", "90500000");
  uint32_t firm = b.Company("FRONT LTD"), clean = b.Company("CLEAN LTD");
  uint32_t subject = b.Person("Subject");
  int64_t intel = b.Subject(subject, "SOCG-W-001");
  b.Director(subject, firm);
  b.Director(b.Person("Nobody"), clean);
  Bid(b, firm, t.process);
  Bid(b, clean, t.process);
  auto found = testing::Run(b.net(), "P5");
  ASSERT_THAT(testing::Nodes(found), UnorderedElementsAre(firm, t.process));
  for (const auto& f : found) {
    EXPECT_TRUE(f.restricted);
    EXPECT_EQ(f.owner, 7);
    EXPECT_DOUBLE_EQ(f.score, 0.7);
    EXPECT_TRUE(std::any_of(f.evidence.begin(), f.evidence.end(), [&](const Evidence& e) { return e.record == intel; }));
  }
}

TEST(ShellBidder, NotInTheRegisterDissolvedOrDormant) {
  Builder b;
  auto t = NewTender(b, "Cleaning", "90900000");
  uint32_t ghost = b.Organisation("GHOST LTD");
  b.net().node(ghost).company_number = "SC999999";
  uint32_t sole_trader = b.Organisation("J SMITH ROOFING");  // no number: not judged
  CompanyFacts gone;
  gone.dissolved = "2025-01-01";
  gone.status = "Dissolved";
  uint32_t dissolved = b.Company("GONE LTD", gone);
  CompanyFacts quiet;
  quiet.accounts_category = "DORMANT";
  uint32_t dormant = b.Company("QUIET LTD", quiet);
  uint32_t real = b.Company("REAL LTD");
  for (uint32_t org : {ghost, sole_trader, dissolved, dormant, real}) Bid(b, org, t.process);
  auto found = testing::Run(b.net(), "P7");
  EXPECT_TRUE(Fired(found, ghost));
  EXPECT_TRUE(Fired(found, dissolved));
  EXPECT_TRUE(Fired(found, dormant));
  EXPECT_FALSE(Fired(found, real));
  EXPECT_FALSE(Fired(found, sole_trader));
  EXPECT_TRUE(Fired(found, t.process));
}

TEST(ShellBidder, DissolvedAfterTheBidIsNotAShellAtTheTime) {
  Builder b;
  auto t = NewTender(b, "Cleaning", "90900000");
  CompanyFacts later;
  later.dissolved = "2026-06-01";
  later.status = "Dissolved";
  uint32_t firm = b.Company("LATER LTD", later);
  Bid(b, firm, t.process, "2026-02-01");
  EXPECT_TRUE(testing::Run(b.net(), "P7").empty());
}

}  // namespace
}  // namespace cairn::risk
