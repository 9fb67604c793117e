// Blind screening between two deployments on loopback: the police Cairn publishes its keyed set;
// a council's Cairn asks about a tender's bidders through a recording proxy, finds the bidder the
// intelligence names, misses the one it does not, and neither the published set nor any request
// of the blind step carries a plaintext name or company number. The match then becomes a referral
// in the police SPOC queue; the bidder not on the list never crosses the wire at all.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "engine/watchlist.h"
#include "test_network.h"
#include "test_server.h"

namespace cairn {
namespace {

using nlohmann::json;

// Forwards every request to the police server and keeps what crossed the wire.
class RecordingProxy {
 public:
  explicit RecordingProxy(int target) : target_(target) {
    auto forward = [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        seen_.push_back(req.method + " " + req.target + "\n" + req.body);
      }
      httplib::Client c("127.0.0.1", target_);
      httplib::Headers headers;
      for (const char* h : {"Cookie", "X-CSRF-Token"})
        if (req.has_header(h)) headers.emplace(h, req.get_header_value(h));
      auto r = req.method == "GET" ? c.Get(req.target, headers)
                                   : c.Post(req.target, headers, req.body, req.get_header_value("Content-Type"));
      if (!r) {
        res.status = 502;
        return;
      }
      res.status = r->status;
      if (r->has_header("Set-Cookie")) res.set_header("Set-Cookie", r->get_header_value("Set-Cookie"));
      res.set_content(r->body, r->get_header_value("Content-Type"));
      std::lock_guard<std::mutex> lock(mu_);
      seen_.push_back(r->body);
    };
    server_.Get(".*", forward);
    server_.Post(".*", forward);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~RecordingProxy() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  std::vector<std::string> seen() {
    std::lock_guard<std::mutex> lock(mu_);
    return seen_;
  }

 private:
  int target_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::vector<std::string> seen_;
};

TEST(BlindScreening, TwoDeploymentsFindThePlantedMatchWithoutRevealingEitherList) {
  testing::TestServer police;
  testing::LoadTestNetwork(police, testing::PublicTestFiles());
  auto published = engine::PublishWatchlist(police.env(), model::Actor::System(), police.OrganisationId("police-scotland"));
  ASSERT_TRUE(published.ok()) << published.status().ToString();
  ASSERT_FALSE(published->elements.empty());

  testing::TestServer council;
  testing::Session officer = council.Login(model::Role::kPartner);
  auto tender = council.Post("/api/v1/tenders", &officer,
                             {{"buyer", "Renfrewshire Council"}, {"title", "Bar services"}, {"category", "services"},
                              {"bidders", {{{"name", "Clyde Taverns Ltd"}, {"company_number", "SC612345"}},
                                           {{"name", "Harbour Catering Ltd"}, {"company_number", "SC777001"}}}}});
  ASSERT_EQ(tender.status, 201) << tender.raw;

  RecordingProxy proxy(police.port());
  model::Actor actor{council.UserId(model::Role::kPartner), council.OrganisationId("scottish-government"),
                     model::Role::kPartner, "partner", "test"};
  engine::RemoteScreening remote{"127.0.0.1", proxy.port(), testing::TestServer::UserFor(model::Role::kPartner),
                                 testing::kPassword, ""};
  auto report = engine::ScreenTenderRemotely(council.env(), actor, tender.body["id"].get<int64_t>(), remote);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->bidders, 2u);
  EXPECT_EQ(report->queried, 4u) << "a company number and a name each";
  EXPECT_EQ(report->matched, std::vector<std::string>{"Clyde Taverns Ltd"});

  ASSERT_EQ(report->references.size(), 1u);
  EXPECT_EQ(report->references[0].rfind("police-scotland/SCR-", 0), 0u) << report->references[0];
  EXPECT_GT(report->lodged_tender, 0);

  // The blind step: nothing in plaintext until the match is lodged, and the bidder not on the
  // list never at all.
  auto seen = proxy.seen();
  auto lodge = std::find_if(seen.begin(), seen.end(), [](const std::string& w) { return w.rfind("POST /api/v1/tenders", 0) == 0; });
  ASSERT_NE(lodge, seen.end()) << "the match was not lodged";
  ASSERT_GE(lodge - seen.begin(), 6) << "sign-in, the set, the query and their answers come first";
  const std::vector<std::string> member = {"SC612345", "612345", "Clyde", "CLYDE", "clyde"};
  const std::vector<std::string> other = {"SC777001", "777001", "Harbour", "HARBOUR", "harbour"};
  for (auto wire = seen.begin(); wire != seen.end(); ++wire) {
    for (const auto& plain : other)
      EXPECT_EQ(wire->find(plain), std::string::npos) << plain << " crossed the wire:\n" << wire->substr(0, 300);
    if (wire >= lodge) continue;  // the referral names the matched bidder, by design
    for (const auto& plain : member)
      EXPECT_EQ(wire->find(plain), std::string::npos) << plain << " crossed the wire:\n" << wire->substr(0, 300);
  }

  // The referral waits in the police SPOC queue, with the watchlist as its reason.
  testing::Session spoc = testing::LoginPoliceAnalyst(police);
  auto queue = police.Get("/api/v1/referrals", &spoc);
  ASSERT_EQ(queue.status, 200) << queue.raw;
  int found = 0;
  for (const auto& r : queue.body["referrals"]) {
    EXPECT_NE(r["bidder"]["name"], "Harbour Catering Ltd");
    if (r["bidder"]["name"] != "Clyde Taverns Ltd") continue;
    ++found;
    EXPECT_EQ("police-scotland/" + r["bidder"]["reference"].get<std::string>(), report->references[0]);
    bool watchlist = false;
    for (const auto& why : r["reasons"]) watchlist = watchlist || why["indicator"] == "watchlist";
    EXPECT_TRUE(watchlist) << r["reasons"].dump();
  }
  EXPECT_EQ(found, 1);

  // The council sees the police reference against its bidder.
  testing::Session council_officer = council.Login(model::Role::kPartner);
  auto local = council.Get("/api/v1/tenders/" + std::to_string(tender.body["id"].get<int64_t>()), &council_officer);
  ASSERT_EQ(local.status, 200);
  EXPECT_EQ(local.body["bidders"][0]["result"], "refer");
  EXPECT_EQ(local.body["bidders"][0]["reference"], report->references[0]);

  json set = json(published->elements);
  for (const char* plain : {"SC612345", "clyde", "CLYDE"}) EXPECT_EQ(set.dump().find(plain), std::string::npos);
  EXPECT_GT(police.Count("audit_log"), 0);
}

TEST(BlindScreening, QueriesAreCheckedAndLimited) {
  testing::TestServer police;
  auto published = engine::PublishWatchlist(police.env(), model::Actor::System(), police.OrganisationId("police-scotland"));
  ASSERT_TRUE(published.ok());
  testing::Session s = police.Login(model::Role::kPartner);
  auto bad = police.Post("/api/v1/watchlist/evaluate", &s, {{"points", {"00"}}});
  EXPECT_EQ(bad.status, 422);
  auto identity = police.Post("/api/v1/watchlist/evaluate", &s, {{"points", {std::string(64, '0')}}});
  EXPECT_EQ(identity.status, 422) << "the identity point is refused";
  std::vector<std::string> too_many(101, std::string(64, '0'));
  EXPECT_EQ(police.Post("/api/v1/watchlist/evaluate", &s, {{"points", too_many}}).status, 422);
  EXPECT_EQ(police.Get("/api/v1/watchlist", &s).status, 200);
  testing::Session auditor = police.Login(model::Role::kAuditor);
  EXPECT_EQ(police.Get("/api/v1/watchlist", &auditor).status, 403);
}

}  // namespace
}  // namespace cairn
