#include "risk/detect.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tbb/parallel_for.h>
#include <tuple>

namespace cairn::risk {
namespace {

using Key = std::tuple<uint32_t, std::string, bool, int64_t>;  // node, indicator, restricted, owner

std::vector<Finding> Merge(std::vector<Finding> all) {
  std::map<Key, Finding> merged;
  for (auto& f : all) {
    Key key{f.node, f.indicator, f.restricted, f.owner.value_or(0)};
    auto [it, fresh] = merged.try_emplace(key, f);
    if (fresh) continue;
    Finding& m = it->second;
    m.score = std::max(m.score, f.score);
    if (m.summary.find(f.summary) == std::string::npos) m.summary += "; " + f.summary;
    for (auto& e : f.evidence) {
      if (std::find(m.evidence.begin(), m.evidence.end(), e) == m.evidence.end()) m.evidence.push_back(std::move(e));
    }
  }
  std::vector<Finding> out;
  out.reserve(merged.size());
  for (auto& [_, f] : merged) out.push_back(std::move(f));
  return out;
}

}  // namespace

const std::vector<IndicatorInfo>& AllIndicators() {
  static const std::vector<IndicatorInfo> kAll = {
      {"C1", "Officer churn", OfficerChurn},
      {"C2", "Phoenix pattern", PhoenixPattern},
      {"C3", "Mass-registration address", MassRegistration},
      {"C4", "Nominee pattern", NomineePattern},
      {"C5", "Opaque ownership", OpaqueOwnership},
      {"C6", "Vulnerable sector", VulnerableSector},
      {"C7", "Name churn", NameChurn},
      {"C8", "Young company, large award", YoungCompanyLargeAward},
      {"C9", "Dormant then trading", DormantThenTrading},
      {"N1", "Network proximity", NetworkProximity},
      {"N2", "Co-location", CoLocation},
      {"B1", "Front business", FrontBusiness},
      {"B2", "Exploitation", Exploitation},
      {"L1", "Licensing", Licensing},
      {"P1", "Related bidders", RelatedBidders},
      {"P2", "Young supplier, large award", YoungSupplierLargeAward},
      {"P3", "High-risk category", HighRiskCategory},
      {"P4", "Split purchases", SplitPurchases},
      {"P5", "Supplier near a subject", SupplierNearSubject},
      {"P7", "Shell bidder", ShellBidder},
  };
  return kAll;
}

std::vector<Finding> Detect(const Network& net, const Settings& settings) {
  const auto& all = AllIndicators();
  std::vector<std::vector<Finding>> found(all.size());
  tbb::parallel_for(size_t(0), all.size(), [&](size_t i) {
    const Section& section = settings[all[i].code];
    if (section.enabled) all[i].run(net, section, settings, &found[i]);
  });
  std::vector<Finding> flat;
  for (auto& list : found) {
    for (auto& f : list) flat.push_back(std::move(f));
  }
  return Merge(std::move(flat));
}

std::vector<Risk> Combine(const Network& net, const std::vector<const Finding*>& findings, const Section& settings,
                          bool include_restricted) {
  const size_t n = net.nodes().size();
  std::vector<Risk> risk(n);
  std::vector<double> keep(n, 1.0);  // Π(1 − score)
  for (const Finding* f : findings) {
    if (f->restricted && !include_restricted) continue;
    keep[f->node] *= 1.0 - std::clamp(f->score, 0.0, 1.0);
  }
  for (size_t i = 0; i < n; ++i) risk[i].own = 1.0 - keep[i];

  const double w = settings.Number("neighbour_weight");
  const int hops = int(settings.Number("neighbour_hops"));
  const size_t max_degree = size_t(settings.Number("max_degree_to_pass"));
  auto passes = [&](uint32_t e) {
    const Edge& edge = net.edges()[e];
    if (edge.restricted && !include_restricted) return false;
    return net.node(edge.from).kind != "process" && net.node(edge.to).kind != "process";
  };
  auto degree = [&](uint32_t i) { return net.into(i).size() + net.out_of(i).size(); };
  // From each node with risk of its own, breadth first; the best offer at each node wins.
  std::vector<int> seen(n, -1);
  for (uint32_t source = 0; source < n; ++source) {
    if (risk[source].own <= 0 || degree(source) > max_degree) continue;
    std::vector<uint32_t> frontier = {source};
    seen[source] = int(source);
    double offer = risk[source].own;
    for (int hop = 1; hop <= hops && !frontier.empty(); ++hop) {
      offer *= w;
      std::vector<uint32_t> next;
      for (uint32_t at : frontier) {
        if (at != source && degree(at) > max_degree) continue;
        for (const auto* list : {&net.out_of(at), &net.into(at)}) {
          for (uint32_t e : *list) {
            if (!passes(e)) continue;
            uint32_t m = net.Other(e, at);
            if (seen[m] == int(source)) continue;
            seen[m] = int(source);
            risk[m].neighbours = std::max(risk[m].neighbours, offer);
            next.push_back(m);
          }
        }
      }
      frontier = std::move(next);
    }
  }
  for (auto& r : risk) r.risk = 1.0 - (1.0 - r.own) * (1.0 - r.neighbours);
  return risk;
}

}  // namespace cairn::risk
