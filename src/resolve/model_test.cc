#include "resolve/model.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cairn::resolve {
namespace {

std::string Pattern(std::initializer_list<uint8_t> levels) { return std::string(levels.begin(), levels.end()); }

TEST(PatternCounts, CountsEachPatternOfLevelsAcrossBatches) {
  PatternCounts counts(3);
  counts.Add({3, 0, kMissing, 3, 0, kMissing, 0, 2, 1});
  counts.Add({});
  counts.Add({3, 0, kMissing});
  const Patterns patterns = counts.patterns();
  ASSERT_EQ(patterns.size(), 2u);
  EXPECT_EQ(patterns.at(Pattern({3, 0, kMissing})), 3.0);
  EXPECT_EQ(patterns.at(Pattern({0, 2, 1})), 1.0);
}

Record Person(const std::string& given, const std::string& surname, const std::string& postcode) {
  Record r;
  r.Set(Role::kGivenName, given);
  r.Set(Role::kSurname, surname);
  r.Set(Role::kPostcode, postcode);
  return r;
}

TEST(Model, ProbabilitiesAreEachPairsOwnAsExplained) {
  // Forty people, each twice with a slip in one copy, and a few namesakes.
  std::vector<Record> records;
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    records.push_back(Person("given" + n, "surname" + n, "pc" + n));
    records.push_back(Person("given" + n, "surnane" + n, i % 3 ? "pc" + n : ""));
  }
  records.push_back(Person("given1", "surname1", "elsewhere"));
  const std::vector<Role> roles = {Role::kGivenName, Role::kSurname, Role::kPostcode};
  const auto comparisons = ComparisonsFor(roles);
  const auto rules = RulesFor(roles);
  BlockingStats stats;
  const auto pairs = BlockDedupe(records, rules, 1000, &stats);
  ASSERT_GT(pairs.size(), 40u);
  PatternCounts counts(comparisons.size());
  counts.Add(Model::Compare(comparisons, records, records, pairs));
  const Model model = Model::Train(comparisons, records, records, rules, counts.patterns(), {});
  const std::vector<double> probability = model.Probabilities(records, records, pairs);
  ASSERT_EQ(probability.size(), pairs.size());
  for (size_t p = 0; p < pairs.size(); ++p) {
    EXPECT_DOUBLE_EQ(probability[p], model.Explain(records[pairs[p].a], records[pairs[p].b]).probability) << p;
  }
}

}  // namespace
}  // namespace cairn::resolve
