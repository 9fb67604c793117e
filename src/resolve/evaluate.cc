#include "resolve/evaluate.h"

#include <map>
#include <set>

namespace cairn::resolve {

PairwiseQuality Evaluate(const std::vector<std::pair<std::string, std::string>>& predicted,
                         const std::unordered_map<std::string, std::string>& entity, bool link_mode,
                         const std::vector<std::string>& left_ids, const std::vector<std::string>& right_ids) {
  PairwiseQuality q;
  std::set<std::pair<std::string, std::string>> seen;
  for (auto [a, b] : predicted) {
    if (!link_mode && b < a) std::swap(a, b);
    if (!seen.insert({a, b}).second) continue;
    ++q.predicted;
    auto ea = entity.find(a), eb = entity.find(b);
    if (ea != entity.end() && eb != entity.end() && ea->second == eb->second) ++q.correct;
  }
  if (link_mode) {
    std::map<std::string, uint64_t> left_per_entity;
    for (const auto& id : left_ids) left_per_entity[entity.at(id)]++;
    for (const auto& id : right_ids) {
      auto it = left_per_entity.find(entity.at(id));
      if (it != left_per_entity.end()) q.true_pairs += it->second;
    }
  } else {
    std::map<std::string, uint64_t> size;
    for (const auto& [id, e] : entity) size[e]++;
    for (const auto& [e, n] : size) q.true_pairs += n * (n - 1) / 2;
  }
  return q;
}

std::vector<std::pair<std::string, std::string>> ClusterPairs(const std::vector<std::string>& ids,
                                                              const std::vector<std::string>& clusters) {
  std::map<std::string, std::vector<std::string>> members;
  for (size_t i = 0; i < ids.size(); ++i) members[clusters[i]].push_back(ids[i]);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [_, m] : members) {
    for (size_t i = 0; i < m.size(); ++i) {
      for (size_t j = i + 1; j < m.size(); ++j) out.emplace_back(m[i], m[j]);
    }
  }
  return out;
}

}  // namespace cairn::resolve
