#include "test_network.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "engine/ingest.h"
#include "engine/resolution.h"
#include "identity/users.h"

namespace cairn::testing {

std::vector<std::string> PublicTestFiles() {
  return {"companies/basic_company_data.csv", "companies/psc.jsonl", "companies/officers.jsonl",
          "cairn_csv/licences.csv", "cairn_csv/inspections.csv", "ocds/package.json"};
}

void LoadTestNetwork(TestServer& server, const std::vector<std::string>& files, const std::vector<std::string>& intelligence) {
  std::string t = std::string(std::getenv("CAIRN_SOURCE_DIR")) + "/tests/testdata/";
  app::Env env = server.env();
  for (const auto& f : files) {
    auto r = engine::IngestFile(env, model::Actor::System("test"), t + f, {});
    ASSERT_TRUE(r.ok()) << f << ": " << r.status().ToString();
  }
  engine::IngestOptions intel;
  intel.owner_organisation_id = server.OrganisationId("police-scotland");
  for (const auto& f : intelligence) {
    auto r = engine::IngestFile(env, model::Actor::System("test"), t + f, intel);
    ASSERT_TRUE(r.ok()) << f << ": " << r.status().ToString();
  }
  auto resolved = engine::ResolveNetwork(env, model::Actor::System("test"));
  ASSERT_TRUE(resolved.ok()) << resolved.status().ToString();
}

Session LoginPoliceAnalyst(TestServer& server) {
  auto created = identity::CreateUser(server.env(), model::Actor::System("test"),
                                      {"police.analyst", "Police Analyst", "pa@police.example", "analyst",
                                       server.OrganisationId("police-scotland"), kPassword});
  EXPECT_TRUE(created.ok()) << created.status().ToString();
  auto login = server.LoginAs("police.analyst", kPassword);
  std::string cookie = login.headers.find("Set-Cookie")->second;
  return {cookie.substr(0, cookie.find(';')), login.body["csrf_token"]};
}

}  // namespace cairn::testing
