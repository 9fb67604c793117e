// The Fellegi–Sunter model. For each comparison level, m = P(level | same entity) and
// u = P(level | different entities); a pair's match weight is log2(prior odds) plus the sum of
// log2(m/u) over the fields both records have, and its probability follows from the weight.
//
// Training, unsupervised: u from comparisons of random pairs (nearly all non-matches). Then m by
// expectation–maximisation, once per blocking rule over the pairs that rule alone finds, with
// the fields the rule blocks on left out (those pairs agree on them by construction, which
// would otherwise pass every such pair off as a match); each field's m is the mean over the
// rules that did not block on it. Last, the prior: the share of matches among the candidates,
// by EM with m and u held.
// Term-frequency adjustment: for an exact match on a name or postcode, u is the value's own
// frequency, so agreeing on "smith" says less than agreeing on "zawadzki".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <functional>
#include <map>
#include <unordered_map>
#include <vector>

#include "resolve/blocking.h"
#include "resolve/comparisons.h"
#include "resolve/record.h"

namespace cairn::resolve {

struct FieldEvidence {
  std::string field;
  std::string level;  // label, or "missing"
  double weight = 0;  // log2(m/u); 0 when missing
};

struct Explanation {
  std::vector<FieldEvidence> fields;
  double prior_weight = 0;
  double weight = 0;
  double probability = 0;
};

struct TrainingOptions {
  uint64_t u_sample_pairs = 200000;
  size_t pairs_per_rule = 100000;  // training pairs drawn from each blocking rule
  size_t max_block = 1000;
  int max_iterations = 60;
  uint64_t seed = 42;
};

// How many pairs show each agreement pattern (one level per comparison, as a string of bytes):
// all that training needs to know of the candidate pairs.
using Patterns = std::map<std::string, double>;

// Each pair's agreement levels as one number (mixed radix: a digit a comparison, its levels and
// missing), in as few bytes as the comparisons need (two for people's six), kept batch by batch
// in the order the pairs were compared, and how many pairs show each pattern. What lets training
// learn from the candidate pairs, and scoring weigh them again, without comparing them again or
// holding their levels (a seventh of the bytes).
class PatternCodes {
 public:
  explicit PatternCodes(const std::vector<Comparison>& comparisons);
  // Adds a batch: `levels` holds comparisons levels per pair, as from Model::Compare.
  void Add(const std::vector<uint8_t>& levels);
  size_t batches() const { return batches_.size(); }
  size_t size(size_t batch) const { return batches_[batch].size() / width_; }
  // The levels of pair `p` of batch `batch` into `levels` (comparisons.size() of them).
  void Levels(size_t batch, size_t p, uint8_t* levels) const;
  // How many of the pairs added show each pattern.
  Patterns patterns() const;
  size_t width() const { return width_; }

 private:
  void Decode(uint64_t code, uint8_t* levels) const;

  std::vector<uint64_t> radix_;  // per comparison: its levels, and one more for missing
  size_t width_ = 1;             // bytes a pair
  std::vector<std::vector<uint8_t>> batches_;
  std::unordered_map<uint64_t, uint64_t> counts_;  // pairs by code
};

class Model {
 public:
  // Trains on records `a` and `b` (the same vector for deduplication), blocked by `rules`.
  // `candidates` counts the agreement patterns of the candidate pairs.
  static Model Train(std::vector<Comparison> comparisons, const std::vector<Record>& a,
                     const std::vector<Record>& b, const std::vector<BlockingRule>& rules,
                     const Patterns& candidates, const TrainingOptions& options);

  // The agreement levels of every pair, comparisons.size() per pair, computed in parallel.
  static std::vector<uint8_t> Compare(const std::vector<Comparison>& comparisons, const std::vector<Record>& a,
                                      const std::vector<Record>& b, const std::vector<CandidatePair>& pairs);

  // Match weight of a pair whose levels are `levels`.
  double Weight(const uint8_t* levels, const Record& a, const Record& b) const;
  static double Probability(double weight);
  Explanation Explain(const Record& a, const Record& b) const;

  double prior() const { return prior_; }
  int iterations() const { return iterations_; }
  const std::vector<Comparison>& comparisons() const { return comparisons_; }
  const std::vector<std::vector<double>>& m() const { return m_; }
  const std::vector<std::vector<double>>& u() const { return u_; }

 private:
  double FieldWeight(size_t c, uint8_t level, const Record& a) const;

  std::vector<Comparison> comparisons_;
  std::vector<std::vector<double>> m_, u_;  // [comparison][level]
  // Looked up by a record's value, a view (Record), without copying it.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::unordered_map<std::string, double, TextHash, std::equal_to<>>> tf_;  // [comparison] value → frequency
  double prior_ = 0.05;
  double min_tf_ = 1e-9;
  int iterations_ = 0;
};

}  // namespace cairn::resolve
