// R024 Price close to winning bid, and the shared fold of R058: in a process decided on price
// alone, how far the next-lowest valid bid was above the winning one, as a share of the winning
// bid. R024 flags the processes whose share is at or below the lower fence.
#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {

void FoldPriceGap(const Process& p, const Settings& s, Accumulator& acc) {
  if (!internal::ComparesPrices(p, s)) return;
  const PriceOnlyAward* award = internal::PriceOnlyAwardOf(p, acc);
  if (!award || award->winning_amount == 0) return;  // zero guard
  std::optional<double> next;
  for (const auto& [tenderer, amount] : award->lowest)
    if (tenderer != award->winner && (!next || amount < *next)) next = amount;
  if (!next) return;
  PriceGap gap;
  gap.ocid = acc.KeepOcid(p.ocid);
  gap.winner = acc.PartyAt(p, award->winner);
  gap.ratio = (*next - award->winning_amount) / award->winning_amount;
  bool first = true;
  gap.tied_begin = uint32_t(acc.tied_runners.size());
  for (const auto& [tenderer, amount] : award->lowest) {
    if (tenderer == award->winner || amount != *next) continue;
    if (first) gap.runner_up = acc.PartyAt(p, tenderer);
    else acc.tied_runners.push_back(acc.PartyAt(p, tenderer));
    first = false;
  }
  gap.tied_count = uint32_t(acc.tied_runners.size()) - gap.tied_begin;
  acc.price_gaps.push_back(gap);
}

void FinishR024(const Settings& s, Accumulator& acc, Meta& meta) {
  std::vector<double> ratios;
  ratios.reserve(acc.price_gaps.size());
  for (const auto& g : acc.price_gaps) ratios.push_back(g.ratio);
  auto fence = internal::Fence("R024", "", std::move(ratios), internal::Side::kLower, s.r024.threshold, meta);
  if (!fence) return;
  for (const auto& g : acc.price_gaps) {
    if (g.ratio > *fence) continue;
    acc.Raise(Group::kOcid, acc.Ocid(g.ocid), "R024", g.ratio);
    acc.Raise(Group::kTenderer, acc.Name(g.winner), "R024", 0.0);
    acc.Raise(Group::kTenderer, acc.Name(g.runner_up), "R024", 0.0);
    for (PartyId id : acc.TiedRunners(g)) acc.Raise(Group::kTenderer, acc.Name(id), "R024", 0.0);
  }
}

}  // namespace cairn::procurement::redflags
