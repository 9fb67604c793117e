// An in-process Cairn server on a free loopback port, over a fresh seeded SQLite store, with
// one user per role (password kPassword) and a FakeClock the test can advance. Requests go
// over real HTTP through cpp-httplib's client.
#pragma once

#include <httplib.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "api/server.h"
#include "app/env.h"
#include "common/clock.h"
#include "config/settings.h"
#include "model/role.h"
#include "test_store.h"

namespace cairn::testing {

inline constexpr char kPassword[] = "correct horse battery staple";

struct Session {
  std::string cookie;  // "cairn_session=…"
  std::string csrf;
};

struct Response {
  int status = 0;
  nlohmann::json body;  // null when the body is empty or not JSON
  std::string raw;
  httplib::Headers headers;
};

class TestServer {
 public:
  // `backend` "sqlite" or "postgres"; when PostgreSQL is not configured the server does not
  // start and available() is false (the test skips, or fails under make test).
  explicit TestServer(config::Settings settings = config::Defaults(), const std::string& backend = "sqlite",
                      api::ServerOptions options = {});
  ~TestServer();
  bool available() const { return server_ != nullptr; }

  app::Env env() { return {store_->db(), clock_, settings_}; }
  FakeClock& clock() { return clock_; }
  storage::Database& db() { return store_->db(); }
  int port() const { return port_; }

  // The username of the seeded user with `role` ("admin", "partner"…).
  static std::string UserFor(model::Role role);
  int64_t UserId(model::Role role) const { return user_ids_.at(role); }
  int64_t OrganisationId(const std::string& slug);

  // Signs in; fails the test if it does not succeed.
  Session Login(model::Role role);
  // Adds a user `username` with `role` in the organisation `slug` (password kPassword) and signs
  // them in.
  Session AddUserAndLogin(const std::string& username, model::Role role, const std::string& slug);
  Response LoginAs(const std::string& username, const std::string& password);

  // Sends a request. `session` may be null (anonymous). For POST/PATCH/DELETE the body is sent
  // as application/json with the session's CSRF token unless the caller overrides headers.
  Response Send(const std::string& method, const std::string& path, const Session* session,
                const std::string& body = "", httplib::Headers extra = {},
                const std::string& content_type = "application/json");
  Response Get(const std::string& path, const Session* s) { return Send("GET", path, s); }
  Response Post(const std::string& path, const Session* s, const nlohmann::json& body) {
    return Send("POST", path, s, body.dump());
  }
  Response Patch(const std::string& path, const Session* s, const nlohmann::json& body) {
    return Send("PATCH", path, s, body.dump());
  }

  // Rows in `table` (for "nothing was written" checks).
  int64_t Count(const std::string& table);

 private:
  Session LoginUser(const std::string& username);

  config::Settings settings_;
  FakeClock clock_;
  std::unique_ptr<TestStore> store_;
  std::unique_ptr<api::Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::map<model::Role, int64_t> user_ids_;
};

}  // namespace cairn::testing
