#include "procurement/redflags/quantile.h"

#include <algorithm>
#include <cmath>

namespace cairn::procurement::redflags {

double Quantile(std::vector<double>& values, double p) {
  std::sort(values.begin(), values.end());
  double n = double(values.size());
  double h = (n + 1.0 / 3.0) * p + 1.0 / 3.0;
  if (h <= 1) return values.front();
  if (h >= n) return values.back();
  double k = std::floor(h);
  size_t i = size_t(k) - 1;  // the ⌊h⌋-th smallest, 0-based
  return values[i] + (h - k) * (values[i + 1] - values[i]);
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
