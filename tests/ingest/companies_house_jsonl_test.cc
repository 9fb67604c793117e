// PSC snapshot and officers JSON lines through the engine (SQLite; the store contract and the
// companies ingest test cover both backends).
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "common/crypto.h"
#include "config/settings.h"
#include "engine/ingest.h"
#include "ingest/companies_house_jsonl.h"
#include "store_fixture.h"

namespace cairn {
namespace {

std::string TestData(const char* name) { return testing::StoreFixture::TestData(std::string("companies/") + name); }

class JsonlIngest : public ::testing::Test {
 protected:
  Result<engine::IngestReport> Ingest(const std::string& path) { return s_.Ingest(path); }
  std::string Query(const std::string& sql) { return s_.Value(sql); }
  testing::StoreFixture s_;
};

TEST_F(JsonlIngest, FormatsAreDetectedFromTheFirstLine) {
  EXPECT_EQ(*engine::DetectFormat(TestData("psc.jsonl")), "companies_house_psc");
  EXPECT_EQ(*engine::DetectFormat(TestData("officers.jsonl")), "companies_house_officers");
}

TEST_F(JsonlIngest, PscSnapshotLoadsRecordsSkipsTotalsAndRejectsBadLines) {
  auto report = Ingest(TestData("psc.jsonl"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->read, 6) << "the totals line is not a record";
  EXPECT_EQ(report->loaded, 3);
  EXPECT_EQ(report->rejected, 3);
  ASSERT_EQ(report->rejects.size(), 3u);
  EXPECT_NE(report->rejects[0].find("line 4: notified_on is not a real date"), std::string::npos) << report->rejects[0];
  EXPECT_NE(report->rejects[1].find("line 5: invalid JSON"), std::string::npos) << report->rejects[1];
  EXPECT_NE(report->rejects[2].find("line 6: company_number is missing"), std::string::npos) << report->rejects[2];
  auto psc = nlohmann::json::parse(
      Query("SELECT payload FROM source_records WHERE record_key LIKE 'SC123456/%'"));
  EXPECT_EQ(psc["data"]["name_elements"]["surname"], "Smith");
  EXPECT_EQ(psc["data"]["natures_of_control"].size(), 2u);
  EXPECT_EQ(Query("SELECT line FROM source_records WHERE record_key LIKE 'SC598765/%'"), "3");
  auto again = Ingest(TestData("psc.jsonl"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 3);
  EXPECT_EQ(again->loaded, 0);
}

TEST_F(JsonlIngest, OfficersLoadOneRecordPerAppointment) {
  auto report = Ingest(TestData("officers.jsonl"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->loaded, 3) << "the same officer at two companies is two appointments";
  EXPECT_EQ(report->rejected, 3);
  EXPECT_NE(report->rejects[0].find("line 4: data.officer_role is missing"), std::string::npos) << report->rejects[0];
  EXPECT_NE(report->rejects[1].find("line 5: appointed_on is not a real date"), std::string::npos) << report->rejects[1];
  EXPECT_NE(report->rejects[2].find("line 6: invalid JSON"), std::string::npos) << report->rejects[2];
  EXPECT_EQ(Query("SELECT COUNT(*) FROM source_records WHERE record_key LIKE '%/officers/AbC123/appointments/%'"), "2");
}

TEST(JsonlParse, ThePayloadEscapesTheCompanyNumber) {
  auto r = ingest::ParseOfficerLine(R"({"company_number":"SC\"1","data":{"name":"A, B","officer_role":"director"}})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto payload = nlohmann::json::parse((*r)->payload);
  EXPECT_EQ(payload["company_number"], "SC\"1");
}

}  // namespace
}  // namespace cairn
