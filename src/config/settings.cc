#include "config/settings.h"

#include <toml++/toml.h>

#include <regex>

#include "common/file.h"
#include "embedded/embedded.h"

namespace cairn::config {
namespace {

// Reads table.key as a positive integer into *out, if present.
template <typename Out>
Status ReadPositive(const toml::table& root, const char* table, const char* key,
                    const std::string& source, Out* out) {
  const toml::node* node = root.at_path(std::string(table) + "." + key).node();
  if (node == nullptr) return Status::Ok();
  std::string where = source + ": " + table + "." + key;
  if (node->source().begin.line > 0) where += " (line " + std::to_string(node->source().begin.line) + ")";
  // Integers only: toml++'s conversion of a float such as 1E60 to int64_t overflows (UBSan,
  // found by fuzz_settings), so a float is refused rather than converted.
  const toml::value<int64_t>* v = node->as_integer();
  if (v == nullptr || v->get() <= 0) return InvalidArgument(where + " must be a positive whole number");
  *out = Out(v->get());
  return Status::Ok();
}

// Reads table.key as a string matching `pattern` into *out, if present.
Status ReadString(const toml::table& root, const char* table, const char* key, const std::string& source,
                  const std::regex& pattern, const char* expected, std::string* out) {
  const toml::node* node = root.at_path(std::string(table) + "." + key).node();
  if (node == nullptr) return Status::Ok();
  std::string where = source + ": " + table + "." + key;
  if (node->source().begin.line > 0) where += " (line " + std::to_string(node->source().begin.line) + ")";
  auto v = node->value<std::string>();
  if (!v || !std::regex_match(*v, pattern)) return InvalidArgument(where + " must be " + expected);
  *out = *v;
  return Status::Ok();
}

// Reads table.key as a whole number of days, 0 or more, into *out, if present.
Status ReadDays(const toml::table& root, const char* key, const std::string& source, int* out) {
  const toml::node* node = root.at_path(std::string("retention.") + key).node();
  if (node == nullptr) return Status::Ok();
  const toml::value<int64_t>* v = node->as_integer();  // integers only, as in ReadPositive
  if (v == nullptr || v->get() < 0 || v->get() > 36500) {
    return InvalidArgument(source + ": retention." + key + " (line " + std::to_string(node->source().begin.line) +
                           ") must be a whole number of days from 0 (keep) to 36500");
  }
  *out = int(v->get());
  return Status::Ok();
}

// Reads table.key as a boolean into *out, if present.
Status ReadBool(const toml::table& root, const char* table, const char* key, const std::string& source, bool* out) {
  const toml::node* node = root.at_path(std::string(table) + "." + key).node();
  if (node == nullptr) return Status::Ok();
  auto v = node->value_exact<bool>();
  if (!v) {
    return InvalidArgument(source + ": " + table + "." + key + " (line " + std::to_string(node->source().begin.line) +
                           ") must be true or false");
  }
  *out = *v;
  return Status::Ok();
}

}  // namespace

Settings Defaults() {
  auto text = embedded::Find("config/cairn.toml");
  auto parsed = ParseSettings(std::string(text.value_or("")), "config/cairn.toml");
  return parsed.ok() ? *parsed : Settings{};
}

Result<Settings> ParseSettings(const std::string& text, const std::string& source) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    return InvalidArgument(source + " line " + std::to_string(e.source().begin.line) + ": " +
                           std::string(e.description()));
  }
  Settings s;
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "session", "idle_minutes", source, &s.session_idle));
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "session", "absolute_hours", source, &s.session_absolute));
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "login", "max_failures", source, &s.login_max_failures));
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "login", "window_minutes", source, &s.login_window));
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "login", "lockout_minutes", source, &s.login_lockout));
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "password", "min_length", source, &s.password_min_length));
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "http", "max_body_bytes", source, &s.http_max_body_bytes));
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "http", "threads", source, &s.http_threads));
  static const std::regex kUrl("^smtps?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?$"), kAnything("^.*$"),
      kAddress("^[^@\\s]+@[^@\\s]+$"), kEnvName("^[A-Z_][A-Z0-9_]*$");
  CAIRN_RETURN_IF_ERROR(ReadString(root, "smtp", "url", source, kUrl, "an smtp:// or smtps:// URL with a host", &s.smtp_url));
  CAIRN_RETURN_IF_ERROR(ReadString(root, "smtp", "from", source, kAddress, "an email address", &s.smtp_from));
  CAIRN_RETURN_IF_ERROR(ReadString(root, "smtp", "username", source, kAnything, "a string", &s.smtp_username));
  CAIRN_RETURN_IF_ERROR(ReadString(root, "smtp", "password_env", source, kEnvName,
                                   "the name of an environment variable (A-Z, 0-9, _)", &s.smtp_password_env));
  CAIRN_RETURN_IF_ERROR(ReadBool(root, "smtp", "require_tls", source, &s.smtp_require_tls));
  if (!s.smtp_url.empty() && s.smtp_from.empty()) return InvalidArgument(source + ": smtp.from is needed with smtp.url");
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "smtp", "max_attempts", source, &s.smtp_max_attempts));
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "jobs", "interval_seconds", source, &s.jobs_interval));
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "jobs", "overdue_reminder_days", source, &s.overdue_reminder_days));
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "resources", "max_upload_bytes", source, &s.resources_max_upload_bytes));
  CAIRN_RETURN_IF_ERROR(ReadString(root, "resources", "scan_command", source, kAnything, "a command", &s.resources_scan_command));
  static const std::regex kHost("^[A-Za-z0-9.:-]+$"), kPath("^[^\\0]+$"), kFormat("^(text|json)$"),
      kLevel("^(trace|debug|info|warn|error)$");
  CAIRN_RETURN_IF_ERROR(ReadString(root, "server", "host", source, kHost, "a host name or IP address", &s.server_host));
  CAIRN_RETURN_IF_ERROR(ReadPositive(root, "server", "port", source, &s.server_port));
  if (s.server_port > 65535) return InvalidArgument(source + ": server.port must be at most 65535");
  CAIRN_RETURN_IF_ERROR(ReadString(root, "server", "web_dir", source, kPath, "a folder", &s.server_web_dir));
  CAIRN_RETURN_IF_ERROR(ReadString(root, "server", "tls_cert", source, kPath, "a PEM file", &s.server_tls_cert));
  CAIRN_RETURN_IF_ERROR(ReadString(root, "server", "tls_key", source, kPath, "a PEM file", &s.server_tls_key));
  if (s.server_tls_cert.empty() != s.server_tls_key.empty()) {
    return InvalidArgument(source + ": server.tls_cert and server.tls_key go together");
  }
  CAIRN_RETURN_IF_ERROR(ReadBool(root, "server", "behind_tls_proxy", source, &s.server_behind_tls_proxy));
  CAIRN_RETURN_IF_ERROR(ReadString(root, "database", "url", source, kPath, "a SQLite file or a postgresql:// URL", &s.database_url));
  CAIRN_RETURN_IF_ERROR(ReadString(root, "log", "format", source, kFormat, "\"text\" or \"json\"", &s.log_format));
  CAIRN_RETURN_IF_ERROR(ReadString(root, "log", "level", source, kLevel, "trace, debug, info, warn or error", &s.log_level));
  CAIRN_RETURN_IF_ERROR(ReadString(root, "metrics", "token_env", source, kEnvName,
                                   "the name of an environment variable (A-Z, 0-9, _)", &s.metrics_token_env));
  CAIRN_RETURN_IF_ERROR(ReadDays(root, "sessions_days", source, &s.retention_sessions_days));
  CAIRN_RETURN_IF_ERROR(ReadDays(root, "notifications_days", source, &s.retention_notifications_days));
  CAIRN_RETURN_IF_ERROR(ReadDays(root, "emails_days", source, &s.retention_emails_days));
  CAIRN_RETURN_IF_ERROR(ReadDays(root, "closed_tasks_days", source, &s.retention_closed_tasks_days));
  CAIRN_RETURN_IF_ERROR(ReadDays(root, "closed_divert_days", source, &s.retention_closed_divert_days));
  CAIRN_RETURN_IF_ERROR(ReadDays(root, "audit_log_days", source, &s.retention_audit_log_days));
  CAIRN_RETURN_IF_ERROR(ReadDays(root, "intelligence_review_grace_days", source, &s.retention_intelligence_review_grace_days));
  static const std::regex kTimeOfDay("^([01][0-9]|2[0-3]):[0-5][0-9]$");
  CAIRN_RETURN_IF_ERROR(ReadString(root, "retention", "run_at", source, kTimeOfDay, "a time of day, HH:MM (UTC)",
                                   &s.retention_run_at));
  if (s.retention_audit_log_days > 0) {
    // The audit trail must outlive what it is about: a record kept indefinitely (0) needs an
    // audit log kept indefinitely too.
    for (auto [key, days] : {std::pair{"sessions_days", s.retention_sessions_days},
                             std::pair{"notifications_days", s.retention_notifications_days},
                             std::pair{"emails_days", s.retention_emails_days},
                             std::pair{"closed_tasks_days", s.retention_closed_tasks_days},
                             std::pair{"closed_divert_days", s.retention_closed_divert_days}}) {
      if (days == 0 || days >= s.retention_audit_log_days) {
        return InvalidArgument(source + ": retention.audit_log_days must be longer than retention." + key +
                               " (the audit log is kept longest; 0 keeps it indefinitely)");
      }
    }
  }
  static const std::regex kPrefix("^360G-[A-Za-z0-9]+$");
  CAIRN_RETURN_IF_ERROR(ReadString(root, "grants", "publisher_prefix", source, kPrefix,
                                   "\"360G-\" followed by letters and digits", &s.grants_publisher_prefix));
  return s;
}

Result<Settings> LoadSettings(const std::string& path) {
  if (path.empty()) return Defaults();
  CAIRN_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path, "configuration file"));
  return ParseSettings(text, path);
}

}  // namespace cairn::config
