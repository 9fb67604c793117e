// Union–find over mentions that remembers why each mention first joined another, and never
// joins two clusters an analyst said hold different entities, nor two clusters whose mentions
// give different birth dates (a person has one: joining them would chain namesakes together
// through records that give no date, such as a licence holder's name).
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "resolve/cluster.h"

namespace cairn::engine::internal {

class Clusterer {
 public:
  explicit Clusterer(size_t n) : sets_(n), reason_(n, kNoReason), partner_(n, kNone), apart_(n), birth_(n) {}

  // The birth date a mention gives: "YYYY", "YYYY-MM" or "YYYY-MM-DD" ("" for none). Call
  // before any Key or Join.
  void SetBirth(uint32_t m, std::string birth) { birth_[m] = std::move(birth); }

  // Joins `m` to the first mention that had the same key.
  void Key(uint32_t m, const std::string& key, const char* why) {
    auto [it, fresh] = first_.emplace(key, m);
    if (!fresh) Join(m, it->second, why);
  }

  // Whether Join(a, b) would join two clusters (they are apart now and nothing forbids it).
  bool CanJoin(uint32_t a, uint32_t b) {
    uint32_t ra = sets_.Find(a), rb = sets_.Find(b);
    if (ra == rb) return false;
    if (!Compatible(birth_[ra], birth_[rb])) return false;
    for (uint32_t other : apart_[ra]) {
      if (sets_.Find(other) == rb) return false;
    }
    return true;
  }
  // True if either mention has no reason yet, so a reason is worth composing.
  bool NeedsReason(uint32_t a, uint32_t b) const { return reason_[a] == kNoReason || reason_[b] == kNoReason; }

  // Joins the clusters of a and b unless a decision or their birth dates keep them apart;
  // returns whether it did. `confirmed` (an analyst's "same") overrides birth dates. With
  // `names_partner`, a mention that takes `why` as its reason also keeps the other as its partner
  // (Partner), so `why` need not name the pair and one text serves many pairs.
  bool Join(uint32_t a, uint32_t b, const std::string& why, bool confirmed = false, bool names_partner = false) {
    if (confirmed && sets_.Find(a) != sets_.Find(b)) {
      uint32_t ra = sets_.Find(a), rb = sets_.Find(b);
      std::string keep = birth_[ra].size() >= birth_[rb].size() ? birth_[ra] : birth_[rb];
      birth_[ra] = birth_[rb] = keep;
    }
    if (!CanJoin(a, b)) return false;
    uint32_t ra = sets_.Find(a), rb = sets_.Find(b);
    if (!why.empty() && NeedsReason(a, b)) {
      uint32_t r = Intern(why);
      if (reason_[a] == kNoReason) reason_[a] = r, partner_[a] = names_partner ? b : kNone;
      if (reason_[b] == kNoReason) reason_[b] = r, partner_[b] = names_partner ? a : kNone;
    }
    sets_.Union(a, b);
    uint32_t root = sets_.Find(a), gone = root == ra ? rb : ra;
    if (birth_[gone].size() > birth_[root].size()) birth_[root] = std::move(birth_[gone]);
    birth_[gone] = {};
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

  // Frees what only joining needs (keys, decisions, birth dates) once the last Key or Join is
  // done; Root and Reason still answer.
  void DoneJoining() {
    first_ = {};
    apart_ = {};
    birth_ = {};
  }

  // Two birth dates can be one person's if either is missing or one extends the other
  // ("1970" and "1970-03").
  static bool Compatible(const std::string& x, const std::string& y) {
    if (x.empty() || y.empty()) return true;
    size_t n = std::min(x.size(), y.size());
    return x.compare(0, n, y, 0, n) == 0;
  }
  std::string Reason(uint32_t m) const { return reason_[m] == kNoReason ? "alone" : reasons_[reason_[m]]; }
  // The mention `m` was joined to when it took its reason, if the reason needs it named.
  std::optional<uint32_t> Partner(uint32_t m) const {
    return partner_[m] == kNone ? std::nullopt : std::optional<uint32_t>(partner_[m]);
  }

 private:
  static constexpr uint32_t kNoReason = UINT32_MAX;
  static constexpr uint32_t kNone = UINT32_MAX;

  // Each distinct reason is held once: most are one of a few fixed phrases, and a mention holds
  // only its index (millions of mentions at national scale).
  uint32_t Intern(const std::string& why) {
    auto it = reason_index_.find(why);
    if (it != reason_index_.end()) return it->second;
    reasons_.push_back(why);
    uint32_t r = uint32_t(reasons_.size() - 1);
    reason_index_.emplace(reasons_.back(), r);
    return r;
  }

  resolve::DisjointSets sets_;
  std::vector<uint32_t> reason_;              // index into reasons_, kNoReason until the mention joins another
  std::vector<uint32_t> partner_;             // the mention named with the reason, or kNone
  std::deque<std::string> reasons_;           // a deque, so the index's views stay valid as it grows
  std::unordered_map<std::string_view, uint32_t> reason_index_;
  std::vector<std::vector<uint32_t>> apart_;  // per root: mentions its cluster must not join
  std::vector<std::string> birth_;            // per root: the most precise birth date in the cluster
  std::unordered_map<std::string, uint32_t> first_;
};

}  // namespace cairn::engine::internal
