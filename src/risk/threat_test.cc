#include "risk/threat.h"

#include <gtest/gtest.h>

namespace cairn::risk {
namespace {

ThreatInput All(int score, int harm, int likelihood) {
  ThreatInput in;
  for (const auto& a : DefaultThreatSettings().attributes) in.attributes[a.code] = score;
  in.harm = harm;
  in.likelihood = likelihood;
  in.confidence = "B";
  return in;
}

TEST(Threat, TheScoreCombinesAttributesAndTheMatrixAsConfigured) {
  auto top = Assess(DefaultThreatSettings(), All(3, 5, 5));
  ASSERT_TRUE(top.ok());
  EXPECT_DOUBLE_EQ(top->score, 100);
  EXPECT_EQ(top->band, "1 (highest)");
  auto low = Assess(DefaultThreatSettings(), All(0, 1, 1));
  EXPECT_DOUBLE_EQ(low->score, 2);  // 0.5 × 0 + 0.5 × 1/25
  EXPECT_EQ(low->band, "4 (lowest)");
  auto middle = Assess(DefaultThreatSettings(), All(2, 3, 4));  // 0.5 × 2/3 + 0.5 × 12/25
  EXPECT_DOUBLE_EQ(middle->score, 57.3);
  EXPECT_EQ(middle->band, "2");
}

TEST(Threat, WeightsAndBandsComeFromTheFile) {
  auto s = ParseThreatSettings(R"(attribute_share = 1.0
confidence_grades = ["A"]
crime_types = ["drugs"]
scottish_postcode_areas = ["G"]
[[attribute]]
code = "violence"
weight = 1
[[attribute]]
code = "money"
weight = 3
[[band]]
name = "high"
min = 50
[[band]]
name = "low"
min = 0
)", "mine.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  ThreatInput in{{{"violence", 3}, {"money", 0}}, 5, 5, "A"};
  auto r = Assess(*s, in);
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->score, 25);
  EXPECT_EQ(r->band, "low");
}

TEST(Threat, BadInputNamesTheField) {
  auto in = All(2, 3, 3);
  in.attributes["charisma"] = 1;
  EXPECT_EQ(Assess(DefaultThreatSettings(), in).status().field(), "attributes.charisma");
  in = All(2, 3, 3);
  in.attributes["violence"] = 4;
  EXPECT_EQ(Assess(DefaultThreatSettings(), in).status().field(), "attributes.violence");
  in = All(2, 3, 3);
  in.attributes.erase("firearms");
  EXPECT_EQ(Assess(DefaultThreatSettings(), in).status().field(), "attributes.firearms");
  EXPECT_EQ(Assess(DefaultThreatSettings(), All(2, 0, 3)).status().field(), "harm");
  EXPECT_EQ(Assess(DefaultThreatSettings(), All(2, 3, 6)).status().field(), "likelihood");
  in = All(2, 3, 3);
  in.confidence = "Z";
  EXPECT_EQ(Assess(DefaultThreatSettings(), in).status().field(), "confidence");
  auto bad = ParseThreatSettings("attribute_share = 2\n", "t.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "t.toml line 1: attribute_share must be a number from 0 to 1");
}

}  // namespace
}  // namespace cairn::risk
