#include "common/logging.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cmath>
#include <ctime>
#include <nlohmann/json.hpp>

namespace cairn {
namespace {

std::atomic<bool> g_json{false};
// Fields the next line on this thread carries besides its message (set by LogRequest; spdlog's
// default logger formats on the calling thread).
thread_local const nlohmann::ordered_json* t_fields = nullptr;

// spdlog has no JSON output of its own: this formatter writes each message as one JSON object,
// escaped by nlohmann::json so no message can break the line apart.
class JsonFormatter : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    nlohmann::ordered_json line = nlohmann::ordered_json::object();
    auto since = msg.time.time_since_epoch();
    std::time_t secs = std::chrono::duration_cast<std::chrono::seconds>(since).count();
    int millis = int(std::chrono::duration_cast<std::chrono::milliseconds>(since).count() % 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char stamp[40];
    std::size_t n = std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(stamp + n, sizeof stamp - n, ".%03dZ", millis);
    line["time"] = stamp;
    auto level = spdlog::level::to_string_view(msg.level);
    line["level"] = std::string(level.data(), level.size());
    line["message"] = std::string(msg.payload.data(), msg.payload.size());
    if (t_fields != nullptr) {
      for (const auto& [k, v] : t_fields->items()) line[k] = v;
    }
    std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    dest.append(text.data(), text.data() + text.size());
    dest.push_back('\n');
  }
  std::unique_ptr<spdlog::formatter> clone() const override { return std::make_unique<JsonFormatter>(); }
};

}  // namespace

Status ConfigureLogging(const std::string& format, const std::string& level) {
  spdlog::level::level_enum lvl = spdlog::level::from_str(level);
  if (lvl == spdlog::level::off && level != "off") {
    return InvalidArgument("unknown log level \"" + level + "\" (trace, debug, info, warn or error)");
  }
  if (format == "json") {
    auto logger = std::make_shared<spdlog::logger>("cairn", std::make_shared<spdlog::sinks::stdout_sink_mt>());
    logger->set_formatter(std::make_unique<JsonFormatter>());
    logger->flush_on(spdlog::level::trace);  // a line per event, also when stdout is a pipe
    spdlog::set_default_logger(logger);
    g_json = true;
  } else if (format == "text") {
    spdlog::set_default_logger(
        std::make_shared<spdlog::logger>("cairn", std::make_shared<spdlog::sinks::stdout_color_sink_mt>()));
    g_json = false;
  } else {
    return InvalidArgument("unknown log format \"" + format + "\" (text or json)");
  }
  spdlog::set_level(lvl);
  return Status::Ok();
}

void LogRequest(const RequestLogEntry& e) {
  if (!g_json) {
    spdlog::info("{} {} {} {} {:.1f} ms", e.remote, e.method, e.path, e.status, e.seconds * 1000);
    return;
  }
  nlohmann::ordered_json fields = {{"remote", e.remote},
                                   {"method", e.method},
                                   {"path", e.path},
                                   {"status", e.status},
                                   {"duration_ms", std::round(e.seconds * 1e6) / 1e3}};
  t_fields = &fields;
  spdlog::info("request");
  t_fields = nullptr;
}

}  // namespace cairn
