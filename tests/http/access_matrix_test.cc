// Walks every registered route × every role (and anonymous) and checks the answer against
// tests/http/access_matrix.csv.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "api/route.h"
#include "test_server.h"

namespace cairn {
namespace {

using testing::Session;
using testing::TestServer;

struct Row {
  std::map<std::string, bool> allow;  // caller → allowed
};

std::map<std::string, Row> LoadMatrix(std::vector<std::string>* callers) {
  std::ifstream in(std::string(std::getenv("CAIRN_SOURCE_DIR")) + "/tests/http/access_matrix.csv");
  EXPECT_TRUE(in) << "cannot read tests/http/access_matrix.csv";
  std::map<std::string, Row> out;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) cols.push_back(c);
    if (header) {
      callers->assign(cols.begin() + 2, cols.end());
      header = false;
      continue;
    }
    EXPECT_EQ(cols.size(), callers->size() + 2) << line;
    Row row;
    for (size_t i = 0; i < callers->size() && i + 2 < cols.size(); ++i) {
      EXPECT_TRUE(cols[i + 2] == "allow" || cols[i + 2] == "deny") << line;
      row.allow[(*callers)[i]] = cols[i + 2] == "allow";
    }
    out[cols[0] + " " + cols[1]] = row;
  }
  return out;
}

TEST(AccessMatrix, EveryRouteAndRoleGetsTheAnswerInTheTable) {
  std::vector<std::string> callers;
  auto matrix = LoadMatrix(&callers);
  ASSERT_EQ(callers.size(), model::kAllRoles.size() + 1);
  TestServer server;

  std::map<std::string, Session> sessions;
  for (model::Role role : model::kAllRoles) sessions[std::string(model::RoleName(role))] = server.Login(role);

  // Sign-out ends the session it is sent with, so it runs last.
  std::vector<const api::Route*> routes;
  for (const auto& r : api::Routes()) routes.push_back(&r);
  std::stable_partition(routes.begin(), routes.end(),
                        [](const api::Route* r) { return std::string(r->path) != "/api/v1/session/logout"; });

  std::string target_id = std::to_string(server.UserId(model::Role::kPartner));
  for (const api::Route* route : routes) {
    std::string key = std::string(route->method) + " " + route->path;
    auto it = matrix.find(key);
    ASSERT_NE(it, matrix.end()) << key << " is registered but missing from access_matrix.csv";
    std::string path = route->path;
    if (auto pos = path.find("{id}"); pos != std::string::npos) path.replace(pos, 4, target_id);
    for (const std::string& caller : callers) {
      const Session* s = caller == "anonymous" ? nullptr : &sessions.at(caller);
      // An empty JSON object: allowed writes fail validation (422) and so change nothing.
      auto r = server.Send(route->method, path, s, std::string(route->method) == "GET" ? "" : "{}");
      bool allowed = it->second.allow.at(caller);
      if (allowed) {
        EXPECT_TRUE(r.status != 401 && r.status != 403)
            << key << " as " << caller << ": expected allowed, got " << r.status << " " << r.raw;
      } else {
        EXPECT_EQ(r.status, caller == "anonymous" ? 401 : 403)
            << key << " as " << caller << ": expected denied, got " << r.status << " " << r.raw;
      }
    }
    matrix.erase(it);
  }
  for (const auto& [key, _] : matrix) ADD_FAILURE() << key << " is in access_matrix.csv but not registered";
}

}  // namespace
}  // namespace cairn
