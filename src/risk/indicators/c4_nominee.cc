// C4 Nominee pattern: a person holding more appointments than anyone can actually direct, or
// appointed and gone again within days, repeatedly (shell-company studies).
#include <set>

#include "risk/indicators.h"
#include "risk/internal/common.h"

namespace cairn::risk {

void NomineePattern(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  const int today = internal::Today(net);
  const size_t cited = 15;
  for (uint32_t p = 0; p < net.nodes().size(); ++p) {
    if (net.node(p).kind != "person") continue;
    std::set<uint32_t> current_companies, quick_companies;
    std::vector<uint32_t> current, quick;
    for (uint32_t e : net.out_of(p)) {
      const Edge& edge = net.edges()[e];
      if (edge.type != "officer_of") continue;
      auto start = internal::Day(edge.start), end = internal::Day(edge.end);
      if (internal::Current(edge, today) && current_companies.insert(edge.to).second) current.push_back(e);
      if (start && end && *end - *start <= int(s.Number("quick_days")) && quick_companies.insert(edge.to).second) {
        quick.push_back(e);
      }
    }
    bool many = current.size() > size_t(s.Number("max_current"));
    bool brief = quick.size() >= size_t(s.Number("min_quick"));
    if (!many && !brief) continue;
    Finding f{"C4", p, s.weight()};
    if (many) f.summary = std::to_string(current.size()) + " current appointments";
    if (brief) {
      f.summary += std::string(many ? ", and " : "") + std::to_string(quick.size()) + " appointments ended within " +
                   std::to_string(int(s.Number("quick_days"))) + " days";
    }
    for (uint32_t e : quick) {
      const Edge& edge = net.edges()[e];
      internal::Cite(f, edge.record, internal::NameOf(net, edge.to) + ": appointed " + edge.start + ", resigned " + edge.end);
    }
    for (uint32_t e : current) {
      if (f.evidence.size() >= cited) break;
      const Edge& edge = net.edges()[e];
      internal::Cite(f, edge.record, internal::NameOf(net, edge.to) + ": appointed " + edge.start);
    }
    out->push_back(std::move(f));
  }
}

}  // namespace cairn::risk
