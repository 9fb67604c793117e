// R036 Lowest bid disqualified: the process was awarded, a valid bid has an amount, and the
// lowest submitted bid (pending, valid or disqualified) was disqualified.
#include <algorithm>
#include <optional>

#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {

void FoldR036(const Process& p, const Settings& s, Accumulator& acc) {
  if (!p.awards_final() || !internal::ComparesPrices(p, s)) return;
  bool awarded = std::any_of(p.awards.begin(), p.awards.end(), [](const Award& a) { return a.status == AwardStatus::kActive; });
  if (!awarded) return;
  std::optional<double> lowest_disqualified, lowest_other;
  bool valid_amount = false;
  for (const auto& b : p.bids) {
    if (!b.submitted() || !b.amount) continue;
    auto& lowest = b.status == BidStatus::kDisqualified ? lowest_disqualified : lowest_other;
    lowest = lowest ? std::min(*lowest, *b.amount) : *b.amount;
    valid_amount = valid_amount || b.status == BidStatus::kValid;
  }
  if (!valid_amount || !lowest_disqualified || *lowest_disqualified > *lowest_other) return;
  acc.Raise(Group::kOcid, p.ocid, "R036", 1.0);
}

}  // namespace cairn::procurement::redflags
