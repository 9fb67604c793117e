#include "taskforce/priority.h"

#include <gtest/gtest.h>

namespace cairn::taskforce {
namespace {

TEST(Priority, ScoresTheProductAndShowsEveryFactor) {
  const auto& s = DefaultPrioritySettings();
  auto p = ScorePriority(s, {5, 5, 5, "full"});
  ASSERT_TRUE(p.ok());
  EXPECT_DOUBLE_EQ(p->base, 100);
  EXPECT_DOUBLE_EQ(p->score, 100);
  EXPECT_EQ(p->band, "high");
  auto low = ScorePriority(s, {1, 2, 3, ""});
  ASSERT_TRUE(low.ok());
  EXPECT_DOUBLE_EQ(low->base, 4.8);
  EXPECT_EQ(low->capacity, "full");
  EXPECT_EQ(low->band, "low");
  auto medium = ScorePriority(s, {3, 3, 2, "full"});
  EXPECT_DOUBLE_EQ(medium->score, 14.4);
  EXPECT_EQ(medium->band, "low") << "just under the medium band's 15";
}

TEST(Priority, CapacityModifiesAndNeverPassesOneHundred) {
  const auto& s = DefaultPrioritySettings();
  auto stretched = ScorePriority(s, {4, 4, 4, "stretched"});
  ASSERT_TRUE(stretched.ok());
  EXPECT_DOUBLE_EQ(stretched->base, 51.2);
  EXPECT_DOUBLE_EQ(stretched->modifier, 1.3);
  EXPECT_DOUBLE_EQ(stretched->score, 66.6);
  EXPECT_DOUBLE_EQ(ScorePriority(s, {5, 5, 5, "stretched"})->score, 100);
}

TEST(Priority, OutOfRangeFactorsAndUnknownCapacitiesNameTheirField) {
  const auto& s = DefaultPrioritySettings();
  EXPECT_EQ(ScorePriority(s, {0, 3, 3, "full"}).status().field(), "harm");
  EXPECT_EQ(ScorePriority(s, {3, 6, 3, "full"}).status().field(), "likelihood");
  EXPECT_EQ(ScorePriority(s, {3, 3, -1, "full"}).status().field(), "confidence");
  EXPECT_EQ(ScorePriority(s, {3, 3, 3, "swamped"}).status().field(), "capacity");
}

TEST(Priority, SettingsErrorsNameTheLine) {
  auto bad = ParsePrioritySettings("[capacity]\nfull = 1.0\nlimited = -2\n[[band]]\nname = \"x\"\nmin = 0.0\n", "t.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("t.toml line 3: capacity.limited"), std::string::npos) << bad.status().message();
  auto order = ParsePrioritySettings("[capacity]\nfull = 1.0\n[[band]]\nname = \"a\"\nmin = 1.0\n[[band]]\nname = \"b\"\nmin = 5.0\n",
                                     "t.toml");
  EXPECT_FALSE(order.ok());
  EXPECT_FALSE(ParsePrioritySettings("[capacity]\nlimited = 1.0\n[[band]]\nname = \"a\"\nmin = 0.0\n", "t.toml").ok())
      << "full is the default and must be there";
  EXPECT_FALSE(ParsePrioritySettings("[capacity\n", "t.toml").ok());
}

}  // namespace
}  // namespace cairn::taskforce
