#include "engine/internal/clusterer.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "common/memory.h"

namespace cairn::engine::internal {

void Clusterer::SetBirth(uint32_t m, std::string_view birth) {
  if (birth.empty()) {
    birth_[m] = kNoBirth;
    return;
  }
  auto [it, fresh] = birth_index_.emplace(std::string(birth), uint32_t(births_.size()));
  if (fresh) births_.push_back(it->first);
  birth_[m] = it->second;
}

Digest128 DigestOf(std::string_view key) {
  unsigned char digest[16];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr,
                     0);
  Digest128 d;
  for (int i = 0; i < 8; ++i) d.high = d.high << 8 | digest[i], d.low = d.low << 8 | digest[8 + i];
  return d;
}

void NumbersByName::Seal() {
  std::sort(pairs_.begin(), pairs_.end());
  pairs_.erase(std::unique(pairs_.begin(), pairs_.end(),
                           [](const Pair& a, const Pair& b) { return a.name == b.name && a.number == b.number; }),
               pairs_.end());
  pairs_.shrink_to_fit();
}

std::pair<int, uint32_t> NumbersByName::Find(std::string_view name) const {
  const Digest128 d = DigestOf(name);
  auto it = std::lower_bound(pairs_.begin(), pairs_.end(), d, [](const Pair& p, const Digest128& n) { return p.name < n; });
  if (it == pairs_.end() || it->name != d) return {0, 0};
  if (it + 1 != pairs_.end() && (it + 1)->name == d) return {2, 0};
  return {1, it->mention};
}

void Clusterer::Key(uint32_t m, std::string_view key, const char* why) {
  const Digest128 d = DigestOf(key);
  KeyHash h{d.high, d.low, uint32_t(key_hashes_.size())};
  auto w = std::find(whys_.begin(), whys_.end(), why);
  if (w == whys_.end()) {
    if (whys_.size() == UINT8_MAX) throw std::length_error("more reasons for keys than a clusterer holds");
    w = whys_.insert(whys_.end(), why);
  }
  key_hashes_.push_back(h);
  key_mention_.push_back(m);
  key_why_.push_back(uint8_t(w - whys_.begin()));
}

void Clusterer::JoinKeys() {
  if (joined_ == key_hashes_.size()) return;
  // In hash order, each key's first mention is the one given first; every later one given since
  // the last JoinKeys is joined to it, in the order the keys were given.
  std::sort(key_hashes_.begin(), key_hashes_.end());
  std::vector<uint32_t> first(key_hashes_.size() - joined_, kNone);  // per waiting key, by order
  for (size_t begin = 0, end = 0; begin < key_hashes_.size(); begin = end) {
    const KeyHash& head = key_hashes_[begin];
    for (end = begin + 1; end < key_hashes_.size() && key_hashes_[end].high == head.high &&
                          key_hashes_[end].low == head.low;
         ++end) {
      if (key_hashes_[end].order >= joined_) first[key_hashes_[end].order - joined_] = key_mention_[head.order];
    }
  }
  const size_t from = joined_;
  joined_ = key_hashes_.size();  // before joining: Join asks for the clusters, which would come back here
  for (size_t k = 0; k < first.size(); ++k) {
    if (first[k] != kNone) Join(key_mention_[from + k], first[k], whys_[key_why_[from + k]]);
  }
}

bool Clusterer::CanJoin(uint32_t a, uint32_t b) {
  JoinKeys();
  uint32_t ra = sets_.Find(a), rb = sets_.Find(b);
  if (ra == rb) return false;
  if (!Compatible(Birth(ra), Birth(rb))) return false;
  if (auto apart = apart_.find(ra); apart != apart_.end()) {
    for (uint32_t other : apart->second) {
      if (sets_.Find(other) == rb) return false;
    }
  }
  return true;
}

bool Clusterer::Join(uint32_t a, uint32_t b, const std::string& why, bool confirmed, Naming naming) {
  JoinKeys();
  if (confirmed && sets_.Find(a) != sets_.Find(b)) {
    uint32_t ra = sets_.Find(a), rb = sets_.Find(b);
    uint32_t keep = Birth(ra).size() >= Birth(rb).size() ? birth_[ra] : birth_[rb];
    birth_[ra] = birth_[rb] = keep;
  }
  if (!CanJoin(a, b)) return false;
  uint32_t ra = sets_.Find(a), rb = sets_.Find(b);
  if (!why.empty() && NeedsReason(a, b)) {
    const uint32_t r = Intern(why);
    const bool by_partner = naming == Naming::kByPartner;
    if (reason_[a] == kNone) reason_[a] = r, partner_[a] = by_partner ? b : kNone;
    if (reason_[b] == kNone) reason_[b] = r, partner_[b] = by_partner ? a : kNone;
  }
  sets_.Union(a, b);
  uint32_t root = sets_.Find(a), gone = root == ra ? rb : ra;
  if (Birth(gone).size() > Birth(root).size()) birth_[root] = birth_[gone];
  birth_[gone] = kNoBirth;
  if (auto apart = apart_.find(gone); apart != apart_.end()) {
    std::vector<uint32_t> moved = std::move(apart->second);
    apart_.erase(apart);
    auto& into = apart_[root];
    into.insert(into.end(), moved.begin(), moved.end());
  }
  return true;
}

void Clusterer::ForgetKeys() {
  JoinKeys();
  ReleaseMemory(key_hashes_);
  ReleaseMemory(key_mention_);
  ReleaseMemory(key_why_);
  joined_ = 0;
}

void Clusterer::DoneJoining() {
  ForgetKeys();
  ReleaseMemory(apart_);
  ReleaseMemory(birth_);
  ReleaseMemory(births_);
  ReleaseMemory(birth_index_);
}

uint32_t Clusterer::Intern(const std::string& why) {
  auto it = reason_index_.find(why);
  if (it != reason_index_.end()) return it->second;
  reasons_.push_back(why);
  uint32_t r = uint32_t(reasons_.size() - 1);
  reason_index_.emplace(reasons_.back(), r);
  return r;
}

}  // namespace cairn::engine::internal
