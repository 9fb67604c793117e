// Network analytics over the resolved network, with igraph: connected components, communities
// (Leiden by modularity, seeded so results repeat), degree, and betweenness over paths of at most two links
// (exact betweenness is O(nodes × links), too slow for a national network; see Analyse).
#pragma once

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "common/status.h"

namespace cairn::graph {

// A link between two nodes, by their indices. Indices fit 32 bits (Analyse refuses more than
// 2^31 nodes), which halves what a national network's tens of millions of links take.
using Edge = std::pair<int32_t, int32_t>;

struct NodeMetrics {
  int64_t component = 0, component_size = 0;
  int64_t community = 0, community_size = 0;
  int64_t degree = 0;
  double betweenness = 0;
};

// Metrics for nodes 0..n-1 of the undirected graph with these edges (pairs of node indices;
// repeated edges count once for degree). Internal if igraph fails.
//
// Betweenness counts only shortest paths of at most two links: local brokerage (who joins
// otherwise separate circles), which is what an analyst reads it for. Full betweenness costs
// O(nodes x links), and through hubs such as a formation agent's address even a cut-off of 4
// reaches most of the register; two links cost the sum of squared degrees.
// The edges are taken by value: pass them with std::move when they are not needed after.
// `on_step`, if given, hears of each step as it ends ("components and degree", "communities",
// "betweenness"), so a national run can say which of them its time went to.
Result<std::vector<NodeMetrics>> Analyse(int64_t n, std::vector<Edge> edges,
                                         const std::function<void(const char* step)>& on_step = {});

}  // namespace cairn::graph
