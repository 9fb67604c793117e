// C9 Dormant then trading: a company telling Companies House it is dormant (or not filing at
// all) while winning contracts or holding licences — the dormancy flag of shell-company studies.
#include "risk/indicators.h"
#include "risk/internal/common.h"

namespace cairn::risk {

void DormantThenTrading(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  const int today = internal::Today(net);
  for (uint32_t c = 0; c < net.nodes().size(); ++c) {
    const Node& n = net.node(c);
    if (!internal::IsActiveCompany(n)) continue;
    bool dormant = n.company->accounts_category == "DORMANT";
    auto due = internal::Day(n.company->accounts_next_due);
    bool overdue = due && *due + int(s.Number("overdue_grace_days")) < today;
    if (!dormant && !overdue) continue;
    Finding f{"C9", c, s.weight()};
    for (uint32_t e : net.out_of(c)) {
      const Edge& edge = net.edges()[e];
      std::string status = edge.detail.value("status", std::string());
      if (edge.type == "supplier_to" && status != "cancelled" && status != "unsuccessful") {
        internal::Cite(f, edge.record, "awarded a contract on " + edge.start.substr(0, 10));
      } else if (edge.type == "licence_holder_of" && (status == "granted" || status.empty()) && internal::Current(edge, today)) {
        internal::Cite(f, edge.record, "holds " + edge.detail.value("licence_type", std::string("a")) + " licence " +
                                           edge.detail.value("licence_id", std::string()));
      }
    }
    if (f.evidence.empty()) continue;
    std::string state = dormant ? "files dormant accounts" : "has accounts overdue since " + n.company->accounts_next_due;
    f.summary = state + ", yet " + std::to_string(f.evidence.size()) + " record(s) show it trading";
    internal::Cite(f, n.company->record, dormant ? "accounts category DORMANT" : "accounts due " + n.company->accounts_next_due);
    out->push_back(std::move(f));
  }
}

}  // namespace cairn::risk
