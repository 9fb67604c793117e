// The procurement exposure report over the resolved test data after detection: the Taskforce's
// figures, a partner's with small flagged counts withheld, and the CSV and XLSX exports.
#include <gtest/gtest.h>

#include "test_network.h"
#include "test_server.h"

namespace cairn {
namespace {

using nlohmann::json;

class ExposureApi : public testing::NetworkApiTest {
 protected:
  void SetUp() override { Load(testing::PublicTestFiles(), {"cairn_csv/intelligence.csv"}, "2024-06-30"); }
};

TEST_F(ExposureApi, TheTaskforceSeesEveryFigureAndPartnersSmallOnesWithheld) {
  json full = Get("/api/v1/procurement-exposure", police_);
  EXPECT_FALSE(full["suppressed"].get<bool>());
  ASSERT_GT(full["total"]["awards"].get<int64_t>(), 0) << "the OCDS test data has awards";
  int64_t by_buyer = 0;
  for (const auto& r : full["buyers"]) by_buyer += r["awards"].get<int64_t>();
  EXPECT_EQ(by_buyer, full["total"]["awards"].get<int64_t>()) << "every award is under one buyer";
  for (const auto& dim : {"buyers", "sectors", "years", "councils"})
    for (const auto& r : full[dim]) EXPECT_FALSE(r["flagged_awards"].is_null()) << dim;

  json partial = Get("/api/v1/procurement-exposure", partner_);
  EXPECT_TRUE(partial["suppressed"].get<bool>());
  EXPECT_EQ(partial["total"]["awards"], full["total"]["awards"]);
  int withheld = 0;
  for (const auto& dim : {"buyers", "sectors", "years", "councils"}) {
    ASSERT_EQ(partial[dim].size(), full[dim].size());
    for (size_t i = 0; i < full[dim].size(); ++i) {
      int64_t n = full[dim][i]["flagged_awards"].get<int64_t>();
      bool own = partial[dim][i]["key"] == partial["own_buyer"];
      if (n > 0 && n < 5 && !own) {
        EXPECT_TRUE(partial[dim][i]["flagged_awards"].is_null()) << dim << " " << partial[dim][i];
        ++withheld;
      } else {
        EXPECT_EQ(partial[dim][i]["flagged_awards"], n);
      }
    }
  }
  EXPECT_GT(withheld, 0) << "the test data's one flagged award (Renfrewshire's) is a small count for another partner";
}

TEST_F(ExposureApi, ExportsAsCsvAndXlsx) {
  auto csv = server_.Get("/api/v1/procurement-exposure/export?format=csv", &police_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.raw.rfind("dimension,key,awards,value,flagged_awards,flagged_value,flagged_share\ntotal,all,", 0), 0u);
  auto xlsx = server_.Get("/api/v1/procurement-exposure/export?format=xlsx", &partner_);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.raw.substr(0, 2), "PK");
  EXPECT_EQ(server_.Get("/api/v1/procurement-exposure/export?format=pdf", &police_).status, 422);
}

}  // namespace
}  // namespace cairn
