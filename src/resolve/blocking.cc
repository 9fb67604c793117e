#include "resolve/blocking.h"

#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <tuple>

#include "resolve/similarity.h"

namespace cairn::resolve {
namespace {

bool Has(const std::vector<Role>& roles, Role r) { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

std::string First(std::string_view s, size_t n) { return std::string(s.substr(0, std::min(n, s.size()))); }

std::string_view LastWord(std::string_view s) { return s.substr(s.find_last_of(' ') + 1); }

// Keys as 64-bit hashes, 0 = no key. A pair is produced by the first rule whose keys agree,
// which removes duplicates without a set of all pairs.
using Keys = std::vector<std::vector<uint64_t>>;  // [rule][record]

Keys KeysOf(const std::vector<Record>& records, const std::vector<BlockingRule>& rules) {
  Keys keys(rules.size(), std::vector<uint64_t>(records.size(), 0));
  for (size_t r = 0; r < rules.size(); ++r) {
    tbb::parallel_for(tbb::blocked_range<size_t>(0, records.size(), 4096), [&](const tbb::blocked_range<size_t>& range) {
      for (size_t i = range.begin(); i != range.end(); ++i) {
        const std::string k = rules[r].key(records[i]);
        if (!k.empty()) keys[r][i] = std::hash<std::string>{}(k) | 1;  // never 0
      }
    });
  }
  return keys;
}

// The records that have a key, in order of key and then record, so that each block is a run
// of one key with its records in order. (A hash table of blocks took about sixty bytes a
// block more and gave them in no fixed order.)
std::vector<uint32_t> SortedByKey(const std::vector<uint64_t>& keys) {
  std::vector<uint32_t> sorted;
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != 0) sorted.push_back(i);
  }
  tbb::parallel_sort(sorted.begin(), sorted.end(),
                     [&](uint32_t x, uint32_t y) { return keys[x] != keys[y] ? keys[x] < keys[y] : x < y; });
  return sorted;
}

// The end of the run of one key that starts at `begin` in `sorted`.
size_t EndOfBlock(const std::vector<uint32_t>& sorted, const std::vector<uint64_t>& keys, size_t begin) {
  size_t end = begin + 1;
  while (end < sorted.size() && keys[sorted[end]] == keys[sorted[begin]]) ++end;
  return end;
}

// Calls `block(left begin, left end, right begin, right end)` for each key that both `left`
// and `right` (each sorted by SortedByKey) have, in order of key.
template <typename F>
void ForEachSharedKey(const std::vector<uint32_t>& left, const std::vector<uint64_t>& left_keys,
                      const std::vector<uint32_t>& right, const std::vector<uint64_t>& right_keys, F block) {
  size_t i = 0, j = 0;
  while (i < left.size() && j < right.size()) {
    const uint64_t l = left_keys[left[i]], r = right_keys[right[j]];
    if (l < r) {
      i = EndOfBlock(left, left_keys, i);
    } else if (r < l) {
      j = EndOfBlock(right, right_keys, j);
    } else {
      const size_t i_end = EndOfBlock(left, left_keys, i), j_end = EndOfBlock(right, right_keys, j);
      block(i, i_end, j, j_end);
      i = i_end;
      j = j_end;
    }
  }
}

// Gathers pairs into batches of `size` for ForEachBatch's caller.
class Batcher {
 public:
  Batcher(size_t size, const std::function<void(const std::vector<CandidatePair>&)>& batch)
      : size_(std::max<size_t>(size, 1)), batch_(batch) {
    pairs_.reserve(size_);
  }
  void Add(CandidatePair p) {
    pairs_.push_back(p);
    ++count_;
    if (pairs_.size() == size_) Flush();
  }
  void Flush() {
    if (!pairs_.empty()) batch_(pairs_);
    pairs_.clear();
  }
  uint64_t count() const { return count_; }

 private:
  size_t size_;
  const std::function<void(const std::vector<CandidatePair>&)>& batch_;
  std::vector<CandidatePair> pairs_;
  uint64_t count_ = 0;
};

}  // namespace

std::vector<BlockingRule> RulesFor(const std::vector<Role>& roles) {
  std::vector<BlockingRule> rules;
  auto add = [&](std::string name, std::vector<Role> uses, std::function<std::string(const Record&)> key) {
    rules.push_back({std::move(name), std::move(key), std::move(uses)});
  };
  for (Role r : {Role::kIdNumber, Role::kCompanyNumber, Role::kEmail, Role::kPhone}) {
    if (Has(roles, r)) add(std::string(RoleName(r)), {r}, [r](const Record& x) { return std::string(x[r]); });
  }
  bool given = Has(roles, Role::kGivenName), surname = Has(roles, Role::kSurname);
  // Name keys ignore which name is which, since registers swap given name and surname.
  auto either_order = [](std::string p, std::string q) { return p < q ? p + q : q + p; };
  if (Has(roles, Role::kDob) && given && surname) {
    // A birth date alone is shared by dozens of people in a million: add both initials.
    add("dob+initials", {Role::kDob}, [either_order](const Record& x) {
      const std::string_view d = x[Role::kDob], g = x[Role::kGivenName], s = x[Role::kSurname];
      return d.empty() || g.empty() || s.empty()
                 ? ""
                 : std::string(d) + either_order(std::string(g.substr(0, 1)), std::string(s.substr(0, 1)));
    });
  } else if (Has(roles, Role::kDob)) {
    add("dob", {Role::kDob}, [](const Record& x) { return std::string(x[Role::kDob]); });
  }
  if (given && surname) {
    add("soundex(surname)+soundex(given_name)", {Role::kSurname, Role::kGivenName}, [either_order](const Record& x) {
      std::string s = Soundex(x[Role::kSurname]), g = Soundex(x[Role::kGivenName]);
      return s.empty() || g.empty() ? "" : either_order(s, g);
    });
  }
  if (Has(roles, Role::kFullName)) {
    add("soundex(first and last name)", {Role::kFullName}, [](const Record& x) {
      const std::string_view n = x[Role::kFullName];
      std::string f = Soundex(n.substr(0, n.find(' '))), l = Soundex(LastWord(n));
      return f.empty() || l.empty() ? "" : f + l;
    });
  }
  if (Has(roles, Role::kOrgName)) add("org_name", {Role::kOrgName}, [](const Record& x) { return std::string(x[Role::kOrgName]); });
  Role name = surname ? Role::kSurname : Has(roles, Role::kFullName) ? Role::kFullName : Role::kOrgName;
  if (Has(roles, Role::kPostcode) && Has(roles, name)) {
    add("postcode+initial", {Role::kPostcode, name}, [name](const Record& x) {
      return x[Role::kPostcode].empty() || x[name].empty() ? "" : std::string(x[Role::kPostcode]) + "|" + x[name][0];
    });
  }
  if (surname && Has(roles, Role::kDob)) {
    add("surname+birth year", {Role::kSurname, Role::kDob}, [](const Record& x) {
      return x[Role::kSurname].empty() || x[Role::kDob].empty()
                 ? ""
                 : std::string(x[Role::kSurname]) + "|" + std::string(x[Role::kDob].substr(0, 4));
    });
  }
  if (given && Has(roles, Role::kAddress)) {
    add("given_name+address start", {Role::kGivenName, Role::kAddress}, [](const Record& x) {
      return x[Role::kGivenName].empty() || x[Role::kAddress].empty() ? ""
                                                                       : std::string(x[Role::kGivenName]) + "|" + First(x[Role::kAddress], 6);
    });
  }
  if (surname && Has(roles, Role::kTown)) {
    add("surname+town", {Role::kSurname, Role::kTown}, [](const Record& x) {
      return x[Role::kSurname].empty() || x[Role::kTown].empty() ? ""
                                                                 : std::string(x[Role::kSurname]) + "|" + std::string(x[Role::kTown]);
    });
  }
  return rules;
}

Blocker::Blocker(const std::vector<Record>& records, std::vector<BlockingRule> rules, size_t max_block,
                 Neighbourhood near)
    : left_(records), right_(records), rules_(std::move(rules)), max_block_(max_block), near_(std::move(near)) {
  left_keys_ = KeysOf(records, rules_);
  for (const auto& keys : left_keys_) left_sorted_.push_back(SortedByKey(keys));
}

Blocker::Blocker(const std::vector<Record>& left, const std::vector<Record>& right, std::vector<BlockingRule> rules,
                 size_t max_block)
    : left_(left), right_(right), rules_(std::move(rules)), max_block_(max_block) {
  left_keys_ = KeysOf(left, rules_);
  right_keys_ = KeysOf(right, rules_);
  for (const auto& keys : left_keys_) left_sorted_.push_back(SortedByKey(keys));
  for (const auto& keys : right_keys_) right_sorted_.push_back(SortedByKey(keys));
}

bool Blocker::EarlierRuleAgrees(size_t rule, uint32_t a, uint32_t b) const {
  const Keys& right = right_keys_.empty() ? left_keys_ : right_keys_;
  for (size_t r = 0; r < rule; ++r) {
    if (left_keys_[r][a] != 0 && left_keys_[r][a] == right[r][b]) return true;
  }
  return false;
}

BlockingStats Blocker::ForEachBatch(size_t size,
                                    const std::function<void(const std::vector<CandidatePair>&)>& batch) const {
  BlockingStats stats;
  Batcher out(size, batch);
  const auto add = [&](size_t rule, uint32_t a, uint32_t b) {
    if (!EarlierRuleAgrees(rule, a, b)) out.Add({a, b});
  };
  if (!right_keys_.empty()) {  // link
    for (size_t r = 0; r < rules_.size(); ++r) {
      const std::vector<uint32_t>&left = left_sorted_[r], &right = right_sorted_[r];
      ForEachSharedKey(left, left_keys_[r], right, right_keys_[r], [&](size_t i, size_t i_end, size_t j, size_t j_end) {
        if ((i_end - i) * (j_end - j) > max_block_ * max_block_) {
          ++stats.skipped_blocks;
          return;
        }
        for (size_t x = i; x < i_end; ++x) {
          for (size_t y = j; y < j_end; ++y) add(r, left[x], right[y]);
        }
      });
    }
    out.Flush();
    stats.pairs = out.count();
    return stats;
  }
  const auto windowed = [&](size_t m) { return near_.above > 0 && near_.window > 0 && m > near_.above; };
  std::vector<CandidatePair> block;
  std::vector<std::pair<std::string, uint32_t>> in_order;
  for (size_t r = 0; r < rules_.size(); ++r) {
    const std::vector<uint32_t>& sorted = left_sorted_[r];
    for (size_t begin = 0, end = 0; begin < sorted.size(); begin = end) {
      end = EndOfBlock(sorted, left_keys_[r], begin);
      const size_t m = end - begin;
      if (windowed(m)) {
        ++stats.windowed_blocks;
        block.clear();
        for (const auto& order : near_.orders) {
          in_order.clear();
          for (size_t i = begin; i < end; ++i) in_order.emplace_back(order(left_[sorted[i]]), sorted[i]);
          std::sort(in_order.begin(), in_order.end());
          for (size_t i = 0; i < m; ++i) {
            for (size_t j = i + 1; j < std::min(m, i + 1 + near_.window); ++j) {
              const uint32_t x = in_order[i].second, y = in_order[j].second;
              block.push_back({std::min(x, y), std::max(x, y)});
            }
          }
        }
        std::sort(block.begin(), block.end(), [](auto p, auto q) { return std::tie(p.a, p.b) < std::tie(q.a, q.b); });
        for (size_t k = 0; k < block.size(); ++k) {
          if (k > 0 && block[k].a == block[k - 1].a && block[k].b == block[k - 1].b) continue;
          add(r, block[k].a, block[k].b);
        }
        continue;
      }
      if (m > max_block_) {
        ++stats.skipped_blocks;
        continue;
      }
      for (size_t i = begin; i < end; ++i) {
        for (size_t j = i + 1; j < end; ++j) add(r, sorted[i], sorted[j]);
      }
    }
  }
  out.Flush();
  stats.pairs = out.count();
  return stats;
}

namespace {

std::vector<CandidatePair> AllPairs(const Blocker& blocker, BlockingStats* stats) {
  std::vector<CandidatePair> out;
  const BlockingStats found = blocker.ForEachBatch(
      1 << 16, [&](const std::vector<CandidatePair>& pairs) { out.insert(out.end(), pairs.begin(), pairs.end()); });
  stats->pairs += found.pairs;
  stats->skipped_blocks += found.skipped_blocks;
  stats->windowed_blocks += found.windowed_blocks;
  return out;
}

}  // namespace

std::vector<CandidatePair> BlockDedupe(const std::vector<Record>& records, const std::vector<BlockingRule>& rules,
                                       size_t max_block, BlockingStats* stats, const Neighbourhood& near) {
  return AllPairs(Blocker(records, rules, max_block, near), stats);
}

std::vector<CandidatePair> BlockLink(const std::vector<Record>& left, const std::vector<Record>& right,
                                     const std::vector<BlockingRule>& rules, size_t max_block, BlockingStats* stats) {
  return AllPairs(Blocker(left, right, rules, max_block), stats);
}

std::vector<CandidatePair> PairsForRule(const std::vector<Record>& a, const std::vector<Record>& b,
                                        const BlockingRule& rule, size_t max_block, size_t limit) {
  const bool same = &a == &b;
  const std::vector<uint64_t> ka = KeysOf(a, {rule})[0];
  const std::vector<uint64_t> kb = same ? std::vector<uint64_t>{} : KeysOf(b, {rule})[0];
  const std::vector<uint32_t> sa = SortedByKey(ka);
  const std::vector<uint32_t> sb = same ? std::vector<uint32_t>{} : SortedByKey(kb);
  const std::vector<uint32_t>& right = same ? sa : sb;
  // The blocks in key order (so the sample does not depend on how the blocks were found) as
  // ranges of sa and of the right side's sorted records.
  struct Block {
    size_t i, i_end, j, j_end;
  };
  std::vector<Block> blocks;
  uint64_t total = 0;
  ForEachSharedKey(sa, ka, right, same ? ka : kb, [&](size_t i, size_t i_end, size_t j, size_t j_end) {
    const uint64_t m = i_end - i, n = j_end - j;
    if (m > max_block || n > max_block) return;
    blocks.push_back({i, i_end, j, j_end});
    total += same ? m * (m - 1) / 2 : m * n;
  });
  // Every stride-th pair: an even sample without listing every pair.
  const uint64_t stride = total <= limit ? 1 : (total + limit - 1) / limit;
  std::vector<CandidatePair> out;
  uint64_t n = 0;
  for (const Block& block : blocks) {
    for (size_t i = block.i; i < block.i_end; ++i) {
      for (size_t j = same ? i + 1 : block.j; j < block.j_end; ++j) {
        if (n++ % stride == 0) out.push_back({sa[i], right[j]});
      }
    }
  }
  return out;
}

}  // namespace cairn::resolve
