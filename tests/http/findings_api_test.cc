// Findings and risk over the resolved test data after detection: who sees what, decisions, and
// refusals that are audited.
#include <gtest/gtest.h>

#include <set>

#include "engine/detection.h"
#include "risk/settings.h"
#include "test_network.h"
#include "test_server.h"

namespace cairn {
namespace {

using testing::Session;

class FindingsApi : public testing::NetworkApiTest {
 protected:
  void SetUp() override {
    Load(testing::PublicTestFiles(), {"cairn_csv/intelligence.csv"}, "2024-06-30");
  }

  std::string Company(const std::string& number) {
    nlohmann::json body = Get("/api/v1/search?q=" + number, partner_);
    for (const auto& hit : body["results"]) {
      if (hit["kind"] == "organisation") return hit["id"];
    }
    return "";
  }
  // The first finding of `indicator` that `s` sees.
  nlohmann::json First(const std::string& indicator, const Session& s) {
    nlohmann::json body = Get("/api/v1/findings?indicator=" + indicator, s);
    return body["findings"].empty() ? nlohmann::json() : body["findings"][0];
  }
};

TEST_F(FindingsApi, RestrictedFindingsAreSeenOnlyByTheOwnersAnalysts) {
  nlohmann::json restricted = First("N1", police_);
  ASSERT_TRUE(restricted.is_object()) << "the intelligence subjects' companies are near a subject";
  EXPECT_TRUE(restricted["restricted"].get<bool>());
  EXPECT_TRUE(First("N1", partner_).is_null());
  EXPECT_TRUE(First("N1", other_analyst_).is_null());
  std::string id = std::to_string(restricted["id"].get<int64_t>());
  Get("/api/v1/findings/" + id, partner_, 404);
  Get("/api/v1/findings/" + id, other_analyst_, 404);
  int64_t before = server_.Count("audit_log");
  auto seen = Get("/api/v1/findings/" + id, police_);
  EXPECT_EQ(server_.Count("audit_log"), before + 1) << "reading a restricted finding is audited";
  ASSERT_FALSE(seen["evidence"].empty());
  EXPECT_EQ(seen["evidence"][0]["format"], "intelligence_subjects");

  nlohmann::json everything = Get("/api/v1/findings?limit=500", partner_);
  for (const auto& f : everything["findings"]) EXPECT_FALSE(f["restricted"].get<bool>());
  EXPECT_GT(everything["total"].get<int64_t>(), 0);
}

TEST_F(FindingsApi, TheRiskPanelSaysReferWhereTheViewerMayNotSee) {
  std::string clyde = Company("SC612345");  // named in the intelligence test data
  ASSERT_FALSE(clyde.empty());
  auto partner = Get("/api/v1/entities/" + clyde + "/risk", partner_);
  auto police = Get("/api/v1/entities/" + clyde + "/risk", police_);
  EXPECT_TRUE(partner["refer"].get<bool>());
  EXPECT_FALSE(police["refer"].get<bool>());
  auto indicators = [](const nlohmann::json& r) {
    std::set<std::string> out;
    for (const auto& f : r["findings"]) out.insert(f["indicator"]);
    return out;
  };
  EXPECT_EQ(indicators(partner).count("N1"), 0u);
  EXPECT_EQ(indicators(police).count("N1"), 1u);
  EXPECT_GE(police["risk"]["risk"].get<double>(), partner["risk"]["risk"].get<double>());
  EXPECT_TRUE(police["risk"]["restricted"].get<bool>());
}

TEST_F(FindingsApi, AnalystsDecideWithAReasonAndOthersAreRefusedAndAudited) {
  nlohmann::json f = First("C6", police_);
  ASSERT_TRUE(f.is_object());
  std::string path = "/api/v1/findings/" + std::to_string(f["id"].get<int64_t>()) + "/decision";
  auto no_reason = server_.Post(path, &police_, {{"decision", "dismiss"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.body["error"]["field"], "reason");
  auto bad = server_.Post(path, &police_, {{"decision", "ignore"}, {"reason", "x"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body["error"]["field"], "decision");
  int64_t before = server_.Count("audit_log");
  auto refused = server_.Post(path, &partner_, {{"decision", "dismiss"}, {"reason", "not mine to say"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(server_.Count("audit_log"), before + 1) << "a refusal is audited";
  auto done = server_.Post(path, &police_, {{"decision", "dismiss"}, {"reason", "a long-standing family pub"}});
  ASSERT_EQ(done.status, 200) << done.raw;
  EXPECT_EQ(done.body["status"], "dismissed");
  EXPECT_EQ(done.body["decision"]["reason"], "a long-standing family pub");
  auto listed = Get("/api/v1/findings?status=dismissed", partner_);
  EXPECT_EQ(listed["total"], 1);
}

TEST_F(FindingsApi, FiltersAreCheckedAndApplied) {
  auto r = server_.Get("/api/v1/findings?min_score=high", &partner_);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["error"]["field"], "min_score");
  EXPECT_EQ(server_.Get("/api/v1/findings?status=maybe", &partner_).status, 422);
  auto high = Get("/api/v1/findings?min_score=0.3", partner_);
  for (const auto& f : high["findings"]) EXPECT_GE(f["score"].get<double>(), 0.3);
  auto area = Get("/api/v1/findings?area=PA", partner_);
  for (const auto& f : area["findings"]) EXPECT_EQ(f["postcode_area"], "PA");
}

}  // namespace
}  // namespace cairn
