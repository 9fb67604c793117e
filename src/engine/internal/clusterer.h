// Union–find over mentions that remembers why each mention first joined another, and never
// joins two clusters an analyst said hold different entities.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "resolve/cluster.h"

namespace cairn::engine::internal {

class Clusterer {
 public:
  explicit Clusterer(size_t n) : sets_(n), reason_(n), apart_(n) {}

  // Joins `m` to the first mention that had the same key.
  void Key(uint32_t m, const std::string& key, const char* why) {
    auto [it, fresh] = first_.emplace(key, m);
    if (!fresh) Join(m, it->second, why);
  }

  // Whether Join(a, b) would join two clusters (they are apart now and nothing forbids it).
  bool CanJoin(uint32_t a, uint32_t b) {
    uint32_t ra = sets_.Find(a), rb = sets_.Find(b);
    if (ra == rb) return false;
    for (uint32_t other : apart_[ra]) {
      if (sets_.Find(other) == rb) return false;
    }
    return true;
  }
  // True if either mention has no reason yet, so a reason is worth composing.
  bool NeedsReason(uint32_t a, uint32_t b) const { return reason_[a].empty() || reason_[b].empty(); }

  // Joins the clusters of a and b unless a decision keeps them apart; returns whether it did.
  bool Join(uint32_t a, uint32_t b, const std::string& why) {
    if (!CanJoin(a, b)) return false;
    uint32_t ra = sets_.Find(a), rb = sets_.Find(b);
    if (reason_[a].empty()) reason_[a] = why;
    if (reason_[b].empty()) reason_[b] = why;
    sets_.Union(a, b);
    uint32_t root = sets_.Find(a), gone = root == ra ? rb : ra;
    apart_[root].insert(apart_[root].end(), apart_[gone].begin(), apart_[gone].end());
    apart_[gone].clear();
    apart_[gone].shrink_to_fit();
    return true;
  }

  // Keeps a and b (and their clusters) apart from now on. Call before any Key or Join.
  void KeepApart(uint32_t a, uint32_t b) {
    apart_[a].push_back(b);
    apart_[b].push_back(a);
  }

  uint32_t Root(uint32_t m) { return sets_.Find(m); }
  std::string Reason(uint32_t m) const { return reason_[m].empty() ? "alone" : reason_[m]; }

 private:
  resolve::DisjointSets sets_;
  std::vector<std::string> reason_;           // "" until the mention joins another
  std::vector<std::vector<uint32_t>> apart_;  // per root: mentions its cluster must not join
  std::unordered_map<std::string, uint32_t> first_;
};

}  // namespace cairn::engine::internal
