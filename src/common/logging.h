// Where log lines go and in what shape. Text for a person at a terminal; JSON lines (one object
// per line on stdout: time, level, message, and for requests their fields) for journald and log
// shippers. Every module logs through spdlog as before; this only sets its sink and format.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace cairn {

// `format` "text" or "json"; `level` trace, debug, info, warn or error. InvalidArgument for
// anything else.
Status ConfigureLogging(const std::string& format, const std::string& level);

// One answered HTTP request: the access log.
struct RequestLogEntry {
  std::string_view remote;  // the caller's address
  std::string_view method;
  std::string_view path;    // without the query string, which may carry search terms
  int status = 0;
  double seconds = 0;
};
void LogRequest(const RequestLogEntry& entry);

}  // namespace cairn
