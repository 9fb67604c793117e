#include "risk/settings.h"

#include <gtest/gtest.h>

namespace cairn::risk {
namespace {

TEST(DetectionSettings, DefaultsHoldEveryIndicator) {
  Settings s = DefaultSettings();
  for (const char* code : {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "N1", "N2", "B1", "B2", "L1", "risk"}) {
    EXPECT_EQ(s.sections.count(code), 1u) << code;
  }
  EXPECT_DOUBLE_EQ(s["C1"].Number("min_changes"), 3);
  EXPECT_EQ(s["C6"].List("sic_codes").size(), 30u);
}

TEST(DetectionSettings, AFileOverridesOnlyWhatItSays) {
  auto s = ParseSettings("[C1]\nmin_changes = 5\n[C6]\nenabled = false\n", "mine.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_DOUBLE_EQ((*s)["C1"].Number("min_changes"), 5);
  EXPECT_DOUBLE_EQ((*s)["C1"].Number("window_days"), 365);
  EXPECT_FALSE((*s)["C6"].enabled);
}

TEST(DetectionSettings, MistakesAreRefusedWithFileLineAndKey) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"[C10]\nweight = 0.1\n", "mine.toml line 1: C10 is not an indicator Cairn knows"},
      {"[C1]\nmin_changes = -1\n", "mine.toml line 2: C1.min_changes must not be negative"},
      {"[C1]\nweight = \"high\"\n", "mine.toml line 2: C1.weight must be a number"},
      {"[C1]\nweight = 1.5\n", "mine.toml line 2: C1.weight must be between 0 and 1"},
      {"[C1]\nminimum = 3\n", "mine.toml line 2: C1.minimum is not a setting of this indicator"},
      {"[C6]\nsic_codes = 45200\n", "mine.toml line 2: C6.sic_codes must be a list of strings, not a number"},
      {"[C3]\nmax_companies = [1]\n", "mine.toml line 2: C3.max_companies must be a number, not a list"},
      {"[C1]\nenabled = 1\n", "mine.toml line 2: C1.enabled must be true or false"},
      {"[C1\n", "mine.toml line 1"},
  };
  for (const auto& c : cases) {
    auto s = ParseSettings(c.text, "mine.toml");
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.status().message().substr(0, std::string(c.message).size()), c.message) << s.status().message();
  }
}

}  // namespace
}  // namespace cairn::risk
