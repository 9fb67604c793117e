#include "resolve/model.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cairn::resolve {
namespace {

std::string Pattern(std::initializer_list<uint8_t> levels) { return std::string(levels.begin(), levels.end()); }

TEST(PatternCodes, CountEachPatternOfLevelsAcrossBatches) {
  // Two names (four levels each) and a postcode (three).
  PatternCodes codes(ComparisonsFor({Role::kGivenName, Role::kSurname, Role::kPostcode}));
  codes.Add({3, 0, kMissing, 3, 0, kMissing, 0, 2, 1});
  codes.Add({});
  codes.Add({3, 0, kMissing});
  const Patterns patterns = codes.patterns();
  ASSERT_EQ(patterns.size(), 2u);
  EXPECT_EQ(patterns.at(Pattern({3, 0, kMissing})), 3.0);
  EXPECT_EQ(patterns.at(Pattern({0, 2, 1})), 1.0);
}

TEST(PatternCodes, GiveBackEachPairsLevelsInFewBytes) {
  const std::vector<Role> roles = {Role::kGivenName, Role::kMiddleName, Role::kSurname,
                                   Role::kBirthYear, Role::kBirthMonth, Role::kPostcode};
  const auto comparisons = ComparisonsFor(roles);
  PatternCodes codes(comparisons);
  EXPECT_EQ(codes.width(), 2u) << "six comparisons of at most four levels and missing: 5^6 codes";
  // Every level of each comparison, and missing, in two batches.
  std::vector<uint8_t> first, second;
  for (size_t c = 0; c < comparisons.size(); ++c) {
    for (size_t l = 0; l <= comparisons[c].levels.size(); ++l) {
      for (size_t d = 0; d < comparisons.size(); ++d) {
        const uint8_t level = l == comparisons[c].levels.size() ? kMissing : uint8_t(l);
        first.push_back(d == c ? level : comparisons[d].top());
        second.push_back(d == c ? level : kMissing);
      }
    }
  }
  codes.Add(first);
  codes.Add(second);
  ASSERT_EQ(codes.batches(), 2u);
  const size_t k = comparisons.size();
  std::vector<uint8_t> levels(k);
  for (size_t batch = 0; batch < 2; ++batch) {
    const auto& want = batch == 0 ? first : second;
    ASSERT_EQ(codes.size(batch), want.size() / k);
    for (size_t p = 0; p < codes.size(batch); ++p) {
      codes.Levels(batch, p, levels.data());
      EXPECT_EQ(std::vector<uint8_t>(levels.begin(), levels.end()),
                std::vector<uint8_t>(want.begin() + long(p * k), want.begin() + long((p + 1) * k)))
          << "batch " << batch << " pair " << p;
    }
  }
  // Fifteen comparisons need more than two bytes.
  std::vector<Role> all;
  for (size_t r = 0; r < kRoleCount; ++r) all.push_back(Role(r));
  EXPECT_GT(PatternCodes(ComparisonsFor(all)).width(), 2u);
}

}  // namespace
}  // namespace cairn::resolve
