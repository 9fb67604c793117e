#include "risk/internal/proximity.h"

#include <set>
#include <string>

namespace cairn::risk::internal {
namespace {

bool Shared(const std::string& type) {
  static const std::set<std::string> kTypes = {"officer_of", "psc_of", "registered_at", "lives_at",
                                               "licence_holder_of", "manages", "trades_at"};
  return kTypes.count(type) > 0;
}

bool Wanted(const Subject& s, Subjects which) {
  return which == Subjects::kAll || (which == Subjects::kSocgMembers) == !s.socg.empty();
}

bool HasWanted(const Node& n, Subjects which) {
  for (const auto& s : n.subjects) {
    if (Wanted(s, which)) return true;
  }
  return false;
}

}  // namespace

const Subject& SourceSubject(const Network& net, const Reach& r, Subjects which) {
  for (const auto& s : net.node(r.subject).subjects) {
    if (Wanted(s, which)) return s;
  }
  return net.node(r.subject).subjects.front();
}

std::vector<Reach> ReachFromSubjects(const Network& net, int max_hops, int max_degree, Subjects which) {
  std::vector<Reach> reach(net.nodes().size());
  std::vector<uint32_t> frontier;
  for (uint32_t i = 0; i < net.nodes().size(); ++i) {
    if (!HasWanted(net.node(i), which)) continue;
    reach[i] = {0, i, i, 0};
    frontier.push_back(i);
  }
  for (int hop = 1; hop <= max_hops && !frontier.empty(); ++hop) {
    std::vector<uint32_t> next;
    for (uint32_t n : frontier) {
      if (net.into(n).size() + net.out_of(n).size() > size_t(max_degree)) continue;
      for (const auto* list : {&net.out_of(n), &net.into(n)}) {
        for (uint32_t e : *list) {
          if (!Shared(net.edges()[e].type)) continue;
          uint32_t m = net.Other(e, n);
          if (reach[m].hops >= 0) continue;
          reach[m] = {hop, reach[n].subject, n, e};
          next.push_back(m);
        }
      }
    }
    frontier = std::move(next);
  }
  return reach;
}

std::vector<int64_t> PathRecords(const Network& net, const std::vector<Reach>& reach, uint32_t i) {
  std::vector<int64_t> out;
  while (reach[i].hops > 0) {
    out.push_back(net.edges()[reach[i].via].record);
    i = reach[i].parent;
  }
  return out;
}

}  // namespace cairn::risk::internal
