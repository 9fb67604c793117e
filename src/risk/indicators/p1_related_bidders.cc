// P1 Related bidders: two bidders in one process share an officer, a PSC or an address through
// the resolved network — the cover-bidding a SOC group uses to make one of its firms look like
// the cheapest of several (OCP's R044 sees only identical strings; resolution sees the person).
#include <map>
#include <tuple>

#include "risk/indicators.h"
#include "risk/internal/common.h"
#include "risk/internal/procurement.h"

namespace cairn::risk {
namespace {

// The people and addresses tied to `org` at `date` (a bid date, or "" for now): officers and
// PSCs, registered and trading addresses, with the link's record. Anything with more than
// `max_degree` links is left out: it relates too many firms to mean anything.
std::map<uint32_t, int64_t> Anchors(const Network& net, uint32_t org, const std::string& date, size_t max_degree) {
  std::map<uint32_t, int64_t> out;
  auto day = internal::Day(date);
  int when = day ? *day : internal::Today(net);
  auto consider = [&](uint32_t e) {
    const Edge& edge = net.edges()[e];
    bool ties = edge.type == "officer_of" || edge.type == "psc_of" || edge.type == "registered_at" || edge.type == "trades_at";
    if (!ties || edge.restricted || !internal::Current(edge, when)) return;
    uint32_t other = net.Other(e, org);
    if (net.into(other).size() + net.out_of(other).size() > max_degree) return;
    out.emplace(other, edge.record);
  };
  for (uint32_t e : net.into(org)) consider(e);
  for (uint32_t e : net.out_of(org)) consider(e);
  return out;
}

std::string What(const Node& anchor) {
  return anchor.kind == "address" ? "the address " : anchor.kind == "person" ? "" : "the company ";
}

}  // namespace

void RelatedBidders(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  const size_t max_degree = size_t(s.Number("max_degree"));
  for (uint32_t process : internal::Processes(net)) {
    auto bidders = internal::Bidders(net, process);
    if (bidders.size() < 2) continue;
    std::vector<std::map<uint32_t, int64_t>> anchors;
    for (const auto& b : bidders) anchors.push_back(Anchors(net, b.org, net.edges()[b.edge].start, max_degree));
    Finding on_process{"P1", process, s.weight()};
    for (size_t i = 0; i < bidders.size(); ++i) {
      for (size_t j = i + 1; j < bidders.size(); ++j) {
        for (const auto& [anchor, record] : anchors[i]) {
          auto shared = anchors[j].find(anchor);
          if (shared == anchors[j].end()) continue;
          const Node& a = net.node(anchor);
          std::string tie = What(a) + internal::NameOf(net, anchor);
          uint32_t first = bidders[i].org, second = bidders[j].org;
          for (auto [self, other, self_bid] : {std::tuple{first, second, bidders[i].edge}, std::tuple{second, first, bidders[j].edge}}) {
            Finding f{"P1", self, s.weight()};
            f.summary = "bid against " + internal::NameOf(net, other) + " for " + internal::ProcessLabel(net, process) +
                        "; both tied to " + tie;
            internal::Cite(f, net.edges()[self_bid].record, "its bid");
            internal::Cite(f, self == first ? record : shared->second, "its tie to " + tie);
            internal::Cite(f, self == first ? shared->second : record, internal::NameOf(net, other) + "'s tie to " + tie);
            out->push_back(std::move(f));
          }
          if (on_process.summary.empty())
            on_process.summary = internal::NameOf(net, first) + " and " + internal::NameOf(net, second) + " bid against each other; both tied to " + tie;
          internal::Cite(on_process, net.edges()[bidders[i].edge].record, internal::NameOf(net, first) + "'s bid");
          internal::Cite(on_process, net.edges()[bidders[j].edge].record, internal::NameOf(net, second) + "'s bid");
          internal::Cite(on_process, record, internal::NameOf(net, first) + "'s tie to " + tie);
          internal::Cite(on_process, shared->second, internal::NameOf(net, second) + "'s tie to " + tie);
          break;  // one tie per pair is enough to say they are related
        }
      }
    }
    if (!on_process.evidence.empty()) out->push_back(std::move(on_process));
  }
}

}  // namespace cairn::risk
