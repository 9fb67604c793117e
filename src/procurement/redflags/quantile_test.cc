#include "procurement/redflags/quantile.h"

#include <gtest/gtest.h>

namespace cairn::procurement::redflags {
namespace {

// Reference values: R's quantile(x, p, type = 8).
TEST(Quantile, MatchesHyndmanFanType8) {
  std::vector<double> x = {5, 1, 4, 2, 3};
  EXPECT_NEAR(Quantile(x, 0.25), 1.0 + 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(Quantile(x, 0.5), 3.0, 1e-12);
  EXPECT_NEAR(Quantile(x, 0.75), 4.0 + 1.0 / 3.0, 1e-12);
  std::vector<double> y = {0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8};
  EXPECT_NEAR(Quantile(y, 0.9), 6.4 + (5.0 / 6.0) * 6.4, 1e-9);  // h = 7.8333
}

TEST(Quantile, ClampsToTheExtremes) {
  std::vector<double> x = {7, 3};
  EXPECT_EQ(Quantile(x, 0.0), 3);
  EXPECT_EQ(Quantile(x, 0.25), 3);
  EXPECT_EQ(Quantile(x, 1.0), 7);
  std::vector<double> one = {4};
  EXPECT_EQ(Quantile(one, 0.75), 4);
}

TEST(TukeyFences, AreOneAndAHalfInterquartileRangesOut) {
  std::vector<double> x = {1, 2, 3, 4, 5};
  Fences f = TukeyFences(x);
  double iqr = f.q3 - f.q1;
  EXPECT_NEAR(iqr, 8.0 / 3.0, 1e-12);
  EXPECT_NEAR(f.lower, f.q1 - 1.5 * iqr, 1e-12);
  EXPECT_NEAR(f.upper, f.q3 + 1.5 * iqr, 1e-12);
}

}  // namespace
}  // namespace cairn::procurement::redflags
