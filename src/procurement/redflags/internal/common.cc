#include "procurement/redflags/internal/common.h"

#include <algorithm>

#include "procurement/redflags/quantile.h"

namespace cairn::procurement::redflags::internal {

bool ComparesPrices(const Process& p, const Settings& s) {
  if (s.no_price_comparison_methods.empty() && !s.price_comparison_methods) return true;
  const std::string details(p.method_details.value_or(""));
  if (p.method_details && s.no_price_comparison_methods.count(details)) return false;
  if (s.price_comparison_methods && (!p.method_details || !s.price_comparison_methods->count(details))) return false;
  return true;
}

namespace {

bool WorkOutPriceOnlyAward(const Process& p, Accumulator& acc, PriceOnlyAward& out) {
  out.lowest.clear();
  if (!p.awards_final()) return false;
  const Award* active = nullptr;
  for (const auto& a : p.awards) {
    if (a.status != AwardStatus::kActive) continue;
    if (active) return false;
    active = &a;
  }
  if (!active || active->suppliers.size() != 1) return false;
  PartyId winner_id = acc.PartyAt(p, active->suppliers.begin);
  for (const auto& b : p.bids) {
    if (b.status != BidStatus::kValid || b.tenderers.size() != 1 || !b.amount) continue;
    PartyId tenderer = acc.PartyAt(p, b.tenderers.begin);
    auto it = std::find_if(out.lowest.begin(), out.lowest.end(),
                           [&](const auto& e) { return acc.PartyAt(p, e.first) == tenderer; });
    if (it == out.lowest.end()) out.lowest.emplace_back(b.tenderers.begin, *b.amount);
    else it->second = std::min(it->second, *b.amount);
  }
  auto winner = std::find_if(out.lowest.begin(), out.lowest.end(),
                             [&](const auto& e) { return acc.PartyAt(p, e.first) == winner_id; });
  if (winner == out.lowest.end()) return false;
  out.winner = winner->first;
  out.winning_amount = winner->second;
  for (const auto& [tenderer, amount] : out.lowest)
    if (amount < out.winning_amount) return false;  // not decided on price alone
  return true;
}

}  // namespace

const PriceOnlyAward* PriceOnlyAwardOf(const Process& p, Accumulator& acc) {
  if (p.price_only < 0 || p.parties_of != &acc) p.price_only = WorkOutPriceOnlyAward(p, acc, p.price_only_award);
  return p.price_only ? &p.price_only_award : nullptr;
}

void ActiveSuppliers(const Process& p, std::vector<std::string_view>& out) {
  for (const auto& a : p.awards) {
    if (a.status != AwardStatus::kActive) continue;
    auto ids = p.of(a.suppliers);
    out.insert(out.end(), ids.begin(), ids.end());
  }
}

std::optional<double> Fence(const char* code, const std::string& prefix, std::vector<double> values, Side side,
                            const std::optional<double>& threshold, Meta& meta) {
  if (threshold) return *threshold;
  if (values.empty()) return std::nullopt;
  Fences f = TukeyFences(values);
  auto& m = meta[code];
  m[prefix + "q1"] = f.q1;
  m[prefix + "q3"] = f.q3;
  double fence = side == Side::kLower ? f.lower : f.upper;
  m[prefix + (side == Side::kLower ? "lower_fence" : "upper_fence")] = fence;
  if (side == Side::kLower && f.q1 <= 0) return std::nullopt;
  if (fence <= 0) return std::nullopt;
  return fence;
}

}  // namespace cairn::procurement::redflags::internal
