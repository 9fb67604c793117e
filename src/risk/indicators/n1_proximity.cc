// N1 Network proximity: close, through shared officers, PSCs, addresses or licences, to someone
// or something police intelligence names (the strategy's Detect strand). It rests on
// intelligence, so the finding is restricted to the record's owner; partners see "refer".
#include <cmath>
#include <optional>
#include <utility>

#include "risk/indicators.h"
#include "risk/internal/common.h"
#include "risk/internal/proximity.h"

namespace cairn::risk {

void NetworkProximity(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  using internal::Subjects;
  const int hops = int(s.Number("max_hops")), degree = int(s.Number("max_degree"));
  // A record tying someone to a mapped SOC group counts for more than one about a lone subject.
  const std::pair<Subjects, double> kinds[] = {{Subjects::kSocgMembers, s.weight()}, {Subjects::kLone, s.Number("lone_subject_weight")}};
  std::vector<std::optional<Finding>> best(net.nodes().size());
  for (const auto& [which, weight] : kinds) {
    auto reach = internal::ReachFromSubjects(net, hops, degree, which);
    for (uint32_t i = 0; i < net.nodes().size(); ++i) {
      const auto& r = reach[i];
      const Node& n = net.node(i);
      if (r.hops < 0 || (n.kind != "person" && n.kind != "organisation")) continue;
      double score = weight * std::pow(s.Number("decay"), std::max(r.hops, 1) - 1);
      if (best[i] && best[i]->score >= score) continue;
      const Subject& subject = internal::SourceSubject(net, r, which);
      Finding f{"N1", i, score};
      f.restricted = true;
      f.owner = subject.owner;
      f.summary = r.hops == 0 ? "named in an intelligence record"
                              : std::to_string(r.hops) + " link" + (r.hops > 1 ? "s" : "") + " from " +
                                    internal::NameOf(net, r.subject) + ", named in an intelligence record";
      if (!subject.socg.empty()) f.summary += " (SOC group " + subject.socg + ")";
      internal::Cite(f, subject.record, "intelligence subject record");
      for (int64_t record : internal::PathRecords(net, reach, i)) internal::Cite(f, record, "a link on the path");
      best[i] = std::move(f);
    }
  }
  for (auto& f : best) {
    if (f) out->push_back(std::move(*f));
  }
}

}  // namespace cairn::risk
