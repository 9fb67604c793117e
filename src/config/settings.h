// Runtime settings, read from TOML (config/cairn.toml is the documented default and is
// embedded in the binary). Configuration is data: thresholds live there, not in code.
#pragma once

#include <chrono>
#include <string>

#include "common/status.h"

namespace cairn::config {

struct Settings {
  std::chrono::minutes session_idle{30};
  std::chrono::hours session_absolute{8};
  int login_max_failures = 5;
  std::chrono::minutes login_window{15};
  std::chrono::minutes login_lockout{15};
  size_t password_min_length = 12;
  size_t http_max_body_bytes = 1 << 20;
  int http_threads = 8;
  // The 360Giving publisher prefix ("360G-" and the publisher's code) that begins every grant
  // identifier in the open-data export, and names organisations with no org-id.guide identifier.
  std::string grants_publisher_prefix = "360G-cairn";

  // Sending the email outbox. No URL: emails are kept in the outbox, unsent, for an admin to read.
  std::string smtp_url;            // "smtps://mail.example.org" or "smtp://mail.example.org:587"
  std::string smtp_from;           // the sender's address
  std::string smtp_username;       // "" to send without signing in
  std::string smtp_password_env;   // the environment variable that holds the password (never the file)
  bool smtp_require_tls = true;    // smtp:// must upgrade with STARTTLS or the email is not sent
  int smtp_max_attempts = 5;       // after this many failures an email is left unsent, with its error
  std::chrono::seconds jobs_interval{60};  // how often cairn serve sends the outbox and checks for overdue tasks
  int overdue_reminder_days = 7;   // an overdue task's owner is reminded at most this often

  // The resource library (engine/library.h).
  size_t resources_max_upload_bytes = 10 << 20;
  std::string resources_scan_command;  // e.g. "clamdscan --no-summary": run on each upload, 0 = clean
};

// The embedded defaults.
Settings Defaults();

// Defaults overlaid with the keys present in the TOML `text`. InvalidArgument naming the
// source, line and key for a syntax error, a wrong type or an out-of-range value.
Result<Settings> ParseSettings(const std::string& text, const std::string& source_name);

// Reads and parses `path`. An empty path yields Defaults().
Result<Settings> LoadSettings(const std::string& path);

}  // namespace cairn::config
