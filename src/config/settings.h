// Runtime settings, read from TOML (config/cairn.toml is the documented default and is
// embedded in the binary). Configuration is data: thresholds live there, not in code.
#pragma once

#include <chrono>
#include <string>

#include "common/status.h"

namespace cairn::config {

struct Settings {
  // [server]: where `cairn serve` listens and what it serves. Its command-line flags and CAIRN_*
  // environment variables win over these (docs/deploy.md).
  std::string server_host = "127.0.0.1";
  int server_port = 8080;
  std::string server_web_dir = "web/dist";
  std::string server_tls_cert;  // PEM files; both set → HTTPS
  std::string server_tls_key;
  // A TLS-terminating proxy (nginx…) on this host forwards to Cairn: cookies are Secure, HSTS is
  // sent, and the caller's address is taken from X-Forwarded-For. Needed to listen on a
  // non-loopback address without TLS.
  bool server_behind_tls_proxy = false;
  // [database] url: the store when neither --db nor CAIRN_DB is given.
  std::string database_url;
  // [log]: "text" for people at a terminal, "json" for one JSON object per line (journald, a
  // log shipper). level: trace, debug, info, warn, error.
  std::string log_format = "text";
  std::string log_level = "info";
  // [metrics] token_env: the environment variable holding the bearer token Prometheus sends to
  // /api/v1/metrics. Empty: metrics answer only direct loopback callers.
  std::string metrics_token_env;

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

  // [retention] (engine/retention.h): days each kind of record is kept after the event named,
  // then deleted or anonymised by the daily job; 0 keeps it indefinitely. The audit log is kept
  // longest: audit_log_days is 0 or longer than every other period (checked on loading).
  int retention_sessions_days = 30;           // after a session expires
  int retention_notifications_days = 365;     // after a notification is read
  int retention_emails_days = 90;             // after an email is sent
  int retention_closed_tasks_days = 2190;     // after a task is done or declined (anonymised)
  int retention_closed_divert_days = 1095;    // after a Divert case is closed (anonymised)
  int retention_audit_log_days = 0;           // after the entry was written
  int retention_intelligence_review_grace_days = 30;  // past review by this long: reported, never deleted
  std::string retention_run_at = "02:00";             // HH:MM, UTC: when cairn serve applies the rules each day

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
