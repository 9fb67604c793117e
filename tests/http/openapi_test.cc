// docs/openapi.json describes exactly the routes the server registers, with the same policy
// action, and the served copy is the same document.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "api/route.h"
#include "test_server.h"

namespace cairn {
namespace {

nlohmann::json LoadDoc() {
  std::ifstream in(std::string(std::getenv("CAIRN_SOURCE_DIR")) + "/docs/openapi.json");
  return nlohmann::json::parse(in);
}

std::string Lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(OpenApi, EveryRegisteredRouteIsDocumentedWithItsAction) {
  nlohmann::json doc = LoadDoc();
  std::set<std::string> documented;
  for (const auto& [path, ops] : doc["paths"].items()) {
    for (const auto& [method, _] : ops.items()) documented.insert(method + " " + path);
  }
  for (const api::Route& r : api::Routes()) {
    std::string key = Lower(r.method) + " " + r.path;
    ASSERT_TRUE(documented.count(key)) << key << " is registered but not in docs/openapi.json";
    EXPECT_EQ(doc["paths"][r.path][Lower(r.method)]["x-cairn-action"], policy::ActionName(r.action)) << key;
    documented.erase(key);
  }
  for (const auto& key : documented) ADD_FAILURE() << key << " is documented but not registered";
}

TEST(OpenApi, ServedDocumentIsTheOneInDocs) {
  testing::TestServer server;
  auto s = server.Login(model::Role::kPartner);
  auto r = server.Get("/api/v1/openapi.json", &s);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body, LoadDoc());
  EXPECT_EQ(r.body["openapi"], "3.1.0");
}

}  // namespace
}  // namespace cairn
