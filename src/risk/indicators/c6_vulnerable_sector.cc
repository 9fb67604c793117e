// C6 Vulnerable sector: a SIC code in the SOC Taskforce's list of sectors organised crime uses
// (2014). A weak signal alone; it matters in combination.
#include "risk/indicators.h"
#include "risk/internal/common.h"

namespace cairn::risk {

void VulnerableSector(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  const auto& codes = s.List("sic_codes");
  for (uint32_t c = 0; c < net.nodes().size(); ++c) {
    const Node& n = net.node(c);
    if (!internal::IsActiveCompany(n) || !internal::HasSic(n, codes)) continue;
    Finding f{"C6", c, s.weight()};
    std::string sics;
    for (const auto& sic : n.company->sic_codes) {
      if (std::find(codes.begin(), codes.end(), sic) != codes.end()) sics += (sics.empty() ? "" : ", ") + sic;
    }
    f.summary = "trades in a vulnerable sector (SIC " + sics + ")";
    internal::Cite(f, n.company->record, "SIC " + sics);
    out->push_back(std::move(f));
  }
}

}  // namespace cairn::risk
