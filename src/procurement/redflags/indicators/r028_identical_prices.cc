// R028 Identical bid prices: different tenderers submitted bids of the same amount and currency.
#include <algorithm>
#include <tuple>

#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {
namespace {

// The bid's tenderers, sorted and distinct: bids by the same tenderers (in any order) are one.
void TenderersOf(const Process& p, const Bid& b, std::vector<std::string_view>& out) {
  out.clear();
  for (std::string_view id : p.of(b.tenderers)) out.push_back(id);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

}  // namespace

void FoldR028(const Process& p, const Settings& s, Accumulator& acc) {
  if (!internal::ComparesPrices(p, s)) return;
  struct Priced {
    double amount;
    std::string_view currency;
    const Bid* bid;
  };
  thread_local std::vector<Priced> priced;
  thread_local std::vector<std::string_view> first, other;
  priced.clear();
  for (const auto& b : p.bids)
    if (b.submitted() && b.amount && !b.currency.empty() && b.tenderers.size() > 0) priced.push_back({*b.amount, b.currency, &b});
  if (priced.size() < 2) return;
  std::sort(priced.begin(), priced.end(),
            [](const Priced& a, const Priced& b) { return std::tie(a.amount, a.currency) < std::tie(b.amount, b.currency); });
  bool fired = false;
  for (size_t i = 0; i < priced.size();) {
    size_t j = i + 1;
    while (j < priced.size() && priced[j].amount == priced[i].amount && priced[j].currency == priced[i].currency) ++j;
    bool different_tenderers = false;
    if (j - i > 1) {
      TenderersOf(p, *priced[i].bid, first);
      for (size_t k = i + 1; k < j && !different_tenderers; ++k) {
        TenderersOf(p, *priced[k].bid, other);
        different_tenderers = other != first;
      }
    }
    if (different_tenderers) {
      fired = true;
      for (size_t k = i; k < j; ++k)
        for (std::string_view id : p.of(priced[k].bid->tenderers)) acc.Raise(Group::kTenderer, id, "R028", 1.0);
    }
    i = j;
  }
  if (fired) acc.Raise(Group::kOcid, p.ocid, "R028", 1.0);
}

}  // namespace cairn::procurement::redflags
