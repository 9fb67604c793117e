#include "test_server.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "common/crypto.h"
#include "common/time.h"
#include "engine/guidance.h"
#include "identity/users.h"
#include "storage/organisations.h"
#include "taskforce/seed.h"

namespace cairn::testing {

TestServer::TestServer(config::Settings settings, const std::string& backend, api::ServerOptions options)
    : settings_(settings), clock_(*ParseTimestamp("2026-11-22T09:00:00.000Z")) {
  InitCrypto();
  store_ = TestStore::Create(backend);
  if (!store_) {
    if (PostgresRequired()) ADD_FAILURE() << "PostgreSQL is required (CAIRN_REQUIRE_PG) but not configured";
    return;
  }
  app::Env e = env();
  auto seeded = taskforce::SeedTaskforce(e);
  EXPECT_TRUE(seeded.ok()) << seeded.status().ToString();
  auto guidance = engine::SeedGuidance(e);
  EXPECT_TRUE(guidance.ok()) << guidance.status().ToString();
  int64_t org = OrganisationId("scottish-government");
  for (model::Role role : model::kAllRoles) {
    std::string name = UserFor(role);
    auto created = identity::CreateUser(
        e, model::Actor::System("test"),
        {name, "Test " + name, name + "@example.gov.scot", std::string(model::RoleName(role)), org, kPassword});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    if (created.ok()) user_ids_[role] = created->user.id;
  }
  server_ = std::make_unique<api::Server>(env(), std::move(options));
  auto port = server_->Bind("127.0.0.1", 0);
  EXPECT_TRUE(port.ok()) << port.status().ToString();
  port_ = port.ok() ? *port : 0;
  thread_ = std::thread([this] { (void)server_->Serve(); });
  while (!server_->running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TestServer::~TestServer() {
  if (!server_) return;
  server_->Stop();
  if (thread_.joinable()) thread_.join();
}

std::string TestServer::UserFor(model::Role role) { return "test-" + std::string(model::RoleName(role)); }

int64_t TestServer::OrganisationId(const std::string& slug) {
  int64_t id = 0;
  Status s = db().Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto org, storage::FindOrganisationBySlug(tx, slug));
    if (org) id = org->id;
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok() && id > 0) << "no organisation " << slug;
  return id;
}

Response TestServer::LoginAs(const std::string& username, const std::string& password) {
  return Send("POST", "/api/v1/session/login", nullptr,
              nlohmann::json{{"username", username}, {"password", password}}.dump());
}

Session TestServer::Login(model::Role role) { return LoginUser(UserFor(role)); }

Session TestServer::AddUserAndLogin(const std::string& username, model::Role role, const std::string& slug) {
  auto created = identity::CreateUser(env(), model::Actor::System("test"),
                                      {username, "Test " + username, username + "@example.org",
                                       std::string(model::RoleName(role)), OrganisationId(slug), kPassword});
  EXPECT_TRUE(created.ok()) << created.status().ToString();
  return LoginUser(username);
}

Session TestServer::LoginUser(const std::string& username) {
  Response r = LoginAs(username, kPassword);
  EXPECT_EQ(r.status, 200) << r.raw;
  Session s;
  std::string set_cookie = httplib::detail::get_header_value(r.headers, "Set-Cookie", 0, "");
  s.cookie = set_cookie.substr(0, set_cookie.find(';'));
  if (r.body.is_object() && r.body.contains("csrf_token")) s.csrf = r.body["csrf_token"];
  return s;
}

Response TestServer::Send(const std::string& method, const std::string& path, const Session* session,
                          const std::string& body, httplib::Headers extra,
                          const std::string& content_type) {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(30, 0);
  httplib::Headers headers = std::move(extra);
  if (session != nullptr) {
    headers.emplace("Cookie", session->cookie);
    if (method != "GET" && !headers.count("X-CSRF-Token")) headers.emplace("X-CSRF-Token", session->csrf);
  }
  httplib::Result res = [&] {
    if (method == "GET") return client.Get(path, headers);
    if (method == "POST") return client.Post(path, headers, body, content_type);
    if (method == "PATCH") return client.Patch(path, headers, body, content_type);
    if (method == "PUT") return client.Put(path, headers, body, content_type);
    return client.Delete(path, headers, body, content_type);
  }();
  Response out;
  if (!res) {
    ADD_FAILURE() << method << " " << path << ": no response (" << httplib::to_string(res.error()) << ")";
    return out;
  }
  out.status = res->status;
  out.raw = res->body;
  out.headers = res->headers;
  out.body = nlohmann::json::parse(res->body, nullptr, false);
  if (out.body.is_discarded()) out.body = nullptr;
  return out;
}

int64_t TestServer::Count(const std::string& table) {
  long long n = 0;
  Status s = db().Read([&](storage::Tx& tx) {
    tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return n;
}

}  // namespace cairn::testing
