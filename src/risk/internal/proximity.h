// How far each entity is from the nearest intelligence subject, walking only the links that mean
// something shared: an officer, a PSC, an address, a licence or premises (N1, and L1 after it).
#pragma once

#include <cstdint>
#include <vector>

#include "risk/network.h"

namespace cairn::risk::internal {

struct Reach {
  int hops = -1;          // -1: not within reach
  uint32_t subject = 0;   // the nearest subject's node
  uint32_t parent = 0;    // the previous node on the path, and the link to it
  uint32_t via = 0;
};

enum class Subjects { kAll, kSocgMembers, kLone };

// Breadth first from every node with an intelligence subject record of the given sort (kSocgMembers:
// records naming a SOC group; kLone: the others), in node order, to at most `max_hops` links;
// nodes with more than `max_degree` links are reached but not walked through.
std::vector<Reach> ReachFromSubjects(const Network& net, int max_hops, int max_degree, Subjects which = Subjects::kAll);

// The subject record a reach starts from (of the sort asked for).
const Subject& SourceSubject(const Network& net, const Reach& r, Subjects which = Subjects::kAll);

// The records along node i's path back to its subject, nearest first.
std::vector<int64_t> PathRecords(const Network& net, const std::vector<Reach>& reach, uint32_t i);

}  // namespace cairn::risk::internal
