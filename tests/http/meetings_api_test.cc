// Meetings over the HTTP API: the secretariat records a Taskforce meeting with its attendees,
// agenda and papers, a decision and an action for the police; the action becomes a task in one
// step (once only), owned by the police; others cannot add to a meeting they did not organise.
#include <gtest/gtest.h>

#include "test_server.h"

namespace cairn {
namespace {

using nlohmann::json;

class MeetingsApi : public ::testing::Test {
 protected:
  testing::TestServer server_;
  testing::Session secretariat_ = server_.Login(model::Role::kSecretariat);
  int64_t Org(const std::string& slug) { return server_.OrganisationId(slug); }

  json Meeting() {
    return {{"kind", "taskforce"},
            {"title", "SOC Taskforce, winter meeting"},
            {"held_on", "2026-11-20"},
            {"location", "St Andrew's House"},
            {"attendees", {{{"organisation_id", Org("police-scotland")}, {"person", "DCC"}},
                           {{"organisation_id", Org("cosla")}, {"attendance", "apologies"}}}},
            {"agenda", {{{"title", "Human trafficking and SOC"}, {"notes", "Interface with victims policy"}}}},
            {"papers", {{{"title", "Progress report 2025-26"}, {"reference", "TF(26)03"}}}}};
  }
};

TEST_F(MeetingsApi, AnActionBecomesATaskInOneStep) {
  auto created = server_.Post("/api/v1/meetings", &secretariat_, Meeting());
  ASSERT_EQ(created.status, 201) << created.raw;
  int64_t id = created.body["id"];
  EXPECT_EQ(created.body["attendees"][0]["organisation"], "Police Scotland");
  EXPECT_EQ(created.body["attendees"][1]["attendance"], "apologies");
  std::string path = "/api/v1/meetings/" + std::to_string(id);
  ASSERT_EQ(server_.Post(path + "/decisions", &secretariat_, {{"text", "Pilot rapid support in two areas"}}).status, 201);
  auto with_action = server_.Post(path + "/actions", &secretariat_,
                                  {{"text", "Propose two pilot areas"}, {"owner_organisation_id", Org("police-scotland")},
                                   {"due_date", "2027-01-31"}});
  ASSERT_EQ(with_action.status, 201) << with_action.raw;
  ASSERT_TRUE(with_action.body["actions"][0]["id"].is_number()) << with_action.raw;
  int64_t action = with_action.body["actions"][0]["id"];
  json task_body = {{"strand", "disrupt"}, {"objective", "disrupt-3"}, {"harm", 3}, {"likelihood", 3}, {"confidence", 4}};
  auto task = server_.Post("/api/v1/meeting-actions/" + std::to_string(action) + "/task", &secretariat_, task_body);
  ASSERT_EQ(task.status, 201) << task.raw;
  EXPECT_EQ(task.body["title"], "Propose two pilot areas");
  int64_t task_id = task.body["task_id"];
  auto again = server_.Post("/api/v1/meeting-actions/" + std::to_string(action) + "/task", &secretariat_, task_body);
  EXPECT_EQ(again.status, 409) << "an action becomes one task";
  auto meeting = server_.Get(path, &secretariat_);
  EXPECT_EQ(meeting.body["actions"][0]["task_id"], task_id);
  EXPECT_EQ(meeting.body["decisions"][0]["text"], "Pilot rapid support in two areas");
  auto t = server_.Get("/api/v1/tasks/" + std::to_string(task_id), &secretariat_);
  EXPECT_EQ(t.body["owner"]["organisation"], "Police Scotland");
  EXPECT_EQ(t.body["due_date"], "2027-01-31");
  EXPECT_EQ(t.body["source"]["type"], "meeting_action");
  auto list = server_.Get("/api/v1/meetings", &secretariat_);
  EXPECT_EQ(list.body["meetings"][0]["actions_tasked"], 1);
  EXPECT_EQ(list.body["taskforce_this_year"]["held"], 1);
  EXPECT_EQ(list.body["taskforce_this_year"]["expected"], 3);
}

TEST_F(MeetingsApi, BadInputNamesItsFieldAndOthersCannotAddToAMeeting) {
  auto field_of = [&](json body) { return server_.Post("/api/v1/meetings", &secretariat_, body).body["error"]["field"]; };
  json b = Meeting();
  b["kind"] = "party";
  EXPECT_EQ(field_of(b), "kind");
  b = Meeting();
  b["kind"] = "strand_group";
  EXPECT_EQ(field_of(b), "strand");
  b["strand"] = "deflect";
  EXPECT_EQ(field_of(b), "strand");
  b = Meeting();
  b["kind"] = "local_tasking_group";
  EXPECT_EQ(field_of(b), "council_area");
  b = Meeting();
  b["held_on"] = "20 November";
  EXPECT_EQ(field_of(b), "held_on");
  b = Meeting();
  b["attendees"][0]["organisation_id"] = 999999;
  EXPECT_EQ(field_of(b), "attendees[0].organisation_id");
  b = Meeting();
  b["attendees"][1]["attendance"] = "maybe";
  EXPECT_EQ(field_of(b), "attendees[1].attendance");
  b = Meeting();
  b["agenda"][0].erase("title");
  EXPECT_EQ(field_of(b), "agenda[0].title");
  EXPECT_EQ(server_.Count("meetings"), 0);

  int64_t id = server_.Post("/api/v1/meetings", &secretariat_, Meeting()).body["id"];
  std::string path = "/api/v1/meetings/" + std::to_string(id);
  testing::Session partner = server_.Login(model::Role::kPartner);  // same organisation: may add
  EXPECT_EQ(server_.Post(path + "/decisions", &partner, {{"text", "Noted"}}).status, 201);
  EXPECT_EQ(server_.Post(path + "/actions", &secretariat_,
                         {{"text", "Late"}, {"owner_organisation_id", Org("cosla")}, {"due_date", "2026-01-01"}})
                .body["error"]["field"],
            "due_date");
  testing::Session auditor = server_.Login(model::Role::kAuditor);
  EXPECT_EQ(server_.Get(path, &auditor).status, 200);
  EXPECT_EQ(server_.Post(path + "/decisions", &auditor, {{"text", "No"}}).status, 403);
}

}  // namespace
}  // namespace cairn
