#include "common/logging.h"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace cairn {
namespace {

std::vector<nlohmann::json> Lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    EXPECT_TRUE(nlohmann::json::accept(line)) << "not one JSON object per line: " << line;
    if (nlohmann::json::accept(line)) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

TEST(Logging, JsonFormatWritesOneEscapedObjectPerLine) {
  ASSERT_TRUE(ConfigureLogging("json", "info").ok());
  ::testing::internal::CaptureStdout();
  spdlog::info("a \"quoted\" message\nwith a second line and a tab\t");
  spdlog::debug("below the level: not written");
  LogRequest({"10.0.0.7", "POST", "/api/v1/tasks", 201, 0.0125});
  std::string text = ::testing::internal::GetCapturedStdout();
  ASSERT_TRUE(ConfigureLogging("text", "info").ok());
  auto lines = Lines(text);
  ASSERT_EQ(lines.size(), 2u) << text;
  EXPECT_EQ(lines[0]["level"], "info");
  EXPECT_EQ(lines[0]["message"], "a \"quoted\" message\nwith a second line and a tab\t");
  EXPECT_TRUE(lines[0]["time"].get<std::string>().ends_with("Z"));
  EXPECT_EQ(lines[1]["message"], "request");
  EXPECT_EQ(lines[1]["method"], "POST");
  EXPECT_EQ(lines[1]["path"], "/api/v1/tasks");
  EXPECT_EQ(lines[1]["status"], 201);
  EXPECT_EQ(lines[1]["remote"], "10.0.0.7");
  EXPECT_DOUBLE_EQ(lines[1]["duration_ms"].get<double>(), 12.5);
}

TEST(Logging, TextFormatIsForPeople) {
  ASSERT_TRUE(ConfigureLogging("text", "info").ok());
  ::testing::internal::CaptureStdout();
  LogRequest({"127.0.0.1", "GET", "/api/v1/health", 200, 0.001});
  std::string text = ::testing::internal::GetCapturedStdout();
  EXPECT_NE(text.find("127.0.0.1 GET /api/v1/health 200 1.0 ms"), std::string::npos) << text;
  EXPECT_FALSE(nlohmann::json::accept(text));
}

TEST(Logging, UnknownFormatOrLevelIsRefused) {
  EXPECT_FALSE(ConfigureLogging("xml", "info").ok());
  EXPECT_FALSE(ConfigureLogging("text", "loud").ok());
  ASSERT_TRUE(ConfigureLogging("text", "info").ok());
}

}  // namespace
}  // namespace cairn
