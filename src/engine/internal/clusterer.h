// Union–find over mentions that remembers why each mention first joined another, and never
// joins two clusters an analyst said hold different entities, nor two clusters whose mentions
// give different birth dates (a person has one: joining them would chain namesakes together
// through records that give no date, such as a licence holder's name).
#pragma once

#include <algorithm>
#include <compare>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <vector>

#include "resolve/cluster.h"

namespace cairn::engine::internal {

// 128 bits of BLAKE2b of a key: two different keys share a digest by a 1 in 2^64 chance even
// among billions of keys, where a wrong join would be silent.
struct Digest128 {
  uint64_t high = 0, low = 0;
  auto operator<=>(const Digest128&) const = default;
};
Digest128 DigestOf(std::string_view key);

// Which company numbers each name is used with: per (name, number) pair the first mention giving
// it, sorted by name. Held as digests, 40 bytes a pair: with maps of names to sets of numbers the
// identifier keys' stage rose 197 MiB above reading's peak on the Scotland store, with these 76
// (docs/benchmarks.md).
class NumbersByName {
 public:
  void Add(std::string_view name, const Digest128& number, uint32_t mention) {
    pairs_.push_back({DigestOf(name), number, mention});
  }
  // Call once every pair is added, before Find.
  void Seal();
  // How many numbers `name` is used with (0, 1, or 2 for two or more) and, if one, the first
  // mention added with it.
  std::pair<int, uint32_t> Find(std::string_view name) const;

 private:
  struct Pair {
    Digest128 name, number;
    uint32_t mention;
    auto operator<=>(const Pair&) const = default;  // by name, number, then mention
  };
  std::vector<Pair> pairs_;
};

class Clusterer {
 public:
  explicit Clusterer(size_t n) : sets_(n), reason_(n, kNone), partner_(n, kNone), birth_(n, kNoBirth) {}

  // The birth date a mention gives: "YYYY", "YYYY-MM" or "YYYY-MM-DD" ("" for none). Call
  // before any Key or Join.
  void SetBirth(uint32_t m, std::string_view birth);

  // Joins `m` to the first mention given the same key. The joins wait, in the order given, until
  // the clusters are next needed (any call but Key), so a key costs a 16-byte hash, not a map
  // entry holding its text. `why` is one of a few fixed phrases, kept by its address.
  void Key(uint32_t m, std::string_view key, const char* why);

  // Whether Join(a, b) would join two clusters (they are apart now and nothing forbids it).
  bool CanJoin(uint32_t a, uint32_t b);
  // True if either mention has no reason yet, so a reason is worth composing.
  bool NeedsReason(uint32_t a, uint32_t b) const { return reason_[a] == kNone || reason_[b] == kNone; }

  // How a join names its pair: not at all (the reason says it), or by the partner each mention
  // keeps (Partner), so one text serves every pair that scored alike.
  enum class Naming { kInReason, kByPartner };
  // Joins the clusters of a and b unless a decision or their birth dates keep them apart;
  // returns whether it did. `confirmed` (an analyst's "same") overrides birth dates.
  bool Join(uint32_t a, uint32_t b, const std::string& why, bool confirmed = false,
            Naming naming = Naming::kInReason);

  // Keeps a and b (and their clusters) apart from now on. Call before any Key or Join.
  void KeepApart(uint32_t a, uint32_t b) {
    apart_[a].push_back(b);
    apart_[b].push_back(a);
  }

  uint32_t Root(uint32_t m) {
    JoinKeys();
    return sets_.Find(m);
  }

  // Makes the joins the keys given so far ask for, and forgets the keys: a later Key meets only
  // keys given after this call. For when no later key can equal an earlier one (it is of
  // another kind), so that the keys' 29 bytes each (tens of millions at national scale) are free
  // for what follows.
  void ForgetKeys();
  // Frees what only joining needs (keys, decisions, birth dates) once the last Key or Join is
  // done; Root and Reason still answer.
  void DoneJoining();

  // Two birth dates can be one person's if either is missing or one extends the other
  // ("1970" and "1970-03").
  static bool Compatible(std::string_view x, std::string_view y) {
    if (x.empty() || y.empty()) return true;
    size_t n = std::min(x.size(), y.size());
    return x.substr(0, n) == y.substr(0, n);
  }
  std::string Reason(uint32_t m) const { return reason_[m] == kNone ? "alone" : reasons_[reason_[m]]; }
  // The mention `m` was joined to when it took its reason, if the reason needs it named.
  std::optional<uint32_t> Partner(uint32_t m) const {
    return partner_[m] == kNone ? std::nullopt : std::optional<uint32_t>(partner_[m]);
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;  // no reason yet, no partner
  static constexpr uint32_t kNoBirth = 0;       // births_[0] is ""

  // Makes the joins the keys given so far ask for, in the order they were given.
  void JoinKeys();
  // Each distinct reason is held once: most are one of a few fixed phrases, and a mention holds
  // only its index (millions of mentions at national scale).
  uint32_t Intern(const std::string& why);
  std::string_view Birth(uint32_t root) const { return births_[birth_[root]]; }

  resolve::DisjointSets sets_;
  std::vector<uint32_t> reason_;     // index into reasons_, kNone until the mention joins another
  std::vector<uint32_t> partner_;    // the mention named with the reason, or kNone
  std::deque<std::string> reasons_;  // a deque, so the index's views stay valid as it grows
  std::unordered_map<std::string_view, uint32_t> reason_index_;
  // Per root: mentions its cluster must not join (few: only analysts' decisions put any here).
  std::unordered_map<uint32_t, std::vector<uint32_t>> apart_;
  // Per root: the most precise birth date in the cluster, as an index into births_, each
  // distinct date held once.
  std::vector<uint32_t> birth_;
  std::vector<std::string> births_ = {""};
  std::unordered_map<std::string, uint32_t> birth_index_;
  // Every key given, as its hash and its place among the keys given, and per key in that
  // order its mention and reason. Those from joined_ on wait to be joined.
  struct KeyHash {
    uint64_t high, low;
    uint32_t order;
    auto operator<=>(const KeyHash&) const = default;
  };
  std::vector<KeyHash> key_hashes_;
  std::vector<uint32_t> key_mention_;
  std::vector<uint8_t> key_why_;  // index into whys_
  std::vector<const char*> whys_;
  size_t joined_ = 0;
};

}  // namespace cairn::engine::internal
