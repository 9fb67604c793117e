// SOC group profiles and threat assessments over HTTP: the holder's analysts see the group built
// from its records and the network; others are refused; assessments are scored, banded and kept.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "engine/detection.h"
#include "risk/settings.h"
#include "test_network.h"
#include "test_server.h"

namespace cairn {
namespace {

using testing::Session;

class SocgApi : public testing::NetworkApiTest {
 protected:
  void SetUp() override {
    Load(testing::PublicTestFiles(), {"cairn_csv/intelligence.csv"}, "2024-06-30");
  }

  static nlohmann::json Scores(int score) {
    nlohmann::json a = nlohmann::json::object();
    for (const char* code : {"violence", "firearms", "corruption", "capability", "legitimate_business", "intimidation",
                             "finances", "reach", "cohesion"}) {
      a[code] = score;
    }
    return a;
  }
};

TEST_F(SocgApi, TheProfileComesFromTheRecordsAndTheNetwork) {
  auto list = Get("/api/v1/socgs", police_);
  ASSERT_EQ(list["socgs"].size(), 1u);
  EXPECT_EQ(list["socgs"][0]["reference"], "SOCG-W-017");
  auto g = Get("/api/v1/socgs/SOCG-W-017", police_);
  std::set<std::string> members, businesses;
  for (const auto& m : g["members"]) members.insert(m["name"]);
  for (const auto& b : g["businesses"]) businesses.insert(b["name"]);
  EXPECT_EQ(members.count("John Robert Smith"), 1u) << g.dump();
  EXPECT_EQ(businesses.count("CLYDE TAVERNS LTD"), 1u) << g.dump();
  EXPECT_TRUE(g["uses_legitimate_business"].get<bool>());
  // Renfrewshire licensed its pub and bought from its waste firm.
  EXPECT_NE(std::find(g["councils"].begin(), g["councils"].end(), "Renfrewshire Council"), g["councils"].end()) << g["councils"];
  EXPECT_EQ(g["regions"], nlohmann::json({"West"}));
  EXPECT_FALSE(g["cross_border"].get<bool>());
  EXPECT_TRUE(g["assessment"].is_null());
}

TEST_F(SocgApi, OnlyTheHoldersAnalystsSeeGroupsAndReadsAreAudited) {
  int64_t before = server_.Count("audit_log");
  Get("/api/v1/socgs/SOCG-W-017", police_);
  EXPECT_EQ(server_.Count("audit_log"), before + 1);
  EXPECT_EQ(server_.Get("/api/v1/socgs/SOCG-W-017", &partner_).status, 403);
  EXPECT_EQ(server_.Count("audit_log"), before + 2) << "the refusal is audited";
  Get("/api/v1/socgs/SOCG-W-017", other_analyst_, 404);
  EXPECT_EQ(Get("/api/v1/socgs", other_analyst_)["socgs"].size(), 0u);
}

TEST_F(SocgApi, CrimeTypesAreCheckedAndKept) {
  auto bad = server_.Patch("/api/v1/socgs/SOCG-W-017", &police_, {{"crime_types", {"drugs", "jaywalking"}}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body["error"]["field"], "crime_types");
  auto ok = server_.Patch("/api/v1/socgs/SOCG-W-017", &police_,
                          {{"crime_types", {"drugs", "money_laundering"}}, {"notes", "Cash through the pubs"}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["crime_types"], nlohmann::json({"drugs", "money_laundering"}));
  EXPECT_FALSE(ok.body["crime_types_from_records"].get<bool>());
  EXPECT_EQ(Get("/api/v1/socgs/SOCG-W-017", police_)["notes"], "Cash through the pubs");
}

TEST_F(SocgApi, AssessmentsAreScoredBandedAndKept) {
  std::string path = "/api/v1/socgs/SOCG-W-017/assessments";
  nlohmann::json body = {{"attributes", Scores(2)}, {"harm", 3}, {"likelihood", 4}, {"confidence", "B"},
                         {"rationale", "Two recent firearms incidents linked to members"}};
  nlohmann::json bad = body;
  bad["attributes"]["violence"] = 7;
  EXPECT_EQ(server_.Post(path, &police_, bad).body["error"]["field"], "attributes.violence");
  bad = body;
  bad["harm"] = 0;
  EXPECT_EQ(server_.Post(path, &police_, bad).body["error"]["field"], "harm");
  bad = body;
  bad["rationale"] = "";
  EXPECT_EQ(server_.Post(path, &police_, bad).body["error"]["field"], "rationale");
  auto first = server_.Post(path, &police_, body);
  ASSERT_EQ(first.status, 201) << first.raw;
  EXPECT_DOUBLE_EQ(first.body["score"].get<double>(), 57.3);
  EXPECT_EQ(first.body["band"], "2");
  body["attributes"] = Scores(3);
  body["harm"] = 5;
  body["likelihood"] = 5;
  auto second = server_.Post(path, &police_, body);
  EXPECT_EQ(second.body["band"], "1 (highest)");
  auto g = Get("/api/v1/socgs/SOCG-W-017", police_);
  ASSERT_EQ(g["assessments"].size(), 2u);
  EXPECT_EQ(g["assessment"]["band"], "1 (highest)");
  EXPECT_EQ(g["assessments"][1]["band"], "2") << "history is kept";
  EXPECT_EQ(server_.Post(path, &partner_, body).status, 403);
  EXPECT_EQ(Get("/api/v1/threat-settings", partner_)["attributes"].size(), 9u);
}

TEST_F(SocgApi, ThePictureWithholdsSmallCountsFromPartnersAndLetsAnalystsDrillDown) {
  auto partner = Get("/api/v1/picture", partner_);
  auto analyst = Get("/api/v1/picture", police_);
  EXPECT_TRUE(partner["total"]["groups"].is_null()) << "one group is fewer than five: withheld";
  EXPECT_TRUE(partner["suppressed"].get<bool>());
  EXPECT_FALSE(partner["total"].contains("drill_down"));
  EXPECT_EQ(analyst["total"]["groups"], 1);
  EXPECT_EQ(analyst["total"]["drill_down"], nlohmann::json({"SOCG-W-017"}));
  auto west = [](const nlohmann::json& p) {
    for (const auto& r : p["regions"]) {
      if (r["key"] == "West") return r;
    }
    return nlohmann::json();
  };
  EXPECT_EQ(west(analyst)["groups"], 1);
  EXPECT_EQ(west(analyst)["legitimate_business"], 1);
  EXPECT_TRUE(west(partner)["groups"].is_null());
  for (const auto& r : partner["regions"]) {
    if (r["key"] == "North") {
      EXPECT_EQ(r["groups"], 0) << "zero is not withheld";
    }
  }
  std::string raw = server_.Get("/api/v1/picture", &partner_).raw;
  EXPECT_EQ(raw.find("SOCG-W-017"), std::string::npos) << "partners never see a group's reference";

  auto csv = server_.Get("/api/v1/picture/export?format=csv", &partner_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.raw.find("total,All groups,<5,<5,"), std::string::npos) << csv.raw;
  auto xlsx = server_.Get("/api/v1/picture/export?format=xlsx", &police_);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.raw.substr(0, 2), "PK") << "an XLSX file is a zip";
  EXPECT_EQ(server_.Get("/api/v1/picture/export?format=pdf", &partner_).status, 422);
}

}  // namespace
}  // namespace cairn
