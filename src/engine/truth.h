// Resolution quality against the truth of a synthetic world (synth/world.h, truth.json): how
// well `cairn resolve` put the mentions of each true person and company together.
//
// Pairwise precision and recall over the mentions the truth covers: of the pairs of mentions
// resolved into one entity, the share that are truly one (precision); of the pairs that are
// truly one, the share resolved into one entity (recall).
#pragma once

#include <string>

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
};

// Reads truth.json at `truth_path` and compares it with the resolved network in the store.
// InvalidArgument naming the file if it is not a synth truth file.
Result<TruthEvaluation> EvaluateAgainstTruth(const app::Env& env, const std::string& truth_path);

}  // namespace cairn::engine
