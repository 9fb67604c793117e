#include "graph/analytics.h"

#include <igraph/igraph.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace cairn::graph {
namespace {

// Owns an igraph object and its destructor.
template <typename T, igraph_error_t (*Init)(T*, igraph_integer_t), void (*Destroy)(T*)>
struct Owned {
  T value;
  bool ok = false;
  explicit Owned(igraph_integer_t n = 0) { ok = Init(&value, n) == IGRAPH_SUCCESS; }
  ~Owned() { if (ok) Destroy(&value); }
  T* get() { return &value; }
};
using IntVector = Owned<igraph_vector_int_t, igraph_vector_int_init, igraph_vector_int_destroy>;
using RealVector = Owned<igraph_vector_t, igraph_vector_init, igraph_vector_destroy>;

}  // namespace

Result<std::vector<NodeMetrics>> Analyse(int64_t n, const std::vector<std::pair<int64_t, int64_t>>& raw_edges,
                                         double betweenness_cutoff) {
  std::vector<NodeMetrics> out(static_cast<size_t>(n), NodeMetrics{});
  if (n == 0) return out;
  // Simple graph: one edge per pair, no self-loops.
  std::set<std::pair<int64_t, int64_t>> unique;
  for (auto [a, b] : raw_edges) {
    if (a == b) continue;
    unique.insert({std::min(a, b), std::max(a, b)});
  }
  IntVector edges(igraph_integer_t(unique.size() * 2));
  if (!edges.ok) return Internal("igraph: cannot allocate edges");
  igraph_integer_t i = 0;
  for (auto [a, b] : unique) {
    VECTOR(edges.value)[i++] = a;
    VECTOR(edges.value)[i++] = b;
  }
  igraph_t g;
  if (igraph_create(&g, edges.get(), n, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS) return Internal("igraph: cannot build the graph");
  std::unique_ptr<igraph_t, void (*)(igraph_t*)> guard(&g, [](igraph_t* p) { igraph_destroy(p); });
  igraph_rng_seed(igraph_rng_default(), 20261122);

  IntVector components, degree, communities;
  RealVector betweenness;
  igraph_integer_t count = 0;
  if (igraph_connected_components(&g, components.get(), nullptr, &count, IGRAPH_WEAK) != IGRAPH_SUCCESS ||
      igraph_degree(&g, degree.get(), igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS) != IGRAPH_SUCCESS ||
      igraph_community_multilevel(&g, nullptr, 1.0, communities.get(), nullptr, nullptr) != IGRAPH_SUCCESS ||
      igraph_betweenness_cutoff(&g, betweenness.get(), igraph_vss_all(), false, nullptr, betweenness_cutoff) != IGRAPH_SUCCESS) {
    return Internal("igraph: analytics failed");
  }
  std::map<int64_t, int64_t> component_size, community_size;
  for (int64_t v = 0; v < n; ++v) {
    ++component_size[VECTOR(components.value)[v]];
    ++community_size[VECTOR(communities.value)[v]];
  }
  for (int64_t v = 0; v < n; ++v) {
    NodeMetrics& m = out[size_t(v)];
    m.component = VECTOR(components.value)[v];
    m.component_size = component_size[m.component];
    m.community = VECTOR(communities.value)[v];
    m.community_size = community_size[m.community];
    m.degree = VECTOR(degree.value)[v];
    m.betweenness = VECTOR(betweenness.value)[v];
  }
  return out;
}

}  // namespace cairn::graph
