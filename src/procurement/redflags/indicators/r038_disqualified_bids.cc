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
  std::vector<std::pair<size_t, PartyId>> seen;
  auto count = [&](size_t kind, PartyId id, bool disqualified) {
    Disqualifications& d = acc.disqualifications[kind][id];
    ++d.submitted;
    if (disqualified) ++d.disqualified;
    if (std::find(seen.begin(), seen.end(), std::make_pair(kind, id)) == seen.end()) {
      seen.emplace_back(kind, id);
      ++d.processes;
    }
  };
  std::optional<PartyId> buyer, entity;
  for (const auto& b : p.bids) {
    if (!b.submitted()) continue;
    bool disqualified = b.status == BidStatus::kDisqualified;
    if (!p.buyer.empty()) {
      if (!buyer) buyer = acc.Intern(p.buyer);
      count(0, *buyer, disqualified);
    }
    if (!p.procuring_entity.empty()) {
      if (!entity) entity = acc.Intern(p.procuring_entity);
      count(1, *entity, disqualified);
    }
    auto ids = p.of(b.tenderers);
    for (size_t i = 0; i < ids.size(); ++i)
      if (std::find(ids.begin(), ids.begin() + long(i), ids[i]) == ids.begin() + long(i))  // once per bid
        count(2, acc.PartyAt(p, b.tenderers.begin + uint32_t(i)), disqualified);
  }
}

void FinishR038(const Settings& s, Accumulator& acc, Meta& meta) {
  for (size_t kind = 0; kind < 3; ++kind) {
    std::vector<std::pair<PartyId, double>> judged;
    std::vector<double> ratios;
    const auto& all = acc.disqualifications[kind];
    for (PartyId id = 0; id < all.size(); ++id) {
      const Disqualifications& d = all[id];
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
