// Firing and not firing for the fence-based red flags, which the Cardinal conformance cases do
// not cover (R024, R025, R038, R048, R058), on hand-built processes.
#include "procurement/redflags/indicators.h"

#include <gtest/gtest.h>

#include <deque>
#include <optional>

namespace cairn::procurement::redflags {
namespace {

// Processes hold views: the strings they point to live here for the whole test run.
std::string_view Keep(std::string s) {
  static std::deque<std::string> kept;
  return kept.emplace_back(std::move(s));
}

IdRange AddIds(Process& p, const std::vector<std::string>& ids) {
  IdRange r{uint32_t(p.ids.size()), 0};
  for (const auto& id : ids) p.ids.push_back(Keep(id));
  r.end = uint32_t(p.ids.size());
  return r;
}

void AddBid(Process& p, BidStatus status, std::optional<double> amount, const std::vector<std::string>& tenderers) {
  Bid b;
  b.status = status;
  b.amount = amount;
  b.currency = "GBP";
  b.tenderers = AddIds(p, tenderers);
  p.bids.push_back(b);
}

void AddAward(Process& p, AwardStatus status, const std::vector<std::string>& suppliers,
              const std::vector<std::string>& classifications = {}) {
  Award a;
  a.status = status;
  a.suppliers = AddIds(p, suppliers);
  a.classifications = AddIds(p, classifications);
  p.awards.push_back(a);
}

// A process won by `winner` at `winning`, with `runner` next at `next`.
Process PriceOnly(const std::string& ocid, const std::string& winner, double winning, const std::string& runner, double next) {
  Process p;
  p.ocid = Keep(ocid);
  AddBid(p, BidStatus::kValid, winning, {winner});
  AddBid(p, BidStatus::kValid, next, {runner});
  AddAward(p, AwardStatus::kActive, {winner});
  return p;
}

std::optional<double> Value(const Accumulator& acc, Group g, const std::string& id, const std::string& code) {
  std::optional<double> v;
  for (const auto& f : acc.flags)
    if (f.group == g && acc.FlagId(f) == id && f.code == code) v = f.value;
  return v;
}

Settings Only(const std::string& code) {
  Settings s;
  s.enabled = {code};
  return s;
}

Accumulator RunAll(const Settings& s, const std::vector<Process>& processes, Meta* meta_out = nullptr) {
  Accumulator acc;
  for (const auto& p : processes) Fold(p, s, acc);
  Meta meta;
  Finish(s, acc, meta);
  if (meta_out) *meta_out = meta;
  return acc;
}

// Ten ordinary gaps of 20–29 % and one of 1 %.
std::vector<Process> GapsWithOneClose() {
  std::vector<Process> out;
  for (int i = 0; i < 10; ++i) out.push_back(PriceOnly("p" + std::to_string(i), "W", 100, "R", 120 + i));
  out.push_back(PriceOnly("close", "W2", 100, "R2", 101));
  return out;
}

TEST(R024PriceClose, FlagsTheGapBelowTheLowerFence) {
  Meta meta;
  Accumulator acc = RunAll(Only("R024"), GapsWithOneClose(), &meta);
  EXPECT_NEAR(*Value(acc, Group::kOcid, "close", "R024"), 0.01, 1e-12);
  EXPECT_EQ(Value(acc, Group::kTenderer, "W2", "R024"), 0.0);
  EXPECT_EQ(Value(acc, Group::kTenderer, "R2", "R024"), 0.0);
  EXPECT_FALSE(Value(acc, Group::kOcid, "p0", "R024"));
  EXPECT_GT(meta["R024"]["lower_fence"], 0.01);
}

TEST(R024PriceClose, ThresholdReplacesTheFence) {
  Settings s = Only("R024");
  s.r024.threshold = 0.22;
  Accumulator acc = RunAll(s, GapsWithOneClose());
  EXPECT_TRUE(Value(acc, Group::kOcid, "p2", "R024"));
  EXPECT_FALSE(Value(acc, Group::kOcid, "p3", "R024"));
}

TEST(R024PriceClose, ZeroGuardStopsAFenceOfZeroGapsFiring) {
  std::vector<Process> tied;
  for (int i = 0; i < 8; ++i) tied.push_back(PriceOnly("t" + std::to_string(i), "W", 100, "R", 100));
  tied.push_back(PriceOnly("wide", "W", 100, "R", 150));
  EXPECT_TRUE(RunAll(Only("R024"), tied).flags.empty());  // Q1 is 0
}

TEST(R024PriceClose, OnlyProcessesDecidedOnPriceAlone) {
  Settings s = Only("R024");
  s.no_price_comparison_methods = {"NPC"};
  std::vector<Process> skipped(6, PriceOnly("x", "W", 100, "R", 101));
  AddBid(skipped[0], BidStatus::kValid, 90, {"L"});      // a lower losing bid
  AddAward(skipped[1], AwardStatus::kActive, {"R"});     // two active awards
  AddAward(skipped[2], AwardStatus::kPending, {});       // a non-final award
  skipped[3].bids[0].amount = 0;                         // nothing to divide by
  skipped[4].method_details = "NPC";                     // not a price comparison
  skipped[5].bids[1].tenderers = AddIds(skipped[5], {"R", "Q"});  // a joint bid does not count
  Accumulator acc;
  for (const auto& p : skipped) FoldPriceGap(p, s, acc);
  EXPECT_TRUE(acc.price_gaps.empty());
  FoldPriceGap(PriceOnly("x", "W", 100, "R", 101), s, acc);
  EXPECT_EQ(acc.price_gaps.size(), 1u);
}

TEST(R058HeavilyDiscounted, FlagsTheGapAboveTheUpperFence) {
  std::vector<Process> ps;
  for (int i = 0; i < 10; ++i) ps.push_back(PriceOnly("p" + std::to_string(i), "W", 100, "R", 105 + i));
  ps.push_back(PriceOnly("cheap", "D", 50, "R", 150));
  Accumulator acc = RunAll(Only("R058"), ps);
  EXPECT_EQ(Value(acc, Group::kOcid, "cheap", "R058"), 2.0);
  EXPECT_EQ(Value(acc, Group::kTenderer, "D", "R058"), 0.0);
  EXPECT_FALSE(Value(acc, Group::kOcid, "p9", "R058"));
  EXPECT_FALSE(Value(acc, Group::kTenderer, "R", "R058"));
}

TEST(R025UnsuccessfulBids, FlagsAFrequentBidderWhoNeverWins) {
  Accumulator acc;
  int wins[] = {5, 5, 5, 5, 4, 6, 5, 0};
  for (int t = 0; t < 8; ++t) acc.stats[acc.Intern("T" + std::to_string(t + 1))].bidding = {10, wins[t]};
  acc.stats[acc.Intern("Rare")].bidding = {1, 0};  // below the 75th percentile of bids: not judged
  Meta meta;
  FinishR025(Only("R025"), acc, meta);
  EXPECT_EQ(Value(acc, Group::kTenderer, "T8", "R025"), 0.0);
  EXPECT_FALSE(Value(acc, Group::kTenderer, "T5", "R025"));
  EXPECT_FALSE(Value(acc, Group::kTenderer, "Rare", "R025"));
  EXPECT_EQ(meta["R025"]["percentile_processes"], 10);
}

TEST(R025UnsuccessfulBids, CountsProcessesAndWinsOfPriceOnlyAwards) {
  Accumulator acc;
  FoldR025(PriceOnly("a", "W", 100, "L", 110), Only("R025"), acc);
  FoldR025(PriceOnly("b", "L", 100, "W", 110), Only("R025"), acc);
  Process pending = PriceOnly("c", "W", 100, "L", 110);
  pending.awards[0].status = AwardStatus::kPending;
  FoldR025(pending, Only("R025"), acc);
  EXPECT_EQ(acc.stats[acc.Intern("W")].bidding.processes, 2);
  EXPECT_EQ(acc.stats[acc.Intern("W")].bidding.wins, 1);
  EXPECT_EQ(acc.stats[acc.Intern("L")].bidding.wins, 1);
}

TEST(R038DisqualifiedBids, CountsSubmittedBidsPerBuyerEntityAndTenderer) {
  Process p;
  p.ocid = "x";
  p.buyer = "B";
  p.procuring_entity = "E";
  AddBid(p, BidStatus::kValid, 1, {"T1"});
  AddBid(p, BidStatus::kDisqualified, 1, {"T2"});
  AddBid(p, BidStatus::kDisqualified, 2, {"T2", "T2"});
  AddBid(p, BidStatus::kInvited, 1, {"T3"});
  Accumulator acc;
  FoldR038(p, Only("R038"), acc);
  const auto& buyer = acc.stats[acc.Intern("B")].disqualifications[0];
  EXPECT_EQ(buyer.submitted, 3);
  EXPECT_EQ(buyer.disqualified, 2);
  EXPECT_EQ(buyer.processes, 1);
  EXPECT_EQ(acc.stats[acc.Intern("E")].disqualifications[1].submitted, 3);
  EXPECT_EQ(acc.stats[acc.Intern("T2")].disqualifications[2].disqualified, 2);  // once per bid
  EXPECT_EQ(acc.stats[acc.Intern("T2")].disqualifications[2].processes, 1);
  EXPECT_EQ(acc.stats[acc.Intern("T3")].disqualifications[2].submitted, 0);
}

TEST(R038DisqualifiedBids, FlagsTheBuyerAboveTheUpperFence) {
  Accumulator acc;
  for (int b = 1; b <= 4; ++b) acc.stats[acc.Intern("B" + std::to_string(b))].disqualifications[0] = {10, 1, 3};
  acc.stats[acc.Intern("Odd")].disqualifications[0] = {10, 9, 3};
  acc.stats[acc.Intern("Once")].disqualifications[0] = {1, 1, 1};  // too few bids to judge
  Meta meta;
  FinishR038(Only("R038"), acc, meta);
  EXPECT_NEAR(*Value(acc, Group::kBuyer, "Odd", "R038"), 0.9, 1e-12);
  EXPECT_FALSE(Value(acc, Group::kBuyer, "B1", "R038"));
  EXPECT_FALSE(Value(acc, Group::kBuyer, "Once", "R038"));
  EXPECT_GT(meta["R038"]["Buyer_upper_fence"], 0.3);
}

TEST(R038DisqualifiedBids, NothingFiresWhenNoBidIsDisqualified) {
  Accumulator acc;
  for (int b = 1; b <= 5; ++b) acc.stats[acc.Intern("T" + std::to_string(b))].disqualifications[2] = {10, 0, 5};
  Meta meta;
  FinishR038(Only("R038"), acc, meta);
  EXPECT_TRUE(acc.flags.empty());
}

Process Awarded(const std::string& ocid, const std::string& supplier, const std::vector<std::string>& cpv) {
  Process p;
  p.ocid = Keep(ocid);
  AddAward(p, AwardStatus::kActive, {supplier}, cpv);
  return p;
}

TEST(R048HeterogeneousSupplier, FlagsTheSupplierAcrossManySectors) {
  std::vector<Process> ps;
  for (int s = 0; s < 5; ++s)
    for (int i = 0; i < 20; ++i)
      ps.push_back(Awarded("s" + std::to_string(s) + "-" + std::to_string(i), "S" + std::to_string(s),
                           {i % 2 ? "45000000" : "45200000", i % 3 ? "90000000" : "90500000"}));
  for (int i = 0; i < 20; ++i) ps.push_back(Awarded("odd" + std::to_string(i), "Odd", {std::to_string(10 + i % 10) + "000000"}));
  for (int i = 0; i < 19; ++i) ps.push_back(Awarded("few" + std::to_string(i), "Few", {std::to_string(10 + i) + "000000"}));
  Accumulator acc = RunAll(Only("R048"), ps);
  EXPECT_EQ(Value(acc, Group::kTenderer, "Odd", "R048"), 10.0);
  EXPECT_FALSE(Value(acc, Group::kTenderer, "S0", "R048"));
  EXPECT_FALSE(Value(acc, Group::kTenderer, "Few", "R048"));  // under 20 processes
}

TEST(R048HeterogeneousSupplier, IgnoresJointAndInactiveAwards) {
  Accumulator acc;
  Process joint;
  joint.ocid = "j";
  AddAward(joint, AwardStatus::kActive, {"A", "B"}, {"45000000"});
  FoldR048(joint, Only("R048"), acc);
  Process cancelled = Awarded("c", "A", {"45000000"});
  cancelled.awards[0].status = AwardStatus::kCancelled;
  FoldR048(cancelled, Only("R048"), acc);
  EXPECT_EQ(acc.parties(), 0u);
}

TEST(R048HeterogeneousSupplier, CountsDistinctPrefixesOfAnyLength) {
  Spread two, three;
  for (const char* cpv : {"45000000", "45200000", "90500000-2", "9", "x1"}) {
    two.Add(cpv, 2);
    three.Add(cpv, 3);
  }
  EXPECT_EQ(two.count(), 4u);    // 45, 90, 9, x1
  EXPECT_EQ(three.count(), 5u);  // 450, 452, 905, 9, x1
  Spread other;
  other.Add("45999999", 2);
  other.Add("33100000", 2);
  two.Merge(other);
  EXPECT_EQ(two.count(), 5u);
}

// The accumulators' arrays: past 2 MiB their storage comes from the huge-page path (mapped
// and aligned by hand), which small test inputs never reach.
TEST(Accumulators, BigVectorsGrowPastAHugePageAndKeepTheirContents) {
  using Allocator = HugePageAllocator<uint64_t>;
  BigVector<uint64_t> v;
  for (uint64_t i = 0; i < 1000000; ++i) v.push_back(i * 3);  // 8 MB, reallocated on the way
  ASSERT_GE(v.capacity() * sizeof(uint64_t), Allocator::kHuge);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(v.data()) % Allocator::kHuge, 0u);
  for (uint64_t i = 0; i < v.size(); ++i) ASSERT_EQ(v[i], i * 3) << i;
  BigVector<uint64_t> copy = v;
  v.clear();
  v.shrink_to_fit();  // gives the mapping back
  EXPECT_EQ(copy.size(), 1000000u);
  EXPECT_EQ(copy.back(), 2999997u);
}

TEST(Accumulators, MergeAddsUp) {
  Accumulator a, b;
  a.Intern("only in a");
  a.stats[a.Intern("T")].bidding = {2, 1};
  a.stats[a.Intern("S")].spread.prefixes = {45, 90};
  b.stats[b.Intern("T")].bidding = {3, 0};
  b.stats[b.Intern("S")].spread.prefixes = {45, 60};
  b.stats[b.Intern("S")].spread.processes = 1;
  a.tied_runners.push_back(a.Intern("only in a"));  // so b's tied runners move along
  b.tied_runners.push_back(b.Intern("U"));
  b.price_gaps.push_back({b.KeepOcid("x"), b.Intern("S"), b.Intern("T"), 0.5, 0, 1});
  b.Raise(Group::kOcid, "x", "R003", 1.0);
  a.Merge(std::move(b));
  EXPECT_EQ(a.stats[a.Intern("T")].bidding.processes, 5);
  EXPECT_EQ(a.stats[a.Intern("T")].bidding.wins, 1);
  EXPECT_EQ(a.stats[a.Intern("S")].spread.prefixes, (std::vector<uint64_t>{45, 60, 90}));
  EXPECT_EQ(a.stats[a.Intern("S")].spread.count(), 3u);
  EXPECT_EQ(a.Name(a.price_gaps[0].winner), "S");
  EXPECT_EQ(a.Name(a.price_gaps[0].runner_up), "T");
  EXPECT_EQ(a.Ocid(a.price_gaps[0].ocid), "x");
  ASSERT_EQ(a.TiedRunners(a.price_gaps[0]).size(), 1u);
  EXPECT_EQ(a.Name(a.TiedRunners(a.price_gaps[0])[0]), "U");
  EXPECT_EQ(a.flags.size(), 1u);
  EXPECT_EQ(a.parties(), 4u);
}

}  // namespace
}  // namespace cairn::procurement::redflags
