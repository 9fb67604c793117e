// Sign-in, sessions, expiry, throttling, disabling and one-time passwords, over real HTTP.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "test_server.h"

namespace cairn {
namespace {

using model::Role;
using testing::Session;
using testing::TestServer;

std::string Header(const testing::Response& r, const char* name) {
  auto it = r.headers.find(name);
  return it == r.headers.end() ? "" : it->second;
}

TEST(Session, LoginSetsAHardenedCookieAndMeKnowsTheUser) {
  TestServer server;
  auto r = server.LoginAs("test-partner", testing::kPassword);
  ASSERT_EQ(r.status, 200) << r.raw;
  std::string cookie = Header(r, "Set-Cookie");
  EXPECT_NE(cookie.find("cairn_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain HTTP must not mark the cookie Secure";
  EXPECT_FALSE(r.body["csrf_token"].get<std::string>().empty());
  EXPECT_EQ(r.body["user"]["role"], "partner");
  EXPECT_FALSE(r.body["user"].contains("password_hash"));

  Session s = server.Login(Role::kPartner);
  auto me = server.Get("/api/v1/session/me", &s);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.body["user"]["username"], "test-partner");
  EXPECT_EQ(me.body["organisation"]["slug"], "scottish-government");
}

TEST(Session, WrongPasswordAndUnknownUserLookTheSameAndAreAudited) {
  TestServer server;
  int64_t before = server.Count("audit_log");
  auto wrong = server.LoginAs("test-partner", "not the password at all");
  auto unknown = server.LoginAs("nobody-here", "not the password at all");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body["error"]["message"], unknown.body["error"]["message"]);
  EXPECT_EQ(server.Count("audit_log"), before + 2);
  EXPECT_EQ(server.Count("sessions"), 0);
}

TEST(Session, SuccessfulLoginIsAudited) {
  TestServer server;
  int64_t before = server.Count("audit_log");
  server.Login(Role::kAnalyst);
  EXPECT_EQ(server.Count("audit_log"), before + 1);
}

TEST(Session, LogoutEndsTheSession) {
  TestServer server;
  Session s = server.Login(Role::kAdmin);
  auto out = server.Send("POST", "/api/v1/session/logout", &s);
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(Header(out, "Set-Cookie").find("Max-Age=0"), std::string::npos);
  auto me = server.Get("/api/v1/session/me", &s);
  EXPECT_EQ(me.status, 401);
}

TEST(Session, IdleSessionExpires) {
  TestServer server;
  Session s = server.Login(Role::kPartner);
  server.clock().Advance(std::chrono::minutes(29));
  EXPECT_EQ(server.Get("/api/v1/strands", &s).status, 200);  // activity keeps it alive
  server.clock().Advance(std::chrono::minutes(29));
  EXPECT_EQ(server.Get("/api/v1/strands", &s).status, 200);
  server.clock().Advance(std::chrono::minutes(31));
  auto r = server.Get("/api/v1/strands", &s);
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body["error"]["message"].get<std::string>().find("expired"), std::string::npos) << r.raw;
}

TEST(Session, ActiveSessionStillEndsAtTheAbsoluteLimit) {
  TestServer server;
  Session s = server.Login(Role::kPartner);
  for (int i = 0; i < 16; ++i) {  // 16 × 29 min ≈ 7.7 h of steady use
    server.clock().Advance(std::chrono::minutes(29));
    ASSERT_EQ(server.Get("/api/v1/strands", &s).status, 200) << "after " << (i + 1) * 29 << " min";
  }
  server.clock().Advance(std::chrono::minutes(29));  // past 8 h
  EXPECT_EQ(server.Get("/api/v1/strands", &s).status, 401);
}

TEST(Session, RepeatedFailuresLockTheUsernameThenItUnlocks) {
  TestServer server;
  for (int i = 0; i < 5; ++i) EXPECT_EQ(server.LoginAs("test-analyst", "wrong password!!").status, 401);
  auto locked = server.LoginAs("test-analyst", testing::kPassword);
  EXPECT_EQ(locked.status, 429) << locked.raw;
  EXPECT_EQ(server.Count("sessions"), 0);
  // Other users are not affected.
  EXPECT_EQ(server.LoginAs("test-partner", testing::kPassword).status, 200);
  server.clock().Advance(std::chrono::minutes(16));
  EXPECT_EQ(server.LoginAs("test-analyst", testing::kPassword).status, 200);
}

TEST(Session, DisabledUserLosesTheirSessionAtOnce) {
  TestServer server;
  Session partner = server.Login(Role::kPartner);
  Session admin = server.Login(Role::kAdmin);
  ASSERT_EQ(server.Get("/api/v1/strands", &partner).status, 200);
  auto r = server.Patch("/api/v1/users/" + std::to_string(server.UserId(Role::kPartner)), &admin,
                        {{"disabled", true}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(server.Get("/api/v1/strands", &partner).status, 401);
  EXPECT_EQ(server.LoginAs("test-partner", testing::kPassword).status, 401);
}

TEST(Session, AdminCannotDisableThemselves) {
  TestServer server;
  Session admin = server.Login(Role::kAdmin);
  auto r = server.Patch("/api/v1/users/" + std::to_string(server.UserId(Role::kAdmin)), &admin,
                        {{"disabled", true}});
  EXPECT_EQ(r.status, 409) << r.raw;
}

TEST(Session, OneTimePasswordMustBeChangedBeforeAnythingElse) {
  TestServer server;
  Session admin = server.Login(Role::kAdmin);
  auto created = server.Post("/api/v1/users", &admin,
                             {{"username", "new.partner"}, {"display_name", "New Partner"},
                              {"email", "new@fife.gov.uk"}, {"role", "partner"},
                              {"organisation_id", server.OrganisationId("fife")}});
  ASSERT_EQ(created.status, 201) << created.raw;
  std::string otp = created.body["one_time_password"];
  EXPECT_TRUE(created.body["user"]["must_change_password"].get<bool>());

  auto login = server.LoginAs("new.partner", otp);
  ASSERT_EQ(login.status, 200);
  Session s{Header(login, "Set-Cookie").substr(0, Header(login, "Set-Cookie").find(';')),
            login.body["csrf_token"]};
  EXPECT_EQ(server.Get("/api/v1/strands", &s).status, 409);
  EXPECT_EQ(server.Get("/api/v1/session/me", &s).status, 200);

  auto weak = server.Post("/api/v1/session/password", &s, {{"current_password", otp}, {"new_password", "short"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(weak.body["error"]["field"], "password");
  auto wrong = server.Post("/api/v1/session/password", &s,
                           {{"current_password", "not-it-at-all"}, {"new_password", "a much longer passphrase"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.body["error"]["field"], "current_password");
  auto ok = server.Post("/api/v1/session/password", &s,
                        {{"current_password", otp}, {"new_password", "a much longer passphrase"}});
  EXPECT_EQ(ok.status, 204) << ok.raw;
  EXPECT_EQ(server.Get("/api/v1/strands", &s).status, 200);
  EXPECT_EQ(server.LoginAs("new.partner", otp).status, 401);
  EXPECT_EQ(server.LoginAs("new.partner", "a much longer passphrase").status, 200);
}

TEST(Session, StoredSessionTokenIsAHashNotTheCookie) {
  TestServer server;
  Session s = server.Login(Role::kAdmin);
  std::string token = s.cookie.substr(s.cookie.find('=') + 1);
  int64_t plain = 0;
  ASSERT_TRUE(server.db().Read([&](storage::Tx& tx) {
    long long n = 0;
    tx.sql() << "SELECT COUNT(*) FROM sessions WHERE token_hash = :t", soci::use(token), soci::into(n);
    plain = n;
    return Status::Ok();
  }).ok());
  EXPECT_EQ(plain, 0);
  EXPECT_EQ(server.Count("sessions"), 1);
}

}  // namespace
}  // namespace cairn
