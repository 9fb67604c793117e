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

}  // namespace
}  // namespace cairn::resolve
