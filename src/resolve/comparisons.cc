#include "resolve/comparisons.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "resolve/normalise.h"
#include "resolve/similarity.h"

namespace cairn::resolve {
namespace {

// Names: exact, close (typo), similar, different. A given name found in the other record's
// surname (or the reverse) counts as close: registers swap them.
uint8_t CompareName(const Record& a, const Record& b, Role role) {
  const std::string_view x = a[role];
  const std::string_view y = b[role];
  if (x.empty() || y.empty()) return kMissing;
  if (x == y) return 3;
  double jw = JaroWinkler(x, y);
  if (jw >= 0.92) return 2;
  Role other = role == Role::kGivenName ? Role::kSurname : role == Role::kSurname ? Role::kGivenName : role;
  if (other != role && !a[other].empty() && (x == b[other] || a[other] == y)) return 2;
  if (jw >= 0.80) return 1;
  return 0;
}

// Free text (addresses): exact, near-identical, sharing most words, different.
uint8_t CompareText(const Record& a, const Record& b, Role role) {
  const std::string_view x = a[role];
  const std::string_view y = b[role];
  if (x.empty() || y.empty()) return kMissing;
  if (x == y) return 3;
  if (JaroWinkler(x, y) >= 0.92) return 2;
  // Jaccard similarity of the word sets, on views into the strings (no copies).
  auto words = [](std::string_view s) {
    std::vector<std::string_view> out;
    for (size_t i = 0; i < s.size();) {
      size_t j = s.find(' ', i);
      if (j == std::string_view::npos) j = s.size();
      if (j > i) out.push_back(s.substr(i, j - i));
      i = j + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  auto wx = words(x), wy = words(y);
  std::vector<std::string_view> common;
  std::set_intersection(wx.begin(), wx.end(), wy.begin(), wy.end(), std::back_inserter(common));
  size_t all = wx.size() + wy.size() - common.size();
  return all > 0 && double(common.size()) / double(all) >= 0.5 ? 1 : 0;
}

// Identifiers: exact, one edit away (a typo), different.
uint8_t CompareCode(const Record& a, const Record& b, Role role) {
  const std::string_view x = a[role];
  const std::string_view y = b[role];
  if (x.empty() || y.empty()) return kMissing;
  if (x == y) return 2;
  return BoundedEditDistance(x, y, 1) <= 1 ? 1 : 0;
}

// Dates as YYYYMMDD: exact, one digit off or day and month swapped, same year, different.
uint8_t CompareDate(const Record& a, const Record& b, Role role) {
  const std::string_view x = a[role];
  const std::string_view y = b[role];
  if (x.empty() || y.empty()) return kMissing;
  if (x == y) return 3;
  if (BoundedEditDistance(x, y, 1) <= 1) return 2;
  const std::string_view dx = x, dy = y;  // YYYYMMDD
  bool same_year = dx.substr(0, 4) == dy.substr(0, 4);
  if (same_year && dx.substr(4, 2) == dy.substr(6, 2) && dx.substr(6, 2) == dy.substr(4, 2)) return 2;
  return same_year ? 1 : 0;
}

uint8_t CompareExact(const Record& a, const Record& b, Role role) {
  const std::string_view x = a[role];
  const std::string_view y = b[role];
  if (x.empty() || y.empty()) return kMissing;
  return x == y ? 1 : 0;
}

}  // namespace

std::vector<Comparison> ComparisonsFor(const std::vector<Role>& roles) {
  std::vector<Comparison> out;
  const std::vector<std::string> kName = {"different", "similar", "close", "exact"};
  const std::vector<std::string> kCode = {"different", "one edit apart", "exact"};
  const std::vector<std::string> kDate = {"different", "same year", "one digit or day/month swapped", "exact"};
  for (Role r : roles) {
    Comparison c;
    c.name = std::string(RoleName(r));
    c.role = r;
    switch (r) {
      case Role::kGivenName: case Role::kMiddleName: case Role::kSurname: case Role::kFullName:
      case Role::kOrgName: case Role::kTown:
        c.levels = kName; c.compare = CompareName; c.term_frequency = true; break;
      case Role::kAddress:
        c.levels = {"different", "most words shared", "close", "exact"}; c.compare = CompareText; break;
      case Role::kDob:
        c.levels = kDate; c.compare = CompareDate; break;
      case Role::kBirthYear: case Role::kBirthMonth:
        c.levels = {"different", "exact"}; c.compare = CompareExact; break;
      case Role::kPostcode: case Role::kEmail: case Role::kPhone: case Role::kCompanyNumber: case Role::kIdNumber:
        c.levels = kCode; c.compare = CompareCode; c.term_frequency = r == Role::kPostcode; break;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace cairn::resolve
