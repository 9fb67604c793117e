// Blocking: which pairs are worth comparing. Records that share a key under any rule become
// candidates, so the number of pairs grows with the data, not with its square. Keys too common
// to be informative (blocks over max_block records) are skipped, unless the caller asks for
// large blocks to be compared by sorted neighbourhood instead (Neighbourhood below).
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
  uint64_t skipped_blocks = 0;   // keys shared by more than max_block records
  uint64_t windowed_blocks = 0;  // blocks compared by Neighbourhood
};

// How blocks too large to compare all against all are compared instead: their records are
// sorted by each of `orders` in turn, and each record is paired with the next `window` in that
// order (the multi-pass sorted neighbourhood of Hernández and Stolfo). A block of m records then
// gives at most m × window pairs an order rather than m²/2, so a national register's common
// names neither swamp the comparisons nor, as skipped blocks, go unmatched.
struct Neighbourhood {
  size_t above = 0;   // blocks of more records than this are windowed; 0: none is
  size_t window = 0;
  std::vector<std::function<std::string(const Record&)>> orders;  // a sort key for each pass
};

// Candidate pairs within `records` (a < b), each pair once even if several rules find it.
// Blocks over `near.above` records are windowed, whatever their size; other blocks over
// `max_block` are skipped.
std::vector<CandidatePair> BlockDedupe(const std::vector<Record>& records, const std::vector<BlockingRule>& rules,
                                       size_t max_block, BlockingStats* stats,
                                       const Neighbourhood& near = {});

// All pairs that share a key under `rule` alone (a < b when `a` and `b` are the same vector),
// at most `limit`, spread evenly over the blocks. For training.
std::vector<CandidatePair> PairsForRule(const std::vector<Record>& a, const std::vector<Record>& b,
                                        const BlockingRule& rule, size_t max_block, size_t limit);

// Candidate pairs between `left` and `right`, each once.
std::vector<CandidatePair> BlockLink(const std::vector<Record>& left, const std::vector<Record>& right,
                                     const std::vector<BlockingRule>& rules, size_t max_block, BlockingStats* stats);

}  // namespace cairn::resolve
