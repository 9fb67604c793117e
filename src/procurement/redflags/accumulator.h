// What the red flags gather while reading: flags that one process decides on its own, and the
// per-buyer, per-tenderer and per-process figures that the fence-based indicators (R024, R025,
// R038, R048, R058) can only judge once every process has been read. One Accumulator per thread;
// Merge folds them together. Not thread-safe.
//
// Parties are interned: each id string is stored once and counted by a small integer, so that a
// million processes cost a hash lookup per id rather than a map of strings per indicator.
#pragma once

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "procurement/redflags/huge_pages.h"
#include "procurement/redflags/party_table.h"
#include "procurement/redflags/process.h"

namespace cairn::procurement::redflags {

// Cardinal's result groups.
enum class Group { kOcid, kBuyer, kProcuringEntity, kTenderer };
const char* GroupName(Group g);

struct Flag {
  Group group;
  uint64_t key;      // a PartyId, or for Group::kOcid a kept ocid (Accumulator::KeepOcid)
  const char* code;  // "R003"
  double value;
};

// R024 and R058: how far below the next-lowest valid bid the winning bid was.
// Plain data, so that a million of them copy and merge as memory.
struct PriceGap {
  uint64_t ocid = 0;  // Accumulator::Ocid
  PartyId winner = 0;
  PartyId runner_up = 0;  // a tenderer with the next-lowest bid
  double ratio = 0;       // (next lowest − winning) / winning
  // Any others with the same bid (rare): Accumulator::TiedRunners.
  uint32_t tied_begin = 0, tied_count = 0;
};

// R038, per buyer, procuring entity or tenderer.
struct Disqualifications {
  int64_t submitted = 0, disqualified = 0, processes = 0;
};

// R048, per supplier.
struct Spread {
  int64_t processes = 0;
  // Two-digit numeric prefixes — CPV divisions, the default and by far the commonest — as bits,
  // so counting one costs no memory of its own; any other prefix packed (PackPrefix), sorted.
  uint64_t divisions[2] = {0, 0};
  std::vector<uint64_t> prefixes;

  void Add(std::string_view id, int64_t digits);
  size_t count() const;  // distinct prefixes
  void Merge(const Spread& other);
};

// The first `digits` (1 to 8) characters of a classification id as a number, so that a
// supplier's sectors are a small sorted array of integers.
inline uint64_t PackPrefix(std::string_view id, int64_t digits) {
  uint64_t packed = 0;
  std::memcpy(&packed, id.data(), std::min<size_t>(id.size(), size_t(digits)));
  return packed;
}

// R025, per tenderer.
struct Bidding {
  int64_t processes = 0, wins = 0;
};

// Everything the fence-based flags count per party.
struct PartyStats {
  Bidding bidding;                                     // R025, as tenderer
  std::array<Disqualifications, 3> disqualifications;  // R038, as buyer, procuring entity, tenderer
  Spread spread;                                       // R048, as supplier
};

class Accumulator {
 public:
  BigVector<Flag> flags;
  BigVector<PriceGap> price_gaps;
  BigVector<PartyId> tied_runners;  // PriceGap::tied_begin indexes here
  // Indexed by PartyId; grown by Intern. One record per party, so that the indicators counting a
  // tenderer in a line touch one place in memory, not one per indicator.
  BigVector<PartyStats> stats;

  // The tenderers other than `g.runner_up` whose bid was the same next-lowest one.
  std::span<const PartyId> TiedRunners(const PriceGap& g) const {
    return {tied_runners.data() + g.tied_begin, g.tied_count};
  }

  void Raise(Group g, std::string_view id, const char* code, double value) {
    flags.push_back({g, g == Group::kOcid ? KeepOcid(id) : uint64_t(Intern(id)), code, value});
  }
  // The ocid or party id a flag is about.
  std::string_view FlagId(const Flag& f) const {
    return f.group == Group::kOcid ? Ocid(f.key) : std::string_view(Name(PartyId(f.key)));
  }

  // The party's number, allocating one (and a zeroed slot in every per-party vector) if new.
  PartyId Intern(std::string_view id) { return Intern(id, PartyTable::Hash(id)); }
  PartyId Intern(std::string_view id, uint64_t hash) {
    auto [p, fresh] = parties_.Intern(id, hash);
    if (fresh) {
      stats.emplace_back();
    }
    return p;
  }
  // The number of `p.ids[index]`, cached in the process.
  PartyId PartyAt(const Process& p, uint32_t index) {
    if (p.parties_of != this || p.parties.size() != p.ids.size()) {
      p.parties.assign(p.ids.size(), kNoParty);
      p.parties_of = this;
    }
    uint32_t& slot = p.parties[index];
    if (slot == kNoParty) slot = Intern(p.ids[index]);
    return slot;
  }
  static constexpr PartyId kNoParty = ~PartyId(0);

  // Numbers every tenderer and supplier of `p` up front, prefetching as it goes, so the
  // indicators' PartyAt calls find them cached. Optional: PartyAt works without it.
  void Prepare(const Process& p);
  // Keeps an ocid for the fence-based flags, in one buffer rather than a string each; a process
  // flagged several times in a row keeps its ocid once.
  uint64_t KeepOcid(std::string_view ocid) {
    if (last_ocid_ != kNone && Ocid(last_ocid_) == ocid) return last_ocid_;
    uint64_t at = ocids_.size();
    ocids_.append(ocid);
    return last_ocid_ = at << 16 | std::min<uint64_t>(ocid.size(), 0xffff);
  }
  std::string_view Ocid(uint64_t kept) const { return std::string_view(ocids_).substr(kept >> 16, kept & 0xffff); }

  // The id a number stands for.
  const std::string& Name(PartyId p) const { return parties_.Name(p); }
  size_t parties() const { return parties_.size(); }

  // Moves `other`'s contents into this one, renumbering its parties.
  void Merge(Accumulator&& other);

 private:
  static constexpr uint64_t kNone = ~uint64_t(0);
  PartyTable parties_;
  std::basic_string<char, std::char_traits<char>, HugePageAllocator<char>> ocids_;
  uint64_t last_ocid_ = kNone;
};

// The computed quartiles and fences, reported under "Meta": indicator → name → value.
using Meta = std::map<std::string, std::map<std::string, double>>;

}  // namespace cairn::procurement::redflags
