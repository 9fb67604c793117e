// R038 Excessive disqualified bids: a buyer's, procuring entity's or tenderer's share of
// submitted bids that were disqualified is at or above the upper fence of its kind, among those
// with enough submitted bids and processes to judge.
#include <algorithm>

#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {
namespace {

constexpr Group kGroups[] = {Group::kBuyer, Group::kProcuringEntity, Group::kTenderer};

}  // namespace

void FoldR038(const Process& p, const Settings&, Accumulator& acc) {
  // Each party counts the process once however many of its bids it holds.
  thread_local std::vector<PartyId> seen;
  seen.clear();
  int64_t submitted = 0, disqualified = 0;
  for (const auto& b : p.bids) {
    if (!b.submitted()) continue;
    bool out = b.status == BidStatus::kDisqualified;
    ++submitted;
    disqualified += out;
    auto ids = p.of(b.tenderers);
    for (size_t i = 0; i < ids.size(); ++i) {
      if (std::find(ids.begin(), ids.begin() + long(i), ids[i]) != ids.begin() + long(i)) continue;  // once per bid
      PartyId id = acc.PartyAt(p, b.tenderers.begin + uint32_t(i));
      Disqualifications& d = acc.stats[id].disqualifications[2];
      ++d.submitted;
      d.disqualified += out;
      if (std::find(seen.begin(), seen.end(), id) == seen.end()) {
        seen.push_back(id);
        ++d.processes;
      }
    }
  }
  if (submitted == 0) return;
  auto add = [&](size_t kind, std::string_view party) {
    if (party.empty()) return;
    Disqualifications& d = acc.stats[acc.Intern(party)].disqualifications[kind];
    d.submitted += submitted;
    d.disqualified += disqualified;
    ++d.processes;
  };
  add(0, p.buyer);
  add(1, p.procuring_entity);
}

void FinishR038(const Settings& s, Accumulator& acc, Meta& meta) {
  for (size_t kind = 0; kind < 3; ++kind) {
    std::vector<std::pair<PartyId, double>> judged;
    std::vector<double> ratios;
    for (PartyId id = 0; id < acc.stats.size(); ++id) {
      const Disqualifications& d = acc.stats[id].disqualifications[kind];
      if (d.submitted == 0 || d.submitted < s.r038.minimum_submitted_bids ||
          d.processes < s.r038.minimum_contracting_processes)
        continue;
      double ratio = double(d.disqualified) / double(d.submitted);
      judged.emplace_back(id, ratio);
      ratios.push_back(ratio);
    }
    std::string prefix = std::string(GroupName(kGroups[kind])) + "_";
    auto fence = internal::Fence("R038", prefix, std::move(ratios), internal::Side::kUpper, s.r038.threshold, meta);
    if (!fence) continue;
    for (const auto& [id, ratio] : judged)
      if (ratio >= *fence) acc.Raise(kGroups[kind], acc.Name(id), "R038", ratio);
  }
}

}  // namespace cairn::procurement::redflags
