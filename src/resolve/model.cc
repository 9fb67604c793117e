#include "resolve/model.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <random>

namespace cairn::resolve {
namespace {

constexpr double kMinProbability = 1e-6;

// Relative frequencies, with add-one smoothing so no level is impossible.
std::vector<double> Normalised(const std::vector<double>& counts) {
  double total = 0;
  for (double c : counts) total += c + 1;
  std::vector<double> out;
  for (double c : counts) out.push_back((c + 1) / total);
  return out;
}

}  // namespace

std::vector<uint8_t> Model::Compare(const std::vector<Comparison>& comparisons, const std::vector<Record>& a,
                                    const std::vector<Record>& b, const std::vector<CandidatePair>& pairs) {
  const size_t k = comparisons.size();
  std::vector<uint8_t> levels(pairs.size() * k);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, pairs.size(), 4096), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t p = r.begin(); p != r.end(); ++p) {
      const Record& x = a[pairs[p].a];
      const Record& y = b[pairs[p].b];
      for (size_t c = 0; c < k; ++c) levels[p * k + c] = comparisons[c].compare(x, y, comparisons[c].role);
    }
  });
  return levels;
}

PatternCodes::PatternCodes(const std::vector<Comparison>& comparisons) {
  uint64_t codes = 1;
  for (const Comparison& c : comparisons) {
    radix_.push_back(c.levels.size() + 1);
    codes *= radix_.back();  // at most 16^kRoleCount: fits
  }
  width_ = std::max<size_t>(1, (size_t(std::bit_width(codes - 1)) + 7) / 8);
}

void PatternCodes::Add(const std::vector<uint8_t>& levels) {
  const size_t k = radix_.size(), pairs = k == 0 ? 0 : levels.size() / k;
  std::vector<uint8_t>& out = batches_.emplace_back(pairs * width_);
  for (size_t p = 0; p < pairs; ++p) {
    uint64_t code = 0;
    for (size_t c = k; c-- > 0;) {
      const uint8_t l = levels[p * k + c];
      code = code * radix_[c] + (l == kMissing ? radix_[c] - 1 : l);
    }
    ++counts_[code];
    for (size_t i = 0; i < width_; ++i, code >>= 8) out[p * width_ + i] = uint8_t(code);
  }
}

void PatternCodes::Decode(uint64_t code, uint8_t* levels) const {
  for (size_t c = 0; c < radix_.size(); ++c) {
    const uint64_t l = code % radix_[c];
    code /= radix_[c];
    levels[c] = l == radix_[c] - 1 ? kMissing : uint8_t(l);
  }
}

void PatternCodes::Levels(size_t batch, size_t p, uint8_t* levels) const {
  const uint8_t* in = &batches_[batch][p * width_];
  uint64_t code = 0;
  for (size_t i = width_; i-- > 0;) code = (code << 8) | in[i];
  Decode(code, levels);
}

Patterns PatternCodes::patterns() const {
  Patterns out;
  std::string pattern(radix_.size(), '\0');
  for (const auto& [code, n] : counts_) {
    Decode(code, reinterpret_cast<uint8_t*>(pattern.data()));
    out[pattern] += double(n);
  }
  return out;
}

namespace {

Patterns PatternsOf(const std::vector<Comparison>& comparisons, const std::vector<uint8_t>& levels) {
  PatternCodes codes(comparisons);
  codes.Add(levels);
  return codes.patterns();
}

struct Fit {
  std::vector<std::vector<double>> m;
  double prior = 0.1;
  int iterations = 0;
};

// Expectation–maximisation of the two-class mixture with u held. Comparisons marked in
// `ignore` count as missing. With update_m false only the prior moves.
Fit RunEm(const Patterns& patterns, const std::vector<bool>& ignore, Fit fit,
          const std::vector<std::vector<double>>& u, bool update_m, int max_iterations) {
  const size_t k = u.size();
  double total = 0;
  for (const auto& [_, count] : patterns) total += count;
  for (int it = 0; it < max_iterations && total > 0; ++it) {
    std::vector<std::vector<double>> m_counts(k);
    for (size_t c = 0; c < k; ++c) m_counts[c].assign(fit.m[c].size(), 0);
    double matches = 0;
    for (const auto& [pattern, count] : patterns) {
      double lm = std::log(fit.prior), lu = std::log(1 - fit.prior);
      for (size_t c = 0; c < k; ++c) {
        uint8_t l = uint8_t(pattern[c]);
        if (l == kMissing || ignore[c]) continue;
        lm += std::log(fit.m[c][l]);
        lu += std::log(u[c][l]);
      }
      double g = 1.0 / (1.0 + std::exp(lu - lm));  // P(match | pattern)
      matches += g * count;
      for (size_t c = 0; c < k; ++c) {
        uint8_t l = uint8_t(pattern[c]);
        if (l != kMissing && !ignore[c]) m_counts[c][l] += g * count;
      }
    }
    double next_prior = std::clamp(matches / total, kMinProbability, 1 - kMinProbability);
    double change = std::abs(next_prior - fit.prior);
    fit.prior = next_prior;
    if (update_m) {
      for (size_t c = 0; c < k; ++c) {
        if (ignore[c]) continue;
        std::vector<double> next = Normalised(m_counts[c]);
        for (size_t l = 0; l < next.size(); ++l) change = std::max(change, std::abs(next[l] - fit.m[c][l]));
        fit.m[c] = next;
      }
    }
    fit.iterations = it + 1;
    if (change < 1e-7) break;
  }
  return fit;
}

}  // namespace

Model Model::Train(std::vector<Comparison> comparisons, const std::vector<Record>& a, const std::vector<Record>& b,
                   const std::vector<BlockingRule>& rules, const Patterns& candidates,
                   const TrainingOptions& options) {
  Model model;
  model.comparisons_ = std::move(comparisons);
  const size_t k = model.comparisons_.size();

  // u from random pairs.
  std::mt19937_64 rng(options.seed);
  std::vector<std::vector<double>> u_counts(k);
  for (size_t c = 0; c < k; ++c) u_counts[c].assign(model.comparisons_[c].levels.size(), 0);
  if (!a.empty() && !b.empty()) {
    std::uniform_int_distribution<size_t> pick_a(0, a.size() - 1), pick_b(0, b.size() - 1);
    for (uint64_t s = 0; s < options.u_sample_pairs; ++s) {
      size_t i = pick_a(rng), j = pick_b(rng);
      if (&a == &b && i == j) continue;
      for (size_t c = 0; c < k; ++c) {
        uint8_t l = model.comparisons_[c].compare(a[i], b[j], model.comparisons_[c].role);
        if (l != kMissing) u_counts[c][l] += 1;
      }
    }
  }
  for (size_t c = 0; c < k; ++c) model.u_.push_back(Normalised(u_counts[c]));

  // Term frequencies over every record, for the comparisons that use them.
  model.tf_.resize(k);
  double n = double(a.size() + (&a == &b ? 0 : b.size()));
  model.min_tf_ = 1.0 / std::max(1.0, n);
  for (size_t c = 0; c < k; ++c) {
    if (!model.comparisons_[c].term_frequency) continue;
    auto count = [&](const std::vector<Record>& rs) {
      for (const Record& r : rs) {
        const std::string_view v = r[model.comparisons_[c].role];
        if (!v.empty()) model.tf_[c][std::string(v)] += 1.0 / n;
      }
    };
    count(a);
    if (&a != &b) count(b);
  }

  // m, rule by rule, leaving out the fields each rule blocks on.
  Fit start;
  for (size_t c = 0; c < k; ++c) {
    size_t top = model.comparisons_[c].levels.size() - 1;
    std::vector<double> m(top + 1, 0.1 / double(std::max<size_t>(top, 1)));
    m[top] = 0.9;
    start.m.push_back(m);
  }
  std::vector<std::vector<double>> m_sum(k);
  std::vector<int> m_rules(k, 0);
  for (size_t c = 0; c < k; ++c) m_sum[c].assign(start.m[c].size(), 0);
  for (const BlockingRule& rule : rules) {
    auto pairs = PairsForRule(a, b, rule, options.max_block, options.pairs_per_rule);
    if (pairs.size() < 20) continue;  // too few to learn from
    std::vector<bool> ignore(k, false);
    for (size_t c = 0; c < k; ++c) {
      ignore[c] = std::find(rule.uses.begin(), rule.uses.end(), model.comparisons_[c].role) != rule.uses.end();
    }
    const Patterns patterns = PatternsOf(model.comparisons_, Compare(model.comparisons_, a, b, pairs));
    Fit fit = RunEm(patterns, ignore, start, model.u_, true, options.max_iterations);
    model.iterations_ += fit.iterations;
    for (size_t c = 0; c < k; ++c) {
      if (ignore[c]) continue;
      for (size_t l = 0; l < fit.m[c].size(); ++l) m_sum[c][l] += fit.m[c][l];
      ++m_rules[c];
    }
  }
  Fit fallback = RunEm(candidates, std::vector<bool>(k, false), start, model.u_, true, options.max_iterations);
  for (size_t c = 0; c < k; ++c) {
    if (m_rules[c] == 0) {
      model.m_.push_back(fallback.m[c]);  // every rule blocks on this field: learn it unmasked
      continue;
    }
    for (double& v : m_sum[c]) v /= m_rules[c];
    model.m_.push_back(m_sum[c]);
  }

  // The prior over the candidates, with m and u held.
  Fit held{model.m_, 0.1, 0};
  model.prior_ = RunEm(candidates, std::vector<bool>(k, false), held, model.u_, false, options.max_iterations).prior;
  return model;
}

double Model::FieldWeight(size_t c, uint8_t level, const Record& a) const {
  double u = u_[c][level];
  const Comparison& cmp = comparisons_[c];
  if (cmp.term_frequency && level == cmp.top()) {
    auto it = tf_[c].find(a[cmp.role]);
    if (it != tf_[c].end()) u = std::max(it->second, min_tf_);
  }
  return std::log2(m_[c][level] / u);
}

double Model::Weight(const uint8_t* levels, const Record& a, const Record& b) const {
  double w = std::log2(prior_ / (1 - prior_));
  for (size_t c = 0; c < comparisons_.size(); ++c) {
    if (levels[c] != kMissing) w += FieldWeight(c, levels[c], a);
  }
  return w;
}

double Model::Probability(double weight) { return 1.0 / (1.0 + std::exp2(-weight)); }

Explanation Model::Explain(const Record& a, const Record& b) const {
  Explanation e;
  e.prior_weight = std::log2(prior_ / (1 - prior_));
  e.weight = e.prior_weight;
  for (size_t c = 0; c < comparisons_.size(); ++c) {
    uint8_t l = comparisons_[c].compare(a, b, comparisons_[c].role);
    FieldEvidence f{comparisons_[c].name, l == kMissing ? "missing" : comparisons_[c].levels[l], 0};
    if (l != kMissing) f.weight = FieldWeight(c, l, a);
    e.weight += f.weight;
    e.fields.push_back(f);
  }
  e.probability = Probability(e.weight);
  return e;
}

}  // namespace cairn::resolve
