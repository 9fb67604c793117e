// `cairn resolve`: turns stored source records into the network. Every record's mentions are
// extracted (engine/extract.h), clustered into entities, and its relations become links
// between entities. The network is recomputed whole each run and written in one transaction,
// as the difference from what is stored.
//
// How mentions join (each mention keeps the reason it joined its entity):
//   organisations  the same company number (Companies House numbers normalised to 8
//                  characters); a mention without a number joins the one company of that
//                  normalised name, and numberless mentions of the same name join each other
//   addresses      the same postcode and the same first two words (house number and street)
//   people         the same Companies House officer id; then the Fellegi–Sunter model
//                  (engine/people.h) over names, birth year and month and postcode, each
//                  joined mention keeping the field-by-field explanation of its match
//   SOC groups     the same reference;  processes  the same ocid
//
// Analysts' decisions (RecordDecision) come first and hold on every run: two mentions decided
// "same" are joined ("confirmed by an analyst"); two decided "different" never end up in one
// entity, whatever the rules above would join.
//
// Entity ids are stable: an entity keeps the id its mentions had in the last run, and a new
// entity's id is a hash of its first mention's key, which does not change on re-ingest.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "app/env.h"
#include "common/status.h"
#include "engine/linkage.h"
#include "model/actor.h"
#include "storage/network.h"

namespace cairn::engine {

struct ResolutionReport {
  int64_t records = 0, mentions = 0, links = 0;
  std::map<std::string, int64_t> entities;  // per kind
  int64_t ids_kept = 0;                     // entities that kept their previous id
  int64_t person_candidate_pairs = 0, person_matched_pairs = 0;
  bool person_model_used = false;  // false: too few people, the deterministic rules applied
  std::vector<StageTime> stages;   // wall time of each stage
  std::vector<StageTime> person_stages;  // the steps of the people stage (blocking, comparing, …)
  storage::NetworkWriteStats written;  // rows written: only what changed since the last run
};

// The match probability at or above which two person mentions are one person.
inline constexpr double kPersonMatchThreshold = 0.9;

// How far a long step has got: `done` of `total` (records read, by id; rows written).
using ResolutionProgress = std::function<void(const std::string& step, int64_t done, int64_t total)>;

// `on_stage`, if given, hears of each stage of report.stages as it ends: at national scale a
// run takes many minutes. `on_progress`, if given, hears how far the longest steps have got
// ("reading records", "writing entities", "writing mentions", "writing links") about every
// half per cent, and once more at each one's end (done == total). Writing ends with the
// indexes, the check of the keys and the commit, which report nothing until the stage ends.
Result<ResolutionReport> ResolveNetwork(const app::Env& env, const model::Actor& actor,
                                        const std::function<void(const StageTime&)>& on_stage = {},
                                        const ResolutionProgress& on_progress = {});

// Records an analyst's decision that two mentions are (decision "same") or are not
// ("different") the same entity; it applies from the next ResolveNetwork. InvalidField for
// an unknown decision, NotFound for a mention the actor may not see, FailedPrecondition for
// mentions of different kinds or a mention with itself. Audited.
Status RecordDecision(const app::Env& env, const model::Actor& actor, const std::string& mention_a,
                      const std::string& mention_b, const std::string& decision, const std::string& note);

}  // namespace cairn::engine
