#include "risk/detect.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;

// A small world where several indicators fire.
Builder World() {
  Builder b;
  uint32_t subject = b.Person("Subject");
  b.Subject(subject);
  uint32_t wash = b.Company("WASH LTD", {.sic_codes = {"45200"}});
  b.Director(subject, wash);
  b.Link(wash, b.Address("Wash"), "trades_at", "2026-01-01", "", {{"signals", {"cash_only", "little_english"}}});
  uint32_t nominee = b.Person("Nominee");
  for (int i = 0; i < 12; ++i) b.Director(nominee, b.Company("SHELF " + std::to_string(i)));
  b.Director(nominee, wash);
  return b;
}

TEST(Detect, SameNetworkSameFindings) {
  Builder b = World();
  auto once = Detect(b.net(), DefaultSettings());
  auto again = Detect(b.net(), DefaultSettings());
  ASSERT_EQ(once.size(), again.size());
  for (size_t i = 0; i < once.size(); ++i) {
    EXPECT_EQ(once[i].indicator, again[i].indicator);
    EXPECT_EQ(once[i].node, again[i].node);
    EXPECT_EQ(once[i].evidence, again[i].evidence);
    EXPECT_EQ(once[i].summary, again[i].summary);
  }
  ASSERT_GE(once.size(), 5u);
  for (size_t i = 1; i < once.size(); ++i) EXPECT_LE(once[i - 1].node, once[i].node);
}

TEST(Detect, DisabledIndicatorsDoNotRun) {
  Builder b = World();
  auto s = ParseSettings("[N1]\nenabled = false\n[L1]\nenabled = false\n", "t.toml");
  for (const auto& f : Detect(b.net(), *s)) EXPECT_FALSE(f.restricted) << f.indicator;
}

TEST(Combine, OwnFindingsCombineAndNeighboursPassRiskOn) {
  Builder b;
  uint32_t a = b.Company("A LTD"), p = b.Person("P"), c = b.Company("C LTD"), far = b.Person("Far");
  b.Director(p, a);
  b.Director(p, c);
  b.Director(far, c);
  Finding f1{"C1", a, 0.5}, f2{"C7", a, 0.5}, secret{"N1", c, 0.8, "", {}, true, 7};
  auto risk = Combine(b.net(), {&f1, &f2, &secret}, DefaultSettings()["risk"], false);
  EXPECT_DOUBLE_EQ(risk[a].own, 0.75);
  EXPECT_DOUBLE_EQ(risk[p].neighbours, 0.375);    // one link: × 0.5
  EXPECT_DOUBLE_EQ(risk[c].neighbours, 0.1875);   // two links: × 0.25
  EXPECT_DOUBLE_EQ(risk[far].neighbours, 0.0);    // three links
  EXPECT_DOUBLE_EQ(risk[c].own, 0.0);             // the restricted finding is left out
  auto full = Combine(b.net(), {&f1, &f2, &secret}, DefaultSettings()["risk"], true);
  EXPECT_DOUBLE_EQ(full[c].own, 0.8);
  EXPECT_DOUBLE_EQ(full[c].risk, 1 - 0.2 * (1 - 0.1875));
}

}  // namespace
}  // namespace cairn::risk
