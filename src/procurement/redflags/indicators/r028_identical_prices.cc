// R028 Identical bid prices: different tenderers submitted bids of the same amount and currency.
#include <map>
#include <set>

#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {

void FoldR028(const Process& p, const Settings& s, Accumulator& acc) {
  if (!internal::ComparesPrices(p, s)) return;
  // (amount, currency) → the distinct sets of tenderers that bid it.
  std::map<std::pair<double, std::string>, std::set<std::set<std::string>>> by_price;
  for (const auto& b : p.bids) {
    if (!b.submitted() || !b.amount || b.currency.empty() || b.tenderers.empty()) continue;
    by_price[{*b.amount, b.currency}].insert(std::set<std::string>(b.tenderers.begin(), b.tenderers.end()));
  }
  bool fired = false;
  for (const auto& [price, tenderer_sets] : by_price) {
    if (tenderer_sets.size() < 2) continue;
    fired = true;
    for (const auto& set : tenderer_sets)
      for (const auto& id : set) acc.Raise(Group::kTenderer, id, "R028", 1.0);
  }
  if (fired) acc.Raise(Group::kOcid, p.ocid, "R028", 1.0);
}

}  // namespace cairn::procurement::redflags
