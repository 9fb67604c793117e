#include "api/metrics.h"

#include <cmath>
#include <cstdio>

namespace cairn::api {
namespace {

std::string EscapeLabel(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string FormatValue(double v) {
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[32];
  if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

HttpMetrics& HttpMetrics::Global() {
  static HttpMetrics* metrics = new HttpMetrics();  // never destroyed: worker threads may outlive main
  return *metrics;
}

void HttpMetrics::Observe(std::string_view method, std::string_view route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{std::string(method), std::string(route), status}];
  Histogram& h = latency_[std::string(route)];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
  if (status >= 500) ++server_errors_;
}

void AppendHeader(std::string* out, std::string_view name, std::string_view type, std::string_view help) {
  *out += "# HELP ";
  *out += name;
  *out += ' ';
  *out += help;
  *out += "\n# TYPE ";
  *out += name;
  *out += ' ';
  *out += type;
  *out += '\n';
}

void AppendSample(std::string* out, std::string_view name,
                  std::initializer_list<std::pair<std::string_view, std::string_view>> labels, double value) {
  *out += name;
  if (labels.size() > 0) {
    *out += '{';
    bool first = true;
    for (const auto& [k, v] : labels) {
      if (!first) *out += ',';
      first = false;
      *out += k;
      *out += "=\"";
      *out += EscapeLabel(v);
      *out += '"';
    }
    *out += '}';
  }
  *out += ' ';
  *out += FormatValue(value);
  *out += '\n';
}

void HttpMetrics::Render(std::string* out) const {
  std::lock_guard<std::mutex> lock(mu_);
  AppendHeader(out, "cairn_http_requests_total", "counter", "HTTP requests answered, by method, route and status.");
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    AppendSample(out, "cairn_http_requests_total",
                 {{"method", method}, {"route", route}, {"status", std::to_string(status)}}, double(n));
  }
  AppendHeader(out, "cairn_http_server_errors_total", "counter", "HTTP requests answered with a 5xx status.");
  AppendSample(out, "cairn_http_server_errors_total", {}, double(server_errors_));
  AppendHeader(out, "cairn_http_request_duration_seconds", "histogram",
               "Time from reading a request to writing its answer, by route.");
  for (const auto& [route, h] : latency_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.buckets[i];
      AppendSample(out, "cairn_http_request_duration_seconds_bucket", {{"route", route}, {"le", FormatValue(kBuckets[i])}},
                   double(cumulative));
    }
    AppendSample(out, "cairn_http_request_duration_seconds_bucket", {{"route", route}, {"le", "+Inf"}}, double(h.count));
    AppendSample(out, "cairn_http_request_duration_seconds_sum", {{"route", route}}, h.sum);
    AppendSample(out, "cairn_http_request_duration_seconds_count", {{"route", route}}, double(h.count));
  }
}

}  // namespace cairn::api
