// R035 All except winning bid disqualified: one tenderer has valid bids, it is the supplier of
// the active awards, and at least `threshold` other tenderers had bids disqualified.
#include <set>

#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {

void FoldR035(const Process& p, const Settings& s, Accumulator& acc) {
  if (!p.awards_final()) return;
  std::set<std::string> valid, disqualified;
  for (const auto& b : p.bids) {
    if (b.status == BidStatus::kValid) valid.insert(b.tenderers.begin(), b.tenderers.end());
    if (b.status == BidStatus::kDisqualified) disqualified.insert(b.tenderers.begin(), b.tenderers.end());
  }
  std::vector<std::string> active = internal::ActiveSuppliers(p);
  std::set<std::string> suppliers(active.begin(), active.end());
  if (valid.size() != 1 || valid != suppliers) return;
  const std::string& winner = *valid.begin();
  disqualified.erase(winner);
  if (int64_t(disqualified.size()) < s.r035.threshold || disqualified.empty()) return;
  acc.Raise(Group::kOcid, p.ocid, "R035", double(disqualified.size()));
  acc.Raise(Group::kTenderer, winner, "R035", 0.0);
}

}  // namespace cairn::procurement::redflags
