// The statistics Cardinal's fence-based indicators use: Hyndman–Fan type 8 quantiles and Tukey
// fences. Hand-written: a dozen lines, and no packaged library offers type 8 exactly.
#pragma once

#include <vector>

namespace cairn::procurement::redflags {

// The p-quantile (0 ≤ p ≤ 1) of `values` by Hyndman–Fan type 8: h = (n + 1/3)·p + 1/3, linear
// interpolation between the ⌊h⌋-th and (⌊h⌋+1)-th smallest (1-based), clamped to the minimum
// and maximum. REQUIRES: `values` is not empty. Reorders `values`.
double Quantile(std::vector<double>& values, double p);

struct Fences {
  double q1 = 0, q3 = 0;
  double lower = 0;  // Q1 − 1.5·IQR
  double upper = 0;  // Q3 + 1.5·IQR
};

// REQUIRES: `values` is not empty. Reorders `values`.
Fences TukeyFences(std::vector<double>& values);

}  // namespace cairn::procurement::redflags
