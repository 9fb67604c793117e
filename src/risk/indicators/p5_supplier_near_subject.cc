// P5 Supplier near a subject: N1 for a bidder or supplier — the bid comes from within a few links
// of someone police intelligence names. Restricted to the record's owner, as N1; partners see
// "refer" on the tender and supplier pages.
#include <cmath>
#include <optional>

#include "risk/indicators.h"
#include "risk/internal/common.h"
#include "risk/internal/procurement.h"
#include "risk/internal/proximity.h"

namespace cairn::risk {

void SupplierNearSubject(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  auto reach = internal::ReachFromSubjects(net, int(s.Number("max_hops")), int(s.Number("max_degree")));
  for (uint32_t process : internal::Processes(net)) {
    for (const auto& bidder : internal::Bidders(net, process)) {
      const auto& r = reach[bidder.org];
      if (r.hops < 0) continue;
      const Subject& subject = internal::SourceSubject(net, r);
      double score = s.weight() * std::pow(s.Number("decay"), std::max(r.hops, 1) - 1);
      std::string near = r.hops == 0 ? "named in an intelligence record"
                                     : std::to_string(r.hops) + " link" + (r.hops > 1 ? "s" : "") + " from " +
                                           internal::NameOf(net, r.subject) + ", named in an intelligence record";
      const Edge& part = net.edges()[bidder.edge];
      std::string role = part.type == "supplier_to" ? "supplier" : "bidder";
      for (uint32_t node : {bidder.org, process}) {
        Finding f{"P5", node, score};
        f.restricted = true;
        f.owner = subject.owner;
        f.summary = node == process ? "the " + role + " " + internal::NameOf(net, bidder.org) + " is " + near
                                    : role + " for " + internal::ProcessLabel(net, process) + ", " + near;
        internal::Cite(f, part.record, "the " + (part.type == "supplier_to" ? std::string("award") : std::string("bid")));
        internal::Cite(f, subject.record, "intelligence subject record");
        for (int64_t record : internal::PathRecords(net, reach, bidder.org)) internal::Cite(f, record, "a link on the path");
        out->push_back(std::move(f));
      }
    }
  }
}

}  // namespace cairn::risk
