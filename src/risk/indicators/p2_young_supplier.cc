// P2 Young supplier, large award: C8 applied to one award, so the tender page shows it too.
#include "risk/indicators.h"
#include "risk/internal/common.h"
#include "risk/internal/procurement.h"

namespace cairn::risk {

void YoungSupplierLargeAward(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  for (uint32_t process : internal::Processes(net)) {
    for (const auto& award : internal::Awards(net, process)) {
      const Node& supplier = net.node(award.org);
      const Edge& edge = net.edges()[award.edge];
      if (!supplier.company) continue;
      auto incorporated = internal::Day(supplier.company->incorporated);
      auto awarded = internal::Day(edge.start);
      double amount = internal::AwardAmount(edge);
      if (!incorporated || !awarded || amount < s.Number("min_value")) continue;
      int age = *awarded - *incorporated;
      if (age < 0 || age >= int(s.Number("max_age_days"))) continue;
      std::string what = "awarded " + std::to_string(int64_t(amount)) + " for " + internal::ProcessLabel(net, process) +
                         " on " + edge.start.substr(0, 10) + ", " + std::to_string(age) + " days after incorporation";
      for (uint32_t node : {award.org, process}) {
        Finding f{"P2", node, s.weight()};
        f.summary = node == process ? internal::NameOf(net, award.org) + " " + what : what;
        internal::Cite(f, edge.record, "the award");
        internal::Cite(f, supplier.company->record, "incorporated " + supplier.company->incorporated);
        out->push_back(std::move(f));
      }
    }
  }
}

}  // namespace cairn::risk
