// N2 Co-location: several vulnerable-sector companies whose officers all give one home address —
// one household running a string of cash businesses.
#include <set>

#include "risk/indicators.h"
#include "risk/internal/common.h"

namespace cairn::risk {

void CoLocation(const Network& net, const Section& s, const Settings& all, std::vector<Finding>* out) {
  const int today = internal::Today(net);
  const auto& sectors = all["C6"].List("sic_codes");
  for (uint32_t a = 0; a < net.nodes().size(); ++a) {
    if (net.node(a).kind != "address") continue;
    std::vector<uint32_t> residents;  // lives_at edges
    for (uint32_t e : net.into(a)) {
      if (net.edges()[e].type == "lives_at" && net.node(net.edges()[e].from).kind == "person") residents.push_back(e);
    }
    std::set<uint32_t> people;
    for (uint32_t e : residents) people.insert(net.edges()[e].from);
    if (people.size() < size_t(s.Number("min_people")) || people.size() > size_t(s.Number("max_people"))) continue;
    std::set<uint32_t> companies;
    std::vector<std::pair<uint32_t, uint32_t>> roles;  // (lives_at edge, officer_of edge)
    for (uint32_t home : residents) {
      for (uint32_t e : net.out_of(net.edges()[home].from)) {
        const Edge& edge = net.edges()[e];
        if (edge.type != "officer_of" || !internal::Current(edge, today)) continue;
        const Node& c = net.node(edge.to);
        if (!internal::IsActiveCompany(c) || !internal::HasSic(c, sectors)) continue;
        companies.insert(edge.to);
        roles.emplace_back(home, e);
      }
    }
    std::set<uint32_t> officers;
    for (auto [home, role] : roles) officers.insert(net.edges()[role].from);
    if (companies.size() < size_t(s.Number("min_companies")) || officers.size() < size_t(s.Number("min_people"))) continue;
    for (uint32_t c : companies) {
      Finding f{"N2", c, s.weight()};
      f.summary = "one of " + std::to_string(companies.size()) + " vulnerable-sector companies whose officers live at " +
                  (net.node(a).name.empty() ? net.node(a).postcode : net.node(a).name);
      for (auto [home, role] : roles) {
        std::string who = internal::NameOf(net, net.edges()[role].from);
        internal::Cite(f, net.edges()[role].record, who + " is an officer of " + internal::NameOf(net, net.edges()[role].to));
        internal::Cite(f, net.edges()[home].record, who + " gives this address");
      }
      out->push_back(std::move(f));
    }
  }
}

}  // namespace cairn::risk
