// OCDS: compiled releases line by line, and release packages compiled per ocid.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "common/crypto.h"
#include "config/settings.h"
#include "engine/ingest.h"
#include "ingest/ocds.h"
#include "store_fixture.h"

namespace cairn {
namespace {

std::string Source(const std::string& rel) { return std::string(std::getenv("CAIRN_SOURCE_DIR")) + "/" + rel; }

class Ocds : public ::testing::Test {
 protected:
  Result<engine::IngestReport> Ingest(const std::string& path) { return s_.Ingest(path); }
  nlohmann::json Payload(const std::string& key) { return s_.Payload(key); }
  testing::StoreFixture s_;
};

TEST_F(Ocds, BothLayoutsAreDetected) {
  EXPECT_EQ(*engine::DetectFormat(Source("tests/testdata/ocds/package.json")), "ocds");
  EXPECT_EQ(*engine::DetectFormat(Source("tests/testdata/ocds/compiled.jsonl")), "ocds");
}

TEST_F(Ocds, APackageIsCompiledPerOcid) {
  auto r = Ingest(Source("tests/testdata/ocds/package.json"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->loaded, 2);
  ASSERT_EQ(r->rejects.size(), 1u);
  EXPECT_NE(r->rejects[0].find("releases[3]: ocid is missing"), std::string::npos) << r->rejects[0];
  auto c = Payload("ocds-r6ebe6-0001");
  EXPECT_EQ(c["tag"], nlohmann::json({"compiled"}));
  EXPECT_EQ(c["tender"]["status"], "complete") << "the later release wins a field";
  EXPECT_EQ(c["tender"]["procurementMethod"], "open") << "fields the later release leaves out are kept";
  EXPECT_EQ(c["tender"]["numberOfTenderers"], 1);
  EXPECT_EQ(c["parties"].size(), 2u) << "parties merge by id";
  EXPECT_EQ(c["awards"][0]["suppliers"][0]["id"], "GB-COH-SC612345");
  EXPECT_EQ(c["date"], "2024-02-15T09:00:00Z");
}

TEST_F(Ocds, MergeRulesFollowOcds) {
  auto package = ingest::CompileReleasePackage(R"({"releases":[
    {"ocid":"x","date":"2024-02-01","tender":{"items":[{"id":"1","quantity":2},{"id":"2"}],"documents":[{"id":"d"}],
     "submissionMethod":["electronic"],"title":"second"}},
    {"ocid":"x","date":"2024-01-01","tender":{"items":[{"id":"1","quantity":1,"unit":"t"}],"title":"first","note":"gone later"},
     "planning":{"budget":1}},
    {"ocid":"x","date":"2024-03-01","tender":{"note":null,"submissionMethod":["written"]}}]})");
  ASSERT_TRUE(package.ok()) << package.status().ToString();
  ASSERT_EQ(package->records.size(), 1u);
  auto c = nlohmann::json::parse(package->records[0].payload);
  EXPECT_EQ(c["tender"]["title"], "second") << "releases apply in date order, not file order";
  EXPECT_EQ(c["tender"]["items"].size(), 2u);
  EXPECT_EQ(c["tender"]["items"][0]["quantity"], 2);
  EXPECT_EQ(c["tender"]["items"][0]["unit"], "t") << "an item merges field by field";
  EXPECT_FALSE(c["tender"].contains("note")) << "null removes a field";
  EXPECT_EQ(c["tender"]["submissionMethod"], nlohmann::json({"written"})) << "plain arrays are replaced";
  EXPECT_EQ(c["planning"]["budget"], 1);
}

TEST_F(Ocds, CompiledReleasesLoadLineByLine) {
  auto r = Ingest(Source("tests/testdata/ocds/compiled.jsonl"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->loaded, 1);
  ASSERT_EQ(r->rejects.size(), 2u);
  EXPECT_NE(r->rejects[0].find("line 2: ocid is missing or not a string"), std::string::npos) << r->rejects[0];
  EXPECT_NE(r->rejects[1].find("line 3: invalid JSON"), std::string::npos) << r->rejects[1];
}

TEST_F(Ocds, EveryCardinalConformanceFileLoads) {
  const std::string dir = Source("../shared/data/cardinal/indicators");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".jsonl") continue;
    ++files;
    engine::IngestOptions options;
    options.format = "ocds";
    auto r = s_.Ingest(entry.path().string(), options);
    ASSERT_TRUE(r.ok()) << entry.path() << ": " << r.status().ToString();
    EXPECT_GT(r->read, 0) << entry.path();
  }
  EXPECT_GE(files, 9);
}

}  // namespace
}  // namespace cairn
