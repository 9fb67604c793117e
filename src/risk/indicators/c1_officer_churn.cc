// C1 Officer churn: many director appointments and resignations in one company within a year,
// "businesses regularly changing ownership" (Crimestoppers).
#include <algorithm>

#include "risk/indicators.h"
#include "risk/internal/common.h"

namespace cairn::risk {

void OfficerChurn(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  const int today = internal::Today(net);
  const int from = today - int(s.Number("window_days"));
  for (uint32_t c = 0; c < net.nodes().size(); ++c) {
    if (!net.node(c).company) continue;
    auto incorporated = internal::Day(net.node(c).company->incorporated);
    const int formed = incorporated ? *incorporated + int(s.Number("formation_days")) : -1000000;
    Finding f{"C1", c, s.weight()};
    int changes = 0;
    for (uint32_t e : net.into(c)) {
      const Edge& edge = net.edges()[e];
      if (!internal::IsDirector(edge)) continue;
      const std::string who = internal::NameOf(net, edge.from);
      if (internal::Within(edge.start, std::max(from, formed + 1), today)) {
        ++changes;
        internal::Cite(f, edge.record, who + " appointed " + edge.start);
      }
      if (internal::Within(edge.end, from, today)) {
        ++changes;
        internal::Cite(f, edge.record, who + " resigned " + edge.end);
      }
    }
    if (changes < int(s.Number("min_changes"))) continue;
    f.summary = std::to_string(changes) + " director appointments and resignations in the " +
                std::to_string(int(s.Number("window_days"))) + " days to " + net.as_of;
    out->push_back(std::move(f));
  }
}

}  // namespace cairn::risk
