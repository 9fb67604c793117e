// The audit trail through the API: writes and restricted reads are recorded, auditors can
// filter it, and nobody can change it through the API.
#include <gtest/gtest.h>

#include "audit/chain.h"
#include "test_server.h"

namespace cairn {
namespace {

using model::Role;
using testing::Session;
using testing::TestServer;

nlohmann::json Newest(TestServer& server, Session& auditor, const std::string& query = "") {
  auto r = server.Get("/api/v1/audit?limit=500" + query, &auditor);
  EXPECT_EQ(r.status, 200) << r.raw;
  return r.body["entries"];
}

TEST(AuditApi, EveryWriteIsRecordedWithWhatChanged) {
  TestServer server;
  Session admin = server.Login(Role::kAdmin);
  Session auditor = server.Login(Role::kAuditor);
  int64_t fife = server.OrganisationId("fife");
  auto r = server.Patch("/api/v1/organisations/" + std::to_string(fife), &admin, {{"taskforce_role", "Pilot area"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  auto entries = Newest(server, auditor, "&record_type=organisation&record_id=" + std::to_string(fife));
  ASSERT_FALSE(entries.empty());
  const auto& e = entries[0];
  EXPECT_EQ(e["action"], "update");
  EXPECT_EQ(e["actor"], "test-admin");
  EXPECT_EQ(e["actor_user_id"], server.UserId(Role::kAdmin));
  EXPECT_EQ(e["detail"]["taskforce_role"]["to"], "Pilot area");
  EXPECT_EQ(e["source"], "127.0.0.1");
}

TEST(AuditApi, ReadingAUsersRecordIsAudited) {
  TestServer server;
  Session secretariat = server.Login(Role::kSecretariat);
  Session auditor = server.Login(Role::kAuditor);
  std::string id = std::to_string(server.UserId(Role::kPartner));
  int64_t before = server.Count("audit_log");
  ASSERT_EQ(server.Get("/api/v1/users/" + id, &secretariat).status, 200);
  EXPECT_EQ(server.Count("audit_log"), before + 1);
  auto entries = Newest(server, auditor, "&record_type=user&record_id=" + id);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0]["action"], "read");
  EXPECT_EQ(entries[0]["actor"], "test-secretariat");
}

TEST(AuditApi, ReadingTheAuditTrailIsItselfAudited) {
  TestServer server;
  Session auditor = server.Login(Role::kAuditor);
  Newest(server, auditor, "&record_type=user");
  auto entries = Newest(server, auditor, "&record_type=audit_log");
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0]["action"], "read");
  EXPECT_EQ(entries[0]["detail"]["record_type"], "user");
}

TEST(AuditApi, FiltersByUserOrganisationAndTime) {
  TestServer server;
  server.Login(Role::kAdmin);  // 09:00
  server.clock().Advance(std::chrono::hours(2));
  server.Login(Role::kPartner);  // 11:00
  Session auditor = server.Login(Role::kAuditor);
  std::string uid = std::to_string(server.UserId(Role::kPartner));
  auto by_user = Newest(server, auditor, "&user_id=" + uid);
  ASSERT_EQ(by_user.size(), 1u);
  EXPECT_EQ(by_user[0]["action"], "login");
  auto late = Newest(server, auditor, "&from=2026-11-22T10:00:00.000Z&record_type=session");
  ASSERT_EQ(late.size(), 2u);
  EXPECT_EQ(late[0]["actor"], "test-auditor");
  EXPECT_EQ(late[1]["actor"], "test-partner");
  auto early = Newest(server, auditor, "&to=2026-11-22T10:00:00.000Z&record_type=session");
  ASSERT_EQ(early.size(), 1u);
  EXPECT_EQ(early[0]["actor"], "test-admin");
  std::string org = std::to_string(server.OrganisationId("scottish-government"));
  EXPECT_GE(Newest(server, auditor, "&organisation_id=" + org).size(), 3u);
  EXPECT_TRUE(Newest(server, auditor, "&organisation_id=999999").empty());
}

TEST(AuditApi, PagesNewestFirst) {
  TestServer server;
  Session auditor = server.Login(Role::kAuditor);
  auto first = server.Get("/api/v1/audit?limit=5", &auditor);
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(first.body["entries"].size(), 5u);
  int64_t next = first.body["next_before"];
  auto second = server.Get("/api/v1/audit?limit=5&before=" + std::to_string(next), &auditor);
  ASSERT_EQ(second.status, 200);
  EXPECT_LT(second.body["entries"][0]["seq"].get<int64_t>(), next);
}

TEST(AuditApi, ChainStaysIntactThroughApiUse) {
  TestServer server;
  Session admin = server.Login(Role::kAdmin);
  server.Post("/api/v1/organisations", &admin, {{"name", "Community Justice Scotland"}, {"type", "government"}});
  server.Patch("/api/v1/users/" + std::to_string(server.UserId(Role::kPartner)), &admin, {{"display_name", "Renamed"}});
  auto report = audit::Verify(server.db());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->reason;
}

}  // namespace
}  // namespace cairn
