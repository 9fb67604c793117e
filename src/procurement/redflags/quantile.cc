#include "procurement/redflags/quantile.h"

#include <algorithm>
#include <cmath>

namespace cairn::procurement::redflags {

double Quantile(std::vector<double>& values, double p) {
  // Two order statistics by selection, not a sort: a million values take milliseconds.
  double n = double(values.size());
  double h = (n + 1.0 / 3.0) * p + 1.0 / 3.0;
  if (h <= 1) return *std::min_element(values.begin(), values.end());
  if (h >= n) return *std::max_element(values.begin(), values.end());
  double k = std::floor(h);
  auto i = values.begin() + long(k) - 1;  // the ⌊h⌋-th smallest
  std::nth_element(values.begin(), i, values.end());
  double next = *std::min_element(i + 1, values.end());
  return *i + (h - k) * (next - *i);
}

Fences TukeyFences(std::vector<double>& values) {
  Fences f;
  f.q1 = Quantile(values, 0.25);
  f.q3 = Quantile(values, 0.75);
  double iqr = f.q3 - f.q1;
  f.lower = f.q1 - 1.5 * iqr;
  f.upper = f.q3 + 1.5 * iqr;
  return f;
}

}  // namespace cairn::procurement::redflags
