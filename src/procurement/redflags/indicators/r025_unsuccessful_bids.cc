// R025 Excessive unsuccessful bids: among the tenderers who bid in the most processes (at or
// above the `percentile`-th percentile of processes bid in), those whose share of wins is at or
// below the lower fence — the cover bidders of a bid-rigging ring.
#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"
#include "procurement/redflags/quantile.h"

namespace cairn::procurement::redflags {

void FoldR025(const Process& p, const Settings&, Accumulator& acc) {
  auto award = internal::PriceOnlyAwardOf(p);
  if (!award) return;
  for (const auto& [tenderer, amount] : award->lowest) {
    Bidding& b = acc.bidding[tenderer];
    ++b.processes;
    if (tenderer == award->winner) ++b.wins;
  }
}

void FinishR025(const Settings& s, Accumulator& acc, Meta& meta) {
  if (acc.bidding.empty()) return;
  std::vector<double> counts;
  counts.reserve(acc.bidding.size());
  for (const auto& [id, b] : acc.bidding) counts.push_back(double(b.processes));
  double cutoff = Quantile(counts, s.r025.percentile / 100.0);
  meta["R025"]["percentile_processes"] = cutoff;
  std::vector<std::pair<const std::string*, double>> frequent;
  std::vector<double> ratios;
  for (const auto& [id, b] : acc.bidding) {
    if (double(b.processes) < cutoff) continue;
    double ratio = double(b.wins) / double(b.processes);
    frequent.emplace_back(&id, ratio);
    ratios.push_back(ratio);
  }
  auto fence = internal::Fence("R025", "", std::move(ratios), internal::Side::kLower, s.r025.threshold, meta);
  if (!fence) return;
  for (const auto& [id, ratio] : frequent)
    if (ratio <= *fence) acc.Raise(Group::kTenderer, *id, "R025", ratio);
}

}  // namespace cairn::procurement::redflags
