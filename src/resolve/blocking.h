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

// The candidate pairs of one deduplication (within a set of records) or one link (between
// two), given a batch at a time, so that a caller can compare and score a national register's
// hundreds of millions of pairs without holding them all. The keys and blocks are worked out
// once, when the Blocker is made; each ForEachBatch gives the same pairs in the same order, so
// a caller can pass over them twice (to train on all of them, then to score them). Pairs come
// rule by rule, and each pair once: from the first rule whose keys the two records share.
class Blocker {
 public:
  // Deduplication: pairs within `records` (a < b). Blocks over `near.above` records are
  // windowed, whatever their size; other blocks over `max_block` are skipped.
  Blocker(const std::vector<Record>& records, std::vector<BlockingRule> rules, size_t max_block,
          Neighbourhood near = {});
  // Link: pairs of a record of `left` (a) and one of `right` (b). Blocks whose pairs would
  // number more than max_block² are skipped.
  Blocker(const std::vector<Record>& left, const std::vector<Record>& right, std::vector<BlockingRule> rules,
          size_t max_block);

  // Calls `batch` with the candidate pairs, at most `size` at a time, and returns what it found.
  BlockingStats ForEachBatch(size_t size, const std::function<void(const std::vector<CandidatePair>&)>& batch) const;

 private:
  // A record's keys as 64-bit hashes of its rule keys, 0 for none; [rule][record].
  using Keys = std::vector<std::vector<uint64_t>>;
  // Each rule's records with a key, in order of key then record: a block is a run of one key.
  using Sorted = std::vector<std::vector<uint32_t>>;

  bool EarlierRuleAgrees(size_t rule, uint32_t a, uint32_t b) const;

  const std::vector<Record>& left_;
  const std::vector<Record>& right_;
  std::vector<BlockingRule> rules_;
  size_t max_block_;
  Neighbourhood near_;
  Keys left_keys_, right_keys_;  // right_keys_ empty when deduplicating
  Sorted left_sorted_, right_sorted_;
};

// Every candidate pair of a Blocker at once, and what blocking found in `stats`: for sets
// small enough to hold all their pairs (tests, samples).
std::vector<CandidatePair> BlockDedupe(const std::vector<Record>& records, const std::vector<BlockingRule>& rules,
                                       size_t max_block, BlockingStats* stats,
                                       const Neighbourhood& near = {});

// All pairs that share a key under `rule` alone (a < b when `a` and `b` are the same vector),
// at most `limit`, spread evenly over the blocks. For training.
std::vector<CandidatePair> PairsForRule(const std::vector<Record>& a, const std::vector<Record>& b,
                                        const BlockingRule& rule, size_t max_block, size_t limit);

// Candidate pairs between `left` and `right`, each once (all at once, as BlockDedupe).
std::vector<CandidatePair> BlockLink(const std::vector<Record>& left, const std::vector<Record>& right,
                                     const std::vector<BlockingRule>& rules, size_t max_block, BlockingStats* stats);

}  // namespace cairn::resolve
