#include "graph/analytics.h"

#include <igraph/igraph.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <climits>
#include <map>
#include <memory>
#include <span>

#include "common/memory.h"

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

// Communities by Leiden optimising modularity: node weights the degrees and resolution 1/2m make
// igraph's constant Potts model the modularity that Louvain (igraph_community_multilevel)
// optimises. Leiden refines each community before merging, so none comes out disconnected, and it
// was measured quicker at the same or better modularity: Scotland's network 3.2–6.9 s against
// 15.0 s, 0.746–0.750 against 0.746; the uk network 586 s (docs/benchmarks.md). Two iterations,
// as the Leiden authors' own implementation does by default. With no links every node is alone.
igraph_error_t Communities(const igraph_t& g, const IntVector& degree, igraph_vector_int_t* membership) {
  const igraph_integer_t n = igraph_vcount(&g), links = igraph_ecount(&g);
  if (links == 0) {
    IGRAPH_CHECK(igraph_vector_int_resize(membership, n));
    for (igraph_integer_t v = 0; v < n; ++v) VECTOR(*membership)[v] = v;
    return IGRAPH_SUCCESS;
  }
  RealVector weights(n);
  if (!weights.ok) return IGRAPH_ENOMEM;
  for (igraph_integer_t v = 0; v < n; ++v) VECTOR(weights.value)[v] = double(VECTOR(degree.value)[v]);
  igraph_integer_t count = 0;
  return igraph_community_leiden(&g, nullptr, weights.get(), 1.0 / (2.0 * double(links)), 0.01, false, 2,
                                 membership, &count, nullptr);
}

// Betweenness over shortest paths of at most two links, by hand: igraph's cut-off betweenness
// resets per-node state for every source, which is quadratic in the nodes (hours at Scotland
// scale). Here a path of two links a–v–b counts when a and b are not linked themselves, and v
// gets 1/k of the pair when k such middles exist; cost is the sum of squared degrees, run in
// parallel over sources. Each unordered pair counts once, as igraph counts undirected pairs.
// Shares are summed as integers (units of 1e-9), which add up the same in any order, so the
// figures repeat exactly however the threads divide the work.
std::vector<double> TwoLinkBetweenness(int32_t n, const std::vector<Edge>& edges) {
  constexpr int64_t kUnit = 1'000'000'000;
  // Neighbours in one array, node v's from start[v] to start[v + 1] (a vector per node cost a
  // heap block and its spare room each).
  std::vector<int64_t> start(size_t(n) + 1, 0);
  for (auto [a, b] : edges) ++start[size_t(a) + 1], ++start[size_t(b) + 1];
  for (size_t v = 0; v < size_t(n); ++v) start[v + 1] += start[v];
  std::vector<int32_t> neighbours(size_t(start[size_t(n)]));
  {
    std::vector<int64_t> next(start.begin(), start.end() - 1);
    for (auto [a, b] : edges) {
      neighbours[size_t(next[size_t(a)]++)] = int32_t(b);
      neighbours[size_t(next[size_t(b)]++)] = int32_t(a);
    }
  }
  auto adj = [&](int32_t v) {
    return std::span<const int32_t>(neighbours.data() + start[size_t(v)], size_t(start[size_t(v) + 1] - start[size_t(v)]));
  };
  struct Scratch {
    std::vector<int32_t> linked, seen;
    std::vector<int32_t> paths;
    std::vector<int64_t> betweenness;  // units of kUnit
  };
  tbb::enumerable_thread_specific<Scratch> scratch([n] {
    return Scratch{std::vector<int32_t>(size_t(n), -1), std::vector<int32_t>(size_t(n), -1),
                   std::vector<int32_t>(size_t(n), 0), std::vector<int64_t>(size_t(n), 0)};
  });
  tbb::parallel_for(tbb::blocked_range<int32_t>(0, n, 1024), [&](const tbb::blocked_range<int32_t>& range) {
    Scratch& s = scratch.local();
    for (int32_t a = range.begin(); a != range.end(); ++a) {
      for (int32_t v : adj(a)) s.linked[size_t(v)] = a;
      // Count the two-link paths from a to each b > a that a is not linked to directly...
      for (int32_t v : adj(a)) {
        for (int32_t b : adj(v)) {
          if (b <= a || s.linked[size_t(b)] == a) continue;
          if (s.seen[size_t(b)] != a) s.seen[size_t(b)] = a, s.paths[size_t(b)] = 0;
          ++s.paths[size_t(b)];
        }
      }
      // ...and share each pair among its middles.
      for (int32_t v : adj(a)) {
        for (int32_t b : adj(v)) {
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

Result<std::vector<NodeMetrics>> Analyse(int64_t n, std::vector<Edge> edges,
                                         const std::function<void(const char* step)>& on_step) {
  auto stepped = [&](const char* step) {
    if (on_step) on_step(step);
  };
  // Made once community detection has given back what it took: at national scale the metrics
  // (48 bytes a node) would otherwise sit beside its peak.
  std::vector<NodeMetrics> out;
  if (n == 0) return out;
  if (n > INT32_MAX) return InvalidArgument("network analytics: more than 2^31 entities");
  // Simple graph: one edge per pair, no self-loops (made in place: the edges are the largest
  // thing held here).
  std::erase_if(edges, [](const auto& e) { return e.first == e.second; });
  for (auto& [a, b] : edges) {
    if (a > b) std::swap(a, b);
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  edges.shrink_to_fit();
  {
    igraph_t g;
    {
      IntVector pairs(igraph_integer_t(edges.size() * 2));
      if (!pairs.ok) return Internal("igraph: cannot allocate edges");
      igraph_integer_t i = 0;
      for (auto [a, b] : edges) {
        VECTOR(pairs.value)[i++] = a;
        VECTOR(pairs.value)[i++] = b;
      }
      if (igraph_create(&g, pairs.get(), n, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS) {
        return Internal("igraph: cannot build the graph");
      }
    }  // igraph holds its own copy of the edges now...
    ReleaseMemory(edges);  // ...so ours go, not to sit beside community detection's peak
    std::unique_ptr<igraph_t, void (*)(igraph_t*)> guard(&g, [](igraph_t* p) { igraph_destroy(p); });
    igraph_rng_seed(igraph_rng_default(), 20261122);

    IntVector components, degree, communities;
    igraph_integer_t count = 0;
    if (igraph_connected_components(&g, components.get(), nullptr, &count, IGRAPH_WEAK) != IGRAPH_SUCCESS ||
        igraph_degree(&g, degree.get(), igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS) != IGRAPH_SUCCESS) {
      return Internal("igraph: analytics failed");
    }
    stepped("components and degree");
    if (Communities(g, degree, communities.get()) != IGRAPH_SUCCESS) {
      return Internal("igraph: community detection failed");
    }
    stepped("communities");
    // Betweenness's edges again, as given: igraph numbers edges as they are added, and keeps an
    // undirected edge's larger end first.
    edges.reserve(size_t(igraph_ecount(&g)));
    for (igraph_integer_t e = 0; e < igraph_ecount(&g); ++e) {
      const int32_t from = int32_t(IGRAPH_FROM(&g, e)), to = int32_t(IGRAPH_TO(&g, e));
      edges.emplace_back(std::min(from, to), std::max(from, to));
    }
    out.assign(static_cast<size_t>(n), NodeMetrics{});
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
    }
  }  // the graph is gone before betweenness builds its own lists
  std::vector<double> betweenness = TwoLinkBetweenness(int32_t(n), edges);
  for (int64_t v = 0; v < n; ++v) out[size_t(v)].betweenness = betweenness[size_t(v)];
  stepped("betweenness");
  return out;
}

}  // namespace cairn::graph
