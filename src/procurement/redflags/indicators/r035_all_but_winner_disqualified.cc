// R035 All except winning bid disqualified: one tenderer has valid bids, it is the supplier of
// the active awards, and at least `threshold` other tenderers had bids disqualified.
#include <algorithm>

#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {
namespace {

void SortUnique(std::vector<std::string_view>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

void FoldR035(const Process& p, const Settings& s, Accumulator& acc) {
  if (!p.awards_final()) return;
  thread_local std::vector<std::string_view> valid, disqualified, suppliers;
  valid.clear();
  disqualified.clear();
  suppliers.clear();
  for (const auto& b : p.bids) {
    auto ids = p.of(b.tenderers);
    if (b.status == BidStatus::kValid) valid.insert(valid.end(), ids.begin(), ids.end());
    if (b.status == BidStatus::kDisqualified) disqualified.insert(disqualified.end(), ids.begin(), ids.end());
  }
  SortUnique(valid);
  if (valid.size() != 1) return;
  internal::ActiveSuppliers(p, suppliers);
  SortUnique(suppliers);
  if (valid != suppliers) return;
  std::string_view winner = valid.front();
  SortUnique(disqualified);
  disqualified.erase(std::remove(disqualified.begin(), disqualified.end(), winner), disqualified.end());
  if (int64_t(disqualified.size()) < s.r035.threshold || disqualified.empty()) return;
  acc.Raise(Group::kOcid, p.ocid, "R035", double(disqualified.size()));
  acc.Raise(Group::kTenderer, winner, "R035", 0.0);
}

}  // namespace cairn::procurement::redflags
