// Tasks over the HTTP API, on the resolved test data after detection: a partner proposes work to
// the police, who move it step by step to done and count its outcome; steps cannot be skipped,
// only the owner moves it, bad input names its field and writes nothing, a restricted finding
// reaches another organisation only with a lawful basis and handling conditions, and people are
// told in the app and through the outbox.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "identity/users.h"
#include "test_network.h"
#include "test_server.h"

namespace cairn {
namespace {

using nlohmann::json;
using testing::Session;

class TasksApi : public testing::NetworkApiTest {
 protected:
  void SetUp() override { Load(testing::PublicTestFiles(), {"cairn_csv/intelligence.csv"}, "2024-06-30"); }

  int64_t Org(const std::string& slug) { return server_.OrganisationId(slug); }

  json Proposal(const std::string& owner = "police-scotland") {
    return {{"title", "Visit the premises with licensing"},
            {"description", "Joint visit to the licensed premises"},
            {"strand", "deter"},
            {"objective", "deter-2"},
            {"owner_organisation_id", Org(owner)},
            {"harm", 5},
            {"likelihood", 4},
            {"confidence", 3},
            {"due_date", "2026-12-31"},
            {"council_area", "Renfrewshire"}};
  }

  testing::Response Create(const Session& s, const json& body) { return server_.Post("/api/v1/tasks", &s, body); }

  testing::Response Step(const Session& s, int64_t id, const std::string& to, const std::string& reason = "") {
    json body = {{"status", to}};
    if (!reason.empty()) body["reason"] = reason;
    return server_.Post("/api/v1/tasks/" + std::to_string(id) + "/status", &s, body);
  }

  // A signed-in analyst of another organisation that neither owns nor created the tasks here.
  Session Outsider() {
    auto created = identity::CreateUser(server_.env(), model::Actor::System("test"),
                                        {"hmrc.analyst", "HMRC Analyst", "a@hmrc.example", "analyst", Org("hmrc"),
                                         testing::kPassword});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    auto login = server_.LoginAs("hmrc.analyst", testing::kPassword);
    std::string cookie = login.headers.find("Set-Cookie")->second;
    return {cookie.substr(0, cookie.find(';')), login.body["csrf_token"]};
  }
};

TEST_F(TasksApi, AProposedTaskGoesStepByStepToDoneAndCountsItsOutcome) {
  auto r = Create(partner_, Proposal());
  ASSERT_EQ(r.status, 201) << r.raw;
  json t = r.body;
  int64_t id = t["id"];
  EXPECT_EQ(t["status"], "proposed");
  EXPECT_EQ(t["owner"]["organisation"], "Police Scotland");
  EXPECT_EQ(t["objective"]["code"], "deter-2");
  // The factors are shown, not only the total: 100 × 5 × 4 × 3 ÷ 125 = 48, full capacity.
  EXPECT_DOUBLE_EQ(t["priority"]["base"].get<double>(), 48.0);
  EXPECT_DOUBLE_EQ(t["priority"]["modifier"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(t["priority"]["score"].get<double>(), 48.0);
  EXPECT_EQ(t["priority"]["band"], "high");
  EXPECT_TRUE(t["next"].empty()) << "the creator is not the owner";

  // A step cannot be skipped; the error names the field and the allowed steps.
  auto skip = Step(police_, id, "done");
  EXPECT_EQ(skip.status, 422);
  EXPECT_EQ(skip.body["error"]["field"], "status");
  EXPECT_NE(skip.raw.find("accepted, declined"), std::string::npos) << skip.raw;

  ASSERT_EQ(Step(police_, id, "accepted").status, 200);
  auto in_progress = Step(police_, id, "in_progress");
  ASSERT_EQ(in_progress.status, 200);
  EXPECT_EQ(in_progress.body["next"], json({"done", "blocked"}));

  auto outcome = server_.Post("/api/v1/tasks/" + std::to_string(id) + "/outcomes", &police_,
                              {{"type", "arrests"}, {"quantity", 2}, {"note", "two directors"}});
  ASSERT_EQ(outcome.status, 201) << outcome.raw;
  auto bad_type = server_.Post("/api/v1/tasks/" + std::to_string(id) + "/outcomes", &police_,
                               {{"type", "arrested"}, {"quantity", 2}});
  EXPECT_EQ(bad_type.status, 422);
  EXPECT_EQ(bad_type.body["error"]["field"], "type");

  auto done = Step(police_, id, "done");
  ASSERT_EQ(done.status, 200);
  EXPECT_EQ(done.body["status"], "done");
  EXPECT_FALSE(done.body["done_at"].get<std::string>().empty());
  EXPECT_EQ(done.body["events"].size(), 4u) << "proposed, accepted, in_progress, done";
  EXPECT_EQ(done.body["outcomes"][0]["quantity"], 2);
  EXPECT_EQ(Step(police_, id, "in_progress").status, 422) << "done is closed";
  EXPECT_EQ(server_.Count("audit_log WHERE record_type = 'task'"), 4) << "created and three steps";
  EXPECT_EQ(server_.Count("audit_log WHERE record_type = 'task_outcome'"), 1);
}

TEST_F(TasksApi, OnlyTheOwnerMovesATaskAndOthersDoNotSeeIt) {
  json t = Create(partner_, Proposal()).body;
  int64_t id = t["id"];
  std::string path = "/api/v1/tasks/" + std::to_string(id);
  auto by_creator = Step(partner_, id, "accepted");
  EXPECT_EQ(by_creator.status, 403);
  EXPECT_NE(by_creator.raw.find("Police Scotland"), std::string::npos) << "the rule is named";
  Session outsider = Outsider();
  Get(path, outsider, 404);
  EXPECT_EQ(Step(outsider, id, "accepted").status, 404);
  json listed = Get("/api/v1/tasks", outsider);
  EXPECT_TRUE(listed["tasks"].empty());
  // The creator and the owner see it; so does an auditor, who cannot move it.
  Get(path, partner_);
  Get(path, police_);
  Session auditor = server_.Login(model::Role::kAuditor);
  Get(path, auditor);
  EXPECT_EQ(Step(auditor, id, "accepted").status, 403);
}

TEST_F(TasksApi, DeclineAndBlockNeedAReason) {
  int64_t id = Create(partner_, Proposal()).body["id"];
  auto no_reason = Step(police_, id, "declined");
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.body["error"]["field"], "reason");
  ASSERT_EQ(Step(police_, id, "accepted").status, 200);
  EXPECT_EQ(Step(police_, id, "blocked").status, 422);
  auto blocked = Step(police_, id, "blocked", "waiting for the licensing board");
  ASSERT_EQ(blocked.status, 200);
  EXPECT_EQ(blocked.body["status_reason"], "waiting for the licensing board");
  EXPECT_EQ(Step(police_, id, "in_progress").status, 200) << "unblocked";
}

TEST_F(TasksApi, BadInputNamesItsFieldAndWritesNothing) {
  int64_t before = server_.Count("tasks");
  int64_t audit_before = server_.Count("audit_log");
  auto expect_field = [&](json body, const std::string& field) {
    auto r = Create(partner_, body);
    EXPECT_EQ(r.status, 422) << field << ": " << r.raw;
    EXPECT_EQ(r.body["error"]["field"], field) << r.raw;
  };
  json b = Proposal();
  b.erase("strand");
  auto missing = Create(partner_, b);
  EXPECT_EQ(missing.body["error"]["field"], "strand") << missing.raw;
  b = Proposal();
  b["objective"] = "disrupt-1";
  expect_field(b, "objective");
  b = Proposal();
  b["objective"] = "deter-9";
  expect_field(b, "objective");
  b = Proposal();
  b["owner_organisation_id"] = 999999;
  expect_field(b, "owner_organisation_id");
  b = Proposal();
  b["due_date"] = "2026-11-21";
  expect_field(b, "due_date");
  b = Proposal();
  b["due_date"] = "next week";
  expect_field(b, "due_date");
  b = Proposal();
  b["harm"] = 6;
  expect_field(b, "harm");
  b = Proposal();
  b["source_type"] = "rumour";
  expect_field(b, "source_type");
  b = Proposal();
  b["title"] = "  ";
  expect_field(b, "title");
  EXPECT_EQ(server_.Count("tasks"), before);
  EXPECT_EQ(server_.Count("task_events"), 0);
  EXPECT_EQ(server_.Count("audit_log"), audit_before);
}

TEST_F(TasksApi, ARestrictedFindingReachesAnotherOrganisationOnlyWithALawfulBasis) {
  json findings = Get("/api/v1/findings?limit=500", police_);
  std::string restricted;
  for (const auto& f : findings["findings"])
    if (f["restricted"] == true) restricted = std::to_string(f["id"].get<int64_t>());
  ASSERT_FALSE(restricted.empty()) << "the test data has a restricted finding";
  json b = Proposal("scottish-government");
  b["source_type"] = "finding";
  b["source_id"] = restricted;
  auto bare = Create(police_, b);
  EXPECT_EQ(bare.status, 422);
  EXPECT_EQ(bare.body["error"]["field"], "lawful_basis");
  b["lawful_basis"] = "dpa_part3_s31";
  auto no_conditions = Create(police_, b);
  EXPECT_EQ(no_conditions.body["error"]["field"], "handling_conditions") << no_conditions.raw;
  b["handling_conditions"] = "Not to be shared further; do not alert the business.";
  auto shared = Create(police_, b);
  ASSERT_EQ(shared.status, 201) << shared.raw;
  EXPECT_EQ(shared.body["sharing"]["lawful_basis"], "dpa_part3_s31");
  json seen = Get("/api/v1/tasks/" + std::to_string(shared.body["id"].get<int64_t>()), partner_);
  EXPECT_EQ(seen["sharing"]["handling_conditions"], "Not to be shared further; do not alert the business.");
  // Someone who cannot see the finding cannot make a task of it.
  auto partner_try = Create(partner_, b);
  EXPECT_EQ(partner_try.status, 422);
  EXPECT_EQ(partner_try.body["error"]["field"], "source_id");
  // Kept within the organisation that holds it, no lawful basis is needed.
  json own = Proposal("police-scotland");
  own["source_type"] = "finding";
  own["source_id"] = restricted;
  EXPECT_EQ(Create(police_, own).status, 201);
}

TEST_F(TasksApi, CapacityModifiesThePriorityAndTheFactorsStayVisible) {
  auto set = server_.Post("/api/v1/organisations/" + std::to_string(Org("police-scotland")) + "/capacity", &police_,
                          {{"capacity", "stretched"}});
  ASSERT_EQ(set.status, 200) << set.raw;
  EXPECT_EQ(server_.Post("/api/v1/organisations/" + std::to_string(Org("police-scotland")) + "/capacity", &partner_,
                         {{"capacity", "full"}})
                .status,
            403)
      << "an organisation declares its own capacity";
  EXPECT_EQ(server_.Post("/api/v1/organisations/" + std::to_string(Org("police-scotland")) + "/capacity", &police_,
                         {{"capacity", "overwhelmed"}})
                .status,
            422);
  json t = Create(partner_, Proposal()).body;
  EXPECT_EQ(t["priority"]["capacity"], "stretched");
  EXPECT_DOUBLE_EQ(t["priority"]["base"].get<double>(), 48.0);
  EXPECT_DOUBLE_EQ(t["priority"]["modifier"].get<double>(), 1.3);
  EXPECT_DOUBLE_EQ(t["priority"]["score"].get<double>(), 62.4);
}

TEST_F(TasksApi, TheOwnerIsToldInTheAppAndByEmailAndTheCreatorHearsBack) {
  json t = Create(partner_, Proposal()).body;
  int64_t id = t["id"];
  json mine = Get("/api/v1/notifications", police_);
  ASSERT_FALSE(mine["notifications"].empty());
  EXPECT_EQ(mine["notifications"][0]["task_id"], id);
  EXPECT_GE(mine["unread"].get<int>(), 1);
  Session admin = server_.Login(model::Role::kAdmin);
  json outbox = Get("/api/v1/outbox", admin);
  bool emailed = false;
  for (const auto& e : outbox["emails"]) emailed = emailed || e["to"] == "pa@police.example";
  EXPECT_TRUE(emailed) << outbox.dump();
  Get("/api/v1/outbox", partner_, 403);
  int64_t n = mine["notifications"][0]["id"];
  EXPECT_EQ(server_.Post("/api/v1/notifications/" + std::to_string(n) + "/read", &partner_, json::object()).status, 404)
      << "not theirs";
  EXPECT_EQ(server_.Post("/api/v1/notifications/" + std::to_string(n) + "/read", &police_, json::object()).status, 200);
  ASSERT_EQ(Step(police_, id, "accepted").status, 200);
  json back = Get("/api/v1/notifications", partner_);
  ASSERT_FALSE(back["notifications"].empty());
  EXPECT_NE(back["notifications"][0]["text"].get<std::string>().find("accepted"), std::string::npos);
}

TEST_F(TasksApi, OverdueTasksAreFlaggedAndFiltered) {
  json b = Proposal();
  b["due_date"] = "2026-11-25";
  int64_t id = Create(partner_, b).body["id"];
  ASSERT_EQ(Create(partner_, Proposal()).status, 201);  // due at the end of the year: not overdue
  EXPECT_FALSE(Get("/api/v1/tasks/" + std::to_string(id), police_)["overdue"].get<bool>());
  server_.clock().Advance(std::chrono::hours(24 * 5));
  Session partner = server_.Login(model::Role::kPartner);  // the old session has lapsed
  EXPECT_TRUE(Get("/api/v1/tasks/" + std::to_string(id), partner)["overdue"].get<bool>());
  json overdue = Get("/api/v1/tasks?overdue=1", partner);
  ASSERT_EQ(overdue["tasks"].size(), 1u);
  EXPECT_EQ(overdue["tasks"][0]["id"], id);
  EXPECT_EQ(overdue["total"], 1);
  json deter = Get("/api/v1/tasks?strand=deter&status=proposed", partner);
  EXPECT_EQ(deter["tasks"].size(), 2u);
  EXPECT_TRUE(Get("/api/v1/tasks?strand=divert", partner)["tasks"].empty());
  Get("/api/v1/tasks?strand=nonsense", partner, 422);
}

// The list comes a page at a time, highest priority first, with the count of all that match; no
// task is silently left off however many there are.
TEST_F(TasksApi, TheListComesInPagesWithTheTotal) {
  std::vector<int64_t> ids;
  for (int harm = 1; harm <= 5; ++harm) {
    json b = Proposal();
    b["title"] = "Task of harm " + std::to_string(harm);
    b["harm"] = harm;
    auto r = Create(partner_, b);
    ASSERT_EQ(r.status, 201) << r.raw;
    ids.insert(ids.begin(), r.body["id"].get<int64_t>());  // the most harmful ranks first
  }
  json all = Get("/api/v1/tasks", partner_);
  EXPECT_EQ(all["total"], 5);
  EXPECT_EQ(all["tasks"].size(), 5u);
  EXPECT_EQ(all["limit"], 100);
  json first = Get("/api/v1/tasks?limit=2", partner_);
  ASSERT_EQ(first["tasks"].size(), 2u);
  EXPECT_EQ(first["total"], 5);
  EXPECT_EQ(first["tasks"][0]["id"], ids[0]);
  EXPECT_EQ(first["tasks"][1]["id"], ids[1]);
  json last = Get("/api/v1/tasks?limit=2&offset=4", partner_);
  ASSERT_EQ(last["tasks"].size(), 1u);
  EXPECT_EQ(last["tasks"][0]["id"], ids[4]);
  EXPECT_EQ(last["offset"], 4);
  json past = Get("/api/v1/tasks?offset=50", partner_);
  EXPECT_TRUE(past["tasks"].empty());
  EXPECT_EQ(past["total"], 5) << "the count stands past the last page";
  EXPECT_EQ(Get("/api/v1/tasks?limit=2&status=accepted", partner_)["total"], 0);
  auto bad = server_.Get("/api/v1/tasks?limit=two", &partner_);
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body["error"]["field"], "limit");
}

TEST_F(TasksApi, TheBoardMeasuresIntelligenceToTasking) {
  json before = Get("/api/v1/tasking-board", police_);
  int64_t untasked = before["measures"]["findings_without_task"];
  ASSERT_GT(untasked, 0);
  json findings = Get("/api/v1/findings?limit=1", police_);
  json b = Proposal();
  b["source_type"] = "finding";
  b["source_id"] = std::to_string(findings["findings"][0]["id"].get<int64_t>());
  b["due_date"] = "2026-11-30";
  int64_t from_finding = Create(police_, b).body["id"];
  int64_t manual = Create(partner_, Proposal("scottish-government")).body["id"];
  json after = Get("/api/v1/tasking-board", police_);
  EXPECT_EQ(after["measures"]["findings_without_task"], untasked - 1);
  EXPECT_TRUE(after["measures"]["finding_to_accepted"]["median_days"].is_null()) << "nothing accepted yet";

  // Two days later the police accept it, and finish it in time; the council's runs late.
  server_.clock().Advance(std::chrono::hours(48));
  auto again = server_.LoginAs("police.analyst", testing::kPassword);
  std::string cookie = again.headers.find("Set-Cookie")->second;
  Session police{cookie.substr(0, cookie.find(';')), again.body["csrf_token"]};
  Session partner = server_.Login(model::Role::kPartner);
  for (const char* s : {"accepted", "in_progress", "done"}) ASSERT_EQ(Step(police, from_finding, s).status, 200) << s;
  server_.clock().Advance(std::chrono::hours(24 * 60));
  partner = server_.Login(model::Role::kPartner);
  for (const char* s : {"accepted", "in_progress", "done"}) ASSERT_EQ(Step(partner, manual, s).status, 200) << s;
  Session admin = server_.Login(model::Role::kSecretariat);
  json board = Get("/api/v1/tasking-board", admin);
  EXPECT_EQ(board["all"]["done"], 2);
  EXPECT_EQ(board["all"]["done_on_time"], 1);
  EXPECT_DOUBLE_EQ(board["measures"]["on_time_share"].get<double>(), 0.5);
  EXPECT_EQ(board["measures"]["finding_to_accepted"]["findings"], 1);
  EXPECT_NEAR(board["measures"]["finding_to_accepted"]["median_days"].get<double>(), 2.0, 0.01);
  ASSERT_EQ(board["by_organisation"].size(), 2u);
  EXPECT_EQ(board["by_strand"][0]["key"], "deter");
  json police_only = Get("/api/v1/tasking-board?owner=" + std::to_string(Org("police-scotland")), admin);
  EXPECT_EQ(police_only["all"]["total"], 1);
  // A partner's board is its own organisation's work.
  json partners = Get("/api/v1/tasking-board", partner);
  EXPECT_EQ(partners["all"]["total"], 1);
}

TEST_F(TasksApi, TheStrategyPageCountsProgressPerObjective) {
  int64_t id = Create(partner_, Proposal()).body["id"];
  Create(partner_, Proposal()).body["id"];
  for (const char* s : {"accepted", "in_progress"}) ASSERT_EQ(Step(police_, id, s).status, 200);
  ASSERT_EQ(server_.Post("/api/v1/tasks/" + std::to_string(id) + "/outcomes", &police_,
                         {{"type", "cash_seized_pence"}, {"quantity", 250000}})
                .status,
            201);
  ASSERT_EQ(Step(police_, id, "done").status, 200);
  json p = Get("/api/v1/strategy", partner_);
  EXPECT_EQ(p["from"], "2026-04-01");
  EXPECT_EQ(p["to"], "2027-04-01");
  ASSERT_EQ(p["strands"].size(), 4u);
  json deter = p["strands"][1];
  EXPECT_EQ(deter["code"], "deter");
  EXPECT_EQ(deter["lead_organisation"], "SOLACE Scotland");
  ASSERT_EQ(deter["objectives"].size(), 3u);
  json o = deter["objectives"][1];
  EXPECT_EQ(o["code"], "deter-2");
  EXPECT_EQ(o["opened"], 2);
  EXPECT_EQ(o["done"], 1);
  EXPECT_EQ(o["open_now"], 1);
  EXPECT_EQ(o["outcomes"]["cash_seized_pence"], 250000);
  EXPECT_EQ(deter["total"]["opened"], 2);
  EXPECT_EQ(p["strands"][0]["total"]["opened"], 0);
  json earlier = Get("/api/v1/strategy?from=2025-04-01&to=2026-04-01", partner_);
  EXPECT_EQ(earlier["strands"][1]["total"]["opened"], 0) << "outside the period";
  EXPECT_EQ(server_.Get("/api/v1/strategy?from=April", &partner_).body["error"]["field"], "from");
  EXPECT_EQ(server_.Get("/api/v1/strategy?from=2026-04-01&to=2026-01-01", &partner_).body["error"]["field"], "to");
}

TEST_F(TasksApi, AreasAreRankedByWeightedSignalsAndOneIsDesignatedForRapidSupport) {
  json b = Proposal();
  b["council_area"] = "Renfrewshire";
  ASSERT_EQ(Create(partner_, b).status, 201);
  json ranking = Get("/api/v1/areas", partner_);
  ASSERT_EQ(ranking["areas"].size(), 32u);
  EXPECT_DOUBLE_EQ(ranking["weights"]["socg_groups"].get<double>(), 3.0);
  json renfrewshire;
  for (const auto& a : ranking["areas"])
    if (a["slug"] == "renfrewshire") renfrewshire = a;
  ASSERT_FALSE(renfrewshire.is_null());
  EXPECT_EQ(renfrewshire["open_tasks"], 1);
  EXPECT_GE(renfrewshire["flagged_businesses"].get<int64_t>(), 1) << "Clyde Taverns, licensed by Renfrewshire Council";
  double want = 1.0 * renfrewshire["flagged_businesses"].get<double>() + 0.5 * 1 +
                3.0 * (renfrewshire["socg_groups"].is_null() ? 0 : renfrewshire["socg_groups"].get<double>());
  EXPECT_DOUBLE_EQ(renfrewshire["score"].get<double>(), want) << "the weighted sum, as shown";
  EXPECT_EQ(ranking["areas"][0]["slug"], "renfrewshire") << "the only area with signals ranks first";

  Session secretariat = server_.Login(model::Role::kSecretariat);
  EXPECT_EQ(server_.Post("/api/v1/areas/renfrewshire/designation", &partner_, {{"reason", "x"}}).status, 403);
  EXPECT_EQ(server_.Get("/api/v1/areas/renfrewshire", &partner_).status, 409) << "not designated yet";
  auto d = server_.Post("/api/v1/areas/renfrewshire/designation", &secretariat,
                        {{"reason", "Licensed premises linked to a SOC group"},
                         {"plan", "Joint licensing and police visits; procurement screening"},
                         {"members", {Org("police-scotland")}}});
  ASSERT_EQ(d.status, 200) << d.raw;
  EXPECT_EQ(d.body["members"].size(), 2u) << "the council and the police";
  EXPECT_EQ(d.body["tasks"]["total"], 1);
  EXPECT_TRUE(Get("/api/v1/areas", partner_)["areas"][0]["designated"].get<bool>());
  EXPECT_EQ(server_.Post("/api/v1/areas/atlantis/designation", &secretariat, {{"reason", "x"}}).status, 404);
  EXPECT_EQ(server_.Count("audit_log WHERE record_type = 'rapid_support_area'"), 1);
  auto report = server_.Get("/api/v1/reports/progress?format=html", &partner_);
  EXPECT_NE(report.raw.find("<caption>Areas designated for rapid support</caption>"), std::string::npos);
  EXPECT_NE(report.raw.find("<td>Renfrewshire</td>"), std::string::npos) << "the partnership area is in the report";
}

TEST_F(TasksApi, TrainingCoverageCountsPeopleAgainstStaffInScope) {
  json courses = Get("/api/v1/training/courses", partner_);
  ASSERT_EQ(courses["courses"].size(), 5u) << "seeded";
  for (const char* person : {"A. Buyer", "B. Buyer", "C. Buyer", "A. Buyer"})
    ASSERT_EQ(server_.Post("/api/v1/training/completions", &partner_,
                           {{"course", "soc-procurement"}, {"person", person}, {"completed_on", "2026-10-01"}})
                  .status,
              201);
  ASSERT_EQ(server_.Post("/api/v1/training/scope", &partner_, {{"course", "soc-procurement"}, {"staff_in_scope", 10}}).status,
            200);
  EXPECT_EQ(server_.Post("/api/v1/training/completions", &partner_,
                         {{"course", "soc-procurement"}, {"person", "D"}, {"completed_on", "2027-01-01"}})
                .body["error"]["field"],
            "completed_on");
  EXPECT_EQ(server_.Post("/api/v1/training/completions", &partner_,
                         {{"course", "juggling"}, {"person", "D"}, {"completed_on", "2026-10-01"}})
                .body["error"]["field"],
            "course");
  json coverage = Get("/api/v1/training/coverage", partner_);
  ASSERT_EQ(coverage["coverage"].size(), 1u);
  EXPECT_EQ(coverage["coverage"][0]["completed"], 3) << "people, not completions";
  EXPECT_DOUBLE_EQ(coverage["coverage"][0]["coverage"].get<double>(), 0.3);
  EXPECT_EQ(coverage["completions"].size(), 4u);
  json police = Get("/api/v1/training/coverage", police_);
  EXPECT_EQ(police["coverage"].size(), 1u) << "coverage in counts for everyone";
  EXPECT_TRUE(police["completions"].empty()) << "names stay with their organisation";
  auto report = server_.Get("/api/v1/reports/progress?format=html", &partner_);
  EXPECT_NE(report.raw.find("<caption>Course completions in the period</caption>"), std::string::npos);
  EXPECT_EQ(server_.Post("/api/v1/training/courses", &partner_, {{"code", "x"}, {"title", "X"}}).status, 403);
}

// What a command printed.
std::string Output(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

TEST_F(TasksApi, TheProgressReportComesInThreeFormatsAndCountsTheWork) {
  int64_t id = Create(partner_, Proposal()).body["id"];
  for (const char* s : {"accepted", "in_progress"}) ASSERT_EQ(Step(police_, id, s).status, 200);
  ASSERT_EQ(server_.Post("/api/v1/tasks/" + std::to_string(id) + "/outcomes", &police_,
                         {{"type", "cash_seized_pence"}, {"quantity", 250000}})
                .status,
            201);
  ASSERT_EQ(Step(police_, id, "done").status, 200);

  auto html = server_.Get("/api/v1/reports/progress?format=html", &partner_);
  ASSERT_EQ(html.status, 200);
  for (const char* want : {"Progress report", "2026-04-01 to 2027-03-31", "<svg", "deter-2: Licensing and regulatory",
                           "£2,500.00 cash seized", "Grant spend"})
    EXPECT_NE(html.raw.find(want), std::string::npos) << want;

  auto pdf = server_.Get("/api/v1/reports/progress?format=pdf", &partner_);
  ASSERT_EQ(pdf.status, 200);
  ASSERT_EQ(pdf.raw.rfind("%PDF-", 0), 0u);
  auto dir = std::filesystem::temp_directory_path() / ("cairn-report-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "r.pdf", std::ios::binary) << pdf.raw;
  std::string info = Output("pdfinfo " + (dir / "r.pdf").string());
  EXPECT_NE(info.find("Pages:           6"), std::string::npos) << "cover, summary and a page per strand:\n" << info;
  std::string text = Output("pdftotext -layout " + (dir / "r.pdf").string() + " -");
  for (const char* want : {"Progress report", "Summary", "Tasks by strand", "Divert", "Deter", "Detect", "Disrupt",
                           "£2,500.00 cash seized", "Progress by objective"})
    EXPECT_NE(text.find(want), std::string::npos) << want;
  // The strands' pages come in order, one each: the form feed that ends a page precedes each.
  EXPECT_LT(text.find("Divert\n"), text.find("Deter\n"));

  auto xlsx = server_.Get("/api/v1/reports/progress?format=xlsx", &partner_);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.raw.rfind("PK", 0), 0u);
  for (const char* part : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml", "xl/charts/chart1.xml"})
    EXPECT_NE(xlsx.raw.find(part), std::string::npos) << part;
  std::ofstream(dir / "r.xlsx", std::ios::binary) << xlsx.raw;
  std::string sheets = Output("unzip -p " + (dir / "r.xlsx").string() + " xl/workbook.xml");
  for (const char* name : {"Summary", "Objectives", "Outcomes"}) EXPECT_NE(sheets.find(name), std::string::npos) << name;
  std::filesystem::remove_all(dir);

  EXPECT_EQ(server_.Get("/api/v1/reports/progress?format=docx", &partner_).body["error"]["field"], "format");
  EXPECT_GE(server_.Count("audit_log WHERE action = 'export' AND record_type = 'progress_report'"), 3);
}

}  // namespace
}  // namespace cairn
