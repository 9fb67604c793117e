// The HTTP server's own measurements for Prometheus: requests answered by route, method and
// status, and a latency histogram per route. Process-wide (Prometheus scrapes a process) and
// thread-safe. The metrics endpoint (handlers/meta.cc) adds process and queue figures.
//
// Written by hand: Debian 12 packages no Prometheus client library for C++, and the text
// exposition format is a few lines.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace cairn::api {

class HttpMetrics {
 public:
  static HttpMetrics& Global();

  // `route` is the route's template (/api/v1/tasks/{id}), never the raw path, so the number of
  // series stays bounded whatever callers send.
  void Observe(std::string_view method, std::string_view route, int status, double seconds);

  // Appends every series in Prometheus's text exposition format (version 0.0.4).
  void Render(std::string* out) const;

  static constexpr std::array<double, 11> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                      0.5,   1,    2.5,   5,    10};

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};  // cumulative counts are formed on rendering
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;  // method, route, status
  std::map<std::string, Histogram> latency_;                                 // route
  uint64_t server_errors_ = 0;
};

// Appends one sample line: name{labels} value. `labels` are name/value pairs, escaped here.
void AppendSample(std::string* out, std::string_view name,
                  std::initializer_list<std::pair<std::string_view, std::string_view>> labels, double value);
// Appends the # HELP and # TYPE lines for a metric.
void AppendHeader(std::string* out, std::string_view name, std::string_view type, std::string_view help);

}  // namespace cairn::api
