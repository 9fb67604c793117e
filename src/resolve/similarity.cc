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
  // Flags on the stack for the usual short strings (this runs tens of millions of times);
  // the heap only for long text.
  constexpr int kStack = 64;
  char stack_a[kStack] = {}, stack_b[kStack] = {};
  std::vector<char> heap_a, heap_b;
  char* ma = stack_a;
  char* mb = stack_b;
  if (la > kStack) { heap_a.assign(size_t(la), 0); ma = heap_a.data(); }
  if (lb > kStack) { heap_b.assign(size_t(lb), 0); mb = heap_b.data(); }
  int matches = 0;
  for (int i = 0; i < la; ++i) {
    int lo = std::max(0, i - window), hi = std::min(lb - 1, i + window);
    for (int j = lo; j <= hi; ++j) {
      if (!mb[j] && a[size_t(i)] == b[size_t(j)]) {
        ma[i] = mb[j] = 1;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  int transpositions = 0;
  for (int i = 0, j = 0; i < la; ++i) {
    if (!ma[i]) continue;
    while (!mb[j]) ++j;
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
  // Two rows on the stack for short strings, as for Jaro–Winkler.
  constexpr size_t kStack = 64;
  int stack_prev[kStack + 1], stack_cur[kStack + 1];
  std::vector<int> heap_prev, heap_cur;
  int* prev = stack_prev;
  int* cur = stack_cur;
  if (b.size() > kStack) {
    heap_prev.resize(b.size() + 1);
    heap_cur.resize(b.size() + 1);
    prev = heap_prev.data();
    cur = heap_cur.data();
  }
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
