// Blocking: which pairs are worth comparing. Records that share a key under any rule become
// candidates, so the number of pairs grows with the data, not with its square. Keys too common
// to be informative (blocks over max_block records) are skipped.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "resolve/record.h"

namespace cairn::resolve {

struct BlockingRule {
  std::string name;
  // The record's key under this rule, or "" for none.
  std::function<std::string(const Record&)> key;
  // The roles the key is built from: pairs found by this rule agree on them by construction,
  // so training must not learn from those fields on these pairs.
  std::vector<Role> uses;
};

// The rules that the roles present allow.
std::vector<BlockingRule> RulesFor(const std::vector<Role>& roles);

struct CandidatePair {
  uint32_t a, b;  // indices: both into one set (dedupe), or left and right (link)
};

struct BlockingStats {
  uint64_t pairs = 0;
  uint64_t skipped_blocks = 0;  // keys shared by more than max_block records
};

// Candidate pairs within `records` (a < b), each pair once even if several rules find it.
std::vector<CandidatePair> BlockDedupe(const std::vector<Record>& records, const std::vector<BlockingRule>& rules,
                                       size_t max_block, BlockingStats* stats);

// All pairs that share a key under `rule` alone (a < b when `a` and `b` are the same vector),
// at most `limit`, spread evenly over the blocks. For training.
std::vector<CandidatePair> PairsForRule(const std::vector<Record>& a, const std::vector<Record>& b,
                                        const BlockingRule& rule, size_t max_block, size_t limit);

// Candidate pairs between `left` and `right`, each once.
std::vector<CandidatePair> BlockLink(const std::vector<Record>& left, const std::vector<Record>& right,
                                     const std::vector<BlockingRule>& rules, size_t max_block, BlockingStats* stats);

}  // namespace cairn::resolve
