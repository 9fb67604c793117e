// Intelligence records over HTTP: who sees them (and that every read and refusal is audited), the
// review queue, reviews, and disclosures of which the recipient sees only what was released.
#include <gtest/gtest.h>

#include <set>

#include "test_network.h"
#include "test_server.h"

namespace cairn {
namespace {

using testing::Session;
using testing::TestServer;

class IntelligenceApi : public testing::NetworkApiTest {
 protected:
  void SetUp() override {
    Load({"companies/basic_company_data.csv"},
         {"cairn_csv/intelligence.csv", "cairn_csv/intelligence_5x5x5.csv"});
    partner_org_ = server_.OrganisationId("scottish-government");  // where TestServer's users belong
  }

  int64_t RecordId(const std::string& subject_id) {
    nlohmann::json all = Get("/api/v1/intelligence", police_);
    for (const auto& r : all["records"]) {
      if (r["subject"]["id"] == subject_id) return r["id"];
    }
    return 0;
  }

  int64_t partner_org_ = 0;
};

TEST_F(IntelligenceApi, OnlyTheOwnersAnalystsReadRecordsAndEveryReadIsAudited) {
  nlohmann::json all = Get("/api/v1/intelligence", police_);
  EXPECT_EQ(all["total"], 5);  // three 3x5x2 and two legacy records loaded
  int64_t id = RecordId("PS-0001");
  ASSERT_NE(id, 0);
  std::string path = "/api/v1/intelligence/" + std::to_string(id);
  int64_t before = server_.Count("audit_log");
  auto record = Get(path, police_);
  EXPECT_EQ(server_.Count("audit_log"), before + 1);
  EXPECT_EQ(record["grading"]["source"], "2");
  EXPECT_EQ(record["grading"]["information"], "B");
  EXPECT_EQ(record["grading"]["handling"], "C");
  EXPECT_EQ(record["entity"]["kind"], "person");
  EXPECT_EQ(record["source"]["line"], 2);

  before = server_.Count("audit_log");
  EXPECT_EQ(server_.Get(path, &partner_).status, 403);
  EXPECT_EQ(server_.Get("/api/v1/intelligence", &partner_).status, 403);
  EXPECT_EQ(server_.Count("audit_log"), before + 2) << "a partner's refusals are audited";
  Get(path, other_analyst_, 404);
  EXPECT_EQ(Get("/api/v1/intelligence", other_analyst_)["total"], 0);
}

TEST_F(IntelligenceApi, LegacyGradesAreShownMappedWithTheOriginals) {
  auto record = Get("/api/v1/intelligence/" + std::to_string(RecordId("OLD-0001")), police_);
  EXPECT_EQ(record["grading"]["model"], "3x5x2");
  EXPECT_EQ(record["grading"]["source"], "1");
  EXPECT_EQ(record["grading"]["legacy"]["source"], "B");
  EXPECT_EQ(record["grading"]["legacy"]["model"], "5x5x5");
}

TEST_F(IntelligenceApi, TheReviewQueueHoldsRecordsPastTheirDateUntilReviewed) {
  nlohmann::json queue = Get("/api/v1/intelligence?due=true", police_);
  std::set<std::string> due;
  for (const auto& r : queue["records"]) due.insert(r["subject"]["id"]);
  EXPECT_EQ(due, (std::set<std::string>{"PS-0001", "OLD-0001"}));
  int64_t id = RecordId("PS-0001");
  std::string path = "/api/v1/intelligence/" + std::to_string(id) + "/reviews";
  auto past = server_.Post(path, &police_, {{"next_review_on", "2026-01-01"}, {"note", "still current"}});
  EXPECT_EQ(past.status, 422);
  EXPECT_EQ(past.body["error"]["field"], "next_review_on");
  auto silent = server_.Post(path, &police_, {{"next_review_on", "2027-11-22"}, {"note", " "}});
  EXPECT_EQ(silent.body["error"]["field"], "note");
  auto done = server_.Post(path, &police_, {{"next_review_on", "2027-11-22"}, {"note", "Subject still active; re-graded"}});
  ASSERT_EQ(done.status, 201) << done.raw;
  EXPECT_EQ(done.body["review_on"], "2027-11-22");
  EXPECT_FALSE(done.body["review_due"].get<bool>());
  EXPECT_EQ(done.body["reviews"][0]["reviewer"], "Police Analyst");
  EXPECT_EQ(Get("/api/v1/intelligence?due=true", police_)["total"], 1);
}

TEST_F(IntelligenceApi, ADisclosureNeedsABasisAndTheRecipientSeesOnlyTheReleasedText) {
  int64_t id = RecordId("PS-0001");  // handling code C
  std::string path = "/api/v1/intelligence/" + std::to_string(id) + "/disclosures";
  nlohmann::json base = {{"to_organisation_id", partner_org_},
                         {"released_text", "The premises licence holder is known to police; refer licensing decisions."},
                         {"lawful_basis", "uk_gdpr_art10"},
                         {"schedule1_condition", "sch1-p2-10"},
                         {"handling_conditions", "Licensing committee only; do not disclose to the applicant"}};
  auto without = [&](const char* field) {
    nlohmann::json b = base;
    b.erase(field);
    return server_.Post(path, &police_, b);
  };
  EXPECT_EQ(without("schedule1_condition").body["error"]["field"], "schedule1_condition");
  EXPECT_EQ(without("handling_conditions").body["error"]["field"], "handling_conditions");
  EXPECT_EQ(without("released_text").status, 422);
  nlohmann::json bad = base;
  bad["lawful_basis"] = "because";
  EXPECT_EQ(server_.Post(path, &police_, bad).body["error"]["field"], "lawful_basis");
  bad = base;
  bad["to_organisation_id"] = server_.OrganisationId("police-scotland");
  EXPECT_EQ(server_.Post(path, &police_, bad).body["error"]["field"], "to_organisation_id");
  EXPECT_EQ(server_.Post(path, &partner_, base).status, 403);

  auto made = server_.Post(path, &police_, base);
  ASSERT_EQ(made.status, 201) << made.raw;
  auto received = Get("/api/v1/disclosures", partner_);
  ASSERT_EQ(received["disclosures"].size(), 1u);
  const auto& d = received["disclosures"][0];
  EXPECT_EQ(d["released_text"], base["released_text"]);
  EXPECT_EQ(d["lawful_basis"], "uk_gdpr_art10");
  EXPECT_EQ(d["from_organisation"]["name"], "Police Scotland");
  EXPECT_FALSE(d.contains("record")) << "the recipient does not learn which record it came from";
  std::string raw = server_.Get("/api/v1/disclosures", &partner_).raw;
  EXPECT_EQ(raw.find("John Robert Smith"), std::string::npos);
  EXPECT_EQ(raw.find("PS-0001"), std::string::npos);
  auto record = Get("/api/v1/intelligence/" + std::to_string(id), police_);
  EXPECT_EQ(record["disclosures"].size(), 1u);
  EXPECT_EQ(Get("/api/v1/disclosures?direction=made", police_)["disclosures"].size(), 1u);
  EXPECT_EQ(server_.Get("/api/v1/disclosures?direction=made", &partner_).status, 403);
  EXPECT_EQ(Get("/api/v1/lawful-bases", partner_)["bases"].size(), 2u);
}

}  // namespace
}  // namespace cairn
