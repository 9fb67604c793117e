#include "config/settings.h"

#include <gtest/gtest.h>

namespace cairn::config {
namespace {

TEST(Settings, EmbeddedDefaultsMatchTheDocumentedFile) {
  Settings s = Defaults();
  EXPECT_EQ(s.session_idle, std::chrono::minutes(30));
  EXPECT_EQ(s.session_absolute, std::chrono::hours(8));
  EXPECT_EQ(s.login_max_failures, 5);
  EXPECT_EQ(s.http_max_body_bytes, 1u << 20);
}

TEST(Settings, OverridesOnlyTheKeysGiven) {
  auto s = ParseSettings("[session]\nidle_minutes = 5\n", "test.toml");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->session_idle, std::chrono::minutes(5));
  EXPECT_EQ(s->session_absolute, std::chrono::hours(8));
}

TEST(Settings, BadValuesNameTheFileAndKey) {
  auto s = ParseSettings("[login]\nmax_failures = -1\n", "site.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("site.toml"), std::string::npos);
  EXPECT_NE(s.status().message().find("login.max_failures"), std::string::npos);
  // A number too large for any integer, written as a float, is refused, not converted.
  auto huge = ParseSettings("[resources]\nmax_upload_bytes = 104857E60\n", "site.toml");
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.status().message().find("resources.max_upload_bytes"), std::string::npos);
  EXPECT_FALSE(ParseSettings("[retention]\nemails_days = 1E300\n", "site.toml").ok());
  auto broken = ParseSettings("[login\n", "site.toml");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("line 1"), std::string::npos);
}

TEST(Settings, SmtpAndGrantsSettingsAreChecked) {
  auto ok = ParseSettings("[smtp]\nurl = \"smtps://mail.example.org:465\"\nfrom = \"cairn@example.org\"\n"
                          "password_env = \"CAIRN_SMTP_PASSWORD\"\nrequire_tls = false\n", "site.toml");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->smtp_url, "smtps://mail.example.org:465");
  EXPECT_FALSE(ok->smtp_require_tls);
  EXPECT_EQ(Defaults().smtp_url, "") << "no SMTP unless configured";
  EXPECT_EQ(Defaults().grants_publisher_prefix, "360G-cairn");
  for (const char* bad : {"[smtp]\nurl = \"http://mail.example.org\"\nfrom = \"a@b\"\n",
                          "[smtp]\nurl = \"smtp://mail.example.org\"\n",
                          "[smtp]\npassword_env = \"the password itself\"\n",
                          "[smtp]\nrequire_tls = \"yes\"\n",
                          "[grants]\npublisher_prefix = \"cairn\"\n"}) {
    auto s = ParseSettings(bad, "site.toml");
    EXPECT_FALSE(s.ok()) << bad;
    if (!s.ok()) EXPECT_NE(s.status().message().find("site.toml"), std::string::npos) << s.status().message();
  }
}

TEST(Settings, DeploymentSettingsAreReadAndChecked) {
  Settings d = Defaults();
  EXPECT_EQ(d.server_host, "127.0.0.1");
  EXPECT_EQ(d.server_port, 8080);
  EXPECT_FALSE(d.server_behind_tls_proxy);
  EXPECT_EQ(d.log_format, "text");
  EXPECT_EQ(d.database_url, "") << "the store comes from --db unless a deployment names one";
  auto ok = ParseSettings("[server]\nhost = \"0.0.0.0\"\nport = 8443\nweb_dir = \"/usr/share/cairn/web\"\n"
                          "tls_cert = \"/etc/cairn/cert.pem\"\ntls_key = \"/etc/cairn/key.pem\"\n"
                          "behind_tls_proxy = true\n[database]\nurl = \"postgresql://cairn@localhost/cairn\"\n"
                          "[log]\nformat = \"json\"\nlevel = \"warn\"\n[metrics]\ntoken_env = \"CAIRN_METRICS_TOKEN\"\n",
                          "site.toml");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->server_host, "0.0.0.0");
  EXPECT_EQ(ok->server_port, 8443);
  EXPECT_EQ(ok->server_web_dir, "/usr/share/cairn/web");
  EXPECT_EQ(ok->server_tls_key, "/etc/cairn/key.pem");
  EXPECT_TRUE(ok->server_behind_tls_proxy);
  EXPECT_EQ(ok->database_url, "postgresql://cairn@localhost/cairn");
  EXPECT_EQ(ok->log_format, "json");
  EXPECT_EQ(ok->log_level, "warn");
  EXPECT_EQ(ok->metrics_token_env, "CAIRN_METRICS_TOKEN");
  for (const char* bad : {"[server]\nport = 70000\n", "[server]\nport = \"80\"\n", "[server]\nhost = \"a b\"\n",
                          "[server]\ntls_cert = \"c.pem\"\n", "[server]\nbehind_tls_proxy = 1\n",
                          "[log]\nformat = \"xml\"\n", "[log]\nlevel = \"loud\"\n",
                          "[metrics]\ntoken_env = \"the token itself\"\n"}) {
    auto s = ParseSettings(bad, "site.toml");
    EXPECT_FALSE(s.ok()) << bad;
    if (!s.ok()) EXPECT_NE(s.status().message().find("site.toml"), std::string::npos) << s.status().message();
  }
}

TEST(Settings, RetentionRunsAtAGivenTimeOfDay) {
  EXPECT_EQ(Defaults().retention_run_at, "02:00");
  auto late = ParseSettings("[retention]\nrun_at = \"23:30\"\n", "site.toml");
  ASSERT_TRUE(late.ok()) << late.status().ToString();
  EXPECT_EQ(late->retention_run_at, "23:30");
  for (const char* bad : {"[retention]\nrun_at = \"24:00\"\n", "[retention]\nrun_at = \"2:00\"\n",
                          "[retention]\nrun_at = 200\n", "[retention]\nrun_at = \"02:60\"\n"}) {
    auto s = ParseSettings(bad, "site.toml");
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_NE(s.status().message().find("site.toml: retention.run_at (line 2) must be a time of day"), std::string::npos)
        << s.status().message();
  }
}

TEST(Settings, RetentionKeepsTheAuditLogLongest) {
  Settings d = Defaults();
  EXPECT_EQ(d.retention_audit_log_days, 0) << "the audit log is kept indefinitely by default";
  EXPECT_GT(d.retention_closed_tasks_days, 0);
  auto ok = ParseSettings("[retention]\nclosed_tasks_days = 0\nemails_days = 30\n", "site.toml");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->retention_closed_tasks_days, 0);
  EXPECT_EQ(ok->retention_emails_days, 30);
  auto longest = ParseSettings("[retention]\naudit_log_days = 3650\n", "site.toml");
  ASSERT_TRUE(longest.ok()) << longest.status().ToString();
  auto shorter = ParseSettings("[retention]\naudit_log_days = 1000\n", "site.toml");
  ASSERT_FALSE(shorter.ok()) << "shorter than closed_tasks_days (2190)";
  EXPECT_NE(shorter.status().message().find("retention.audit_log_days must be longer than retention.closed_tasks_days"),
            std::string::npos) << shorter.status().message();
  auto forever = ParseSettings("[retention]\naudit_log_days = 3650\nclosed_divert_days = 0\n", "site.toml");
  EXPECT_FALSE(forever.ok()) << "a record kept indefinitely needs its audit trail kept indefinitely";
  for (const char* bad : {"[retention]\nemails_days = -1\n", "[retention]\nemails_days = \"30\"\n",
                          "[retention]\nemails_days = 1.5\n"}) {
    auto s = ParseSettings(bad, "site.toml");
    EXPECT_FALSE(s.ok()) << bad;
    if (!s.ok()) EXPECT_NE(s.status().message().find("retention.emails_days"), std::string::npos);
  }
}

}  // namespace
}  // namespace cairn::config
