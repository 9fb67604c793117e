#include "graph/analytics.h"

#include <gtest/gtest.h>
#include <igraph/igraph.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace cairn::graph {
namespace {

// igraph's own graph of `edges` on n nodes, simple as Analyse makes it: each pair once, no
// self-links. The caller destroys it.
igraph_t SimpleGraph(int64_t n, const std::vector<Edge>& edges) {
  igraph_vector_int_t ev;
  igraph_vector_int_init(&ev, 0);
  for (auto [a, b] : edges) {
    igraph_vector_int_push_back(&ev, a);
    igraph_vector_int_push_back(&ev, b);
  }
  igraph_t g;
  igraph_create(&g, &ev, n, IGRAPH_UNDIRECTED);
  igraph_vector_int_destroy(&ev);
  igraph_simplify(&g, true, true, nullptr);
  return g;
}

TEST(Analytics, ComponentsDegreeAndBrokers) {
  // Two triangles joined through node 6 (a broker, linked to two nodes of each), and a
  // separate pair 7–8.
  std::vector<Edge> edges = {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3},
                                                    {1, 6}, {2, 6}, {6, 3}, {6, 4}, {7, 8}, {7, 8}};
  auto m = Analyse(9, edges);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ((*m)[0].component, (*m)[5].component);
  EXPECT_NE((*m)[0].component, (*m)[7].component);
  EXPECT_EQ((*m)[0].component_size, 7);
  EXPECT_EQ((*m)[7].component_size, 2);
  EXPECT_EQ((*m)[7].degree, 1) << "a repeated link counts once";
  EXPECT_EQ((*m)[2].degree, 3);
  EXPECT_EQ((*m)[6].degree, 4);
  double top = 0;
  int64_t broker = -1;
  for (int64_t v = 0; v < 9; ++v) {
    if ((*m)[size_t(v)].betweenness > top) top = (*m)[size_t(v)].betweenness, broker = v;
  }
  EXPECT_EQ(broker, 6) << "the node joining the two groups has the highest betweenness";
  EXPECT_EQ((*m)[0].community, (*m)[1].community);
  EXPECT_NE((*m)[0].community, (*m)[4].community) << "the two triangles are separate communities";
}

TEST(Analytics, ResultsRepeat) {
  std::vector<Edge> edges;
  for (int64_t i = 0; i < 200; ++i) edges.emplace_back(i, (i * 7 + 3) % 200);
  auto a = Analyse(200, edges), b = Analyse(200, edges);
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t i = 0; i < 200; ++i) EXPECT_EQ((*a)[i].community, (*b)[i].community);
}

// The hand-written two-link betweenness agrees with igraph's own cut-off betweenness, which is
// exact but too slow for a whole register.
TEST(Analytics, BetweennessMatchesIgraphWithCutoffTwo) {
  std::mt19937 rng(7);
  const int64_t n = 300;
  std::vector<Edge> edges;
  for (int i = 0; i < 700; ++i) edges.emplace_back(int64_t(rng() % n), int64_t(rng() % n));
  for (int i = 1; i < 40; ++i) edges.emplace_back(0, i);  // a hub, like an agent's address
  auto m = Analyse(n, edges);
  ASSERT_TRUE(m.ok());

  igraph_t g = SimpleGraph(n, edges);
  igraph_vector_t expected;
  igraph_vector_init(&expected, 0);
  igraph_betweenness_cutoff(&g, &expected, igraph_vss_all(), false, nullptr, 2);
  for (int64_t v = 0; v < n; ++v) EXPECT_NEAR((*m)[size_t(v)].betweenness, VECTOR(expected)[v], 1e-6) << "node " << v;
  igraph_vector_destroy(&expected);
  igraph_destroy(&g);
}

TEST(Analytics, EachStepIsHeardOfInOrder) {
  std::vector<std::string> heard;
  auto m = Analyse(4, {{0, 1}, {1, 2}, {2, 3}}, [&](const char* step) { heard.push_back(step); });
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(heard, (std::vector<std::string>{"components and degree", "communities", "betweenness"}));
  EXPECT_EQ((*m)[1].betweenness, 1) << "the steps are heard of without changing the figures";
}

TEST(Analytics, EmptyAndIsolatedNodes) {
  EXPECT_TRUE(Analyse(0, {})->empty());
  auto m = Analyse(3, {});
  ASSERT_TRUE(m.ok());
  EXPECT_EQ((*m)[2].component_size, 1);
  EXPECT_EQ((*m)[2].degree, 0);
  EXPECT_EQ((*m)[2].community_size, 1) << "with no links every node is its own community";
  EXPECT_NE((*m)[1].community, (*m)[2].community);
  m = Analyse(4, {{0, 1}});
  ASSERT_TRUE(m.ok());
  EXPECT_EQ((*m)[0].community, (*m)[1].community);
  EXPECT_EQ((*m)[3].community_size, 1) << "an isolated node beside a link is alone";
}

// Twenty groups of six, everyone in a group linked, each group linked to the next by one link:
// each group is a community.
TEST(Analytics, CommunitiesAreTheDenseGroups) {
  std::vector<Edge> edges;
  const int64_t groups = 20, size = 6;
  for (int64_t g = 0; g < groups; ++g) {
    for (int64_t a = 0; a < size; ++a) {
      for (int64_t b = a + 1; b < size; ++b) edges.emplace_back(g * size + a, g * size + b);
    }
    edges.emplace_back(g * size, ((g + 1) % groups) * size + 1);
  }
  auto m = Analyse(groups * size, edges);
  ASSERT_TRUE(m.ok());
  for (int64_t v = 0; v < groups * size; ++v) {
    EXPECT_EQ((*m)[size_t(v)].community, (*m)[size_t(v - v % size)].community) << "node " << v;
    EXPECT_EQ((*m)[size_t(v)].community_size, size) << "node " << v;
    if (v >= size) {
      EXPECT_NE((*m)[size_t(v)].community, (*m)[size_t(v - size)].community) << "node " << v;
    }
  }
}

// On a random network the communities are at least as good by modularity as igraph's Louvain
// finds, and each holds together: its members reach one another without leaving it (Leiden's
// guarantee; Louvain's communities can fall apart).
TEST(Analytics, CommunitiesMatchLouvainAndHoldTogether) {
  std::mt19937 rng(11);
  const int64_t n = 2000;
  std::vector<Edge> edges;
  for (int i = 0; i < 3000; ++i) {
    int64_t a = int64_t(rng() % n);
    edges.emplace_back(a, rng() % 4 == 0 ? int64_t(rng() % n) : (a + 1 + int64_t(rng() % 20)) % n);
  }
  auto m = Analyse(n, edges);
  ASSERT_TRUE(m.ok());

  igraph_t g = SimpleGraph(n, edges);
  igraph_vector_int_t membership, louvain;
  igraph_vector_int_init(&membership, n);
  for (int64_t v = 0; v < n; ++v) VECTOR(membership)[v] = (*m)[size_t(v)].community;
  igraph_vector_int_init(&louvain, 0);
  igraph_community_multilevel(&g, nullptr, 1.0, &louvain, nullptr, nullptr);
  igraph_real_t ours = 0, theirs = 0;
  igraph_modularity(&g, &membership, nullptr, 1, IGRAPH_UNDIRECTED, &ours);
  igraph_modularity(&g, &louvain, nullptr, 1, IGRAPH_UNDIRECTED, &theirs);
  EXPECT_GT(ours, 0.5);
  EXPECT_GE(ours, theirs - 0.01) << "Louvain " << theirs;

  // Each community's members, walked from its first over links inside it, are all reached.
  std::vector<std::vector<int64_t>> adj{size_t(n)};
  for (auto [a, b] : edges) adj[size_t(a)].push_back(b), adj[size_t(b)].push_back(a);
  std::map<int64_t, int64_t> members;
  for (int64_t v = 0; v < n; ++v) ++members[(*m)[size_t(v)].community];
  std::set<int64_t> walked;
  for (int64_t start = 0; start < n; ++start) {
    const int64_t c = (*m)[size_t(start)].community;
    if (!walked.insert(c).second) continue;
    std::vector<bool> seen(size_t(n), false);
    std::vector<int64_t> stack = {start};  // members reached but not yet walked from
    seen[size_t(start)] = true;
    int64_t reached = 0;
    while (!stack.empty()) {
      int64_t v = stack.back();
      stack.pop_back();
      ++reached;
      for (int64_t w : adj[size_t(v)]) {
        if (!seen[size_t(w)] && (*m)[size_t(w)].community == c) seen[size_t(w)] = true, stack.push_back(w);
      }
    }
    EXPECT_EQ(reached, members[c]) << "community " << c;
    EXPECT_EQ((*m)[size_t(start)].community_size, members[c]);
  }
  igraph_vector_int_destroy(&louvain);
  igraph_vector_int_destroy(&membership);
  igraph_destroy(&g);
}

}  // namespace
}  // namespace cairn::graph
