// Ingest of the Companies House companies CSV through the engine, on SQLite and PostgreSQL.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <fstream>

#include "config/settings.h"
#include "engine/ingest.h"
#include "common/crypto.h"
#include "storage/source_records.h"
#include "store_fixture.h"

namespace cairn {
namespace {

std::string TestFile() { return testing::StoreFixture::TestData("companies/basic_company_data.csv"); }

class CompaniesIngest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!s_.ok()) {
      if (testing::PostgresRequired()) FAIL() << "CAIRN_REQUIRE_PG=1 but CAIRN_TEST_PG is unset";
      GTEST_SKIP() << "PostgreSQL not configured";
    }
  }
  Result<engine::IngestReport> Ingest(const std::string& path) { return s_.Ingest(path); }
  std::string Query(const std::string& sql) { return s_.Value(sql); }

  testing::StoreFixture s_{GetParam()};
};

TEST_P(CompaniesIngest, FormatIsDetectedFromTheHeader) {
  auto format = engine::DetectFormat(TestFile());
  ASSERT_TRUE(format.ok()) << format.status().ToString();
  EXPECT_EQ(*format, "companies_house_companies");
  auto other = engine::DetectFormat(std::string(std::getenv("CAIRN_SOURCE_DIR")) + "/data/seed/councils.csv");
  EXPECT_FALSE(other.ok());
}

TEST_P(CompaniesIngest, GoodRowsLoadAndBadRowsAreRejectedWithLineAndReason) {
  auto report = Ingest(TestFile());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->read, 7);
  EXPECT_EQ(report->loaded, 3);
  EXPECT_EQ(report->rejected, 4);
  ASSERT_EQ(report->rejects.size(), 4u);
  EXPECT_NE(report->rejects[0].find("line 4: IncorporationDate: '31/02/2020' is not a real date"), std::string::npos);
  EXPECT_NE(report->rejects[1].find("line 5: broken quoting"), std::string::npos);
  EXPECT_NE(report->rejects[2].find("line 6: 4 columns where the header has 55"), std::string::npos);
  EXPECT_NE(report->rejects[3].find("line 7: CompanyNumber is empty"), std::string::npos);
  EXPECT_EQ(Query("SELECT COUNT(*) FROM ingest_rejects"), "4");
}

TEST_P(CompaniesIngest, RecordsKeepTheirProvenanceAndFields) {
  ASSERT_TRUE(Ingest(TestFile()).ok());
  EXPECT_EQ(Query("SELECT line FROM source_records WHERE record_key = 'SC598765'"), "8");
  EXPECT_EQ(Query("SELECT file FROM source_records WHERE record_key = 'SC598765'"), TestFile());
  auto payload = nlohmann::json::parse(Query("SELECT payload FROM source_records WHERE record_key = '07687209'"));
  EXPECT_EQ(payload["company_name"], "!OBAC UK LIMITED");
  EXPECT_EQ(payload["incorporation_date"], "2011-06-29");
  EXPECT_EQ(payload["registered_address"]["postcode"], "RG26 5AT");
  EXPECT_EQ(payload["sic_codes"][0]["code"], "70229");
  EXPECT_EQ(payload["previous_names"][0]["name"], "!OBAC FITTINGS LIMITED");
  EXPECT_EQ(payload["previous_names"][0]["changed_on"], "2011-07-15");
  auto nails = nlohmann::json::parse(Query("SELECT payload FROM source_records WHERE record_key = 'SC598765'"));
  EXPECT_EQ(nails["status"], "Dissolved");
  EXPECT_EQ(nails["sic_codes"].size(), 2u);
}

TEST_P(CompaniesIngest, ReingestingTheSameFileChangesNothing) {
  ASSERT_TRUE(Ingest(TestFile()).ok());
  std::string before = Query("SELECT MAX(updated_at) FROM source_records");
  auto again = Ingest(TestFile());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->loaded, 0);
  EXPECT_EQ(again->unchanged, 3);
  EXPECT_EQ(Query("SELECT COUNT(*) FROM source_records"), "3");
  EXPECT_EQ(Query("SELECT MAX(updated_at) FROM source_records"), before);
}

TEST_P(CompaniesIngest, AChangedRowReplacesTheRecordWithNewProvenance) {
  ASSERT_TRUE(Ingest(TestFile()).ok());
  auto dir = std::filesystem::temp_directory_path() / ("cairn-ingest-" + RandomToken(6));
  std::filesystem::create_directories(dir);
  std::string changed = (dir / "update.csv").string();
  {
    std::ifstream in(TestFile());
    std::ofstream out(changed);
    std::string line;
    std::getline(in, line);
    out << line << "\n";
    while (std::getline(in, line)) {
      if (line.find("SC612345") == std::string::npos) continue;
      size_t pos = line.find("\"Active\"");
      out << line.replace(pos, 8, "\"Liquidation\"") << "\n";
    }
  }
  auto report = Ingest(changed);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->loaded, 1);
  EXPECT_EQ(Query("SELECT COUNT(*) FROM source_records"), "3");
  EXPECT_EQ(Query("SELECT file FROM source_records WHERE record_key = 'SC612345'"), changed);
  EXPECT_EQ(nlohmann::json::parse(Query("SELECT payload FROM source_records WHERE record_key = 'SC612345'"))["status"],
            "Liquidation");
  std::filesystem::remove_all(dir);
}

TEST_P(CompaniesIngest, EachFileIngestIsAudited) {
  ASSERT_TRUE(Ingest(TestFile()).ok());
  auto detail = nlohmann::json::parse(Query("SELECT detail FROM audit_log WHERE action = 'ingest'"));
  EXPECT_EQ(detail["loaded"], 3);
  EXPECT_EQ(detail["rejected"], 4);
  EXPECT_EQ(detail["sha256"].get<std::string>().size(), 64u);
}

INSTANTIATE_TEST_SUITE_P(Backends, CompaniesIngest, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cairn
