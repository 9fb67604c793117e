// R038 Excessive disqualified bids: a buyer's, procuring entity's or tenderer's share of
// submitted bids that were disqualified is at or above the upper fence of its kind, among those
// with enough submitted bids and processes to judge.
#include <set>

#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {
namespace {

constexpr Group kGroups[] = {Group::kBuyer, Group::kProcuringEntity, Group::kTenderer};

}  // namespace

void FoldR038(const Process& p, const Settings&, Accumulator& acc) {
  // Each party counts the process once however many of its bids it holds.
  std::array<std::set<std::string>, 3> seen;
  auto count = [&](size_t kind, const std::string& id, bool disqualified) {
    if (id.empty()) return;
    Disqualifications& d = acc.disqualifications[kind][id];
    ++d.submitted;
    if (disqualified) ++d.disqualified;
    if (seen[kind].insert(id).second) ++d.processes;
  };
  for (const auto& b : p.bids) {
    if (!b.submitted()) continue;
    bool disqualified = b.status == BidStatus::kDisqualified;
    count(0, p.buyer, disqualified);
    count(1, p.procuring_entity, disqualified);
    for (const auto& id : std::set<std::string>(b.tenderers.begin(), b.tenderers.end())) count(2, id, disqualified);
  }
}

void FinishR038(const Settings& s, Accumulator& acc, Meta& meta) {
  for (size_t kind = 0; kind < 3; ++kind) {
    std::vector<std::pair<const std::string*, double>> judged;
    std::vector<double> ratios;
    for (const auto& [id, d] : acc.disqualifications[kind]) {
      if (d.submitted < s.r038.minimum_submitted_bids || d.processes < s.r038.minimum_contracting_processes) continue;
      double ratio = double(d.disqualified) / double(d.submitted);
      judged.emplace_back(&id, ratio);
      ratios.push_back(ratio);
    }
    std::string prefix = std::string(GroupName(kGroups[kind])) + "_";
    auto fence = internal::Fence("R038", prefix, std::move(ratios), internal::Side::kUpper, s.r038.threshold, meta);
    if (!fence) continue;
    for (const auto& [id, ratio] : judged)
      if (ratio >= *fence) acc.Raise(kGroups[kind], *id, "R038", ratio);
  }
}

}  // namespace cairn::procurement::redflags
