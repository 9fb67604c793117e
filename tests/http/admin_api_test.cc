// Organisation and user administration through the API, and the seeded Taskforce.
#include <gtest/gtest.h>

#include "test_server.h"

namespace cairn {
namespace {

using model::Role;
using testing::Session;
using testing::TestServer;

TEST(AdminApi, SeededStrandsHaveTheirAimsAndLeads) {
  TestServer server;
  Session partner = server.Login(Role::kPartner);
  auto r = server.Get("/api/v1/strands", &partner);
  ASSERT_EQ(r.status, 200);
  const auto& strands = r.body["strands"];
  ASSERT_EQ(strands.size(), 4u);
  std::map<std::string, std::string> lead;
  for (const auto& s : strands) lead[s["code"]] = s["lead_organisation"]["name"];
  EXPECT_EQ(strands[0]["code"], "divert");
  EXPECT_EQ(lead["detect"], "Police Scotland");
  EXPECT_EQ(lead["disrupt"], "Crown Office and Procurator Fiscal Service (COPFS)");
  EXPECT_EQ(lead["divert"], "Action for Children");
  EXPECT_EQ(lead["deter"], "SOLACE Scotland");
  EXPECT_NE(strands[2]["aim"].get<std::string>().find("prosecute"), std::string::npos);
}

TEST(AdminApi, SeededOrganisationsIncludeMembersChairAndAllCouncils) {
  TestServer server;
  Session partner = server.Login(Role::kPartner);
  auto r = server.Get("/api/v1/organisations", &partner);
  ASSERT_EQ(r.status, 200);
  std::map<std::string, int> councils_by_region;
  int members = 0;
  bool chair = false;
  for (const auto& o : r.body["organisations"]) {
    if (o["type"] == "council") councils_by_region[o["region"]]++;
    if (o["taskforce_member"].get<bool>()) ++members;
    if (o["taskforce_role"].is_string() && o["taskforce_role"].get<std::string>().find("Chair") == 0) chair = true;
  }
  EXPECT_EQ(councils_by_region["West"] + councils_by_region["East"] + councils_by_region["North"], 32);
  EXPECT_EQ(councils_by_region.size(), 3u);
  EXPECT_EQ(members, 15);
  EXPECT_TRUE(chair);
}

TEST(AdminApi, AdminCreatesAndChangesAnOrganisation) {
  TestServer server;
  Session admin = server.Login(Role::kAdmin);
  auto created = server.Post("/api/v1/organisations", &admin,
                             {{"name", "Trading Standards Scotland"}, {"type", "government"}});
  ASSERT_EQ(created.status, 201) << created.raw;
  EXPECT_EQ(created.body["slug"], "trading-standards-scotland");
  std::string id = std::to_string(created.body["id"].get<int64_t>());
  auto changed = server.Patch("/api/v1/organisations/" + id, &admin, {{"region", "East"}, {"taskforce_member", true}});
  ASSERT_EQ(changed.status, 200) << changed.raw;
  EXPECT_EQ(changed.body["region"], "East");
  auto cleared = server.Patch("/api/v1/organisations/" + id, &admin, {{"region", nullptr}});
  EXPECT_TRUE(cleared.body["region"].is_null());
  EXPECT_EQ(server.Get("/api/v1/organisations/" + id, &admin).body["name"], "Trading Standards Scotland");
}

TEST(AdminApi, AdminCreatesAUserWithAPassword) {
  TestServer server;
  Session admin = server.Login(Role::kAdmin);
  auto r = server.Post("/api/v1/users", &admin,
                       {{"username", "j.smith"}, {"display_name", "J Smith"}, {"email", "j.smith@glasgow.gov.uk"},
                        {"role", "partner"}, {"organisation_id", server.OrganisationId("glasgow")},
                        {"password", "a sufficiently long one"}});
  ASSERT_EQ(r.status, 201) << r.raw;
  EXPECT_FALSE(r.body.contains("one_time_password"));
  EXPECT_EQ(server.LoginAs("j.smith", "a sufficiently long one").status, 200);
  auto list = server.Get("/api/v1/users?organisation_id=" + std::to_string(server.OrganisationId("glasgow")), &admin);
  ASSERT_EQ(list.body["users"].size(), 1u);
  EXPECT_EQ(list.body["users"][0]["username"], "j.smith");
}

TEST(AdminApi, UserFieldsAreValidated) {
  TestServer server;
  Session admin = server.Login(Role::kAdmin);
  nlohmann::json base = {{"username", "valid.name"}, {"display_name", "Valid"}, {"email", "v@example.org"},
                         {"role", "partner"}, {"organisation_id", server.OrganisationId("fife")}};
  auto with = [&](const char* k, nlohmann::json v) { auto b = base; b[k] = v; return b; };
  EXPECT_EQ(server.Post("/api/v1/users", &admin, with("username", "No Spaces")).body["error"]["field"], "username");
  EXPECT_EQ(server.Post("/api/v1/users", &admin, with("email", "not-an-email")).body["error"]["field"], "email");
  EXPECT_EQ(server.Post("/api/v1/users", &admin, with("role", "overlord")).body["error"]["field"], "role");
  EXPECT_EQ(server.Post("/api/v1/users", &admin, with("organisation_id", 999999)).body["error"]["field"], "organisation_id");
  EXPECT_EQ(server.Post("/api/v1/users", &admin, with("username", "test-admin")).status, 409);
}

}  // namespace
}  // namespace cairn
