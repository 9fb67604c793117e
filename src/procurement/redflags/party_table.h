// Interning of party ids for the Accumulator: an open-addressing table whose slots hold the hash,
// the number and (for ids up to 19 bytes, which OCDS party ids almost always are) the id itself,
// so a lookup costs one cache miss. Hand-written because a lookup per id per line is the hottest
// thing the red flags do, and std::unordered_map costs a miss per node and another per key.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "procurement/redflags/huge_pages.h"

namespace cairn::procurement::redflags {

using PartyId = uint32_t;

class PartyTable {
 public:
  static uint64_t Hash(std::string_view id) { return std::hash<std::string_view>()(id) | 1; }  // 0: empty

  // Starts loading the slot where `hash` would be, so that looking up several ids in a row
  // waits for memory once rather than once each.
  void Prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & mask_]);
  }

  // The number of `id`, and whether it was new. REQUIRES: hash == Hash(id).
  std::pair<PartyId, bool> Intern(std::string_view id, uint64_t hash) {
    if ((names_.size() + 1) * 2 > slots_.size()) Grow();
    uint64_t h = hash;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.hash == 0) {
        s.hash = h;
        s.id = PartyId(names_.size());
        s.len = id.size() <= sizeof s.key ? uint8_t(id.size()) : kLong;
        if (s.len != kLong) std::memcpy(s.key, id.data(), id.size());
        names_.emplace_back(id);
        return {s.id, true};
      }
      if (s.hash == h && (s.len == kLong ? names_[s.id] == id : std::string_view(s.key, s.len) == id)) return {s.id, false};
    }
  }
  const std::string& Name(PartyId p) const { return names_[p]; }
  size_t size() const { return names_.size(); }

 private:
  static constexpr uint8_t kLong = 0xff;  // the id is only in names_
  struct Slot {
    uint64_t hash = 0;
    PartyId id = 0;
    uint8_t len = 0;
    char key[19] = {};
  };
  static_assert(sizeof(Slot) == 32);
  void Grow() {
    BigVector<Slot> bigger(std::max<size_t>(64, slots_.size() * 2));
    mask_ = bigger.size() - 1;
    for (const Slot& s : slots_) {
      if (s.hash == 0) continue;
      size_t i = s.hash & mask_;
      while (bigger[i].hash != 0) i = (i + 1) & mask_;
      bigger[i] = s;
    }
    slots_ = std::move(bigger);
  }

  BigVector<Slot> slots_;
  size_t mask_ = 0;
  std::deque<std::string> names_;
};

}  // namespace cairn::procurement::redflags
