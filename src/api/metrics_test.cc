#include "api/metrics.h"

#include <gtest/gtest.h>

namespace cairn::api {
namespace {

TEST(HttpMetrics, RendersCountersAndCumulativeBuckets) {
  HttpMetrics m;
  m.Observe("GET", "/api/v1/tasks", 200, 0.003);
  m.Observe("GET", "/api/v1/tasks", 200, 0.2);
  m.Observe("GET", "/api/v1/tasks", 500, 20);
  std::string out;
  m.Render(&out);
  EXPECT_NE(out.find("# TYPE cairn_http_requests_total counter\n"), std::string::npos);
  EXPECT_NE(out.find("cairn_http_requests_total{method=\"GET\",route=\"/api/v1/tasks\",status=\"200\"} 2\n"),
            std::string::npos) << out;
  EXPECT_NE(out.find("cairn_http_requests_total{method=\"GET\",route=\"/api/v1/tasks\",status=\"500\"} 1\n"),
            std::string::npos);
  EXPECT_NE(out.find("cairn_http_server_errors_total 1\n"), std::string::npos);
  // Buckets are cumulative: 1 at 5 ms, 2 from 250 ms, all 3 only at +Inf.
  EXPECT_NE(out.find("_bucket{route=\"/api/v1/tasks\",le=\"0.005\"} 1\n"), std::string::npos) << out;
  EXPECT_NE(out.find("_bucket{route=\"/api/v1/tasks\",le=\"0.1\"} 1\n"), std::string::npos);
  EXPECT_NE(out.find("_bucket{route=\"/api/v1/tasks\",le=\"0.25\"} 2\n"), std::string::npos);
  EXPECT_NE(out.find("_bucket{route=\"/api/v1/tasks\",le=\"10\"} 2\n"), std::string::npos);
  EXPECT_NE(out.find("_bucket{route=\"/api/v1/tasks\",le=\"+Inf\"} 3\n"), std::string::npos);
  EXPECT_NE(out.find("cairn_http_request_duration_seconds_count{route=\"/api/v1/tasks\"} 3\n"), std::string::npos);
}

TEST(HttpMetrics, EscapesLabelValues) {
  std::string out;
  AppendSample(&out, "x", {{"route", "a\"b\\c\nd"}}, 1.5);
  EXPECT_EQ(out, "x{route=\"a\\\"b\\\\c\\nd\"} 1.5\n");
}

}  // namespace
}  // namespace cairn::api
