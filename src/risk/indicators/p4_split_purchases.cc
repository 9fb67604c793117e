// P4 Split purchases: one buyer gives one supplier several awards in a short window, each just
// under the value that makes advertising compulsory (£50,000 for goods and services, £2m for
// works, FORMATS.md) — a contract cut up to stay out of sight.
#include <algorithm>
#include <map>

#include "risk/indicators.h"
#include "risk/internal/common.h"
#include "risk/internal/procurement.h"

namespace cairn::risk {
namespace {

struct Award {
  int day;
  uint32_t process;
  uint32_t edge;
  double amount;
};

}  // namespace

void SplitPurchases(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  const double below = s.Number("below_share");
  std::map<std::pair<uint32_t, uint32_t>, std::vector<Award>> by_pair;  // (buyer, supplier)
  for (uint32_t process : internal::Processes(net)) {
    const Edge* buyer = internal::BuyerLink(net, process);
    if (!buyer) continue;
    double threshold = internal::IsWorks(net, process) ? s.Number("works_threshold") : s.Number("goods_threshold");
    for (const auto& a : internal::Awards(net, process)) {
      const Edge& edge = net.edges()[a.edge];
      double amount = internal::AwardAmount(edge);
      auto day = internal::Day(edge.start);
      if (!day || amount < threshold * (1 - below) || amount >= threshold) continue;
      by_pair[{buyer->from, a.org}].push_back({*day, process, a.edge, amount});
    }
  }
  const size_t min_awards = size_t(s.Number("min_awards"));
  const int window = int(s.Number("window_days"));
  for (auto& [pair, awards] : by_pair) {
    if (awards.size() < min_awards) continue;
    std::sort(awards.begin(), awards.end(), [](const Award& a, const Award& b) { return a.day < b.day; });
    // The awards that fall in some window of `window` days holding at least min_awards of them.
    std::vector<bool> in(awards.size(), false);
    for (size_t i = 0, j = 0; i < awards.size(); ++i) {
      while (awards[i].day - awards[j].day > window) ++j;
      if (i - j + 1 >= min_awards)
        for (size_t k = j; k <= i; ++k) in[k] = true;
    }
    const auto& [buyer, supplier] = pair;
    size_t n = size_t(std::count(in.begin(), in.end(), true));
    if (n == 0) continue;
    Finding f{"P4", supplier, s.weight()};
    f.summary = std::to_string(n) + " awards from " + internal::NameOf(net, buyer) + " within " + std::to_string(window) +
                " days, each just under the advertising threshold";
    for (size_t k = 0; k < awards.size(); ++k) {
      if (!in[k]) continue;
      const Edge& edge = net.edges()[awards[k].edge];
      std::string note = "award of " + std::to_string(int64_t(awards[k].amount)) + " on " + edge.start.substr(0, 10);
      internal::Cite(f, edge.record, note);
      Finding p{"P4", awards[k].process, s.weight()};
      p.summary = "one of " + std::to_string(n) + " awards from " + internal::NameOf(net, buyer) + " to " +
                  internal::NameOf(net, supplier) + " within " + std::to_string(window) + " days, each just under the threshold";
      internal::Cite(p, edge.record, note);
      out->push_back(std::move(p));
    }
    out->push_back(std::move(f));
  }
}

}  // namespace cairn::risk
