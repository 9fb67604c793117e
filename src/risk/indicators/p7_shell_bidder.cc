// P7 Shell bidder (OCP R045): a bidder that gives a company number the register does not hold,
// or that had been dissolved or was filing dormant accounts when it bid. A bidder that gives no
// number (a sole trader, or a name resolution could not tie to one company) is not judged.
#include "risk/indicators.h"
#include "risk/internal/common.h"
#include "risk/internal/procurement.h"

namespace cairn::risk {
namespace {

// Why `org` is a shell at `date`, or "".
std::string Why(const Node& org, const std::string& date) {
  if (!org.company) return org.company_number.empty() ? "" : "gave company number " + org.company_number + ", which the register does not hold";
  const CompanyFacts& c = *org.company;
  auto when = internal::Day(date);
  auto dissolved = internal::Day(c.dissolved);
  if (dissolved && (!when || *dissolved <= *when)) return "dissolved on " + c.dissolved;
  if (!dissolved && (c.status == "Dissolved" || c.status == "Converted/Closed")) return "the register says " + c.status;
  if (c.accounts_category == "DORMANT") return "files dormant accounts";
  return {};
}

}  // namespace

void ShellBidder(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  for (uint32_t process : internal::Processes(net)) {
    for (const auto& bidder : internal::Bidders(net, process)) {
      const Edge& part = net.edges()[bidder.edge];
      const Node& org = net.node(bidder.org);
      std::string why = Why(org, part.start);
      if (why.empty()) continue;
      for (uint32_t node : {bidder.org, process}) {
        Finding f{"P7", node, s.weight()};
        f.summary = node == process ? "the bidder " + internal::NameOf(net, bidder.org) + " " + why
                                    : "bid for " + internal::ProcessLabel(net, process) + " but " + why;
        internal::Cite(f, part.record, "the bid");
        if (org.company) internal::Cite(f, org.company->record, "the register entry");
        out->push_back(std::move(f));
      }
    }
  }
}

}  // namespace cairn::risk
