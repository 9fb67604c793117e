#include "resolve/blocking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cairn::resolve {
namespace {

Record Person(const std::string& surname, const std::string& given, const std::string& postcode) {
  Record r;
  r.Set(Role::kSurname, surname);
  r.Set(Role::kGivenName, given);
  r.Set(Role::kPostcode, postcode);
  return r;
}

BlockingRule BySurname() {
  return {"surname", [](const Record& r) { return std::string(r[Role::kSurname]); }, {Role::kSurname}};
}

std::set<std::pair<uint32_t, uint32_t>> AsSet(const std::vector<CandidatePair>& pairs) {
  std::set<std::pair<uint32_t, uint32_t>> out;
  for (const auto& p : pairs) {
    EXPECT_LT(p.a, p.b);
    EXPECT_TRUE(out.emplace(p.a, p.b).second) << "pair given twice: " << p.a << ", " << p.b;
  }
  return out;
}

// 60 Smiths, given names g00..g59 at postcodes p59..p00 (the reverse order), and three Jones.
std::vector<Record> ManySmiths() {
  std::vector<Record> records;
  for (int i = 0; i < 60; ++i) {
    char given[8], postcode[8];
    std::snprintf(given, sizeof given, "g%02d", i);
    std::snprintf(postcode, sizeof postcode, "p%02d", 59 - i);
    records.push_back(Person("smith", given, postcode));
  }
  for (int i = 0; i < 3; ++i) records.push_back(Person("jones", "a", "x"));
  return records;
}

TEST(BlockDedupe, ComparesSmallBlocksAllAgainstAllAndSkipsLargeOnes) {
  const auto records = ManySmiths();
  BlockingStats stats;
  const auto pairs = AsSet(BlockDedupe(records, {BySurname()}, 10, &stats));
  EXPECT_EQ(pairs, (std::set<std::pair<uint32_t, uint32_t>>{{60, 61}, {60, 62}, {61, 62}}));
  EXPECT_EQ(stats.skipped_blocks, 1u);
  EXPECT_EQ(stats.windowed_blocks, 0u);
}

TEST(BlockDedupe, AWindowedBlockPairsOnlyNeighboursInEachOrder) {
  const auto records = ManySmiths();
  Neighbourhood near;
  near.above = 20;
  near.window = 2;
  near.orders = {[](const Record& r) { return std::string(r[Role::kGivenName]); }};
  BlockingStats stats;
  // max_block 10 is smaller than the block: windowing takes precedence over skipping.
  const auto pairs = AsSet(BlockDedupe(records, {BySurname()}, 10, &stats, near));
  EXPECT_EQ(stats.windowed_blocks, 1u);
  EXPECT_EQ(stats.skipped_blocks, 0u);
  // Each Smith with the next two by given name: 59 + 58 pairs, and the Jones block in full.
  EXPECT_EQ(pairs.size(), 59u + 58u + 3u);
  for (uint32_t i = 0; i + 1 < 60; ++i) EXPECT_TRUE(pairs.count({i, i + 1})) << i;
  for (uint32_t i = 0; i + 2 < 60; ++i) EXPECT_TRUE(pairs.count({i, i + 2})) << i;
  EXPECT_FALSE(pairs.count({0, 3}));
  EXPECT_TRUE(pairs.count({60, 62}));
}

TEST(BlockDedupe, EachOrderFindsNeighboursTheOthersMiss) {
  auto records = ManySmiths();
  // g00 and g59 are as far apart as can be by given name, but neighbours by postcode once g59
  // moves next to g00's p59.
  records[59].Set(Role::kPostcode, "p59a");
  Neighbourhood near;
  near.above = 20;
  near.window = 1;
  near.orders = {[](const Record& r) { return std::string(r[Role::kGivenName]); },
                 [](const Record& r) { return std::string(r[Role::kPostcode]); }};
  BlockingStats stats;
  const auto pairs = AsSet(BlockDedupe(records, {BySurname()}, 1000, &stats, near));
  EXPECT_TRUE(pairs.count({0, 59}));
  EXPECT_TRUE(pairs.count({0, 1}));
  // No order gives a record more than one pair onward: at most 59 pairs an order.
  EXPECT_LE(pairs.size(), 2u * 59u + 3u);
}

TEST(BlockDedupe, APairFoundByAnEarlierRuleIsNotGivenAgainByAWindowedOne) {
  const auto records = ManySmiths();
  // The first rule puts g00 and g01 together; the second windows the Smiths.
  BlockingRule first{"given",
                     [](const Record& r) {
                       const std::string g(r[Role::kGivenName]);
                       return g == "g00" || g == "g01" ? std::string("pair") : std::string();
                     },
                     {Role::kGivenName}};
  Neighbourhood near;
  near.above = 20;
  near.window = 1;
  near.orders = {[](const Record& r) { return std::string(r[Role::kGivenName]); }};
  BlockingStats stats;
  const auto pairs = BlockDedupe(records, {first, BySurname()}, 1000, &stats, near);
  EXPECT_EQ(std::count_if(pairs.begin(), pairs.end(), [](auto p) { return p.a == 0 && p.b == 1; }), 1);
  AsSet(pairs);
}

// Two rules (surname, then postcode) over the Smiths: one block windowed, one in full.
std::vector<std::vector<CandidatePair>> Batches(const Blocker& blocker, size_t size, BlockingStats* stats) {
  std::vector<std::vector<CandidatePair>> out;
  *stats = blocker.ForEachBatch(size, [&](const std::vector<CandidatePair>& pairs) { out.push_back(pairs); });
  return out;
}

bool SamePairs(const std::vector<CandidatePair>& x, const std::vector<CandidatePair>& y) {
  return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](auto p, auto q) { return p.a == q.a && p.b == q.b; });
}

TEST(Blocker, EachPassGivesTheSamePairsInBatchesOfAtMostTheSizeAsked) {
  auto records = ManySmiths();
  for (int i = 0; i < 10; ++i) records.push_back(Person("brown", "b", i < 5 ? "p07" : "p08"));
  const BlockingRule by_postcode{"postcode", [](const Record& r) { return std::string(r[Role::kPostcode]); },
                                 {Role::kPostcode}};
  Neighbourhood near;
  near.above = 20;
  near.window = 2;
  near.orders = {[](const Record& r) { return std::string(r[Role::kGivenName]); }};
  const Blocker blocker(records, {BySurname(), by_postcode}, 1000, near);
  BlockingStats first_stats, second_stats;
  const auto first = Batches(blocker, 7, &first_stats);
  const auto second = Batches(blocker, 7, &second_stats);
  ASSERT_EQ(first.size(), second.size());
  std::vector<CandidatePair> all;
  for (size_t b = 0; b < first.size(); ++b) {
    EXPECT_TRUE(SamePairs(first[b], second[b])) << "batch " << b;
    EXPECT_LE(first[b].size(), 7u);
    EXPECT_FALSE(first[b].empty());
    all.insert(all.end(), first[b].begin(), first[b].end());
  }
  EXPECT_EQ(first_stats.pairs, all.size());
  EXPECT_EQ(first_stats.windowed_blocks, 1u);
  // The same pairs as all at once: the windowed Smiths, the Jones and the Browns in full (45),
  // and by postcode the Browns' p07 and p08 with the Smiths there (g52 and g51), less the
  // pairs of Browns the surname already gave.
  BlockingStats stats;
  EXPECT_EQ(AsSet(all), AsSet(BlockDedupe(records, {BySurname(), by_postcode}, 1000, &stats, near)));
  const auto pairs = AsSet(all);
  EXPECT_EQ(pairs.size(), 59u + 58u + 3u + 45u + 5u + 5u);
  EXPECT_TRUE(pairs.count({52, 63}));  // smith g52 at p07 and the first brown
  EXPECT_TRUE(pairs.count({51, 72}));  // smith g51 at p08 and the last brown
}

TEST(BlockLink, PairsEachRecordWithThoseOnTheOtherSideThatShareAKey) {
  std::vector<Record> left = {Person("smith", "a", "p1"), Person("jones", "b", "p2"), Person("brown", "c", "p3")};
  std::vector<Record> right = {Person("jones", "x", "p9"), Person("smith", "y", "p1"), Person("smith", "z", "p8"),
                               Person("green", "w", "p3")};
  const BlockingRule by_postcode{"postcode", [](const Record& r) { return std::string(r[Role::kPostcode]); },
                                 {Role::kPostcode}};
  BlockingStats stats;
  const auto pairs = BlockLink(left, right, {BySurname(), by_postcode}, 1000, &stats);
  std::set<std::pair<uint32_t, uint32_t>> found;
  for (const auto& p : pairs) EXPECT_TRUE(found.emplace(p.a, p.b).second) << "pair given twice: " << p.a << ", " << p.b;
  // smith–smith twice, jones–jones, and brown–green by postcode; smith a and smith y share
  // both keys but are given once.
  EXPECT_EQ(found, (std::set<std::pair<uint32_t, uint32_t>>{{0, 1}, {0, 2}, {1, 0}, {2, 3}}));
  EXPECT_EQ(stats.pairs, 4u);
  // A block of 1 × 2 pairs is more than 1² and is skipped.
  BlockingStats small;
  const auto few = BlockLink(left, right, {BySurname()}, 1, &small);
  EXPECT_EQ(small.skipped_blocks, 1u);
  ASSERT_EQ(few.size(), 1u);
  EXPECT_EQ(few[0].a, 1u);
  EXPECT_EQ(few[0].b, 0u);
}

TEST(PairsForRule, SamplesEveryStrideThPairOfTheBlocksInKeyOrder) {
  const auto records = ManySmiths();
  // Every pair: the 60 Smiths in full and the 3 Jones.
  const auto all = PairsForRule(records, records, BySurname(), 1000, 100000);
  EXPECT_EQ(all.size(), 60u * 59u / 2u + 3u);
  for (const auto& p : all) {
    EXPECT_LT(p.a, p.b);
    EXPECT_EQ(records[p.a][Role::kSurname], records[p.b][Role::kSurname]);
  }
  // At most a hundred, spread over both blocks.
  const auto some = PairsForRule(records, records, BySurname(), 1000, 100);
  EXPECT_LE(some.size(), 100u);
  EXPECT_GE(some.size(), 90u);
  // Blocks over max_block are left out.
  EXPECT_EQ(PairsForRule(records, records, BySurname(), 10, 100).size(), 3u);
  // Between two sets: each left record with each right one of its key.
  const std::vector<Record> right = {Person("jones", "x", "y"), Person("smith", "x", "y")};
  EXPECT_EQ(PairsForRule(records, right, BySurname(), 1000, 1000).size(), 60u + 3u);
}

}  // namespace
}  // namespace cairn::resolve
