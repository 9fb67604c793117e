// The red-flag dashboard over the procurement data in the store: Cardinal's flags per buyer and
// supplier, each with the release it rests on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/ingest.h"
#include "test_network.h"
#include "test_server.h"

namespace cairn {
namespace {

using nlohmann::json;

class RedFlagsApi : public testing::NetworkApiTest {
 protected:
  void SetUp() override {
    Load(testing::PublicTestFiles());
    // One release with a single bid whose lowest bid was disqualified (R018, R036).
    path_ = std::filesystem::temp_directory_path() / ("cairn-redflags-" + std::to_string(::getpid()) + ".jsonl");
    std::ofstream(path_) << R"({"ocid":"ocds-test-1","buyer":{"id":"B1","name":"Test Council"},)"
                         << R"("tender":{"numberOfTenderers":1,"procurementMethod":"open","title":"Road gritting"},)"
                         << R"("bids":{"details":[{"status":"disqualified","value":{"amount":1,"currency":"GBP"},"tenderers":[{"id":"T1"}]},)"
                         << R"({"status":"valid","value":{"amount":2,"currency":"GBP"},"tenderers":[{"id":"W1"}]}]},)"
                         << R"("awards":[{"status":"active","suppliers":[{"id":"W1","name":"Winner Ltd"}]}]})" << "\n";
    auto r = engine::IngestFile(server_.env(), model::Actor::System(), path_.string(), {});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::filesystem::path path_;
};

json Party(const json& list, const std::string& id) {
  for (const auto& p : list)
    if (p["id"] == id) return p;
  return json();
}

TEST_F(RedFlagsApi, FlagsComeWithTheReleaseBehindThemForBuyerAndSupplier) {
  json b = Get("/api/v1/red-flags", partner_);
  EXPECT_GE(b["releases"].get<int64_t>(), 2);
  EXPECT_EQ(b["titles"]["R036"], "Lowest bid disqualified");
  json buyer = Party(b["buyers"], "B1");
  ASSERT_TRUE(buyer.is_object()) << b["buyers"];
  EXPECT_EQ(buyer["name"], "Test Council");
  EXPECT_EQ(buyer["processes"], 1);
  EXPECT_EQ(buyer["codes"]["R018"], 1);
  EXPECT_EQ(buyer["codes"]["R036"], 1);
  for (const auto& f : buyer["flags"]) {
    EXPECT_EQ(f["ocid"], "ocds-test-1");
    EXPECT_EQ(f["tender"], "Road gritting");
    EXPECT_EQ(f["file"], path_.filename().string());
    EXPECT_EQ(f["line"], 1);
  }
  json winner = Party(b["suppliers"], "W1");
  ASSERT_TRUE(winner.is_object());
  EXPECT_EQ(winner["name"], "Winner Ltd");
  EXPECT_EQ(winner["codes"]["R036"], 1);
  EXPECT_GE(b["totals"]["R036"].get<int64_t>(), 1);
  auto auditor = server_.Login(model::Role::kAuditor);
  Get("/api/v1/red-flags", auditor, 403);
}

}  // namespace
}  // namespace cairn
