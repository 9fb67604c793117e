// C8 Young company, large award: a supplier incorporated shortly before winning a large
// contract (procurement red-flag literature).
#include "risk/indicators.h"
#include "risk/internal/common.h"

namespace cairn::risk {
namespace {

// The award's amount, or -1 when it gives none.
double AwardAmount(const Edge& e) {
  const auto& v = e.detail.value("value", nlohmann::json());
  if (v.is_object() && v.contains("amount") && v["amount"].is_number()) return v["amount"].get<double>();
  return -1;
}

}  // namespace

void YoungCompanyLargeAward(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  for (uint32_t c = 0; c < net.nodes().size(); ++c) {
    const Node& n = net.node(c);
    if (!n.company) continue;
    auto inc = internal::Day(n.company->incorporated);
    if (!inc) continue;
    Finding f{"C8", c, s.weight()};
    for (uint32_t e : net.out_of(c)) {
      const Edge& edge = net.edges()[e];
      if (edge.type != "supplier_to" || edge.detail.value("status", std::string()) == "cancelled") continue;
      auto awarded = internal::Day(edge.start);
      double amount = AwardAmount(edge);
      if (!awarded || amount < s.Number("min_value")) continue;
      int age = *awarded - *inc;
      if (age < 0 || age >= int(s.Number("max_age_days"))) continue;
      if (f.summary.empty()) {
        f.summary = "awarded " + std::to_string(int64_t(amount)) + " on " + edge.start.substr(0, 10) + ", " +
                    std::to_string(age) + " days after incorporation";
      }
      internal::Cite(f, edge.record, "award of " + std::to_string(int64_t(amount)) + " on " + edge.start.substr(0, 10));
    }
    if (f.evidence.empty()) continue;
    internal::Cite(f, n.company->record, "incorporated " + n.company->incorporated);
    out->push_back(std::move(f));
  }
}

}  // namespace cairn::risk
