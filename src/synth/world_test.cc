#include "synth/world.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace cairn::synth {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class World : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cairn-synth-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path Write(const std::string& sub, uint64_t seed) {
    WorldOptions o;
    o.seed = seed;
    o.out_dir = (dir_ / sub).string();
    auto r = WriteWorld(o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return dir_ / sub;
  }
  fs::path dir_;
};

const char* kFiles[] = {"companies.csv", "psc.jsonl", "officers.jsonl", "ocds.jsonl", "licences.csv",
                        "inspections.csv", "intel.csv", "truth.json"};

TEST_F(World, TheSameSeedWritesTheSameBytes) {
  fs::path a = Write("a", 11), b = Write("b", 11);
  for (const char* f : kFiles) EXPECT_EQ(Read(a / f), Read(b / f)) << f;
}

TEST_F(World, AnotherSeedWritesAnotherWorld) {
  fs::path a = Write("a", 11), b = Write("b", 12);
  EXPECT_NE(Read(a / "officers.jsonl"), Read(b / "officers.jsonl"));
}

TEST_F(World, DemoScaleIsAboutFiveThousandCompanies) {
  fs::path a = Write("a", 3);
  auto truth = nlohmann::json::parse(Read(a / "truth.json"));
  int64_t companies = truth["files"]["companies.csv"];
  EXPECT_GE(companies, 4500);
  EXPECT_LE(companies, 5500);
  EXPECT_GT(int64_t(truth["files"]["officers.jsonl"]), companies) << "most companies have more than one officer";
}

TEST_F(World, PlantedPatternsCoverTheIndicators) {
  auto truth = nlohmann::json::parse(Read(Write("a", 5) / "truth.json"));
  std::set<std::string> covered;
  for (const auto& p : truth["patterns"]) {
    for (const auto& i : p["indicators"]) covered.insert(i.get<std::string>());
    EXPECT_FALSE(p["companies"].empty() && p["people"].empty() && p["addresses"].empty()) << p.dump();
  }
  for (const char* code : {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "N1", "N2", "B1", "B2", "L1", "P1",
                           "P2", "P3", "P4", "P5", "P7"}) {
    EXPECT_TRUE(covered.count(code)) << code << " has no planted pattern";
  }
}

TEST_F(World, EveryTruthReferencePointsAtALineThatExists) {
  fs::path dir = Write("a", 5);
  std::map<std::string, size_t> lines;
  for (const char* f : kFiles) {
    std::string text = Read(dir / f);
    lines[f] = size_t(std::count(text.begin(), text.end(), '\n'));
  }
  auto truth = nlohmann::json::parse(Read(dir / "truth.json"));
  size_t checked = 0;
  auto check = [&](const std::string& ref) {
    std::string file = ref.substr(0, ref.find(':'));
    size_t line = std::stoul(ref.substr(ref.find(':') + 1));
    ASSERT_TRUE(lines.count(file)) << ref;
    EXPECT_GE(line, 1u) << ref;
    EXPECT_LE(line, lines[file]) << ref;
    ++checked;
  };
  for (const auto& p : truth["people"]) {
    EXPECT_FALSE(p["records"].empty()) << "a person the records never mention: " << p.dump();
    for (const auto& r : p["records"]) check(r.get<std::string>());
  }
  for (const auto& c : truth["companies"]) {
    for (const auto& r : c["records"]) check(r.get<std::string>());
  }
  EXPECT_GT(checked, 10000u);
}

TEST_F(World, RecordsCarryRegisterNoise) {
  fs::path dir = Write("a", 5);
  std::string officers = Read(dir / "officers.jsonl"), psc = Read(dir / "psc.jsonl"), licences = Read(dir / "licences.csv");
  EXPECT_NE(officers.find("\"name\":\"") , std::string::npos);
  EXPECT_NE(officers.find(", "), std::string::npos) << "officers are SURNAME, Forenames";
  EXPECT_NE(psc.find("\"name\":\"Mr "), std::string::npos) << "PSCs are Mr Forename Surname";
  EXPECT_NE(licences.find(" Ltd"), std::string::npos) << "suffix variants outside the register";
  EXPECT_NE(licences.find(" LIMITED"), std::string::npos);
}

TEST(Scale, NamesAndSizes) {
  EXPECT_EQ(ParseScale("demo"), Scale::kDemo);
  EXPECT_EQ(ParseScale("uk"), Scale::kUk);
  EXPECT_FALSE(ParseScale("wales"));
  EXPECT_EQ(CompaniesAt(Scale::kScotland), 250000u);
  EXPECT_EQ(CompaniesAt(Scale::kUk), 5000000u);
}

}  // namespace
}  // namespace cairn::synth
