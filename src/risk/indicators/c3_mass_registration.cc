// C3 Mass-registration address: a registered office shared by more active companies than a
// real business address holds, unless it is a known formation agent or accountant.
#include <algorithm>
#include <unordered_set>

#include "risk/indicators.h"
#include "risk/internal/common.h"

namespace cairn::risk {

void MassRegistration(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  std::vector<std::string> allowed;
  for (const auto& p : s.List("allow_postcodes")) allowed.push_back(internal::PostcodeKey(p));
  const size_t cited = 10;  // evidence records named per finding beyond the company's own
  for (uint32_t a = 0; a < net.nodes().size(); ++a) {
    const Node& address = net.node(a);
    if (address.kind != "address") continue;
    if (std::find(allowed.begin(), allowed.end(), internal::PostcodeKey(address.postcode)) != allowed.end()) continue;
    std::vector<uint32_t> registered;  // edges from distinct active companies
    std::unordered_set<uint32_t> companies;
    for (uint32_t e : net.into(a)) {
      const Edge& edge = net.edges()[e];
      if (edge.type != "registered_at" || !internal::IsActiveCompany(net.node(edge.from))) continue;
      if (companies.insert(edge.from).second) registered.push_back(e);
    }
    if (registered.size() <= size_t(s.Number("max_companies"))) continue;
    for (uint32_t e : registered) {
      Finding f{"C3", net.edges()[e].from, s.weight()};
      f.summary = "registered at " + (address.name.empty() ? address.postcode : address.name) + " with " +
                  std::to_string(registered.size() - 1) + " other active companies";
      internal::Cite(f, net.edges()[e].record, "registered office " + address.postcode);
      for (uint32_t other : registered) {
        if (other == e) continue;
        if (f.evidence.size() > cited) break;
        internal::Cite(f, net.edges()[other].record, internal::NameOf(net, net.edges()[other].from) + " registered here too");
      }
      out->push_back(std::move(f));
    }
  }
}

}  // namespace cairn::risk
