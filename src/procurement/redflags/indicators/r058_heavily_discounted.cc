// R058 Heavily discounted bid: the winning bid was far below the next-lowest valid bid — the
// share computed by FoldPriceGap at or above the upper fence.
#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {

void FinishR058(const Settings& s, Accumulator& acc, Meta& meta) {
  std::vector<double> ratios;
  ratios.reserve(acc.price_gaps.size());
  for (const auto& g : acc.price_gaps) ratios.push_back(g.ratio);
  auto fence = internal::Fence("R058", "", std::move(ratios), internal::Side::kUpper, s.r058.threshold, meta);
  if (!fence) return;
  for (const auto& g : acc.price_gaps) {
    if (g.ratio < *fence) continue;
    acc.Raise(Group::kOcid, acc.Ocid(g.ocid), "R058", g.ratio);
    acc.Raise(Group::kTenderer, acc.Name(g.winner), "R058", 0.0);
  }
}

}  // namespace cairn::procurement::redflags
