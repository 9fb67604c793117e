#include "procurement/redflags/settings.h"

#include <gtest/gtest.h>

namespace cairn::procurement::redflags {
namespace {

TEST(RedFlagSettings, InitFileEnablesEveryIndicatorWithItsDefaults) {
  auto s = ParseSettings(DefaultSettingsText(), "settings.ini");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->enabled, AllIndicators().enabled);
  EXPECT_EQ(s->r003.threshold, 15);
  EXPECT_EQ(s->r018.procurement_methods, (std::set<std::string>{"open", "selective"}));
  EXPECT_EQ(s->r025.percentile, 75);
  EXPECT_FALSE(s->r024.threshold.has_value());
  EXPECT_EQ(s->r048.minimum_contracting_processes, 20);
  EXPECT_FALSE(s->currency.has_value());
}

TEST(RedFlagSettings, OnlyPresentSectionsRun) {
  auto s = ParseSettings("[R024]\n[R036]\n", "x.ini");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->enabled, (std::set<std::string>{"R024", "R036"}));
}

TEST(RedFlagSettings, ReadsGeneralSettingsListsAndTables) {
  auto s = ParseSettings(
      "currency = GBP\nno_price_comparison_procurement_methods = Random Selection | Lottery\n"
      "[exclusions]\nprocurement_method_details = Framework\n"
      "[R003.procurement_method_details]\nOpen Procedure = 30\n[R038]\nthreshold = 0.25\n",
      "x.ini");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->currency, "GBP");
  EXPECT_EQ(s->no_price_comparison_methods, (std::set<std::string>{"Random Selection", "Lottery"}));
  EXPECT_EQ(s->excluded_method_details, (std::set<std::string>{"Framework"}));
  EXPECT_EQ(s->r003.by_method_details.at("Open Procedure"), 30);
  EXPECT_TRUE(s->Enabled("R003"));
  EXPECT_EQ(s->r038.threshold, 0.25);
}

TEST(RedFlagSettings, DefaultsSectionHoldsGeneralSettings) {
  auto s = ParseSettings("[defaults]\ncurrency = EUR\n", "x.ini");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->currency, "EUR");
}

TEST(RedFlagSettings, UnknownSettingIsAnErrorNamingIt) {
  auto s = ParseSettings("[R003]\nthreshhold = 10\n", "x.ini");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "x.ini line 2: unknown setting [R003] threshhold");
  auto general = ParseSettings("currancy = GBP\n", "x.ini");
  ASSERT_FALSE(general.ok());
  EXPECT_EQ(general.status().message(), "x.ini line 1: unknown setting currancy");
}

TEST(RedFlagSettings, UnknownSectionIsAnError) {
  auto s = ParseSettings("; comment\n[R999]\n", "x.ini");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "x.ini line 2: unknown section [R999]");
}

TEST(RedFlagSettings, WrongKindOfValueIsAnError) {
  auto s = ParseSettings("[R003]\nthreshold = ten\n", "x.ini");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "x.ini line 2: [R003] threshold must be a whole number of days, not \"ten\"");
  EXPECT_FALSE(ParseSettings("[R024]\nthreshold = 0.1x\n", "x.ini").ok());
  EXPECT_FALSE(ParseSettings("[R025]\npercentile = 120\n", "x.ini").ok());
  EXPECT_FALSE(ParseSettings("[R048]\ndigits = 9\n", "x.ini").ok());
  EXPECT_FALSE(ParseSettings("[R003.procurement_method_details]\nopen = soon\n", "x.ini").ok());
}

TEST(RedFlagSettings, KeySetTwiceOrMalformedLineIsAnError) {
  EXPECT_EQ(ParseSettings("[R003]\nthreshold = 1\nthreshold = 2\n", "x.ini").status().message(),
            "x.ini line 3: [R003] threshold is set twice");
  EXPECT_EQ(ParseSettings("[R003\n", "x.ini").status().message(), "x.ini line 1: a section header must end with ]");
  EXPECT_EQ(ParseSettings("[R003]\nthreshold\n", "x.ini").status().message(),
            "x.ini line 2: expected key = value or [section]");
}

TEST(RedFlagSettings, MissingFileIsAnError) {
  auto s = LoadSettings("/nonexistent/settings.ini");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("cannot read red-flag settings"), std::string::npos);
  EXPECT_EQ(LoadSettings("")->enabled, AllIndicators().enabled);
}

}  // namespace
}  // namespace cairn::procurement::redflags
