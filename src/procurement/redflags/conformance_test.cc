// Open Contracting's Cardinal conformance cases (../shared/data/cardinal/indicators, MIT licence,
// © Open Contracting Partnership): each STEM.jsonl run with the settings its stem encodes — plus,
// for every case, no_price_comparison_procurement_methods = NPC and an exclusion of EXC — must
// give exactly STEM.expected, compared as parsed JSON without Meta.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "procurement/redflags/run.h"
#include "procurement/redflags/settings.h"

namespace cairn::procurement::redflags {
namespace {

namespace fs = std::filesystem;

fs::path CasesDir() {
  return fs::path(std::getenv("CAIRN_SOURCE_DIR")) / ".." / "shared" / "data" / "cardinal" / "indicators";
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string part; std::getline(ss, part, sep);) out.push_back(part);
  return out;
}

// "R003-procurement_method_details-x-5-y-10" → the INI text it stands for.
std::string SettingsFor(const std::string& stem) {
  std::vector<std::string> parts = Split(stem, '-');
  std::string ini = "no_price_comparison_procurement_methods = NPC\n[exclusions]\nprocurement_method_details = EXC\n";
  ini += "[" + parts[0] + "]\n";
  if (parts.size() >= 3 && parts[1] == "procurement_method_details") {
    ini += "[" + parts[0] + ".procurement_method_details]\n";
    for (size_t i = 2; i + 1 < parts.size(); i += 2) ini += parts[i] + " = " + parts[i + 1] + "\n";
  } else if (parts.size() == 3) {
    std::string value = parts[2];
    std::replace(value.begin(), value.end(), '+', '|');
    ini += parts[1] + " = " + value + "\n";
  }
  return ini;
}

TEST(CardinalConformance, StemsSpellTheirSettings) {
  EXPECT_EQ(SettingsFor("R003-threshold-10").substr(SettingsFor("R003").size()), "threshold = 10\n");
  EXPECT_NE(SettingsFor("R003-procurement_methods-open+selective").find("procurement_methods = open|selective"),
            std::string::npos);
  EXPECT_NE(SettingsFor("R003-procurement_method_details-x-5-y-10").find("[R003.procurement_method_details]\nx = 5\ny = 10\n"),
            std::string::npos);
}

TEST(CardinalConformance, EveryCasePasses) {
  ASSERT_TRUE(fs::is_directory(CasesDir())) << CasesDir();
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(CasesDir())) {
    if (entry.path().extension() != ".jsonl") continue;
    std::string stem = entry.path().stem().string();
    SCOPED_TRACE(stem);
    auto settings = ParseSettings(SettingsFor(stem), stem);
    ASSERT_TRUE(settings.ok()) << settings.status().message();
    auto report = RunRedFlags(entry.path().string(), *settings, {});
    ASSERT_TRUE(report.ok()) << report.status().message();
    std::ifstream expected_file(fs::path(entry.path()).replace_extension(".expected"));
    nlohmann::json expected = nlohmann::json::parse(expected_file);
    EXPECT_EQ(report->Output(false), expected) << "got " << report->Output(false).dump();
    ++cases;
  }
  EXPECT_GE(cases, 9);
}

}  // namespace
}  // namespace cairn::procurement::redflags
