// R048 Heterogeneous supplier: a supplier whose single-supplier awards span an unusual number of
// sectors (distinct first-`digits` prefixes of the items' classification ids), at or above the
// upper fence among suppliers with at least `minimum_contracting_processes` such processes.
#include <algorithm>

#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {

void FoldR048(const Process& p, const Settings& s, Accumulator& acc) {
  if (!p.awards_final()) return;
  thread_local std::vector<PartyId> counted;  // suppliers whose process count this process raised
  counted.clear();
  for (const auto& a : p.awards) {
    if (a.status != AwardStatus::kActive || a.suppliers.size() != 1) continue;
    PartyId supplier = acc.PartyAt(p, a.suppliers.begin);
    Spread& spread = acc.stats[supplier].spread;
    if (std::find(counted.begin(), counted.end(), supplier) == counted.end()) {
      counted.push_back(supplier);
      ++spread.processes;
    }
    for (std::string_view id : p.of(a.classifications)) {
      uint64_t prefix = PackPrefix(id, s.r048.digits);
      auto at = std::lower_bound(spread.prefixes.begin(), spread.prefixes.end(), prefix);
      if (at == spread.prefixes.end() || *at != prefix) spread.prefixes.insert(at, prefix);
    }
  }
}

void FinishR048(const Settings& s, Accumulator& acc, Meta& meta) {
  std::vector<std::pair<PartyId, double>> judged;
  std::vector<double> counts;
  for (PartyId id = 0; id < acc.stats.size(); ++id) {
    const Spread& spread = acc.stats[id].spread;
    if (spread.processes == 0 || spread.processes < s.r048.minimum_contracting_processes) continue;
    judged.emplace_back(id, double(spread.prefixes.size()));
    counts.push_back(double(spread.prefixes.size()));
  }
  auto fence = internal::Fence("R048", "", std::move(counts), internal::Side::kUpper, s.r048.threshold, meta);
  if (!fence) return;
  for (const auto& [id, count] : judged)
    if (count >= *fence) acc.Raise(Group::kTenderer, acc.Name(id), "R048", count);
}

}  // namespace cairn::procurement::redflags
