// Cairn's own CSV formats: the licence register, inspection reports and intelligence subjects.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "common/crypto.h"
#include "config/settings.h"
#include "engine/ingest.h"
#include "ingest/cairn_csv.h"
#include "store_fixture.h"

namespace cairn {
namespace {

std::string TestData(const char* name) { return testing::StoreFixture::TestData(std::string("cairn_csv/") + name); }

class CairnCsv : public ::testing::Test {
 protected:
  Result<engine::IngestReport> Ingest(const std::string& path, engine::IngestOptions options = {}) {
    return s_.Ingest(path, options);
  }
  nlohmann::json Payload(const std::string& key) { return s_.Payload(key); }
  testing::StoreFixture s_;
};

void ExpectRejects(const engine::IngestReport& r, const std::vector<std::string>& expected) {
  ASSERT_EQ(r.rejects.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_NE(r.rejects[i].find(expected[i]), std::string::npos) << r.rejects[i] << " should contain " << expected[i];
  }
}

TEST_F(CairnCsv, FormatsAreDetectedFromTheirHeaders) {
  EXPECT_EQ(*engine::DetectFormat(TestData("licences.csv")), "licences");
  EXPECT_EQ(*engine::DetectFormat(TestData("inspections.csv")), "inspections");
  EXPECT_EQ(*engine::DetectFormat(TestData("intelligence.csv")), "intelligence_subjects");
  EXPECT_FALSE(engine::DetectFormat(TestData("council_export.csv")).ok());
}

TEST_F(CairnCsv, LicenceRegisterLoadsGoodRowsAndNamesWhatIsWrongWithTheRest) {
  auto r = Ingest(TestData("licences.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->loaded, 3);
  ExpectRejects(*r, {"line 5: holder_name is empty", "line 6: granted_on: '2023-02-30' is not a real date",
                     "line 7: licence_type: 'scrap_yard' is not one of", "line 8: occupancy: 'six' is not a whole number"});
  auto pub = Payload("Renfrewshire Council/PL/2021/0042");
  EXPECT_EQ(pub["holder_company_number"], "SC612345");
  EXPECT_EQ(pub["designated_premises_manager"], "John Smith");
  auto nails = Payload("Glasgow City Council/NB/2022/7");
  EXPECT_EQ(nails["licence_type"], "nail_bar") << "values are matched without regard to case";
  EXPECT_EQ(nails["status"], "granted");
  auto hmo = Payload("Glasgow City Council/HMO/2020/311");
  EXPECT_EQ(hmo["granted_on"], "2020-06-01") << "UK dates become ISO";
  EXPECT_EQ(hmo["occupancy"], 9);
}

TEST_F(CairnCsv, InspectionSignalsAreCheckedAgainstTheIndicatorCodes) {
  auto r = Ingest(TestData("inspections.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->loaded, 3);
  ExpectRejects(*r, {"line 5: signals: unknown code 'seems_dodgy'", "line 6: date is empty"});
  auto nails = Payload("Glasgow City Council/LIC-2024-017");
  EXPECT_EQ(nails["signals"], nlohmann::json({"workers_living_on_site", "documents_held_by_others", "little_english"}));
}

TEST_F(CairnCsv, IntelligenceSubjectsAreRestrictedToTheirOwner) {
  auto without = Ingest(TestData("intelligence.csv"));
  ASSERT_FALSE(without.ok());
  EXPECT_NE(without.status().message().find("--organisation"), std::string::npos);

  engine::IngestOptions options;
  options.owner_organisation_id = 42;
  // The owner must exist: seed one.
  ASSERT_TRUE(s_.db().Write([&](storage::Tx& tx) {
    tx.sql() << "INSERT INTO organisations (id, slug, name, type, taskforce_member, created_at, updated_at) "
                "VALUES (42, 'police-scotland', 'Police Scotland', 'police', 1, 't', 't')";
    return Status::Ok();
  }).ok());
  auto r = Ingest(TestData("intelligence.csv"), options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->loaded, 3);
  ExpectRejects(*r, {"line 5: source_grade: '4' is not one of 1, 2, 3, A, B, C, D, E", "line 6: originator is empty"});
  auto grades = Payload("PS-0002");
  EXPECT_EQ(grades["information_grade"], "A");
  EXPECT_EQ(grades["handling_code"], "P");
  long long restricted = 0, owner = 0;
  ASSERT_TRUE(s_.db().Read([&](storage::Tx& tx) {
    tx.sql() << "SELECT MIN(restricted), MIN(owner_organisation_id) FROM source_records WHERE format = 'intelligence_subjects'",
        soci::into(restricted), soci::into(owner);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(restricted, 1);
  EXPECT_EQ(owner, 42);
}

TEST_F(CairnCsv, Legacy5x5x5GradesAreMappedAndKept) {
  ASSERT_TRUE(s_.db().Write([&](storage::Tx& tx) {
    tx.sql() << "INSERT INTO organisations (id, slug, name, type, taskforce_member, created_at, updated_at) "
                "VALUES (42, 'police-scotland', 'Police Scotland', 'police', 1, 't', 't')";
    return Status::Ok();
  }).ok());
  engine::IngestOptions options;
  options.owner_organisation_id = 42;
  auto r = Ingest(TestData("intelligence_5x5x5.csv"), options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->loaded, 2);
  ExpectRejects(*r, {"line 3: information_grade: '3' is a 5x5x5 grade but source_grade '1' is 3x5x2",
                     "line 4: information_grade: a 5x5x5 record (source_grade A) needs 1 to 5, not 'C'"});
  auto old = Payload("OLD-0001");
  EXPECT_EQ(old["source_grade"], "1");
  EXPECT_EQ(old["information_grade"], "A");
  EXPECT_EQ(old["handling_code"], "C");
  EXPECT_EQ(old["handling_conditions"], "legacy handling 4: only within the originating agency");
  EXPECT_EQ(old["legacy_grading"], nlohmann::json({{"model", "5x5x5"}, {"source", "B"}, {"intelligence", "2"}, {"handling", "4"}}));
  auto shared = Payload("OLD-0004");
  EXPECT_EQ(shared["handling_code"], "P");
  EXPECT_FALSE(shared.contains("handling_conditions"));
}

TEST_F(CairnCsv, AColumnMappingLoadsACouncilsOwnExport) {
  auto mapping = ingest::LoadColumnMapping(TestData("council_mapping.toml"));
  ASSERT_TRUE(mapping.ok()) << mapping.status().ToString();
  engine::IngestOptions options;
  options.format = "licences";
  options.column_mapping = *mapping;
  auto r = Ingest(TestData("council_export.csv"), options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->loaded, 1);
  EXPECT_EQ(Payload("Inverclyde Council/LA-99")["premises_name"], "The Anchor");
  options.column_mapping.erase("holder_name");
  auto missing = Ingest(TestData("council_export.csv"), options);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("needs a column holder_name"), std::string::npos) << missing.status().message();
}

}  // namespace
}  // namespace cairn
