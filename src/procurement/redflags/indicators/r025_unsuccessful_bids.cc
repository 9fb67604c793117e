// R025 Excessive unsuccessful bids: among the tenderers who bid in the most processes (at or
// above the `percentile`-th percentile of processes bid in), those whose share of wins is at or
// below the lower fence — the cover bidders of a bid-rigging ring.
#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"
#include "procurement/redflags/quantile.h"

namespace cairn::procurement::redflags {

void FoldR025(const Process& p, const Settings&, Accumulator& acc) {
  const PriceOnlyAward* award = internal::PriceOnlyAwardOf(p, acc);
  if (!award) return;
  for (const auto& [tenderer, amount] : award->lowest) {
    PartyId id = acc.PartyAt(p, tenderer);
    ++acc.stats[id].bidding.processes;
    if (tenderer == award->winner) ++acc.stats[id].bidding.wins;
  }
}

void FinishR025(const Settings& s, Accumulator& acc, Meta& meta) {
  std::vector<double> counts;
  for (const PartyStats& party : acc.stats)
    if (party.bidding.processes > 0) counts.push_back(double(party.bidding.processes));
  if (counts.empty()) return;
  double cutoff = Quantile(counts, s.r025.percentile / 100.0);
  meta["R025"]["percentile_processes"] = cutoff;
  std::vector<std::pair<PartyId, double>> frequent;
  std::vector<double> ratios;
  for (PartyId id = 0; id < acc.stats.size(); ++id) {
    const Bidding& b = acc.stats[id].bidding;
    if (b.processes == 0 || double(b.processes) < cutoff) continue;
    double ratio = double(b.wins) / double(b.processes);
    frequent.emplace_back(id, ratio);
    ratios.push_back(ratio);
  }
  auto fence = internal::Fence("R025", "", std::move(ratios), internal::Side::kLower, s.r025.threshold, meta);
  if (!fence) return;
  for (const auto& [id, ratio] : frequent)
    if (ratio <= *fence) acc.Raise(Group::kTenderer, acc.Name(id), "R025", ratio);
}

}  // namespace cairn::procurement::redflags
