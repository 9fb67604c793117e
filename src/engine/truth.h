// Resolution quality against the truth of a synthetic world (synth/world.h, truth.json): how
// well `cairn resolve` put the mentions of each true person and company together.
//
// Pairwise precision and recall over the mentions the truth covers: of the pairs of mentions
// resolved into one entity, the share that are truly one (precision); of the pairs that are
// truly one, the share resolved into one entity (recall).
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/env.h"
#include "common/status.h"

namespace cairn::engine {

struct ClusterQuality {
  int64_t mentions = 0;  // mentions with a known truth
  int64_t true_pairs = 0, resolved_pairs = 0, correct_pairs = 0;
  int64_t true_entities = 0, resolved_entities = 0;
  double precision() const { return resolved_pairs ? double(correct_pairs) / double(resolved_pairs) : 1; }
  double recall() const { return true_pairs ? double(correct_pairs) / double(true_pairs) : 1; }
};

struct TruthEvaluation {
  ClusterQuality people, companies;
  int64_t unlabelled = 0;  // person and organisation mentions the truth does not cover (buyers)
  // Each true person ("P:person-…") and company ("C:SC…") → the entity most of its mentions
  // resolved to.
  std::unordered_map<std::string, std::string> entity_of;
};

// Reads truth.json at `truth_path` and compares it with the resolved network in the store.
// InvalidArgument naming the file if it is not a synth truth file.
Result<TruthEvaluation> EvaluateAgainstTruth(const app::Env& env, const std::string& truth_path);

// Detection quality against the planted patterns (after `cairn detect`).
struct IndicatorQuality {
  int64_t planted = 0, found = 0;  // patterns that list the indicator; those it fired on
  int64_t ordinary_flagged = 0;    // ordinary companies (in no pattern) it fired on
};
struct DetectionQuality {
  std::map<std::string, IndicatorQuality> indicators;
  int64_t ordinary = 0;            // companies in the register that are in no pattern
  int64_t ordinary_flagged = 0;    // of them, with any finding but C6 (sector alone)
  int64_t planted_businesses = 0;  // P: companies of the planted SOC groups
  int64_t in_top_p = 0, in_top_2p = 0;  // of them, ranked in the top P and 2P organisations
  double precision_at_p() const { return planted_businesses ? double(in_top_p) / double(planted_businesses) : 0; }
  double recall_at_2p() const { return planted_businesses ? double(in_top_2p) / double(planted_businesses) : 0; }
};

// Compares stored findings and risk (restricted included) with truth.json's patterns. A pattern
// counts as found by an indicator it lists if the indicator fired on any of its people or
// companies. InvalidArgument as EvaluateAgainstTruth.
Result<DetectionQuality> EvaluateDetection(const app::Env& env, const std::string& truth_path);

}  // namespace cairn::engine
