// Every kind of bad request gets the right 4xx, the one error shape, and writes nothing; the
// server keeps serving after each.
#include <gtest/gtest.h>

#include "test_server.h"

namespace cairn {
namespace {

using model::Role;
using testing::Response;
using testing::Session;
using testing::TestServer;

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = server_.Login(Role::kAdmin);
    orgs_ = server_.Count("organisations");
    audit_ = server_.Count("audit_log");
  }
  // Asserts status, error code and (optionally) field, that nothing was written, and that
  // the server still answers.
  void ExpectRejected(const Response& r, int status, const std::string& code, const std::string& field = "") {
    EXPECT_EQ(r.status, status) << r.raw;
    ASSERT_TRUE(r.body.is_object() && r.body.contains("error")) << "no error body: " << r.raw;
    EXPECT_EQ(r.body["error"]["code"], code) << r.raw;
    EXPECT_FALSE(r.body["error"]["message"].get<std::string>().empty());
    if (!field.empty()) {
      EXPECT_EQ(r.body["error"].value("field", std::string()), field) << r.raw;
    }
    EXPECT_EQ(server_.Count("organisations"), orgs_);
    EXPECT_EQ(server_.Count("audit_log"), audit_);
    EXPECT_EQ(server_.Get("/api/v1/health", nullptr).status, 200);
  }
  Response CreateOrg(const std::string& body, const std::string& type = "application/json") {
    return server_.Send("POST", "/api/v1/organisations", &admin_, body, {}, type);
  }

  TestServer server_;
  Session admin_;
  int64_t orgs_ = 0;
  int64_t audit_ = 0;
};

TEST_F(BadInput, MalformedJsonIs400) {
  ExpectRejected(CreateOrg(R"({"name": "Oops", "type": )"), 400, "malformed_json");
}

TEST_F(BadInput, NonObjectBodyIs400) { ExpectRejected(CreateOrg("[1,2,3]"), 400, "malformed_json"); }

TEST_F(BadInput, MissingFieldIs422NamingIt) {
  ExpectRejected(CreateOrg(R"({"type": "council"})"), 422, "invalid_field", "name");
}

TEST_F(BadInput, WrongTypedFieldIs422NamingIt) {
  ExpectRejected(CreateOrg(R"({"name": "X Council", "type": "council", "taskforce_member": "yes"})"), 422,
                 "invalid_field", "taskforce_member");
  ExpectRejected(CreateOrg(R"({"name": 42, "type": "council"})"), 422, "invalid_field", "name");
}

TEST_F(BadInput, UnknownFieldIs422NamingIt) {
  ExpectRejected(CreateOrg(R"({"name": "X Council", "type": "council", "colour": "blue"})"), 422,
                 "invalid_field", "colour");
}

TEST_F(BadInput, InvalidValueIs422NamingIt) {
  ExpectRejected(CreateOrg(R"({"name": "X Council", "type": "pirate"})"), 422, "invalid_field", "type");
  ExpectRejected(CreateOrg(R"({"name": "X Council", "type": "council", "region": "South"})"), 422,
                 "invalid_field", "region");
}

TEST_F(BadInput, BodyOverOneMebibyteIs413) {
  std::string big = R"({"name": ")" + std::string((1 << 20) + 10, 'a') + R"(", "type": "council"})";
  ExpectRejected(CreateOrg(big), 413, "payload_too_large");
}

TEST_F(BadInput, WrongContentTypeIs415) {
  ExpectRejected(CreateOrg(R"({"name": "X Council", "type": "council"})", "text/plain"), 415,
                 "unsupported_media_type");
  ExpectRejected(CreateOrg("name=X&type=council", "application/x-www-form-urlencoded"), 415,
                 "unsupported_media_type");
}

TEST_F(BadInput, MissingCsrfTokenIs403) {
  Session no_csrf = admin_;
  no_csrf.csrf = "";
  auto r = server_.Send("POST", "/api/v1/organisations", &no_csrf, R"({"name": "X Council", "type": "council"})");
  ExpectRejected(r, 403, "csrf_failed");
}

TEST_F(BadInput, WrongCsrfTokenIs403) {
  Session forged = admin_;
  forged.csrf = "guessed-token";
  auto r = server_.Send("POST", "/api/v1/organisations", &forged, R"({"name": "X Council", "type": "council"})");
  ExpectRejected(r, 403, "csrf_failed");
}

TEST_F(BadInput, ForgedSessionCookieIs401) {
  Session forged{"cairn_session=forged-token-value", admin_.csrf};
  ExpectRejected(server_.Send("POST", "/api/v1/organisations", &forged, R"({"name": "X Council", "type": "council"})"),
                 401, "unauthenticated");
  ExpectRejected(server_.Get("/api/v1/organisations", &forged), 401, "unauthenticated");
}

TEST_F(BadInput, ExpiredSessionIs401) {
  server_.clock().Advance(std::chrono::hours(9));
  auto r = server_.Send("POST", "/api/v1/organisations", &admin_, R"({"name": "X Council", "type": "council"})");
  audit_ = server_.Count("audit_log");  // the expired session itself writes no audit entry
  ExpectRejected(r, 401, "unauthenticated");
}

TEST_F(BadInput, NoSessionIs401OnEveryPrivateRoute) {
  ExpectRejected(server_.Get("/api/v1/organisations", nullptr), 401, "unauthenticated");
  ExpectRejected(server_.Get("/api/v1/session/me", nullptr), 401, "unauthenticated");
}

TEST_F(BadInput, CrossSiteSignInIsRefused) {
  auto r = server_.Send("POST", "/api/v1/session/login", nullptr,
                        R"({"username": "test-admin", "password": "correct horse battery staple"})",
                        {{"Origin", "https://evil.example"}});
  EXPECT_EQ(r.status, 403) << r.raw;
  EXPECT_EQ(server_.Get("/api/v1/health", nullptr).status, 200);
}

// The protective headers on every answer; HSTS only over TLS (tests/cli/cli_test.sh checks it there).
TEST_F(BadInput, EveryAnswerCarriesTheProtectiveHeaders) {
  for (const char* path : {"/api/v1/health", "/api/v1/no-such-endpoint", "/public/"}) {
    auto r = server_.Get(path, nullptr);
    auto header = [&](const char* name) { return r.headers.count(name) ? r.headers.find(name)->second : std::string(); };
    EXPECT_EQ(header("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(header("X-Frame-Options"), "DENY") << path;
    EXPECT_NE(header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_EQ(header("Strict-Transport-Security"), "") << path << ": not over plain HTTP";
  }
}

TEST_F(BadInput, UnknownEndpointAndBadIdAre404) {
  ExpectRejected(server_.Get("/api/v1/no-such-thing", &admin_), 404, "not_found");
  ExpectRejected(server_.Get("/api/v1/organisations/99999999", &admin_), 404, "not_found");
  ExpectRejected(server_.Get("/api/v1/organisations/99999999999999999999999", &admin_), 404, "not_found");
}

TEST_F(BadInput, BadQueryParameterIs422NamingIt) {
  Session auditor = server_.Login(Role::kAuditor);
  audit_ = server_.Count("audit_log");
  ExpectRejected(server_.Get("/api/v1/audit?user_id=abc", &auditor), 422, "invalid_field", "user_id");
  ExpectRejected(server_.Get("/api/v1/audit?from=yesterday", &auditor), 422, "invalid_field", "from");
  ExpectRejected(server_.Get("/api/v1/audit?limit=100000", &auditor), 422, "invalid_field", "limit");
}

TEST_F(BadInput, DuplicateIs409) {
  auto r = CreateOrg(R"({"name": "Fife Council", "type": "council"})");
  ExpectRejected(r, 409, "already_exists");
}

}  // namespace
}  // namespace cairn
