// The grant scheme over the HTTP API: an application from draft to final report, each rule of
// the scheme refusing bad input with the rule named and nothing written, who sees what, the
// ledger reconciling, the 360Giving export, and 50 concurrent approvals of £10,000 against a
// £150,000 budget on SQLite and on PostgreSQL: exactly 15 approved, 35 refused.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "common/crypto.h"
#include "engine/grants.h"
#include "identity/users.h"
#include "test_server.h"
#include "test_store.h"

namespace cairn {
namespace {

using model::Role;
using nlohmann::json;
using testing::Session;

constexpr int64_t kPound = 100;

json Scheme() {
  return {{"code", "soc-grants-2026"},
          {"title", "SOC small grants 2026-27"},
          {"description", "Small projects that advance the strategy"},
          {"opens_on", "2026-11-01"},
          {"closes_on", "2027-01-31"},
          {"strands", {"divert", "deter", "detect", "disrupt"}}};
}

// A complete application for the Detect strand, £9,000 in two lines.
json Complete() {
  return {{"title", "Procurement SOC awareness training"},
          {"summary", "Training for council procurement staff on recognising SOC in bids"},
          {"amount_pence", 9000 * kPound},
          {"strand", "detect"},
          {"objectives", {"detect-1"}},
          {"outcomes", "200 procurement staff trained; referrals to the SPOC"},
          {"lines",
           {{{"description", "Trainer days"}, {"amount_pence", 6000 * kPound}},
            {{"description", "Materials and venues"}, {"amount_pence", 3000 * kPound}}}},
          {"starts_on", "2027-01-04"},
          {"ends_on", "2027-06-30"},
          {"match_funding_pence", 0}};
}

class GrantsApi : public ::testing::Test {
 protected:
  void SetUp() override {
    secretariat_ = server_.Login(Role::kSecretariat);
    applicant_ = server_.Login(Role::kPartner);  // Scottish Government: a Taskforce member
    lead_ = server_.AddUserAndLogin("detect.lead", Role::kStrandLead, "police-scotland");
    auto r = server_.Post("/api/v1/grants/schemes", &secretariat_, Scheme());
    ASSERT_EQ(r.status, 201) << r.raw;
    scheme_ = r.body["id"];
  }

  std::string App(int64_t id, const std::string& tail = "") {
    return "/api/v1/grants/applications/" + std::to_string(id) + tail;
  }
  int64_t Draft(const Session& s, const json& body) {
    auto r = server_.Post("/api/v1/grants/schemes/" + std::to_string(scheme_) + "/applications", &s, body);
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.body.value("id", int64_t{0});
  }
  // A complete application, submitted and endorsed.
  int64_t Endorsed(json body = Complete()) {
    int64_t id = Draft(applicant_, body);
    EXPECT_EQ(server_.Post(App(id, "/submit"), &applicant_, json::object()).status, 200);
    auto r = server_.Post(App(id, "/endorsement"), &lead_, {{"decision", "endorse"}});
    EXPECT_EQ(r.status, 200) << r.raw;
    return id;
  }
  json Ledger() { return server_.Get("/api/v1/grants/schemes/" + std::to_string(scheme_), &secretariat_).body["ledger"]; }

  testing::TestServer server_;
  Session secretariat_, applicant_, lead_;
  int64_t scheme_ = 0;
};

TEST_F(GrantsApi, AnApplicationGoesFromDraftToFinalReport) {
  // A draft may be incomplete and saved as often as needed.
  int64_t id = Draft(applicant_, {{"title", "Procurement SOC awareness training"}});
  auto r = server_.Get(App(id), &applicant_);
  EXPECT_EQ(r.body["status"], "draft");
  EXPECT_TRUE(r.body["can"]["submit"]);
  r = server_.Patch(App(id), &applicant_, Complete());
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["lines_total_pence"], 9000 * kPound);

  r = server_.Post(App(id, "/submit"), &applicant_, json::object());
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["status"], "submitted");
  EXPECT_EQ(r.body["version"], 1);
  ASSERT_EQ(r.body["versions"].size(), 1u);
  EXPECT_EQ(r.body["versions"][0]["content"]["amount_pence"], 9000 * kPound);
  EXPECT_EQ(r.body["versions"][0]["content"]["lines"].size(), 2u);
  // Frozen once submitted.
  r = server_.Patch(App(id), &applicant_, {{"title", "Changed after submission"}});
  EXPECT_EQ(r.status, 409) << r.raw;
  EXPECT_EQ(server_.Get(App(id), &applicant_).body["title"], "Procurement SOC awareness training");

  r = server_.Post(App(id, "/endorsement"), &lead_, {{"decision", "endorse"}, {"reason", "Fits detect-1"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["status"], "endorsed");
  EXPECT_EQ(r.body["endorsement"]["reason"], "Fits detect-1");

  r = server_.Post(App(id, "/decision"), &secretariat_,
                   {{"decision", "approve"}, {"amount_pence", 8000 * kPound}, {"reason", "Venue costs met elsewhere"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["status"], "approved");
  EXPECT_EQ(r.body["awarded_pence"], 8000 * kPound);

  r = server_.Post(App(id, "/payments"), &secretariat_, {{"amount_pence", 5000 * kPound}, {"paid_on", "2026-11-20"}});
  ASSERT_EQ(r.status, 201) << r.raw;
  r = server_.Post(App(id, "/payments"), &secretariat_, {{"amount_pence", 3000 * kPound}, {"paid_on", "2026-11-21"}});
  ASSERT_EQ(r.status, 201) << r.raw;
  EXPECT_EQ(r.body["paid_pence"], 8000 * kPound);
  EXPECT_FALSE(r.body["can"]["pay"]);

  r = server_.Post(App(id, "/final-report"), &applicant_, {{"report", "212 staff trained; 3 referrals made"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["status"], "completed");
  r = server_.Post(App(id, "/evaluations"), &lead_, {{"note", "Good reach; repeat in the North"}});
  ASSERT_EQ(r.status, 201) << r.raw;
  EXPECT_EQ(r.body["evaluations"].size(), 1u);

  json ledger = Ledger();
  EXPECT_EQ(ledger["budget_pence"], 150000 * kPound);
  EXPECT_EQ(ledger["committed_pence"], 8000 * kPound);
  EXPECT_EQ(ledger["paid_pence"], 8000 * kPound);
  EXPECT_EQ(ledger["remaining_pence"], 142000 * kPound);
  EXPECT_EQ(ledger["outstanding_pence"], 0);
  EXPECT_TRUE(ledger["reconciles"]);
  auto scheme = server_.Get("/api/v1/grants/schemes/" + std::to_string(scheme_), &applicant_).body;
  EXPECT_EQ(scheme["awarded_by_strand"]["detect"], 8000 * kPound);

  // Every step was audited against the application's reference.
  int64_t entries = 0;
  ASSERT_TRUE(server_.db().Read([&](storage::Tx& tx) -> Status {
    tx.sql() << "SELECT COUNT(*) FROM audit_log WHERE record_type = 'grant_application'", soci::into(entries);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(entries, 9);  // create, update, submit, endorse, approve, pay ×2, report, evaluate

  // The award and its payments feed the progress report, in every format.
  auto html = server_.Get("/api/v1/reports/progress?from=2026-04-01&to=2027-04-01&format=html", &applicant_);
  ASSERT_EQ(html.status, 200) << html.raw;
  EXPECT_NE(html.raw.find("Grant spend: 1 grant awarded (£8,000.00); £8,000.00 paid in the period"), std::string::npos);
  EXPECT_NE(html.raw.find("<td>Detect</td><td class=\"n\">1</td><td class=\"n\">£8,000.00</td>"), std::string::npos);
  auto pdf = server_.Get("/api/v1/reports/progress?from=2026-04-01&to=2027-04-01&format=pdf", &applicant_);
  ASSERT_EQ(pdf.status, 200);
  auto path = std::filesystem::temp_directory_path() / ("cairn-grants-" + RandomToken(8) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf.raw;
  std::string text;
  if (FILE* p = popen(("pdftotext -layout '" + path.string() + "' -").c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    pclose(p);
  }
  std::filesystem::remove(path);
  EXPECT_NE(text.find("£8,000.00"), std::string::npos) << text;
  // Outside the period, nothing.
  html = server_.Get("/api/v1/reports/progress?from=2025-04-01&to=2026-04-01&format=html", &applicant_);
  EXPECT_NE(html.raw.find("Grant spend: no grants awarded or paid in the period"), std::string::npos);
}

TEST_F(GrantsApi, SubmissionListsEveryFailedRuleAndWritesNothing) {
  json body = Complete();
  body["lines"][1]["amount_pence"] = 2000 * kPound;  // lines now add up to £8,000
  body.erase("starts_on");
  body["objectives"] = {"deter-1"};  // not an objective of Detect
  body["match_funding_pence"] = 500 * kPound;  // with no source named
  int64_t id = Draft(applicant_, body);
  auto before = server_.Get(App(id), &applicant_).body;
  auto r = server_.Post(App(id, "/submit"), &applicant_, json::object());
  ASSERT_EQ(r.status, 422) << r.raw;
  EXPECT_EQ(r.body["error"]["code"], "ineligible");
  std::set<std::string> rules;
  for (const auto& f : r.body["error"]["failures"]) rules.insert(f["rule"].get<std::string>());
  EXPECT_EQ(rules, (std::set<std::string>{"budget_adds_up", "timescale", "objective_in_strand", "match_funding"}));
  auto after = server_.Get(App(id), &applicant_).body;
  EXPECT_EQ(after["status"], "draft");
  EXPECT_EQ(after["version"], 0);
  EXPECT_EQ(after["updated_at"], before["updated_at"]);
  EXPECT_EQ(server_.Count("grant_application_versions"), 0);
}

TEST_F(GrantsApi, BadInputIsRefusedWithTheRuleNamedAndNothingWritten) {
  int64_t apps = server_.Count("grant_applications");
  // An applicant from an organisation that is not a Taskforce member.
  Session council = server_.AddUserAndLogin("fife.partner", Role::kPartner, "fife");
  auto r = server_.Post("/api/v1/grants/schemes/" + std::to_string(scheme_) + "/applications", &council, Complete());
  EXPECT_EQ(r.status, 403) << r.raw;
  EXPECT_NE(r.body["error"]["message"].get<std::string>().find("member"), std::string::npos);
  EXPECT_EQ(server_.Count("grant_applications"), apps);

  // Amounts over the maximum, zero or negative.
  for (int64_t amount : {10001 * kPound, int64_t{0}, -5 * kPound}) {
    json body = Complete();
    body["amount_pence"] = amount;
    r = server_.Post("/api/v1/grants/schemes/" + std::to_string(scheme_) + "/applications", &applicant_, body);
    EXPECT_EQ(r.status, 422) << amount << " " << r.raw;
    EXPECT_EQ(r.body["error"]["field"], "amount_pence");
    EXPECT_NE(r.body["error"]["message"].get<std::string>().find(amount > 0 ? "amount_max" : "amount_positive"),
              std::string::npos)
        << r.raw;
  }
  EXPECT_EQ(server_.Count("grant_applications"), apps);

  // Budget lines that do not add up: refused on submission (the previous test lists the rule).
  int64_t id = Draft(applicant_, Complete());
  r = server_.Patch(App(id), &applicant_, {{"lines", {{{"description", "Trainer days"}, {"amount_pence", 1 * kPound}}}}});
  ASSERT_EQ(r.status, 200);
  r = server_.Post(App(id, "/submit"), &applicant_, json::object());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["error"]["failures"][0]["rule"], "budget_adds_up");
  server_.Patch(App(id), &applicant_, {{"lines", Complete()["lines"]}});

  // A decision on an application its strand lead has not endorsed.
  ASSERT_EQ(server_.Post(App(id, "/submit"), &applicant_, json::object()).status, 200);
  r = server_.Post(App(id, "/decision"), &secretariat_, {{"decision", "approve"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body["error"]["message"].get<std::string>().find("endorsed_only"), std::string::npos);

  // An endorsement by someone who is not the lead of that strand: a strand lead of another
  // organisation, and the lead of the Divert strand.
  Session other_lead = server_.Login(Role::kStrandLead);  // Scottish Government leads no strand
  Session divert_lead = server_.AddUserAndLogin("divert.lead", Role::kStrandLead, "action-for-children");
  for (const Session* s : {&other_lead, &divert_lead}) {
    r = server_.Post(App(id, "/endorsement"), s, {{"decision", "endorse"}});
    EXPECT_TRUE(r.status == 403 || r.status == 404) << r.raw;
  }
  EXPECT_EQ(server_.Get(App(id), &applicant_).body["status"], "submitted");
  // Declining needs a reason.
  r = server_.Post(App(id, "/endorsement"), &lead_, {{"decision", "decline"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["error"]["field"], "reason");

  // A payment beyond the award.
  ASSERT_EQ(server_.Post(App(id, "/endorsement"), &lead_, {{"decision", "endorse"}}).status, 200);
  ASSERT_EQ(server_.Post(App(id, "/decision"), &secretariat_, {{"decision", "approve"}}).status, 200);
  int64_t payments = server_.Count("grant_payments");
  r = server_.Post(App(id, "/payments"), &secretariat_, {{"amount_pence", 9000 * kPound + 1}, {"paid_on", "2026-11-20"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body["error"]["message"].get<std::string>().find("within_award"), std::string::npos);
  // An award above the request.
  int64_t second = Endorsed();
  r = server_.Post(App(second, "/decision"), &secretariat_, {{"decision", "approve"}, {"amount_pence", 9001 * kPound}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(server_.Count("grant_payments"), payments);
  EXPECT_TRUE(Ledger()["reconciles"]);
}

// After every step the ledger's figures are the sums of the applications and payments, and
// budget = remaining + outstanding + paid.
TEST_F(GrantsApi, TheLedgerReconcilesAtEveryStep) {
  auto check = [&](const char* step) {
    json ledger = Ledger();
    auto apps = server_.Get("/api/v1/grants/applications?scheme=" + std::to_string(scheme_), &secretariat_).body["applications"];
    int64_t committed = 0, paid = 0, requested = 0;
    for (const auto& a : apps) {
      std::string status = a["status"];
      if (status == "approved" || status == "completed") committed += a["awarded_pence"].get<int64_t>();
      if (status == "submitted" || status == "endorsed") requested += a["amount_pence"].get<int64_t>();
      paid += a["paid_pence"].get<int64_t>();
      EXPECT_LE(a["paid_pence"].get<int64_t>(), a["awarded_pence"].get<int64_t>()) << step;
    }
    EXPECT_EQ(ledger["committed_pence"], committed) << step;
    EXPECT_EQ(ledger["paid_pence"], paid) << step;
    EXPECT_EQ(ledger["requested_pence"], requested) << step;
    EXPECT_EQ(ledger["budget_pence"].get<int64_t>(), ledger["remaining_pence"].get<int64_t>() +
                                                         ledger["outstanding_pence"].get<int64_t>() +
                                                         ledger["paid_pence"].get<int64_t>())
        << step;
    EXPECT_TRUE(ledger["reconciles"]) << step;
  };
  check("empty");
  int64_t a = Endorsed(), b = Endorsed(), c = Endorsed();
  check("three endorsed");
  ASSERT_EQ(server_.Post(App(a, "/decision"), &secretariat_, {{"decision", "approve"}}).status, 200);
  ASSERT_EQ(server_.Post(App(b, "/decision"), &secretariat_, {{"decision", "approve"}, {"amount_pence", 4321 * kPound + 9}}).status, 200);
  ASSERT_EQ(server_.Post(App(c, "/decision"), &secretariat_, {{"decision", "reject"}, {"reason", "Out of scope"}}).status, 200);
  check("decided");
  for (int64_t pence : {int64_t{100 * kPound}, int64_t{2500 * kPound + 33}, int64_t{1}}) {
    ASSERT_EQ(server_.Post(App(a, "/payments"), &secretariat_, {{"amount_pence", pence}, {"paid_on", "2026-11-22"}}).status, 201);
    check("paid");
  }
  ASSERT_EQ(server_.Post(App(b, "/payments"), &secretariat_, {{"amount_pence", 4321 * kPound + 9}, {"paid_on", "2026-11-22"}}).status, 201);
  check("b paid in full");
  EXPECT_EQ(Ledger()["outstanding_pence"], 9000 * kPound - (100 * kPound + 2500 * kPound + 33 + 1));
}

TEST_F(GrantsApi, ADeclinedApplicationIsRevisedAndSubmittedAsANewVersion) {
  int64_t id = Draft(applicant_, Complete());
  ASSERT_EQ(server_.Post(App(id, "/submit"), &applicant_, json::object()).status, 200);
  auto r = server_.Post(App(id, "/endorsement"), &lead_, {{"decision", "decline"}, {"reason", "Say how staff are chosen"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(r.body["can"].is_object());
  r = server_.Get(App(id), &applicant_);
  EXPECT_EQ(r.body["status"], "declined");
  EXPECT_TRUE(r.body["can"]["revise"]);
  ASSERT_EQ(server_.Post(App(id, "/revise"), &applicant_, json::object()).status, 200);
  ASSERT_EQ(server_.Patch(App(id), &applicant_, {{"summary", "Training for procurement staff chosen by each council's Integrity Group"}}).status, 200);
  r = server_.Post(App(id, "/submit"), &applicant_, json::object());
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["version"], 2);
  ASSERT_EQ(r.body["versions"].size(), 2u);
  EXPECT_EQ(r.body["versions"][0]["content"]["summary"], Complete()["summary"]);
  EXPECT_NE(r.body["versions"][1]["content"]["summary"], Complete()["summary"]);
}

TEST_F(GrantsApi, EachPartySeesWhatItShould) {
  int64_t draft = Draft(applicant_, Complete());
  int64_t submitted = Draft(applicant_, Complete());
  ASSERT_EQ(server_.Post(App(submitted, "/submit"), &applicant_, json::object()).status, 200);
  Session other = server_.AddUserAndLogin("hmrc.partner", Role::kPartner, "hmrc");
  Session divert_lead = server_.AddUserAndLogin("divert.lead", Role::kStrandLead, "action-for-children");
  EXPECT_EQ(server_.Get(App(draft), &other).status, 404);
  EXPECT_EQ(server_.Get(App(submitted), &other).status, 404);
  EXPECT_EQ(server_.Get(App(submitted), &divert_lead).status, 404);
  EXPECT_EQ(server_.Get(App(draft), &lead_).status, 404);  // a draft is its organisation's
  EXPECT_EQ(server_.Get(App(submitted), &lead_).status, 200);
  EXPECT_EQ(server_.Get(App(submitted), &secretariat_).status, 200);
  EXPECT_EQ(server_.Get(App(draft), &secretariat_).status, 200);  // same organisation in this fixture
  EXPECT_EQ(server_.Get("/api/v1/grants/applications", &other).body["applications"].size(), 0u);
  EXPECT_EQ(server_.Get("/api/v1/grants/applications", &lead_).body["applications"].size(), 1u);
  // Another organisation cannot change or submit it either.
  EXPECT_EQ(server_.Patch(App(draft), &other, {{"title", "x"}}).status, 404);
}

TEST_F(GrantsApi, AwardsAreExportedAs360GivingOpenData) {
  auto admin = server_.Login(Role::kAdmin);
  int64_t police = server_.OrganisationId("police-scotland");
  ASSERT_EQ(server_.Patch("/api/v1/organisations/" + std::to_string(police), &admin, {{"org_identifier", "not an id"}}).status,
            422);
  int64_t gov = server_.OrganisationId("scottish-government");
  ASSERT_EQ(server_.Patch("/api/v1/organisations/" + std::to_string(gov), &admin, {{"org_identifier", "GB-GOR-TEST1"}}).status,
            200);
  int64_t awarded = Endorsed();
  ASSERT_EQ(server_.Post(App(awarded, "/decision"), &secretariat_, {{"decision", "approve"}, {"amount_pence", 7500 * kPound + 50}})
                .status,
            200);
  ASSERT_EQ(server_.Post(App(awarded, "/payments"), &secretariat_, {{"amount_pence", 1000 * kPound}, {"paid_on", "2026-11-22"}})
                .status,
            201);
  int64_t rejected = Endorsed();
  ASSERT_EQ(server_.Post(App(rejected, "/decision"), &secretariat_, {{"decision", "reject"}, {"reason", "Duplicates a funded project"}})
                .status,
            200);
  Draft(applicant_, Complete());  // never submitted

  auto r = server_.Get("/api/v1/grants/360giving?format=json", &applicant_);
  ASSERT_EQ(r.status, 200) << r.raw;
  ASSERT_TRUE(r.body.contains("grants"));
  ASSERT_EQ(r.body["grants"].size(), 1u);  // awards only
  const json& g = r.body["grants"][0];
  std::regex org_id("^([A-Z]{2,3}-[A-Z0-9]{2,}-.+|360G-.+)$");
  for (const char* field : {"id", "title", "description", "currency", "awardDate"})
    EXPECT_TRUE(g[field].is_string() && !g[field].get<std::string>().empty()) << field;
  EXPECT_EQ(g["id"].get<std::string>().rfind("360G-cairn-SOCG-", 0), 0u) << g["id"];
  EXPECT_EQ(g["currency"], "GBP");
  EXPECT_EQ(g["amountAwarded"], 7500.5);
  EXPECT_EQ(g["amountAppliedFor"], 9000);
  EXPECT_EQ(g["amountDisbursed"], 1000);
  EXPECT_TRUE(std::regex_match(g["awardDate"].get<std::string>(), std::regex(R"(\d{4}-\d{2}-\d{2})")));
  EXPECT_EQ(g["recipientOrganization"][0]["id"], "GB-GOR-TEST1");
  EXPECT_EQ(g["recipientOrganization"][0]["name"], "Scottish Government");
  EXPECT_EQ(g["fundingOrganization"][0]["id"], "GB-GOR-TEST1");
  EXPECT_TRUE(std::regex_match(g["fundingOrganization"][0]["id"].get<std::string>(), org_id));
  EXPECT_EQ(g["plannedDates"][0]["startDate"], "2027-01-04");
  EXPECT_EQ(g["grantProgramme"][0]["code"], "soc-grants-2026");

  r = server_.Get("/api/v1/grants/360giving?format=csv", &applicant_);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.headers.find("Content-Type")->second.find("text/csv"), std::string::npos);
  std::istringstream csv(r.raw);
  std::string header, row, extra;
  std::getline(csv, header);
  std::getline(csv, row);
  EXPECT_FALSE(std::getline(csv, extra) && !extra.empty() && extra != "\r");
  for (const auto& column : engine::OpenDataRequiredColumns())
    EXPECT_NE(header.find(column), std::string::npos) << column;
  EXPECT_NE(row.find("360G-cairn-SOCG-"), std::string::npos);
  EXPECT_NE(row.find(",7500.50,"), std::string::npos) << row;
  EXPECT_NE(row.find("GB-GOR-TEST1"), std::string::npos);

  r = server_.Get("/api/v1/grants/360giving?format=xlsx", &applicant_);
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.raw.substr(0, 2), "PK");
  auto path = std::filesystem::temp_directory_path() / ("cairn-360g-" + RandomToken(8) + ".xlsx");
  std::ofstream(path, std::ios::binary) << r.raw;
  std::string strings;
  if (FILE* p = popen(("unzip -p '" + path.string() + "' xl/sharedStrings.xml").c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) strings.append(buf, n);
    pclose(p);
  }
  std::filesystem::remove(path);
  for (const auto& column : engine::OpenDataRequiredColumns()) EXPECT_NE(strings.find(column), std::string::npos) << column;
  EXPECT_NE(strings.find("360G-cairn-SOCG-"), std::string::npos);

  EXPECT_EQ(server_.Get("/api/v1/grants/360giving?format=pdf", &applicant_).status, 422);
}

// 50 approvals of £10,000 at once against £150,000: the check and the award share one
// transaction under the scheme's lock, so exactly 15 land and 35 are refused, on each backend.
class GrantsConcurrency : public ::testing::TestWithParam<std::string> {};

TEST_P(GrantsConcurrency, FiftyConcurrentApprovalsAwardExactlyFifteen) {
  config::Settings settings = config::Defaults();
  settings.http_threads = 50;
  testing::TestServer server(settings, GetParam());
  if (!server.available()) GTEST_SKIP() << "PostgreSQL not configured";
  Session secretariat = server.Login(Role::kSecretariat);
  auto r = server.Post("/api/v1/grants/schemes", &secretariat, Scheme());
  ASSERT_EQ(r.status, 201) << r.raw;
  int64_t scheme = r.body["id"];

  // 50 endorsed applications of £10,000, made through the engine to keep the set-up quick.
  app::Env env = server.env();
  auto user = [&](const std::string& name, Role role, const std::string& slug) {
    auto created = identity::CreateUser(env, model::Actor::System("test"),
                                        {name, name, name + "@example.org", std::string(model::RoleName(role)),
                                         server.OrganisationId(slug), testing::kPassword});
    EXPECT_TRUE(created.ok());
    return model::Actor{created->user.id, server.OrganisationId(slug), role, name, "test"};
  };
  model::Actor applicant = user("applicant", Role::kPartner, "scottish-government");
  model::Actor lead = user("lead", Role::kStrandLead, "police-scotland");
  engine::ApplicationInput in;
  in.title = "Project";
  in.summary = "A small project";
  in.outcomes = "Outcomes";
  in.amount_pence = 10000 * kPound;
  in.strand = "detect";
  in.objectives = std::vector<std::string>{"detect-1"};
  in.lines = std::vector<storage::BudgetLine>{{"Everything", 10000 * kPound}};
  in.starts_on = "2027-01-01";
  in.ends_on = "2027-03-31";
  std::vector<int64_t> ids;
  for (int i = 0; i < 50; ++i) {
    auto a = engine::CreateApplication(env, applicant, scheme, in);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    auto s = engine::SubmitApplication(env, applicant, a->application.id);
    ASSERT_TRUE(s.ok() && s->failures.empty());
    ASSERT_TRUE(engine::EndorseApplication(env, lead, a->application.id, true, "").ok());
    ids.push_back(a->application.id);
  }

  std::atomic<int> approved = 0, refused = 0, other = 0;
  std::atomic<bool> go = false;
  std::vector<std::thread> threads;
  std::vector<std::string> refusals(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    threads.emplace_back([&, i] {
      while (!go) std::this_thread::yield();
      auto r = server.Post("/api/v1/grants/applications/" + std::to_string(ids[i]) + "/decision", &secretariat,
                           {{"decision", "approve"}});
      if (r.status == 200) {
        ++approved;
      } else if (r.status == 409) {
        ++refused;
        refusals[i] = r.body["error"]["message"];
      } else {
        ++other;
        refusals[i] = std::to_string(r.status) + " " + r.raw;
      }
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(approved, 15);
  EXPECT_EQ(refused, 35);
  EXPECT_EQ(other, 0);
  for (const auto& m : refusals) {
    if (!m.empty()) {
      EXPECT_NE(m.find("would exceed the scheme's budget of £150,000.00"), std::string::npos) << m;
    }
  }

  r = server.Get("/api/v1/grants/schemes/" + std::to_string(scheme), &secretariat);
  EXPECT_EQ(r.body["ledger"]["committed_pence"], 150000 * kPound);
  EXPECT_EQ(r.body["ledger"]["remaining_pence"], 0);
  EXPECT_TRUE(r.body["ledger"]["reconciles"]);
  int64_t rows = 0;
  ASSERT_TRUE(server.db().Read([&](storage::Tx& tx) -> Status {
    tx.sql() << "SELECT COUNT(*) FROM grant_applications WHERE status = 'approved'", soci::into(rows);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(rows, 15);
}

INSTANTIATE_TEST_SUITE_P(Backends, GrantsConcurrency, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cairn
