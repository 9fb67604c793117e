// The whole run over files: bad lines are warned about with their numbers and skipped while good
// lines are flagged; the main currency rule; reading blocks of lines.
#include "procurement/redflags/run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "procurement/redflags/internal/line_blocks.h"

namespace cairn::procurement::redflags {
namespace {

class RunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cairn-redflags-" + std::to_string(::getpid()) + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::filesystem::path dir_;
};

constexpr char kShort[] =
    R"({"ocid":"short","tender":{"tenderPeriod":{"startDate":"2000-01-01T00:00:00Z","endDate":"2000-01-02T00:00:00Z"}}})";

bool Has(const std::vector<std::string>& warnings, const std::string& text) {
  for (const auto& w : warnings)
    if (w.find(text) != std::string::npos) return true;
  return false;
}

TEST_F(RunTest, BadLinesAreWarnedAboutAndSkippedWhileGoodLinesCount) {
  std::string lines = std::string(kShort) + "\n" +                                      // 1
                      "{\"ocid\": \"broken\"\n" +                                         // 2
                      "{\"ocid\":\"bad \xff\xfe utf8\"}\n" +                              // 3
                      "{\"tender\":{}}\n" +                                               // 4
                      "{\"ocid\":42}\n" +                                                 // 5
                      "\n" +                                                              // 6
                      "[1,2]\n" +                                                         // 7
                      R"({"ocid":"date","tender":{"tenderPeriod":{"startDate":"soon","endDate":"2000-01-02T00:00:00Z"}}})"
                      "\n" +                                                              // 8
                      R"({"ocid":"amount","bids":{"details":[{"status":"valid","value":{"amount":"12","currency":"GBP"}}]}})"
                      "\n";                                                               // 9
  auto report = RunRedFlags(Write("in.jsonl", lines), AllIndicators(), {});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->Output(false)["OCID"]["short"]["R003"], 1.0);
  EXPECT_EQ(report->counts.lines, 8u);
  EXPECT_EQ(report->counts.invalid, 5u);
  EXPECT_EQ(report->counts.processes, 3u);
  const auto& w = report->warnings;
  EXPECT_TRUE(Has(w, "line 2: invalid JSON")) << ::testing::PrintToString(w);
  EXPECT_TRUE(Has(w, "line 3: invalid JSON"));
  EXPECT_TRUE(Has(w, "line 4: ocid is missing or not a string"));
  EXPECT_TRUE(Has(w, "line 5: ocid is missing or not a string"));
  EXPECT_TRUE(Has(w, "line 7: not a JSON object"));
  EXPECT_TRUE(Has(w, "line 8: tender/tenderPeriod/startDate is not an RFC 3339 date-time: \"soon\""));
  EXPECT_TRUE(Has(w, "line 9: bids/details/0/value/amount is not a number: \"12\""));
  EXPECT_EQ(report->warnings_total, 7u);
}

TEST_F(RunTest, CancelledAndExcludedProcessesAreSkipped) {
  std::string cancelled = R"({"ocid":"c","tender":{"status":"cancelled","numberOfTenderers":1,"procurementMethod":"open"}})";
  std::string excluded = R"({"ocid":"e","tender":{"procurementMethodDetails":"Call-off","numberOfTenderers":1,"procurementMethod":"open"}})";
  std::string kept = R"({"ocid":"k","tender":{"numberOfTenderers":1,"procurementMethod":"open"}})";
  auto settings = ParseSettings("[exclusions]\nprocurement_method_details = Call-off\n[R018]\n", "x.ini");
  ASSERT_TRUE(settings.ok());
  auto report = RunRedFlags(Write("in.jsonl", cancelled + "\n" + excluded + "\n" + kept), *settings, {});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->Output(false), nlohmann::json::parse(R"({"OCID":{"k":{"R018":1.0}}})"));
  EXPECT_EQ(report->counts.cancelled, 1u);
  EXPECT_EQ(report->counts.excluded, 1u);
}

std::string LowestDisqualified(const std::string& ocid, const std::string& currency) {
  return R"({"ocid":")" + ocid + R"(","bids":{"details":[{"status":"disqualified","value":{"amount":1,"currency":")" +
         currency + R"("}},{"status":"valid","value":{"amount":2,"currency":")" + currency +
         R"("}}]},"awards":[{"status":"active"}]})";
}

TEST_F(RunTest, AmountsOutsideTheMainCurrencyAreIgnored) {
  std::string path = Write("in.jsonl", LowestDisqualified("usd", "USD") + "\n" + LowestDisqualified("cad", "CAD") + "\n");
  auto settings = ParseSettings("[R036]\n", "x.ini");
  auto first_seen = RunRedFlags(path, *settings, {});
  ASSERT_TRUE(first_seen.ok());
  EXPECT_EQ(first_seen->currency, "USD");
  EXPECT_EQ(first_seen->Output(false), nlohmann::json::parse(R"({"OCID":{"usd":{"R036":1.0}}})"));
  EXPECT_TRUE(Has(first_seen->warnings, "line 2: bids/details/0/value is in CAD, not the main currency USD"));
  auto chosen = ParseSettings("currency = CAD\n[R036]\n", "x.ini");
  auto report = RunRedFlags(path, *chosen, {});
  EXPECT_EQ(report->Output(false), nlohmann::json::parse(R"({"OCID":{"cad":{"R036":1.0}}})"));
}

TEST_F(RunTest, MetaCarriesCountsAndCurrency) {
  auto report = RunRedFlags(Write("in.jsonl", std::string(kShort) + "\n"), AllIndicators(), {});
  ASSERT_TRUE(report.ok());
  auto out = report->Output(true);
  EXPECT_EQ(out["Meta"]["counts"]["processes"], 1);
  EXPECT_FALSE(report->Output(false).contains("Meta"));
}

TEST_F(RunTest, ParseOnlyFlagsNothing) {
  RunOptions options;
  options.parse_only = true;
  auto report = RunRedFlags(Write("in.jsonl", std::string(kShort) + "\n{\n"), AllIndicators(), options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->counts.lines, 2u);
  EXPECT_EQ(report->counts.invalid, 1u);
  EXPECT_EQ(report->Text(false), "{}");
}

TEST_F(RunTest, MissingFileIsNotFound) {
  auto report = RunRedFlags((dir_ / "absent.jsonl").string(), AllIndicators(), {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kNotFound);
}

TEST_F(RunTest, BlocksSplitOnlyBetweenLinesAndGrowForLongOnes) {
  std::string long_line = "{\"ocid\":\"" + std::string(300, 'x') + "\"}";
  std::string path = Write("in.jsonl", "{\"ocid\":\"a\"}\r\n" + long_line + "\n\n{\"ocid\":\"b\"}");
  auto reader = internal::LineBlockReader::Open(path, 64);
  ASSERT_TRUE(reader.ok());
  std::vector<std::pair<uint64_t, std::string>> seen;
  internal::LineBlock block;
  while (*reader->Next(block))
    for (size_t i = 0; i < block.lines.size(); ++i) seen.emplace_back(block.first_line + i, std::string(block.lines[i]));
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[0], std::make_pair(uint64_t(1), std::string("{\"ocid\":\"a\"}")));
  EXPECT_EQ(seen[1], std::make_pair(uint64_t(2), long_line));
  EXPECT_EQ(seen[2].second, "");
  EXPECT_EQ(seen[3], std::make_pair(uint64_t(4), std::string("{\"ocid\":\"b\"}")));
}

}  // namespace
}  // namespace cairn::procurement::redflags
