// What an operator's tooling sees: readiness, Prometheus metrics and who may read them, and a
// server behind a TLS-terminating proxy.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <chrono>
#include <cstdlib>
#include <future>
#include <regex>
#include <thread>

#include "test_server.h"

namespace cairn {
namespace {

using model::Role;
using testing::TestServer;

// The value of the sample `series` (name{labels} exactly) in a Prometheus text answer; -1 if absent.
double Sample(const std::string& text, const std::string& series) {
  auto at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + series.size() + 2));
}

TEST(Operations, ReadyWhenTheStoreCarriesEveryMigration) {
  TestServer server;
  auto r = server.Get("/api/v1/ready", nullptr);
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["status"], "ready");
  EXPECT_EQ(r.body["schema_version"], storage::Database::LatestSchemaVersion());
  // A store whose schema is older than the server is not ready.
  server.db().RawForTests("DELETE FROM schema_migrations WHERE version = " +
                          std::to_string(storage::Database::LatestSchemaVersion()));
  r = server.Get("/api/v1/ready", nullptr);
  EXPECT_EQ(r.status, 503) << r.raw;
  EXPECT_EQ(r.body["status"], "not_ready");
  EXPECT_NE(r.body["reason"].get<std::string>().find("schema"), std::string::npos);
}

// A failure of the server's own tells the caller nothing but a reference to quote to the
// administrator, who finds it in the log next to what went wrong.
TEST(Operations, ServerErrorsGiveAReferenceAndNoDetail) {
  TestServer server;
  auto partner = server.Login(Role::kPartner);
  server.db().RawForTests("ALTER TABLE guidance_pages RENAME TO guidance_pages_gone");
  auto r = server.Get("/api/v1/guidance", &partner);
  ASSERT_EQ(r.status, 500) << r.raw;
  EXPECT_EQ(r.body["error"]["code"], "internal");
  std::string reference = r.body["error"]["reference"];
  EXPECT_GE(reference.size(), 8u);
  EXPECT_NE(r.body["error"]["message"].get<std::string>().find(reference), std::string::npos);
  EXPECT_EQ(r.raw.find("guidance_pages"), std::string::npos) << r.raw;
  EXPECT_EQ(r.raw.find("SELECT"), std::string::npos) << r.raw;
  EXPECT_NE(server.Get("/api/v1/guidance", &partner).body["error"]["reference"], reference);  // one per failure
}

TEST(Operations, MetricsCountRequestsByRouteAndReportQueues) {
  TestServer server;
  auto partner = server.Login(Role::kPartner);
  auto before = server.Get("/api/v1/metrics", nullptr);
  ASSERT_EQ(before.status, 200) << before.raw;
  ASSERT_NE(before.headers.find("Content-Type")->second.find("text/plain; version=0.0.4"), std::string::npos);
  const std::string series = "cairn_http_requests_total{method=\"GET\",route=\"/api/v1/tasks/{id}\",status=\"404\"}";
  double n0 = std::max(0.0, Sample(before.raw, series));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(server.Get("/api/v1/tasks/99999" + std::to_string(i), &partner).status, 404);
  // A request is counted once its answer has been written, which the client may see first: wait
  // (up to a second) for the third.
  testing::Response after;
  for (int tries = 0; tries < 100; ++tries) {
    after = server.Get("/api/v1/metrics", nullptr);
    if (Sample(after.raw, series) >= n0 + 3) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Labelled by the route's template, not the path, so callers cannot multiply the series.
  EXPECT_EQ(Sample(after.raw, series), n0 + 3) << after.raw;
  EXPECT_EQ(after.raw.find("/api/v1/tasks/999990"), std::string::npos);
  EXPECT_GE(Sample(after.raw, "cairn_http_request_duration_seconds_count{route=\"/api/v1/tasks/{id}\"}"), 3);
  EXPECT_EQ(Sample(after.raw, "cairn_database_up"), 1);
  EXPECT_GT(Sample(after.raw, "process_resident_memory_bytes"), 0);
  EXPECT_EQ(Sample(after.raw, "cairn_sessions_active"), 1);
  EXPECT_GT(Sample(after.raw, "cairn_audit_entries"), 0);
  for (const char* gauge : {"cairn_email_outbox_pending", "cairn_tasks_overdue", "cairn_screening_referrals_open",
                            "cairn_grant_applications_waiting", "cairn_ingest_rows{outcome=\"rejected\"}"}) {
    EXPECT_GE(Sample(after.raw, gauge), 0) << gauge << " missing";
  }
}

TEST(Operations, MetricsAreRefusedThroughAProxyAndNeedTheTokenWhenOneIsSet) {
  TestServer open;
  auto proxied = open.Send("GET", "/api/v1/metrics", nullptr, "", {{"X-Forwarded-For", "203.0.113.9"}});
  EXPECT_EQ(proxied.status, 403) << proxied.raw;

  config::Settings settings = config::Defaults();
  settings.metrics_token_env = "CAIRN_TEST_METRICS_TOKEN";
  ::setenv("CAIRN_TEST_METRICS_TOKEN", "s3cret-scrape-token", 1);
  TestServer guarded(settings);
  EXPECT_EQ(guarded.Get("/api/v1/metrics", nullptr).status, 403) << "loopback alone is not enough with a token set";
  EXPECT_EQ(guarded.Send("GET", "/api/v1/metrics", nullptr, "", {{"Authorization", "Bearer wrong"}}).status, 403);
  auto ok = guarded.Send("GET", "/api/v1/metrics", nullptr, "",
                         {{"Authorization", "Bearer s3cret-scrape-token"}, {"X-Forwarded-For", "203.0.113.9"}});
  EXPECT_EQ(ok.status, 200) << ok.raw;
  ::unsetenv("CAIRN_TEST_METRICS_TOKEN");
  EXPECT_EQ(guarded.Send("GET", "/api/v1/metrics", nullptr, "", {{"Authorization", "Bearer "}}).status, 403)
      << "an unset token variable must not mean an empty token";
}

TEST(Operations, TheRetentionReportIsADryRunForAdministratorsAndAuditors) {
  TestServer server;
  auto admin = server.Login(Role::kAdmin);
  std::string audit_before = std::to_string(server.Count("audit_log"));
  auto r = server.Get("/api/v1/retention", &admin);
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["dry_run"], true);
  ASSERT_EQ(r.body["items"].size(), 7u);
  EXPECT_EQ(r.body["items"][0]["rule"], "sessions");
  EXPECT_EQ(r.body["items"][5]["rule"], "audit_log");
  EXPECT_EQ(r.body["items"][5]["days"], 0);
  EXPECT_EQ(r.body["items"][6]["action"], "review");
  EXPECT_EQ(std::to_string(server.Count("audit_log")), audit_before) << "reading the report changes nothing";
  auto partner = server.Login(Role::kPartner);
  EXPECT_EQ(server.Get("/api/v1/retention", &partner).status, 403);
}

TEST(Operations, AStopAskedForBeforeServingBeginsIsNotLost) {
  TestServer running(config::Defaults(), "sqlite");
  // A second server on the same store, stopped between Bind and Serve, as a SIGTERM just after
  // `cairn serve` prints its address stops it.
  api::Server server(running.env(), {});
  ASSERT_TRUE(server.Bind("127.0.0.1", 0).ok());
  server.Stop();
  auto served = std::async(std::launch::async, [&] { return server.Serve(); });
  const bool stopped = served.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  if (!stopped) server.Stop();  // serving by now, so this one is heard: the test ends either way
  EXPECT_TRUE(stopped) << "Serve ran on after Stop";
  EXPECT_TRUE(served.get().ok());
}

TEST(Operations, BehindATlsProxyCookiesAreSecureAndTheCallerIsTheForwardedAddress) {
  api::ServerOptions options;
  options.behind_tls_proxy = true;
  TestServer server(config::Defaults(), "sqlite", options);
  // A proxy appends the address it saw; what the caller claimed before it is not trusted.
  auto r = server.Send("POST", "/api/v1/session/login", nullptr,
                       nlohmann::json{{"username", "test-partner"}, {"password", testing::kPassword}}.dump(),
                       {{"X-Forwarded-For", "10.9.9.9, 198.51.100.23"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  const std::string& set_cookie = r.headers.find("Set-Cookie")->second;
  EXPECT_NE(set_cookie.find("Secure"), std::string::npos);
  EXPECT_EQ(set_cookie.rfind("__Host-cairn_session=", 0), 0u);
  EXPECT_EQ(r.headers.count("Strict-Transport-Security"), 1u);
  // The prefixed cookie signs the caller in; the same token under the plain name does not.
  testing::Session signed_in{set_cookie.substr(0, set_cookie.find(';')), r.body["csrf_token"]};
  EXPECT_EQ(server.Get("/api/v1/session/me", &signed_in).status, 200);
  testing::Session tossed{"cairn_session=" + signed_in.cookie.substr(signed_in.cookie.find('=') + 1), signed_in.csrf};
  EXPECT_EQ(server.Get("/api/v1/session/me", &tossed).status, 401);
  std::string source;
  ASSERT_TRUE(server.db().Read([&](storage::Tx& tx) {
    tx.sql() << "SELECT source FROM audit_log WHERE action = 'login' ORDER BY seq DESC LIMIT 1", soci::into(source);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(source, "198.51.100.23");
}

}  // namespace
}  // namespace cairn
