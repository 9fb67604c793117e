// Interning of party ids for the Accumulator: an open-addressing table of (hash, number) pairs
// over a deque of the id strings. Hand-written because a lookup per id per line is the hottest
// thing the red flags do, and std::unordered_map's node chains cost a cache miss per hop.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::procurement::redflags {

using PartyId = uint32_t;

class PartyTable {
 public:
  // The number of `id`, and whether it was new.
  std::pair<PartyId, bool> Intern(std::string_view id) {
    if ((names_.size() + 1) * 2 > slots_.size()) Grow();
    uint64_t h = std::hash<std::string_view>()(id) | 1;  // 0 marks an empty slot
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.hash == 0) {
        s = {h, PartyId(names_.size())};
        names_.emplace_back(id);
        return {s.id, true};
      }
      if (s.hash == h && names_[s.id] == id) return {s.id, false};
    }
  }
  const std::string& Name(PartyId p) const { return names_[p]; }
  size_t size() const { return names_.size(); }

 private:
  struct Slot {
    uint64_t hash = 0;
    PartyId id = 0;
  };
  void Grow() {
    std::vector<Slot> bigger(std::max<size_t>(64, slots_.size() * 2));
    mask_ = bigger.size() - 1;
    for (const Slot& s : slots_) {
      if (s.hash == 0) continue;
      size_t i = s.hash & mask_;
      while (bigger[i].hash != 0) i = (i + 1) & mask_;
      bigger[i] = s;
    }
    slots_ = std::move(bigger);
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::deque<std::string> names_;
};

}  // namespace cairn::procurement::redflags
