#include "test_network.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "engine/detection.h"
#include "engine/ingest.h"
#include "engine/resolution.h"
#include "identity/users.h"
#include "risk/settings.h"

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

void NetworkApiTest::Load(const std::vector<std::string>& files, const std::vector<std::string>& intelligence,
                          const std::string& detect_as_of) {
  LoadTestNetwork(server_, files, intelligence);
  if (!detect_as_of.empty()) {
    auto detected = engine::RunDetection(server_.env(), model::Actor::System("test"), risk::DefaultSettings(), detect_as_of);
    ASSERT_TRUE(detected.ok()) << detected.status().ToString();
  }
  police_ = LoginPoliceAnalyst(server_);
  partner_ = server_.Login(model::Role::kPartner);
  other_analyst_ = server_.Login(model::Role::kAnalyst);  // an analyst, but not of Police Scotland
}

nlohmann::json NetworkApiTest::Get(const std::string& path, const Session& s, int want) {
  auto r = server_.Get(path, &s);
  EXPECT_EQ(r.status, want) << path << ": " << r.raw;
  return r.body;
}

}  // namespace cairn::testing
