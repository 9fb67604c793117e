#include "common/time.h"

#include <gtest/gtest.h>

namespace cairn {
namespace {

TEST(Time, FormatsAndParsesRoundTrip) {
  auto t = ParseTimestamp("2026-11-22T05:09:02.123Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatTimestamp(*t), "2026-11-22T05:09:02.123Z");
}

TEST(Time, AcceptsADateAlone) {
  auto t = ParseTimestamp("2026-02-01");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatTimestamp(*t), "2026-02-01T00:00:00.000Z");
}

TEST(Time, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseTimestamp("2026-02-30").ok());
  EXPECT_FALSE(ParseTimestamp("yesterday").ok());
  EXPECT_FALSE(ParseTimestamp("2026-13-01T00:00:00Z").ok());
}

}  // namespace
}  // namespace cairn
