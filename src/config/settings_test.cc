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

}  // namespace
}  // namespace cairn::config
