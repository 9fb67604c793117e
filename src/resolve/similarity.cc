#include "resolve/similarity.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace cairn::resolve {

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  const int la = int(a.size()), lb = int(b.size());
  const int window = std::max(0, std::max(la, lb) / 2 - 1);
  // Small fixed buffers: names and identifiers are short; longer text uses the heap.
  std::vector<char> ma(size_t(la), 0), mb(size_t(lb), 0);
  int matches = 0;
  for (int i = 0; i < la; ++i) {
    int lo = std::max(0, i - window), hi = std::min(lb - 1, i + window);
    for (int j = lo; j <= hi; ++j) {
      if (!mb[size_t(j)] && a[size_t(i)] == b[size_t(j)]) {
        ma[size_t(i)] = mb[size_t(j)] = 1;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  int transpositions = 0;
  for (int i = 0, j = 0; i < la; ++i) {
    if (!ma[size_t(i)]) continue;
    while (!mb[size_t(j)]) ++j;
    if (a[size_t(i)] != b[size_t(j)]) ++transpositions;
    ++j;
  }
  double m = matches;
  double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
  int prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[size_t(prefix)] == b[size_t(prefix)]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

int BoundedEditDistance(std::string_view a, std::string_view b, int limit) {
  if (std::abs(int(a.size()) - int(b.size())) > limit) return limit + 1;
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = int(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = int(i);
    int row_min = cur[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], limit + 1);
}

std::string Soundex(std::string_view word) {
  static const char kCodes[] = "01230120022455012623010202";  // a..z
  std::string out;
  char last = 0;
  for (unsigned char c : word) {
    if (!std::isalpha(c)) continue;
    c = static_cast<unsigned char>(std::tolower(c));
    char code = kCodes[c - 'a'];
    if (out.empty()) {
      out += char(std::toupper(c));
      last = code;
      continue;
    }
    if (code != '0' && code != last) out += code;
    if (c != 'h' && c != 'w') last = code;
    if (out.size() == 4) break;
  }
  if (!out.empty()) out.resize(4, '0');
  return out;
}

}  // namespace cairn::resolve
