// Dates as day numbers, for the indicators' windows.
#pragma once

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

namespace cairn::risk::internal {

// Days since 1970-01-01 of a date written YYYY-MM-DD (anything after the tenth character, such
// as an RFC 3339 time, is ignored), or nullopt.
inline std::optional<int> Day(const std::string& text) {
  int y = 0, m = 0, d = 0;
  if (text.size() < 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)}, std::chrono::day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  return int(std::chrono::sys_days(ymd).time_since_epoch().count());
}

}  // namespace cairn::risk::internal
