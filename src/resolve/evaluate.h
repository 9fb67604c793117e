// Pairwise precision and recall of a linkage against known truth.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cairn::resolve {

struct PairwiseQuality {
  uint64_t predicted = 0, true_pairs = 0, correct = 0;
  double precision() const { return predicted ? double(correct) / double(predicted) : 1.0; }
  double recall() const { return true_pairs ? double(correct) / double(true_pairs) : 1.0; }
};

// `predicted` are pairs of record ids; `entity` maps every record id to its true entity.
// For deduplication pass the pairs within each predicted cluster (ClusterPairs).
PairwiseQuality Evaluate(const std::vector<std::pair<std::string, std::string>>& predicted,
                         const std::unordered_map<std::string, std::string>& entity, bool link_mode,
                         const std::vector<std::string>& left_ids = {}, const std::vector<std::string>& right_ids = {});

// Every pair of ids sharing a cluster id.
std::vector<std::pair<std::string, std::string>> ClusterPairs(const std::vector<std::string>& ids,
                                                              const std::vector<std::string>& clusters);

}  // namespace cairn::resolve
