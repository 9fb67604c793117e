// R048 Heterogeneous supplier: a supplier whose single-supplier awards span an unusual number of
// sectors (distinct first-`digits` prefixes of the items' classification ids), at or above the
// upper fence among suppliers with at least `minimum_contracting_processes` such processes.
#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {

void FoldR048(const Process& p, const Settings& s, Accumulator& acc) {
  if (!p.awards_final()) return;
  std::map<std::string, std::set<std::string>> prefixes;  // supplier → this process's prefixes
  for (const auto& a : p.awards) {
    if (a.status != AwardStatus::kActive || a.suppliers.size() != 1) continue;
    auto& mine = prefixes[a.suppliers.front()];
    for (const auto& id : a.classifications) mine.insert(id.substr(0, size_t(s.r048.digits)));
  }
  for (auto& [supplier, mine] : prefixes) {
    Spread& spread = acc.spread[supplier];
    ++spread.processes;
    spread.prefixes.merge(mine);
  }
}

void FinishR048(const Settings& s, Accumulator& acc, Meta& meta) {
  std::vector<std::pair<const std::string*, double>> judged;
  std::vector<double> counts;
  for (const auto& [id, spread] : acc.spread) {
    if (spread.processes < s.r048.minimum_contracting_processes) continue;
    judged.emplace_back(&id, double(spread.prefixes.size()));
    counts.push_back(double(spread.prefixes.size()));
  }
  auto fence = internal::Fence("R048", "", std::move(counts), internal::Side::kUpper, s.r048.threshold, meta);
  if (!fence) return;
  for (const auto& [id, count] : judged)
    if (count >= *fence) acc.Raise(Group::kTenderer, *id, "R048", count);
}

}  // namespace cairn::procurement::redflags
