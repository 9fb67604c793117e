// The red-flag dashboard: the Cardinal-compatible red flags (procurement/redflags) run over the
// procurement data in the store (every ingested OCDS compiled release), gathered per buyer and
// per supplier, each flag with the release behind it (file and line). Public procurement data:
// every caseworker sees it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"

namespace cairn::engine {

// One flag on one contracting process (or, for tenderer and buyer flags, one party).
struct FlagEvidence {
  std::string code, title;   // "R018", "Single bid received"
  double value = 0;          // Cardinal's value: 1.0, a ratio or a count
  std::string ocid, tender;  // the process it rests on ("" for a party-level flag)
  std::string file;
  int64_t line = 0;
};

struct PartyFlags {
  std::string id, name;                 // the OCDS party id and name
  std::map<std::string, int64_t> codes;  // code → flags
  int64_t processes = 0;                 // the party's processes with any flag
  std::vector<FlagEvidence> flags;
};

struct RedFlagBoard {
  int64_t releases = 0;
  std::map<std::string, int64_t> totals;  // code → flags
  std::vector<PartyFlags> buyers, suppliers;  // most flagged processes first
  std::map<std::string, std::string> titles;  // code → title
};

// Runs every indicator with its defaults over the store's OCDS releases.
Result<RedFlagBoard> BuildRedFlagBoard(const app::Env& env, const model::Actor& actor);

}  // namespace cairn::engine
