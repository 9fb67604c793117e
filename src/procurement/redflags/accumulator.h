// What the red flags gather while reading: flags that one process decides on its own, and the
// per-buyer, per-tenderer and per-process figures that the fence-based indicators (R024, R025,
// R038, R048, R058) can only judge once every process has been read. One Accumulator per thread;
// Merge folds them together. Not thread-safe.
#pragma once

#include <array>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace cairn::procurement::redflags {

// Cardinal's result groups.
enum class Group { kOcid, kBuyer, kProcuringEntity, kTenderer };
const char* GroupName(Group g);

struct Flag {
  Group group;
  std::string id;
  const char* code;  // "R003"
  double value;
};

// R024 and R058: how far below the next-lowest valid bid the winning bid was.
struct PriceGap {
  std::string ocid, winner;
  std::vector<std::string> runners_up;  // tenderers with the next-lowest bid
  double ratio = 0;                     // (next lowest − winning) / winning
};

// R038, per buyer, procuring entity or tenderer.
struct Disqualifications {
  int64_t submitted = 0, disqualified = 0, processes = 0;
};

// R048, per supplier.
struct Spread {
  int64_t processes = 0;
  std::set<std::string> prefixes;
};

// R025, per tenderer.
struct Bidding {
  int64_t processes = 0, wins = 0;
};

struct Accumulator {
  std::vector<Flag> flags;
  std::vector<PriceGap> price_gaps;
  std::unordered_map<std::string, Bidding> bidding;
  std::array<std::unordered_map<std::string, Disqualifications>, 3> disqualifications;  // buyer, PE, tenderer
  std::unordered_map<std::string, Spread> spread;

  void Raise(Group g, std::string id, const char* code, double value) {
    flags.push_back({g, std::move(id), code, value});
  }
  // Moves `other`'s contents into this one.
  void Merge(Accumulator&& other);
};

// The computed quartiles and fences, reported under "Meta": indicator → name → value.
using Meta = std::map<std::string, std::map<std::string, double>>;

}  // namespace cairn::procurement::redflags
