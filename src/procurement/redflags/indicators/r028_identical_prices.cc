// R028 Identical bid prices: different tenderers submitted bids of the same amount and currency.
#include <algorithm>

#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {

void FoldR028(const Process& p, const Settings& s, Accumulator& acc) {
  if (!internal::ComparesPrices(p, s)) return;
  // (amount, currency, the bid's tenderers sorted), sorted so equal prices sit together.
  struct Priced {
    double amount;
    std::string_view currency;
    std::vector<std::string_view> tenderers;
    bool operator<(const Priced& o) const {
      return std::tie(amount, currency, tenderers) < std::tie(o.amount, o.currency, o.tenderers);
    }
  };
  std::vector<Priced> bids;
  for (const auto& b : p.bids) {
    if (!b.submitted() || !b.amount || b.currency.empty() || b.tenderers.size() == 0) continue;
    auto ids = p.of(b.tenderers);
    Priced priced{*b.amount, b.currency, {ids.begin(), ids.end()}};
    std::sort(priced.tenderers.begin(), priced.tenderers.end());
    priced.tenderers.erase(std::unique(priced.tenderers.begin(), priced.tenderers.end()), priced.tenderers.end());
    bids.push_back(std::move(priced));
  }
  if (bids.size() < 2) return;
  std::sort(bids.begin(), bids.end());
  bool fired = false;
  for (size_t i = 0; i < bids.size();) {
    size_t j = i + 1;
    bool different_tenderers = false;
    for (; j < bids.size() && bids[j].amount == bids[i].amount && bids[j].currency == bids[i].currency; ++j)
      different_tenderers = different_tenderers || bids[j].tenderers != bids[i].tenderers;
    if (different_tenderers) {
      fired = true;
      for (size_t k = i; k < j; ++k)
        for (std::string_view id : bids[k].tenderers) acc.Raise(Group::kTenderer, id, "R028", 1.0);
    }
    i = j;
  }
  if (fired) acc.Raise(Group::kOcid, p.ocid, "R028", 1.0);
}

}  // namespace cairn::procurement::redflags
