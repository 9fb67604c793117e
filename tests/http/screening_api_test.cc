// Bidder screening over the resolved test data after detection: a partner registers a tender,
// the bidder the intelligence names is referred without the partner learning why, the police
// SPOC decides, and the partner sees exactly what was released.
#include <gtest/gtest.h>

#include "test_network.h"
#include "test_server.h"

namespace cairn {
namespace {

using nlohmann::json;
using testing::Session;

class ScreeningApi : public testing::NetworkApiTest {
 protected:
  void SetUp() override { Load(testing::PublicTestFiles(), {"cairn_csv/intelligence.csv"}, "2024-06-30"); }

  // A tender with the bidder the intelligence names, a clean one, and one with no declaration.
  json Register() {
    json body = {{"buyer", "Renfrewshire Council"},
                 {"title", "Licensed premises catering"},
                 {"category", "services"},
                 {"value", 120000},
                 {"cpv", {"55500000"}},
                 {"bidders",
                  {{{"name", "Clyde Taverns Ltd"}, {"company_number", "SC612345"}, {"declaration_signed", true},
                    {"declaration_date", "2024-05-01"}},
                   {{"name", "!OBAC UK LIMITED"}, {"company_number", "07687209"}, {"declaration_signed", true},
                    {"declaration_date", "2024-05-02"}},
                   {{"name", "Glossy Nails & Beauty Ltd"}, {"company_number", "SC598765"}}}}};
    auto r = server_.Post("/api/v1/tenders", &partner_, body);
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.body;
  }
  // The SPOC's referral of Clyde Taverns from `tender`.
  json Referral(const json& tender) {
    json queue = Get("/api/v1/referrals", police_);
    for (const auto& r : queue["referrals"])
      if (r["tender"]["id"] == tender["id"] && r["bidder"]["company_number"] == "SC612345") return r;
    return json();
  }
};

TEST_F(ScreeningApi, TheNamedBidderIsReferredAndThePartnerNeverSeesWhy) {
  json t = Register();
  ASSERT_EQ(t["bidders"].size(), 3u);
  EXPECT_EQ(t["bidders"][0]["result"], "refer");
  EXPECT_EQ(t["bidders"][1]["result"], "no_concerns");
  EXPECT_EQ(t["bidders"][0]["reference"].get<std::string>().rfind("SCR-", 0), 0u);
  EXPECT_EQ(t["bidders"][2]["probity"][0], "no signed SOC non-involvement declaration");
  EXPECT_TRUE(t["bidders"][1]["probity"].empty());
  std::string text = t.dump();
  for (const char* secret : {"N1", "intelligence", "reasons", "SOCG", "Smith"})
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " must not reach the partner";
  json again = Get("/api/v1/tenders/" + std::to_string(t["id"].get<int64_t>()), partner_);
  EXPECT_EQ(again["bidders"][0]["result"], "refer");
  EXPECT_TRUE(again["bidders"][0]["decision"].is_null());
  Get("/api/v1/tenders/" + std::to_string(t["id"].get<int64_t>()), police_, 404);  // another organisation's
}

TEST_F(ScreeningApi, TheSpocSeesTheReasonsAndOthersDoNot) {
  json t = Register();
  json r = Referral(t);
  ASSERT_TRUE(r.is_object());
  EXPECT_EQ(r["status"], "open");
  EXPECT_EQ(r["bidder"]["company_number"], "SC612345");
  ASSERT_FALSE(r["reasons"].empty());
  EXPECT_NE(r["reasons"].dump().find("N1"), std::string::npos);
  std::string path = "/api/v1/referrals/" + std::to_string(r["id"].get<int64_t>());
  int64_t before = server_.Count("audit_log");
  Get(path, police_);
  EXPECT_EQ(server_.Count("audit_log"), before + 1) << "reading a referral is audited";
  Get(path, other_analyst_, 404);
  Get(path, partner_, 403);
  EXPECT_TRUE(Get("/api/v1/referrals", other_analyst_)["referrals"].empty());
}

TEST_F(ScreeningApi, DecisionsAreCheckedAndThePartnerSeesExactlyWhatWasReleased) {
  json t = Register();
  json r = Referral(t);
  ASSERT_TRUE(r.is_object());
  std::string path = "/api/v1/referrals/" + std::to_string(r["id"].get<int64_t>()) + "/decision";
  auto expect_422 = [&](json body, const std::string& field) {
    auto res = server_.Post(path, &police_, body);
    EXPECT_EQ(res.status, 422) << body.dump();
    EXPECT_EQ(res.body["error"]["field"], field) << res.raw;
  };
  expect_422({{"outcome", "information_released"}, {"rationale", ""}}, "rationale");
  expect_422({{"outcome", "maybe"}, {"rationale", "x"}}, "outcome");
  expect_422({{"outcome", "information_released"}, {"rationale", "x"}, {"released_text", "t"}, {"lawful_basis", "none"},
              {"handling_conditions", "h"}},
             "lawful_basis");
  expect_422({{"outcome", "information_released"}, {"rationale", "x"}, {"released_text", "t"},
              {"lawful_basis", "uk_gdpr_art10"}, {"handling_conditions", "h"}},
             "schedule1_condition");
  expect_422({{"outcome", "exclusion_mandatory"}, {"rationale", "x"}, {"regulation", "psr2016-9"}, {"event_date", "2023-01-01"}},
             "regulation");
  expect_422({{"outcome", "exclusion_mandatory"}, {"rationale", "x"}, {"regulation", "pcsr2015-58-1"}, {"event_date", "2001-01-01"}},
             "event_date");
  auto ok = server_.Post(path, &police_,
                         {{"outcome", "information_released"},
                          {"rationale", "The director is a subject of an active operation"},
                          {"released_text", "Police Scotland advises enhanced due diligence on this bidder's directors."},
                          {"lawful_basis", "uk_gdpr_art10"},
                          {"schedule1_condition", "sch1-p2-10"},
                          {"handling_conditions", "Procurement panel only; do not disclose to the bidder"}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["decision"]["outcome"], "information_released");
  EXPECT_EQ(server_.Post(path, &police_, {{"outcome", "no_action"}, {"rationale", "again"}}).status, 409);
  EXPECT_EQ(server_.Post(path, &other_analyst_, {{"outcome", "no_action"}, {"rationale", "x"}}).status, 404);

  json seen = Get("/api/v1/tenders/" + std::to_string(t["id"].get<int64_t>()), partner_);
  json d = seen["bidders"][0]["decision"];
  EXPECT_EQ(d["outcome"], "information_released");
  EXPECT_EQ(d["released_text"], "Police Scotland advises enhanced due diligence on this bidder's directors.");
  EXPECT_EQ(d["lawful_basis"], "uk_gdpr_art10");
  EXPECT_EQ(d["handling_conditions"], "Procurement panel only; do not disclose to the bidder");
  EXPECT_FALSE(d.contains("rationale"));
  EXPECT_EQ(seen.dump().find("active operation"), std::string::npos) << "the rationale stays with the police";
}

TEST_F(ScreeningApi, AMandatoryExclusionLastsFiveYearsFromTheConviction) {
  json t = Register();
  json r = Referral(t);
  ASSERT_TRUE(r.is_object());
  std::string path = "/api/v1/referrals/" + std::to_string(r["id"].get<int64_t>()) + "/decision";
  auto res = server_.Post(path, &police_,
                          {{"outcome", "exclusion_mandatory"}, {"rationale", "Director convicted of money laundering"},
                           {"regulation", "pcsr2015-58-1"}, {"event_date", "2024-03-04"}});
  ASSERT_EQ(res.status, 200) << res.raw;
  json d = Get("/api/v1/tenders/" + std::to_string(t["id"].get<int64_t>()), partner_)["bidders"][0]["decision"];
  EXPECT_EQ(d["regulation"], "pcsr2015-58-1");
  EXPECT_EQ(d["valid_until"], "2029-03-04");
}

TEST_F(ScreeningApi, ACsvUploadWithABadRowIsRefusedWholeNamingTheRow) {
  int64_t before = server_.Count("tenders");
  json body = {{"buyer", "Renfrewshire Council"}, {"title", "Security guarding"}, {"category", "services"},
               {"cpv", {"79710000"}},
               {"bidders_csv", "name,company_number,declaration_signed,declaration_date\n"
                               "Clyde Taverns Ltd,SC612345,yes,2024-05-01\n"
                               "Other Ltd,SC000009,perhaps,\n"}};
  auto bad = server_.Post("/api/v1/tenders", &partner_, body);
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body["error"]["field"], "bidders_csv");
  EXPECT_NE(bad.body["error"]["message"].get<std::string>().find("row 3"), std::string::npos) << bad.raw;
  EXPECT_EQ(server_.Count("tenders"), before);
  body["bidders_csv"] = "name,company_number,declaration_signed,declaration_date,sia_approved\n"
                        "Clyde Taverns Ltd,SC612345,yes,2024-05-01,no\n"
                        "\"Glossy Nails & Beauty Ltd\",SC598765,yes,2024-05-01,yes\n";
  auto good = server_.Post("/api/v1/tenders", &partner_, body);
  ASSERT_EQ(good.status, 201) << good.raw;
  EXPECT_EQ(good.body["bidders"].size(), 2u);
  EXPECT_EQ(good.body["bidders"][0]["probity"][0], "security work without SIA Approved Contractor Scheme status");
  EXPECT_TRUE(good.body["bidders"][1]["probity"].empty());
}

TEST_F(ScreeningApi, BadTendersAreRefusedNamingTheField) {
  auto no_bidders = server_.Post("/api/v1/tenders", &partner_, {{"buyer", "B"}, {"title", "T"}, {"category", "services"}});
  EXPECT_EQ(no_bidders.status, 422);
  EXPECT_EQ(no_bidders.body["error"]["field"], "bidders");
  auto bad_category = server_.Post("/api/v1/tenders", &partner_,
                                   {{"buyer", "B"}, {"title", "T"}, {"category", "stuff"}, {"bidders", {{{"name", "A"}}}}});
  EXPECT_EQ(bad_category.body["error"]["field"], "category");
  auto unnamed = server_.Post("/api/v1/tenders", &partner_,
                              {{"buyer", "B"}, {"title", "T"}, {"category", "goods"}, {"bidders", {{{"nam", "A"}}}}});
  EXPECT_EQ(unnamed.status, 422);
  EXPECT_EQ(unnamed.body["error"]["field"].get<std::string>().rfind("bidders[0].", 0), 0u) << unnamed.raw;
}

TEST_F(ScreeningApi, ResultsExportAsCsvForTheOrganisationOnly) {
  Register();
  auto r = server_.Get("/api/v1/tenders/export?format=csv", &partner_);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.raw.rfind("tender_id,buyer,title,reference,bidder", 0), 0u);
  EXPECT_NE(r.raw.find("SC612345"), std::string::npos);
  EXPECT_NE(r.raw.find(",refer,"), std::string::npos);
  auto other = server_.Get("/api/v1/tenders/export?format=csv", &police_);
  EXPECT_EQ(other.raw.find("SC612345"), std::string::npos);
  auto xlsx = server_.Get("/api/v1/tenders/export?format=xlsx", &partner_);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.raw.substr(0, 2), "PK");
}

}  // namespace
}  // namespace cairn
