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
};

// The embedded defaults.
Settings Defaults();

// Defaults overlaid with the keys present in the TOML `text`. InvalidArgument naming the
// source, line and key for a syntax error, a wrong type or an out-of-range value.
Result<Settings> ParseSettings(const std::string& text, const std::string& source_name);

// Reads and parses `path`. An empty path yields Defaults().
Result<Settings> LoadSettings(const std::string& path);

}  // namespace cairn::config
