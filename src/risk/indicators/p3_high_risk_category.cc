// P3 High-risk category: an awarded contract in a market Police Scotland names as one SOC groups
// favour (taxi and transport, waste, security, construction, the licensed trade), by CPV code or
// title. A category, not a sign of anything: weighed low, like C6.
#include <algorithm>
#include <cctype>

#include "risk/indicators.h"
#include "risk/internal/common.h"
#include "risk/internal/procurement.h"

namespace cairn::risk {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Why the process is high-risk, or "".
std::string Reason(const Network& net, uint32_t process, const Section& s) {
  for (const auto& cpv : internal::Cpvs(net, process))
    for (const auto& prefix : s.List("cpv_prefixes"))
      if (cpv.rfind(prefix, 0) == 0) return "CPV " + cpv;
  std::string title = Lower(net.node(process).name);
  for (const auto& word : s.List("title_words"))
    if (title.find(Lower(word)) != std::string::npos) return "\"" + word + "\" in the title";
  return {};
}

}  // namespace

void HighRiskCategory(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  for (uint32_t process : internal::Processes(net)) {
    auto awards = internal::Awards(net, process);
    if (awards.empty()) continue;
    std::string reason = Reason(net, process, s);
    if (reason.empty()) continue;
    const Edge* buyer = internal::BuyerLink(net, process);
    Finding on_process{"P3", process, s.weight()};
    on_process.summary = "a high-risk market: " + reason;
    if (buyer) internal::Cite(on_process, buyer->record, "the tender: " + reason);
    for (const auto& award : awards) {
      Finding f{"P3", award.org, s.weight()};
      f.summary = "awarded " + internal::ProcessLabel(net, process) + ", a high-risk market: " + reason;
      internal::Cite(f, net.edges()[award.edge].record, "the award");
      if (buyer) internal::Cite(f, buyer->record, "the tender: " + reason);
      internal::Cite(on_process, net.edges()[award.edge].record, "awarded to " + internal::NameOf(net, award.org));
      out->push_back(std::move(f));
    }
    out->push_back(std::move(on_process));
  }
}

}  // namespace cairn::risk
