// R048 Heterogeneous supplier: a supplier whose single-supplier awards span an unusual number of
// sectors (distinct first-`digits` prefixes of the items' classification ids), at or above the
// upper fence among suppliers with at least `minimum_contracting_processes` such processes.
#include <algorithm>
#include <bit>
#include <iterator>

#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {

void Spread::Add(std::string_view id, int64_t digits) {
  if (digits == 2 && id.size() >= 2 && id[0] >= '0' && id[0] <= '9' && id[1] >= '0' && id[1] <= '9') {
    int division = (id[0] - '0') * 10 + (id[1] - '0');
    divisions[division / 64] |= uint64_t(1) << (division % 64);
    return;
  }
  uint64_t prefix = PackPrefix(id, digits);
  auto at = std::lower_bound(prefixes.begin(), prefixes.end(), prefix);
  if (at == prefixes.end() || *at != prefix) prefixes.insert(at, prefix);
}

size_t Spread::count() const {
  return size_t(std::popcount(divisions[0]) + std::popcount(divisions[1])) + prefixes.size();
}

void Spread::Merge(const Spread& other) {
  processes += other.processes;
  divisions[0] |= other.divisions[0];
  divisions[1] |= other.divisions[1];
  std::vector<uint64_t> both;
  std::set_union(prefixes.begin(), prefixes.end(), other.prefixes.begin(), other.prefixes.end(), std::back_inserter(both));
  prefixes = std::move(both);
}

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
    for (std::string_view id : p.of(a.classifications)) spread.Add(id, s.r048.digits);
  }
}

void FinishR048(const Settings& s, Accumulator& acc, Meta& meta) {
  std::vector<std::pair<PartyId, double>> judged;
  std::vector<double> counts;
  for (PartyId id = 0; id < acc.stats.size(); ++id) {
    const Spread& spread = acc.stats[id].spread;
    if (spread.processes == 0 || spread.processes < s.r048.minimum_contracting_processes) continue;
    judged.emplace_back(id, double(spread.count()));
    counts.push_back(double(spread.count()));
  }
  auto fence = internal::Fence("R048", "", std::move(counts), internal::Side::kUpper, s.r048.threshold, meta);
  if (!fence) return;
  for (const auto& [id, count] : judged)
    if (count >= *fence) acc.Raise(Group::kTenderer, acc.Name(id), "R048", count);
}

}  // namespace cairn::procurement::redflags
