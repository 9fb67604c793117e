// People in `cairn resolve`: the Fellegi–Sunter model of resolve/model.h, trained on the
// store's own person mentions, decides which of them are one person.
//
// Fields compared: first given name, middle names, surname, birth year, birth month, postcode.
// Blocking, m/u estimation by EM, term-frequency adjustment and the match threshold are those
// of `cairn dedupe` (engine/linkage.h), except that blocks of common names are compared by
// sorted neighbourhood (kWindowAbove below). Pairs are joined strongest first, so an analyst's
// "different" decision blocks the weaker evidence, and each joined mention keeps the pair's
// explanation: which fields agreed, with what weight, and the probability.
//
// Below kMinPeopleForModel mentions there is too little to learn m and u from, and the
// deterministic rules apply instead: the same first given name and surname and either the
// same birth month or the same postcode.
#pragma once

#include <vector>

#include "engine/internal/clusterer.h"
#include "engine/internal/mentions.h"
#include "engine/linkage.h"

namespace cairn::engine {

inline constexpr size_t kMinPeopleForModel = 200;
// Blocks of more people than kWindowAbove are compared by sorted neighbourhood, each person with
// the next kWindow in each order (resolve::Neighbourhood), so candidate pairs grow in step with
// the people rather than with their square.
inline constexpr size_t kWindowAbove = 100;
inline constexpr size_t kWindow = 8;

struct PeopleReport {
  uint64_t mentions = 0, candidate_pairs = 0, matched_pairs = 0;
  bool model_used = false;
  double prior = 0;
  std::vector<StageTime> stages;
};

// Joins the person mentions of `ms` in `clusters` (after analysts' decisions and identifier
// keys have been applied). `threshold` is the match probability at or above which a pair joins.
PeopleReport MatchPeople(const internal::Mentions& ms, internal::Clusterer& clusters, double threshold);

}  // namespace cairn::engine
