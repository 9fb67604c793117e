#include "graph/analytics.h"

#include <igraph/igraph.h>

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <map>
#include <memory>

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

// Betweenness over shortest paths of at most two links, by hand: igraph's cut-off betweenness
// resets per-node state for every source, which is quadratic in the nodes (hours at Scotland
// scale). Here a path of two links a–v–b counts when a and b are not linked themselves, and v
// gets 1/k of the pair when k such middles exist; cost is the sum of squared degrees, run in
// parallel over sources. Each unordered pair counts once, as igraph counts undirected pairs.
// Shares are summed as integers (units of 1e-9), which add up the same in any order, so the
// figures repeat exactly however the threads divide the work.
std::vector<double> TwoLinkBetweenness(int64_t n, const std::vector<std::pair<int64_t, int64_t>>& edges) {
  constexpr int64_t kUnit = 1'000'000'000;
  std::vector<std::vector<int64_t>> adj(static_cast<size_t>(n));
  for (auto [a, b] : edges) {
    adj[size_t(a)].push_back(b);
    adj[size_t(b)].push_back(a);
  }
  struct Scratch {
    std::vector<int64_t> linked, seen;
    std::vector<int32_t> paths;
    std::vector<int64_t> betweenness;  // units of kUnit
  };
  tbb::enumerable_thread_specific<Scratch> scratch([n] {
    return Scratch{std::vector<int64_t>(size_t(n), -1), std::vector<int64_t>(size_t(n), -1),
                   std::vector<int32_t>(size_t(n), 0), std::vector<int64_t>(size_t(n), 0)};
  });
  tbb::parallel_for(tbb::blocked_range<int64_t>(0, n, 1024), [&](const tbb::blocked_range<int64_t>& range) {
    Scratch& s = scratch.local();
    for (int64_t a = range.begin(); a != range.end(); ++a) {
      for (int64_t v : adj[size_t(a)]) s.linked[size_t(v)] = a;
      // Count the two-link paths from a to each b > a that a is not linked to directly...
      for (int64_t v : adj[size_t(a)]) {
        for (int64_t b : adj[size_t(v)]) {
          if (b <= a || s.linked[size_t(b)] == a) continue;
          if (s.seen[size_t(b)] != a) s.seen[size_t(b)] = a, s.paths[size_t(b)] = 0;
          ++s.paths[size_t(b)];
        }
      }
      // ...and share each pair among its middles.
      for (int64_t v : adj[size_t(a)]) {
        for (int64_t b : adj[size_t(v)]) {
          if (b <= a || s.linked[size_t(b)] == a) continue;
          s.betweenness[size_t(v)] += kUnit / s.paths[size_t(b)];
        }
      }
    }
  });
  std::vector<int64_t> total(size_t(n), 0);
  for (const Scratch& s : scratch) {
    for (size_t v = 0; v < total.size(); ++v) total[v] += s.betweenness[v];
  }
  std::vector<double> out(size_t(n), 0);
  for (size_t v = 0; v < out.size(); ++v) out[v] = double(total[v]) / double(kUnit);
  return out;
}

}  // namespace

Result<std::vector<NodeMetrics>> Analyse(int64_t n, const std::vector<std::pair<int64_t, int64_t>>& raw_edges) {
  std::vector<NodeMetrics> out(static_cast<size_t>(n), NodeMetrics{});
  if (n == 0) return out;
  // Simple graph: one edge per pair, no self-loops.
  std::vector<std::pair<int64_t, int64_t>> unique;
  unique.reserve(raw_edges.size());
  for (auto [a, b] : raw_edges) {
    if (a != b) unique.emplace_back(std::min(a, b), std::max(a, b));
  }
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
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
  igraph_integer_t count = 0;
  if (igraph_connected_components(&g, components.get(), nullptr, &count, IGRAPH_WEAK) != IGRAPH_SUCCESS ||
      igraph_degree(&g, degree.get(), igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS) != IGRAPH_SUCCESS ||
      igraph_community_multilevel(&g, nullptr, 1.0, communities.get(), nullptr, nullptr) != IGRAPH_SUCCESS) {
    return Internal("igraph: analytics failed");
  }
  std::vector<double> betweenness = TwoLinkBetweenness(n, unique);
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
    m.betweenness = betweenness[size_t(v)];
  }
  return out;
}

}  // namespace cairn::graph
