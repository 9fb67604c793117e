// Search, entity, network and path endpoints over the resolved test data, and who sees what.
#include <gtest/gtest.h>

#include "test_network.h"
#include "test_server.h"

namespace cairn {
namespace {

using testing::Session;

class NetworkApi : public testing::NetworkApiTest {
 protected:
  void SetUp() override {
    Load(testing::PublicTestFiles());
  }

  std::string Find(const std::string& q, const Session& s, const std::string& kind) {
    nlohmann::json body = Get("/api/v1/search?q=" + q, s);  // kept: a range-for over a temporary's member dangles
    for (const auto& hit : body["results"]) {
      if (hit["kind"] == kind) return hit["id"];
    }
    return "";
  }
};

TEST_F(NetworkApi, SearchFindsByNumberPostcodeAndMisspeltName) {
  auto hits = Get("/api/v1/search?q=sc612345", partner_)["results"];
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["name"], "CLYDE TAVERNS LTD");
  EXPECT_EQ(hits[0]["score"], 1.0);
  EXPECT_FALSE(Find("clyde%20tavens", partner_, "organisation").empty()) << "a typo still finds it";
  EXPECT_FALSE(Find("G2%208AA", partner_, "address").empty());
  Get("/api/v1/search?q=x", partner_, 422);
}

TEST_F(NetworkApi, AnEntityShowsItsSourcesWithProvenanceAndItsLinks) {
  std::string company = Find("SC612345", partner_, "organisation");
  auto body = Get("/api/v1/entities/" + company, partner_);
  EXPECT_EQ(body["entity"]["company_number"], "SC612345");
  bool from_register = false;
  for (const auto& m : body["mentions"]) {
    if (m["source"]["format"] == "companies_house_companies") {
      from_register = true;
      EXPECT_EQ(m["source"]["line"], 3);
      EXPECT_EQ(m["match_reason"], "same company number");
    }
  }
  EXPECT_TRUE(from_register);
  std::set<std::string> types;
  for (const auto& l : body["links"]) types.insert(l["type"]);
  EXPECT_TRUE(types.count("officer_of") && types.count("supplier_to") && types.count("registered_at"));
  Get("/api/v1/entities/Onosuchentity", partner_, 404);
}

TEST_F(NetworkApi, RestrictedRecordsAreSeenOnlyByTheOwnersAnalysts) {
  // The SOC group is known only from Police Scotland's intelligence.
  std::string socg = Find("SOCG-W-017", police_, "socg");
  ASSERT_FALSE(socg.empty());
  EXPECT_TRUE(Find("SOCG-W-017", partner_, "socg").empty());
  EXPECT_TRUE(Find("SOCG-W-017", other_analyst_, "socg").empty());
  Get("/api/v1/entities/" + socg, partner_, 404);
  Get("/api/v1/entities/" + socg, other_analyst_, 404);
  Get("/api/v1/entities/" + socg, police_, 200);

  // John Robert Smith is public (officer, PSC) and also an intelligence subject.
  std::string person;
  nlohmann::json smiths = Get("/api/v1/search?q=john%20robert%20smith", partner_);
  for (const auto& hit : smiths["results"]) {
    if (hit["kind"] == "person" && hit["mention_count"] == 4) person = hit["id"];
  }
  ASSERT_FALSE(person.empty());
  auto seen_by_partner = Get("/api/v1/entities/" + person, partner_);
  auto seen_by_police = Get("/api/v1/entities/" + person, police_);
  EXPECT_EQ(seen_by_partner["mentions"].size(), 3u);
  EXPECT_EQ(seen_by_police["mentions"].size(), 4u);
  for (const auto& m : seen_by_partner["mentions"]) EXPECT_FALSE(m["restricted"].get<bool>());

  // Inside network results too.
  auto partner_net = Get("/api/v1/entities/" + person + "/network?hops=2", partner_);
  auto police_net = Get("/api/v1/entities/" + person + "/network?hops=2", police_);
  auto has = [](const nlohmann::json& g, const std::string& id) {
    for (const auto& n : g["nodes"]) if (n["id"] == id) return true;
    return false;
  };
  EXPECT_FALSE(has(partner_net, socg));
  EXPECT_TRUE(has(police_net, socg));
  for (const auto& e : partner_net["edges"]) EXPECT_NE(e["type"], "member_of");
  auto path = Get("/api/v1/paths?from=" + person + "&to=" + socg, partner_, 404);
  auto police_path = Get("/api/v1/paths?from=" + person + "&to=" + socg, police_);
  EXPECT_TRUE(police_path["found"].get<bool>());
}

TEST_F(NetworkApi, ShowingRestrictedRecordsIsAudited) {
  std::string socg = Find("SOCG-W-017", police_, "socg");
  std::string company = Find("SC612345", partner_, "organisation");
  int64_t before = server_.Count("audit_log");
  Get("/api/v1/entities/" + socg, police_);
  EXPECT_EQ(server_.Count("audit_log"), before + 1);
  Get("/api/v1/entities/" + company, partner_);
  EXPECT_EQ(server_.Count("audit_log"), before + 1) << "public records are not audited reads";
}

TEST_F(NetworkApi, PathsAndNeighbourhoods) {
  std::string person;
  nlohmann::json smiths = Get("/api/v1/search?q=john%20robert%20smith", partner_);
  for (const auto& hit : smiths["results"]) {
    if (hit["kind"] == "person" && hit["mention_count"] == 4) person = hit["id"];
  }
  std::string process = Find("ocds-r6ebe6-0001", partner_, "process");
  if (process.empty()) {  // processes are named by their title, searched by id through the company's links
    auto company = Get("/api/v1/entities/" + Find("SC612345", partner_, "organisation"), partner_);
    for (const auto& n : company["neighbours"]) if (n["kind"] == "process") process = n["id"];
  }
  ASSERT_FALSE(process.empty());
  auto path = Get("/api/v1/paths?from=" + person + "&to=" + process, partner_);
  ASSERT_TRUE(path["found"].get<bool>());
  EXPECT_EQ(path["edges"].size(), 2u) << "officer of the company that supplied the process";
  EXPECT_EQ(path["nodes"][0]["id"], person);
  EXPECT_EQ(path["nodes"][2]["id"], process);
  auto one = Get("/api/v1/entities/" + person + "/network?hops=1", partner_);
  auto two = Get("/api/v1/entities/" + person + "/network?hops=2", partner_);
  EXPECT_LT(one["nodes"].size(), two["nodes"].size());
  Get("/api/v1/entities/" + person + "/network?hops=9", partner_, 422);
  Get("/api/v1/paths?from=" + person, partner_, 422);
}

}  // namespace
}  // namespace cairn
