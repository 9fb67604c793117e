// C5 Opaque ownership: distance to the beneficial owner (Transcrime/DATACROS). Corporate layers
// before the first individual, a layer registered abroad, or a trading company that names no
// one with significant control.
#include <algorithm>
#include <set>

#include "risk/indicators.h"
#include "risk/internal/common.h"

namespace cairn::risk {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct Chain {
  int layers = 0;              // corporate layers before the first individual (or the top)
  std::vector<uint32_t> path;  // psc_of edges walked
  std::string foreign;         // a layer's country outside the UK, if any
  int64_t foreign_record = 0;
};

// Walks corporate PSCs upward from company c, breadth first, to at most `limit` layers.
Chain Walk(const Network& net, uint32_t c, int today, const std::vector<std::string>& uk, int limit) {
  Chain chain;
  std::vector<uint32_t> level = {c};
  std::set<uint32_t> seen = {c};
  for (int depth = 0; depth < limit && !level.empty(); ++depth) {
    std::vector<uint32_t> next;
    for (uint32_t n : level) {
      for (uint32_t e : net.into(n)) {
        const Edge& edge = net.edges()[e];
        if (edge.type != "psc_of" || !internal::Current(edge, today)) continue;
        if (net.node(edge.from).kind == "person") return chain;  // an individual at this depth
        if (!seen.insert(edge.from).second) continue;
        chain.path.push_back(e);
        std::string country = Lower(edge.detail.value("country_registered", std::string()));
        if (!country.empty() && std::find(uk.begin(), uk.end(), country) == uk.end() && chain.foreign.empty()) {
          chain.foreign = edge.detail.value("country_registered", std::string());
          chain.foreign_record = edge.record;
        }
        next.push_back(edge.from);
      }
    }
    if (next.empty()) return chain;
    chain.layers = depth + 1;
    level = std::move(next);
  }
  return chain;
}

}  // namespace

void OpaqueOwnership(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  const int today = internal::Today(net);
  std::vector<std::string> uk;
  for (const auto& c : s.List("uk_countries")) uk.push_back(Lower(c));
  const int min_layers = int(s.Number("min_layers"));
  for (uint32_t c = 0; c < net.nodes().size(); ++c) {
    const Node& company = net.node(c);
    if (!internal::IsActiveCompany(company)) continue;
    Chain chain = Walk(net, c, today, uk, std::max(min_layers, 1) + 3);
    Finding f{"C5", c, s.weight()};
    std::vector<std::string> reasons;
    if (chain.layers >= min_layers && min_layers > 0) {
      reasons.push_back(std::to_string(chain.layers) + " corporate layers before any individual with significant control");
    }
    if (!chain.foreign.empty()) {
      reasons.push_back("an owning company registered in " + chain.foreign);
      internal::Cite(f, chain.foreign_record, "a corporate PSC registered in " + chain.foreign);
    }
    bool statement = company.psc_statement.find("no-individual") != std::string::npos;
    if (statement && !internal::HasSic(company, s.List("holding_sic_codes"))) {
      reasons.push_back("a statement that no individual has significant control, on a trading company");
      internal::Cite(f, company.psc_statement_record, "PSC statement: " + company.psc_statement);
    }
    if (reasons.empty()) continue;
    for (uint32_t e : chain.path) {
      internal::Cite(f, net.edges()[e].record, internal::NameOf(net, net.edges()[e].from) + " has significant control of " +
                                                   internal::NameOf(net, net.edges()[e].to));
    }
    for (size_t i = 0; i < reasons.size(); ++i) f.summary += (i ? "; " : "") + reasons[i];
    out->push_back(std::move(f));
  }
}

}  // namespace cairn::risk
